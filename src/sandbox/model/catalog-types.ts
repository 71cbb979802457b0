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
  created_at: string;
  updated_at: string;
}

export interface DataSource {
  id: string;
  name: string;
  provider_id: string;
  status: 'PENDING' | 'SUCCESS';
  created_at: string;
  updated_at: string;
  last_pushed_at?: string;
  last_push_bytes?: number;
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
  query_type: string;
  source_node_types: { nodes: { node_type: string }[] };
  created_at: string;
}
