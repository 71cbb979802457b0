import { AboutDialog } from '../about/AboutDialog';
import { InstanceSidebar } from '../shell/InstanceSidebar';
import { MainArea } from '../shell/MainArea';
import { useUiStore } from './ui-store';
import { useMenuCommands } from './use-menu-commands';

export function App() {
  useMenuCommands();
  const dialog = useUiStore((state) => state.dialog);
  return (
    <div className="app-shell">
      <InstanceSidebar />
      <MainArea />
      {dialog === 'about' && <AboutDialog />}
    </div>
  );
}
