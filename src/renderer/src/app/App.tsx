import { AboutDialog } from '../about/AboutDialog';
import { useLeaveCheckAllOnSwitch } from '../doctor/check-all/use-leave-check-all';
import { DeleteProfileDialog } from '../profiles/DeleteProfileDialog';
import { ImportResultDialog } from '../profiles/ImportResultDialog';
import { ProfileFormDialog } from '../profiles/ProfileFormDialog';
import { ReplaceKeyDialog } from '../profiles/ReplaceKeyDialog';
import { useInstanceShortcuts } from '../profiles/use-instance-shortcuts';
import { useWindowData } from '../data/use-window-data';
import { InstanceSidebar } from '../shell/InstanceSidebar';
import { MainArea } from '../shell/MainArea';
import { SkipLink } from '../shell/SkipLink';
import { useUiStore } from '../data/ui-store';
import { useMenuCommands } from './use-menu-commands';

export function App() {
  useWindowData();
  useMenuCommands();
  useInstanceShortcuts();
  useLeaveCheckAllOnSwitch();
  const dialog = useUiStore((state) => state.dialog);
  return (
    <div className="app-shell">
      <SkipLink />
      <InstanceSidebar />
      <MainArea />
      {dialog?.kind === 'about' && <AboutDialog />}
      {dialog?.kind === 'profile-form' && (
        <ProfileFormDialog
          key={dialog.profileId ?? 'new'}
          profileId={dialog.profileId}
          openNetwork={dialog.section === 'network'}
        />
      )}
      {dialog?.kind === 'delete-profile' && <DeleteProfileDialog profileId={dialog.profileId} />}
      {dialog?.kind === 'replace-key' && <ReplaceKeyDialog profileId={dialog.profileId} />}
      {dialog?.kind === 'import-result' && <ImportResultDialog result={dialog.result} />}
    </div>
  );
}
