import type { Problem } from '../../../shared/problems/problem';
import type { RotationStep, RotationStepId } from '../../../shared/keys/team-keys';

/** The rotation's steps as they happen, reported after every change (for the stepper). */
export class RotationSteps {
  private readonly steps: RotationStep[] = (
    ['create', 'save', 'verify', 'revoke-old'] as const
  ).map((id) => ({ id, status: 'pending' }));

  constructor(private readonly onSteps?: (steps: RotationStep[]) => void) {}

  private set(id: RotationStepId, change: Omit<RotationStep, 'id'>): void {
    const index = this.steps.findIndex((step) => step.id === id);
    const step = { id, ...change };
    if (index === -1) this.steps.push(step);
    else this.steps[index] = step;
    this.onSteps?.(this.snapshot());
  }

  start(id: RotationStepId): void {
    this.set(id, { status: 'running' });
  }
  pass(id: RotationStepId, note?: string): void {
    this.set(id, { status: 'passed', ...(note ? { note } : {}) });
  }
  fail(id: RotationStepId, problem: Problem, note?: string): void {
    this.set(id, { status: 'failed', problem, ...(note ? { note } : {}) });
  }
  /** The user cancelled: the running step stops where it is and the pending ones will not run. */
  stop(note: string): void {
    for (const step of this.steps)
      if (step.status === 'running') this.set(step.id, { status: 'skipped', note });
    this.skipRest(note);
  }
  /** The steps still pending will not run (the rotation stopped or rolled back). */
  skipRest(note: string): void {
    for (const step of this.steps)
      if (step.status === 'pending') this.set(step.id, { status: 'skipped', note });
  }

  snapshot(): RotationStep[] {
    return this.steps.map((step) => ({ ...step }));
  }
}
