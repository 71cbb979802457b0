import type { DoctorService } from '../doctor/doctor-service';
import type { CallHandlers } from './dispatcher';
import type { EventSink } from './event-sink';
import type { RunningCalls } from './running-calls';

export function createDoctorHandlers(deps: {
  doctor: DoctorService;
  emit: EventSink;
  runningCalls: RunningCalls;
}): Pick<CallHandlers, 'doctor.verify' | 'doctor.checkAll'> {
  const { doctor, emit, runningCalls } = deps;
  return {
    'doctor.verify': ({ id, callId }) =>
      runningCalls.run(callId, (signal) =>
        doctor.verify(id, (steps) => emit('doctor.progress', { profileId: id, steps }), signal),
      ),
    'doctor.checkAll': (args) =>
      runningCalls.run(args?.callId, (signal) =>
        doctor.checkAll(
          (checked, done, total) => emit('doctor.checked', { ...checked, done, total }),
          signal,
        ),
      ),
  };
}
