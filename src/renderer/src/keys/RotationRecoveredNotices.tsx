import { create } from 'zustand';
import type { EventPayload } from '../../../shared/ipc/contract';
import { veza } from '../bridge/veza';

type Recovered = EventPayload<'keys.rotationRecovered'>;

interface RecoveredState {
  notices: { id: number; notice: Recovered }[];
  dismiss: (id: number) => void;
}

let nextId = 1;
/** At most this many are kept (one per instance's rotation; more is not a real case). */
const keep = 20;

const useRecoveredStore = create<RecoveredState>((set) => ({
  notices: [],
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));

// Listened for as soon as the page's code runs, before React renders: main sends these once,
// right after start, when the page has loaded.
veza.on('keys.rotationRecovered', (notice) =>
  useRecoveredStore.setState((state) => ({
    notices: [...state.notices, { id: nextId++, notice }].slice(-keep),
  })),
);

const headline: Record<Recovered['outcome'], (name: string) => string> = {
  finished: (name) => `The key rotation of “${name}” was finished.`,
  'rolled-back': (name) => `The key rotation of “${name}” was undone.`,
  pending: (name) => `The key rotation of “${name}” is not settled yet.`,
};

/**
 * What became of a key rotation Veza Desk did not finish (it quit or stopped half-way): main
 * finished or undid it at start, or will try again. Each notice stays until dismissed.
 */
export function RotationRecoveredNotices() {
  const notices = useRecoveredStore((state) => state.notices);
  const dismiss = useRecoveredStore((state) => state.dismiss);
  if (notices.length === 0) return null;
  return (
    <>
      {notices.map(({ id, notice }) => (
        <div key={id} className="notice rotation-recovered" data-outcome={notice.outcome}>
          <p>
            <strong>{headline[notice.outcome](notice.holderProfileName)}</strong> {notice.detail}
          </p>
          <button type="button" className="link-button" onClick={() => dismiss(id)}>
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}
