import { create } from 'zustand';
import type { ImportResult } from '../../../shared/profiles/profile-transfer';

export type Dialog =
  | { kind: 'about' }
  /** `section: 'network'` opens the form on its network settings (a problem card's button). */
  | { kind: 'profile-form'; profileId?: string; section?: 'network' }
  | { kind: 'delete-profile'; profileId: string }
  | { kind: 'replace-key'; profileId: string }
  | { kind: 'import-result'; result: ImportResult }
  | null;

interface UiState {
  dialog: Dialog;
  /** The main area shows the "check all instances" dashboard instead of the open instance. */
  checkAllOpen: boolean;
  openDialog: (dialog: Exclude<Dialog, null>) => void;
  closeDialog: () => void;
  setCheckAllOpen: (open: boolean) => void;
}

/** Window-level UI state: which dialog and view are open. Domain data lives in its own stores. */
export const useUiStore = create<UiState>((set) => ({
  dialog: null,
  checkAllOpen: false,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setCheckAllOpen: (checkAllOpen) => set({ checkAllOpen }),
}));
