import type { DoctorService } from '../doctor/doctor-service';
import type { CallHandlers } from './dispatcher';
import type { EventSink } from './event-sink';

export function createDoctorHandlers(deps: {
  doctor: DoctorService;
  emit: EventSink;
}): Pick<CallHandlers, 'doctor.verify' | 'doctor.checkAll'> {
  const { doctor, emit } = deps;
  return {
    'doctor.verify': ({ id }) =>
      doctor.verify(id, (steps) => emit('doctor.progress', { profileId: id, steps })),
    'doctor.checkAll': async () => ({
      results: await doctor.checkAll((checked, done, total) =>
        emit('doctor.checked', { ...checked, done, total }),
      ),
    }),
  };
}
