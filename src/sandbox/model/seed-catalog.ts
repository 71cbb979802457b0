import type {
  CustomProvider,
  CustomTemplate,
  DataSource,
  GraphNode,
  Provider,
  ProviderType,
  SavedQuery,
} from './catalog-types';
import type { SeededRandom } from './seeded-random';

// Seeded data that feels like a mid-sized tenant: dozens of providers, hundreds of graph nodes
// across identity systems, a few OAA custom providers with data sources, some saved queries.

export const providerTypes: readonly ProviderType[] = [
  { type: 'AWS', display_name: 'Amazon Web Services', category: 'Cloud' },
  { type: 'AZURE', display_name: 'Microsoft Azure', category: 'Cloud' },
  { type: 'GOOGLE_CLOUD', display_name: 'Google Cloud', category: 'Cloud' },
  { type: 'OKTA', display_name: 'Okta', category: 'Identity Provider' },
  { type: 'AZURE_AD', display_name: 'Microsoft Entra ID', category: 'Identity Provider' },
  { type: 'GITHUB', display_name: 'GitHub', category: 'Application' },
  { type: 'GITLAB', display_name: 'GitLab', category: 'Application' },
  { type: 'SNOWFLAKE', display_name: 'Snowflake', category: 'Data' },
  { type: 'DATABRICKS', display_name: 'Databricks', category: 'Data' },
  { type: 'SALESFORCE', display_name: 'Salesforce', category: 'Application' },
  { type: 'WORKDAY', display_name: 'Workday', category: 'HRIS' },
  { type: 'ATLASSIAN_CLOUD', display_name: 'Atlassian Cloud', category: 'Application' },
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
    const type = random.pick(providerTypes);
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
      created_at: created,
      updated_at: created,
    };
    providers.push(provider);
    for (const name of spec.sources)
      dataSources.push({
        id: random.uuid(),
        name,
        provider_id: provider.id,
        status: 'SUCCESS',
        created_at: created,
        updated_at: created,
        last_pushed_at: isoDaysBefore(now, random.int(0, 3)),
      });
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
