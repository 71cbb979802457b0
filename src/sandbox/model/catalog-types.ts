// The resources the simulated Veza serves, kept in their wire shape (snake_case, as Veza's
// JSON), so handlers answer them as they are. Fields beyond veza-api.md are plausible guesses.

export interface Provider {
  id: string;
  name: string;
  type: string;
  state: 'ENABLED' | 'DISABLED';
  status: 'SUCCESS' | 'PENDING' | 'ERROR';
  created_at: string;
  updated_at: string;
}

export interface ProviderType {
  type: string;
  display_name: string;
  category: string;
  /** developers/api/management/provider-management: not always a plain lower-casing. */
  schema_integration_type: string;
}

export interface CustomTemplate {
  id: string;
  name: string;
  description: string;
}

export interface CustomProvider {
  id: string;
  name: string;
  custom_template: string;
  state: 'ENABLED' | 'DISABLED';
  team_id: string;
  /** PATCH takes {"provisioning": bool} (developers/api/oaa/rest-api/operations). */
  provisioning: boolean;
  created_at: string;
  updated_at: string;
}

/**
 * A data source, with the fields of developers/api/management/datasources (id, name,
 * datasource_type, agent_type, status, provider_id, state, effective_state, created_at,
 * updated_at, synced_at, parsed_at). OAA data sources carry the same fields (their
 * datasource_type and agent_type values are guesses) plus what a push left.
 */
export interface DataSource {
  id: string;
  name: string;
  datasource_type: string;
  agent_type: string;
  provider_id: string;
  path: string;
  status: 'PENDING' | 'SUCCESS' | 'ERROR';
  state: 'ENABLED' | 'DISABLED';
  effective_state: 'ENABLED' | 'DISABLED';
  datasource_config: null;
  created_at: string;
  updated_at: string;
  synced_at: string;
  parsed_at: string;
  last_pushed_at?: string;
  last_push_bytes?: number;
}

/** developers/api/events-api, "Veza event schema" and the export example. */
export interface PlatformEvent {
  id: string;
  timestamp: string;
  category: 'SYSTEM' | 'INTEGRATIONS' | 'RULE' | 'TAG' | 'NOTIFICATION';
  severity: 'INFO' | 'WARNING' | 'ERROR';
  name: string;
  message: string;
  entity: string;
  entity_id: string;
  error?: {
    reason: string;
    metadata: Record<string, string>;
    message: string;
    resolution: string;
    request_id: string;
  };
  entity_name: string;
  event_type: string;
  provider_id: string;
  metadata: Record<string, string>;
}

export interface GraphNode {
  id: string;
  type: string;
  properties: Record<string, string | number | boolean>;
}

export interface SavedQuery {
  id: string;
  name: string;
  description: string;
  query_type: string | number;
  source_node_types: { nodes: { node_type: string }[] };
  created_at: string;
  [field: string]: unknown;
}
