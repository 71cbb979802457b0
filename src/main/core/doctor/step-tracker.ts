import { performance } from 'node:perf_hooks';
import {
  verificationStepIds,
  type VerificationStep,
  type VerificationStepId,
} from '../../../shared/doctor/verification';

/**
 * The doctor's step list as it fills in. Every change is reported, so the window can show
 * the steps live; a failure marks every later step as skipped.
 */
export class StepTracker {
  private readonly steps: VerificationStep[] = verificationStepIds.map((id) => ({
    id,
    status: 'pending',
  }));
  private startedAt = new Map<VerificationStepId, number>();

  constructor(private readonly onChange: (steps: VerificationStep[]) => void = () => {}) {}

  snapshot(): VerificationStep[] {
    return this.steps.map((step) => ({ ...step }));
  }

  start(id: VerificationStepId): void {
    this.startedAt.set(id, performance.now());
    this.update(id, { status: 'running' });
  }

  /** Marks a step passed; `ms` defaults to the time since start(). */
  pass(id: VerificationStepId, note?: string, ms?: number): void {
    this.update(id, { status: 'passed', note, ms: ms ?? this.elapsed(id) });
  }

  /** A step the route did not need (no proxy, no TLS on a loopback http demo). */
  notNeeded(id: VerificationStepId, note: string): void {
    this.update(id, { status: 'skipped', note });
  }

  fail(id: VerificationStepId, note?: string, ms?: number): void {
    this.update(id, { status: 'failed', note, ms: ms ?? this.elapsed(id) });
    for (const step of this.steps)
      if (step.status === 'pending' || step.status === 'running') step.status = 'skipped';
    this.onChange(this.snapshot());
  }

  private elapsed(id: VerificationStepId): number | undefined {
    const started = this.startedAt.get(id);
    return started === undefined ? undefined : performance.now() - started;
  }

  private update(id: VerificationStepId, change: Partial<VerificationStep>): void {
    const step = this.steps.find((candidate) => candidate.id === id);
    if (!step) return;
    Object.assign(
      step,
      Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
    );
    this.onChange(this.snapshot());
  }
}
