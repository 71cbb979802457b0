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

/**
 * Where focus goes once the screen it names is there: the heading of an instance just added,
 * or the sidebar's list after one was deleted (`gone`: once that instance has left the list).
 */
export type FocusRequest =
  { kind: 'instance'; profileId: string } | { kind: 'instance-list'; gone?: string } | null;

/** A tab to open when the instance's page shows next, with a data source chosen in it. */
export interface TabRequest {
  profileId: string;
  tab: 'integrations';
  source?: { providerId: string; sourceId: string };
}

interface UiState {
  dialog: Dialog;
  /** The main area shows the "check all instances" dashboard instead of the open instance. */
  checkAllOpen: boolean;
  openDialog: (dialog: Exclude<Dialog, null>) => void;
  closeDialog: () => void;
  setCheckAllOpen: (open: boolean) => void;
  /** The list of failing data sources across instances (reached from Check all). */
  failingAcrossOpen: boolean;
  setFailingAcrossOpen: (open: boolean) => void;
  tabRequest: TabRequest | null;
  requestTab: (request: TabRequest | null) => void;
  focusRequest: FocusRequest;
  requestFocus: (request: FocusRequest) => void;
}

/** Window-level UI state: which dialog and view are open. Domain data lives in its own stores. */
export const useUiStore = create<UiState>((set) => ({
  dialog: null,
  checkAllOpen: false,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  // The two overviews take turns: opening one closes the other.
  setCheckAllOpen: (checkAllOpen) => set({ checkAllOpen, failingAcrossOpen: false }),
  failingAcrossOpen: false,
  setFailingAcrossOpen: (failingAcrossOpen) => set({ failingAcrossOpen, checkAllOpen: false }),
  tabRequest: null,
  requestTab: (tabRequest) => set({ tabRequest }),
  focusRequest: null,
  requestFocus: (focusRequest) => set({ focusRequest }),
}));
