// Moved to data/ui-store.ts. Kept only for profiles/ProfileFormDialog.tsx, whose owner will
// point its import there; nothing else may import it (eslint.config.mjs, renderer zones).
export { useUiStore, type Dialog } from '../data/ui-store';
