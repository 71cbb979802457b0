import type { Route } from '../http/route-table';
import { assessmentRoutes } from './assessment-routes';
import { customProviderRoutes } from './custom-provider-routes';
import { dataSourceRoutes } from './data-source-routes';
import { eventAndAuditRoutes } from './event-and-audit-routes';
import { largeBodyRoutes } from './large-body-routes';
import { providerRoutes } from './provider-routes';
import { roleRoutes } from './role-routes';
import { teamKeyRoutes } from './team-key-routes';
import { teamRoutes } from './team-routes';
import { userAdminRoutes } from './user-admin-routes';
import { userRoutes } from './user-routes';

/** Every API route. Literal paths come before `{id}` ones that could swallow them. */
export const allRoutes: readonly Route[] = [
  ...userRoutes,
  ...providerRoutes,
  ...customProviderRoutes,
  ...dataSourceRoutes,
  ...assessmentRoutes,
  ...teamRoutes,
  ...roleRoutes,
  ...teamKeyRoutes,
  ...eventAndAuditRoutes,
  ...userAdminRoutes,
  ...largeBodyRoutes,
];
