import { lazy, Suspense, type ReactNode } from 'react';
import type { Profile } from '../../../shared/profiles/profile';

// The Requests, Integrations and API keys tabs and the list of failing integrations load the
// first time they are opened, not at start: the page's start scripts stay small (issue 18).
const RequestsTab = lazy(() =>
  import('../requests/RequestsTab').then((module) => ({ default: module.RequestsTab })),
);
const IntegrationsView = lazy(() =>
  import('../integrations/IntegrationsView').then((module) => ({
    default: module.IntegrationsView,
  })),
);
const KeysView = lazy(() =>
  import('../keys/KeysView').then((module) => ({ default: module.KeysView })),
);
const FailingAcrossView = lazy(() =>
  import('../integrations/FailingAcrossView').then((module) => ({
    default: module.FailingAcrossView,
  })),
);

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          Loading…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

export const LazyRequestsTab = ({ profile }: { profile: Profile }) => (
  <Loading>
    <RequestsTab profile={profile} />
  </Loading>
);
export const LazyIntegrationsView = ({ profile }: { profile: Profile }) => (
  <Loading>
    <IntegrationsView profile={profile} />
  </Loading>
);
export const LazyKeysView = ({ profile }: { profile: Profile }) => (
  <Loading>
    <KeysView profile={profile} />
  </Loading>
);
export const LazyFailingAcrossView = () => (
  <Loading>
    <FailingAcrossView />
  </Loading>
);
