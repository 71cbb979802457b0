import { create } from 'zustand';
import type { ImportResult } from '../../../shared/profiles/profile-transfer';

export type Dialog =
  | { kind: 'about' }
  | { kind: 'profile-form'; profileId?: string }
  | { kind: 'delete-profile'; profileId: string }
  | { kind: 'replace-key'; profileId: string }
  | { kind: 'import-result'; result: ImportResult }
  | null;

interface UiState {
  dialog: Dialog;
  openDialog: (dialog: Exclude<Dialog, null>) => void;
  closeDialog: () => void;
}

/** Window-level UI state: which dialog is open. Domain data lives in its own stores. */
export const useUiStore = create<UiState>((set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));
