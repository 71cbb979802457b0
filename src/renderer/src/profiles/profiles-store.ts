// Moved to data/profiles-store.ts; kept for ProfileFormDialog.tsx and ImportedNetworkNotice.tsx.
export { useActiveProfile, useProfilesStore } from '../data/profiles-store';
