import { verificationStepLabels, type VerificationStep } from '../../../shared/doctor/verification';
import './doctor.css';

const statusWords = {
  pending: 'waiting',
  running: 'checking…',
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
} as const;

const statusIcons = { pending: '○', running: '◌', passed: '✓', failed: '✕', skipped: '–' } as const;

/** A step of any stepper: the doctor's, or a key rotation's. */
type Step<Id extends string> = Pick<VerificationStep, 'status' | 'note' | 'ms'> & { id: Id };

/**
 * The live list of steps: each with its state, what it found and its time. The doctor's by
 * default; other steppers (key rotation) pass their own labels.
 */
export function StepList<Id extends string = VerificationStep['id']>({
  steps,
  labels = verificationStepLabels as Record<Id, string>,
  label = 'Connection check steps',
}: {
  steps: readonly Step<Id>[];
  labels?: Record<Id, string>;
  label?: string;
}) {
  return (
    <ol className="step-list" aria-label={label}>
      {steps.map((step) => (
        <li key={step.id} className={`step step-${step.status}`}>
          <span className="step-icon" aria-hidden="true">
            {statusIcons[step.status]}
          </span>
          <span className="step-label">{labels[step.id]}</span>
          <span className="step-status">{statusWords[step.status]}</span>
          {/* Always both cells, so a step without a note keeps its time in the time column. */}
          <span className="step-note">{step.note}</span>
          <span className="step-time">
            {step.ms !== undefined ? `${Math.round(step.ms)} ms` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
