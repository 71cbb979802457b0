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

/** The live list of the doctor's steps: each with its state, what it found and its time. */
export function StepList({ steps }: { steps: readonly VerificationStep[] }) {
  return (
    <ol className="step-list" aria-label="Connection check steps">
      {steps.map((step) => (
        <li key={step.id} className={`step step-${step.status}`}>
          <span className="step-icon" aria-hidden="true">
            {statusIcons[step.status]}
          </span>
          <span className="step-label">{verificationStepLabels[step.id]}</span>
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
