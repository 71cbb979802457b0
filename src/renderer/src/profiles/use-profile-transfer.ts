import { useUiStore } from '../data/ui-store';
import { veza } from '../bridge/veza';
import { useProfilesStore } from '../data/profiles-store';

/** Import and export actions; main opens the file dialogs and reads or writes the files. */
export function useProfileTransfer() {
  const openDialog = useUiStore((state) => state.openDialog);
  const showProblem = useProfilesStore((state) => state.showProblem);
  const showNotice = useProfilesStore((state) => state.showNotice);
  const select = useProfilesStore((state) => state.select);

  const runImport = async (call: 'profiles.importFromEnv' | 'profiles.importFile') => {
    const result = await veza.invoke(call, undefined);
    if (!result.ok) return showProblem(result.problem);
    if (result.value.cancelled) return;
    const first = result.value.imported[0];
    if (first) select(first.id);
    openDialog({ kind: 'import-result', result: result.value });
  };

  return {
    importFromEnv: () => runImport('profiles.importFromEnv'),
    importFile: () => runImport('profiles.importFile'),
    exportFile: async () => {
      const result = await veza.invoke('profiles.exportFile', undefined);
      if (!result.ok) return showProblem(result.problem);
      if (!result.value.cancelled) {
        showNotice(`Instances exported (without API keys) to ${result.value.destination ?? ''}`);
      }
    },
  };
}
