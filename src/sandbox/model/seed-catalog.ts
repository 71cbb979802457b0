import type {
  CustomProvider,
  CustomTemplate,
  DataSource,
  GraphNode,
  PlatformEvent,
  Provider,
  ProviderType,
  SavedQuery,
} from './catalog-types';
import type { SeededRandom } from './seeded-random';

// Seeded data that feels like a mid-sized tenant: dozens of providers, hundreds of graph nodes
// across identity systems, a few OAA custom providers with data sources, some saved queries.

// schema_integration_type: GOOGLE_CLOUD maps to google as developers/api/management/
// provider-management says; the others are lower-cased (a guess for each).
export const providerTypes: readonly ProviderType[] = [
  {
    type: 'AWS',
    display_name: 'Amazon Web Services',
    category: 'Cloud',
    schema_integration_type: 'aws',
  },
  {
    type: 'AZURE',
    display_name: 'Microsoft Azure',
    category: 'Cloud',
    schema_integration_type: 'azure',
  },
  {
    type: 'GOOGLE_CLOUD',
    display_name: 'Google Cloud',
    category: 'Cloud',
    schema_integration_type: 'google',
  },
  {
    type: 'OKTA',
    display_name: 'Okta',
    category: 'Identity Provider',
    schema_integration_type: 'okta',
  },
  {
    type: 'AZURE_AD',
    display_name: 'Microsoft Entra ID',
    category: 'Identity Provider',
    schema_integration_type: 'azure_ad',
  },
  {
    type: 'GITHUB',
    display_name: 'GitHub',
    category: 'Application',
    schema_integration_type: 'github',
  },
  {
    type: 'GITLAB',
    display_name: 'GitLab',
    category: 'Application',
    schema_integration_type: 'gitlab',
  },
  {
    type: 'SNOWFLAKE',
    display_name: 'Snowflake',
    category: 'Data',
    schema_integration_type: 'snowflake',
  },
  {
    type: 'DATABRICKS',
    display_name: 'Databricks',
    category: 'Data',
    schema_integration_type: 'databricks',
  },
  {
    type: 'SALESFORCE',
    display_name: 'Salesforce',
    category: 'Application',
    schema_integration_type: 'salesforce',
  },
  {
    type: 'WORKDAY',
    display_name: 'Workday',
    category: 'HRIS',
    schema_integration_type: 'workday',
  },
  {
    type: 'ATLASSIAN_CLOUD',
    display_name: 'Atlassian Cloud',
    category: 'Application',
    schema_integration_type: 'atlassian_cloud',
  },
  // No provider of this type is seeded: the answer shows an entry with enabled false.
  {
    type: 'SALESFORCE_MARKETING',
    display_name: 'Salesforce Marketing Cloud',
    category: 'Application',
    schema_integration_type: 'salesforce_marketing',
  },
];

export const customTemplates: readonly CustomTemplate[] = [
  {
    id: 'application',
    name: 'Application',
    description: 'Users, groups, roles and permissions of an application',
  },
  {
    id: 'identity_provider',
    name: 'Identity Provider',
    description: 'Users and groups of an identity provider',
  },
  { id: 'hris', name: 'HRIS', description: 'Employees from a human-resources system' },
];

const environments = [
  'Production',
  'Staging',
  'Sandbox',
  'Dev',
  'Shared Services',
  'EU',
  'US East',
];
const nodeTypes = ['OktaUser', 'AwsIamUser', 'AzureADUser', 'GithubUser', 'SnowflakeUser'] as const;
const firstNames = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Elif',
  'Femi',
  'Goro',
  'Hana',
  'Ivan',
  'Jia',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
];
const lastNames = [
  'Lovelace',
  'Okafor',
  'Martin',
  'Patel',
  'Yilmaz',
  'Adeyemi',
  'Tanaka',
  'Kim',
  'Petrov',
  'Chen',
  'Mensah',
  'Fischer',
  'Garcia',
  'Brown',
  'Haddad',
  'Rao',
];
const departments = ['Engineering', 'Finance', 'Sales', 'Security', 'People', 'Support', 'Legal'];

function isoDaysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

// The types seeded providers are drawn from (the same twelve as before, so seeded data stays).
const seededProviderTypes = providerTypes.slice(0, 12);

export function seedProviders(random: SeededRandom, now: Date, count = 42): Provider[] {
  const providers: Provider[] = [
    // veza-api.md's filter example looks for a provider named "GitHub".
    {
      id: random.uuid(),
      name: 'GitHub',
      type: 'GITHUB',
      state: 'ENABLED',
      status: 'SUCCESS',
      created_at: isoDaysBefore(now, 400),
      updated_at: isoDaysBefore(now, 1),
    },
  ];
  while (providers.length < count) {
    const type = random.pick(seededProviderTypes);
    const name = `${type.display_name} ${random.pick(environments)} ${providers.length}`;
    const created = random.int(30, 900);
    providers.push({
      id: random.uuid(),
      name,
      type: type.type,
      state: random.next() < 0.9 ? 'ENABLED' : 'DISABLED',
      status: random.pick(['SUCCESS', 'SUCCESS', 'SUCCESS', 'PENDING', 'ERROR'] as const),
      created_at: isoDaysBefore(now, created),
      updated_at: isoDaysBefore(now, random.int(0, created)),
    });
  }
  return providers;
}

export function seedNodes(random: SeededRandom, now: Date, count = 640): GraphNode[] {
  return Array.from({ length: count }, (_, index) => {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const type = nodeTypes[index % nodeTypes.length] ?? 'OktaUser';
    return {
      id: random.uuid(),
      type,
      properties: {
        name: `${first} ${last}`,
        email: `${first}.${last}${index}@example.com`.toLowerCase(),
        department: random.pick(departments),
        is_active: random.next() < 0.93,
        mfa_enabled: random.next() < 0.8,
        risk_score: random.int(0, 100),
        created_at: isoDaysBefore(now, random.int(1, 1500)),
      },
    };
  });
}

export function seedCustomProviders(
  random: SeededRandom,
  now: Date,
  teamId: string,
): { providers: CustomProvider[]; dataSources: DataSource[] } {
  const specs = [
    { name: 'HR Portal', template: 'hris', sources: ['hr-portal-prod'] },
    { name: 'Legacy ERP', template: 'application', sources: ['erp-eu', 'erp-us'] },
    { name: 'Badge System', template: 'application', sources: [] as string[] },
  ];
  const providers: CustomProvider[] = [];
  const dataSources: DataSource[] = [];
  for (const spec of specs) {
    const created = isoDaysBefore(now, random.int(20, 300));
    const provider: CustomProvider = {
      id: random.uuid(),
      name: spec.name,
      custom_template: spec.template,
      state: 'ENABLED',
      team_id: teamId,
      provisioning: false,
      created_at: created,
      updated_at: created,
    };
    providers.push(provider);
    for (const name of spec.sources) {
      const pushed = isoDaysBefore(now, random.int(0, 3));
      dataSources.push(oaaDataSource(random.uuid(), name, provider, created, pushed));
    }
  }
  return { providers, dataSources };
}

export function seedSavedQueries(random: SeededRandom, now: Date): SavedQuery[] {
  return nodeTypes.flatMap((type) =>
    ['without MFA', 'inactive for 90 days'].map((what) => ({
      id: random.uuid(),
      name: `${type} ${what}`,
      description: `Saved query: ${type} ${what}`,
      query_type: 'SOURCE_TO_DESTINATION',
      source_node_types: { nodes: [{ node_type: type }] },
      created_at: isoDaysBefore(now, random.int(5, 200)),
    })),
  );
}

/** An OAA data source in the data-source shape. Guess: datasource_type OAA, agent_type the template. */
export function oaaDataSource(
  id: string,
  name: string,
  provider: CustomProvider,
  created: string,
  pushed?: string,
): DataSource {
  return {
    id,
    name,
    datasource_type: 'OAA',
    agent_type: `OAA_${provider.custom_template.toUpperCase()}`,
    provider_id: provider.id,
    path: `OAA/${provider.name}`,
    status: pushed ? 'SUCCESS' : 'PENDING',
    state: 'ENABLED',
    effective_state: 'ENABLED',
    datasource_config: null,
    created_at: created,
    updated_at: pushed ?? created,
    synced_at: pushed ?? '',
    parsed_at: pushed ?? '',
    ...(pushed ? { last_pushed_at: pushed } : {}),
  };
}

/**
 * One extractor data source per built-in provider (developers/api/management/datasources:
 * `datasource_type` EXTRACTOR, `agent_type` like AWS_EC2), its status following the
 * provider's, so `filter=status eq "ERROR"` finds the failing integrations.
 */
export function seedPlatformDataSources(
  random: SeededRandom,
  providers: readonly Provider[],
  now: Date,
): DataSource[] {
  return providers.map((provider, index) => {
    // Most synced within the last hour; one in nine up to 60 hours ago, so the demo has a few
    // stale ones (not synced for over a day) among them.
    const ago = random.int(60, 3600) * 1000 * (index % 9 === 8 ? 60 : 1);
    const synced = new Date(now.getTime() - ago);
    const parsed = new Date(synced.getTime() + random.int(5, 600) * 1000);
    return {
      id: random.uuid(),
      name: `${provider.type} (${provider.name})`,
      datasource_type: 'EXTRACTOR',
      agent_type: provider.type,
      provider_id: provider.id,
      path: `${provider.type}/${provider.name}`,
      status: provider.status,
      state: provider.state,
      effective_state: provider.state,
      datasource_config: null,
      created_at: provider.created_at,
      updated_at: provider.updated_at,
      synced_at: synced.toISOString(),
      parsed_at: provider.status === 'PENDING' ? '' : parsed.toISOString(),
    };
  });
}

const integrationErrors = [
  {
    reason: 'OAA_PUSH_FAILED',
    message: 'The payload refers to a role that is not defined',
    resolution: 'Define every role in the payload before assigning it, then push again.',
  },
  {
    reason: 'EXTRACTION_FAILED',
    message: 'Access denied while listing users',
    resolution: 'Check that the integration credentials have read access, then retry.',
  },
  {
    reason: 'PARSE_FAILED',
    message: 'The extracted data could not be parsed',
    resolution: 'Retry the extraction; contact support@veza.com if it keeps failing.',
  },
];

/**
 * Platform events over the last 30 days (developers/api/events-api): integration runs of the
 * seeded data sources (ERROR and WARNING ones carry an `error`), plus system and notification
 * events. Newest last, as an export would read them.
 */
export function seedEvents(
  random: SeededRandom,
  now: Date,
  dataSources: readonly DataSource[],
  count = 80,
): PlatformEvent[] {
  const events: PlatformEvent[] = [];
  for (let index = 0; index < count; index += 1) {
    const at = new Date(now.getTime() - (count - index) * 9 * 3_600_000 - random.int(0, 3_000_000));
    const source = random.pick(dataSources);
    const integration = index % 4 !== 3;
    const severity = integration
      ? random.pick(['INFO', 'INFO', 'WARNING', 'ERROR'] as const)
      : random.pick(['INFO', 'WARNING'] as const);
    const failure = random.pick(integrationErrors);
    const error =
      severity === 'INFO'
        ? undefined
        : {
            reason: failure.reason,
            metadata: {},
            message: failure.message,
            resolution: failure.resolution,
            request_id: Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join(''),
          };
    events.push(
      integration
        ? {
            id: random.uuid(),
            timestamp: at.toISOString(),
            category: 'INTEGRATIONS',
            severity,
            name: severity === 'INFO' ? 'Extraction completed' : 'Extraction failed',
            message:
              severity === 'INFO'
                ? `Data source "${source.name}" extracted and parsed`
                : `Data source "${source.name}": ${failure.message}`,
            entity: 'DATASOURCE',
            entity_id: source.id,
            ...(error ? { error } : {}),
            entity_name: source.name,
            event_type: severity === 'INFO' ? 'DATASOURCE_PARSED' : 'DATASOURCE_FAILED',
            provider_id: source.provider_id,
            metadata: {},
          }
        : {
            id: random.uuid(),
            timestamp: at.toISOString(),
            category: random.pick(['SYSTEM', 'NOTIFICATION'] as const),
            severity,
            name: 'User login',
            message: 'A user signed in to Veza',
            entity: 'USER',
            entity_id: random.uuid(),
            entity_name: 'alice.admin@example.com',
            event_type: 'USER_LOGIN',
            provider_id: '',
            metadata: {},
          },
    );
  }
  return events;
}

/**
 * The latest run of every failing data source, an INTEGRATIONS event with Veza's error in the
 * last few hours, so the demo's failing sources each show why (the events above are drawn at
 * random and may miss one). Merged into the events by time.
 */
export function seedLatestFailures(
  random: SeededRandom,
  now: Date,
  dataSources: readonly DataSource[],
): PlatformEvent[] {
  return dataSources
    .filter((source) => source.status === 'ERROR')
    .map((source) =>
      integrationFailureEvent(random, source, random.pick(integrationErrors), () =>
        new Date(now.getTime() - random.int(60, 6 * 3600) * 1000).toISOString(),
      ),
    );
}

/**
 * The INTEGRATIONS event Veza records when a data source fails (developers/api/events-api,
 * "Veza event schema"), with its error; a request id is made when none is given.
 */
export function integrationFailureEvent(
  random: SeededRandom,
  source: DataSource,
  failure: { reason: string; message: string; resolution: string; request_id?: string },
  /** When it failed; drawn after the event's id, so seeded demo data stays as it was. */
  timestampOf: () => string,
): PlatformEvent {
  const id = random.uuid();
  return {
    id,
    timestamp: timestampOf(),
    category: 'INTEGRATIONS',
    severity: 'ERROR',
    name: 'Extraction failed',
    message: `Data source "${source.name}": ${failure.message}`,
    entity: 'DATASOURCE',
    entity_id: source.id,
    error: {
      reason: failure.reason,
      metadata: {},
      message: failure.message,
      resolution: failure.resolution,
      request_id:
        failure.request_id ??
        Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join(''),
    },
    entity_name: source.name,
    event_type: 'DATASOURCE_FAILED',
    provider_id: source.provider_id,
    metadata: {},
  };
}
