import type { HttpMethod } from '../http-protocol/http-method';

/** The parts of the Veza API, as the composer groups them. */
export const endpointAreas = {
  identity: 'Who the key acts as',
  providers: 'Providers (connected systems)',
  customProviders: 'Custom providers (OAA)',
  dataSources: 'Data sources of custom providers (OAA)',
  queries: 'Saved queries and searches',
  teamsUsersRoles: 'Teams, users and roles',
  teamKeys: 'Team API keys (preview)',
  accessReviews: 'Access reviews (preview)',
  activity: 'Events and audit log (preview)',
} as const;
export type EndpointArea = keyof typeof endpointAreas;

/** A path or query parameter, explained for someone who is not a developer. */
export interface EndpointParam {
  name: string;
  description: string;
  required: boolean;
  /** A value to show as a hint in an empty field. */
  example?: string;
}

/** One call of the Veza API, described as data for the composer's autocomplete and help. */
export interface VezaEndpoint {
  /** Stable id, e.g. "customProviders.get". */
  id: string;
  method: HttpMethod;
  /** Path template relative to the instance, parameters in braces: /api/v1/providers/custom/{id}. */
  path: string;
  area: EndpointArea;
  /** A few plain words, e.g. "List custom providers". */
  title: string;
  /** One or two sentences on what the call does, in plain words. */
  description: string;
  pathParams: EndpointParam[];
  queryParams: EndpointParam[];
  /** An example request body (JSON text) where the call takes one. */
  exampleBody?: string;
  /** Answers `{ values, has_more, next_page_token }`: "Fetch all pages" applies. */
  pagedList: boolean;
  /** Changes something on the instance. */
  writes: boolean;
  /** A team key (role oaa_push) may call it; personal keys may call everything their user may. */
  teamKeyAllowed: boolean;
  /** Part of Veza's preview API, which may change without notice. */
  preview: boolean;
}
