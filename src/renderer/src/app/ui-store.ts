import { create } from 'zustand';

export type Dialog = 'about' | null;

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
