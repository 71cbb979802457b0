import type { VerificationResult } from '../../../shared/doctor/verification';
import { summarizeVerification } from '../../../shared/doctor/format-verification';
import { routeInWords } from '../../../shared/http-protocol/route-in-words';
import { keyKindWords } from './describe-verdict';

const reachWords: Record<string, string> = {
  providers: 'providers',
  customProviderTemplates: 'custom provider templates',
  customProviders: 'custom providers',
};

/** The answer to "is this key still good?" when it is: who, what kind, what it reaches, how fast. */
export function SuccessCard({ result }: { result: VerificationResult }) {
  const { identity } = result;
  return (
    <section className="card success-card" aria-labelledby="success-title">
      <h3 id="success-title">{summarizeVerification(result)}</h3>
      <dl className="facts">
        <dt>Kind of key</dt>
        <dd>
          {keyKindWords(result.keyKind ?? 'personal')}:{' '}
          {result.keyKind === 'team'
            ? 'it can manage OAA integrations (custom providers and their data) of its team, nothing else.'
            : 'it acts with the permissions of the user who made it.'}
        </dd>
        {identity && (
          <>
            <dt>Acts as</dt>
            <dd>
              {identity.name}
              {identity.email ? ` (${identity.email})` : ''}
            </dd>
            {identity.team && (
              <>
                <dt>Team</dt>
                <dd>{identity.team}</dd>
              </>
            )}
            {identity.roles.length > 0 && (
              <>
                <dt>Roles</dt>
                <dd>{identity.roles.join(', ')}</dd>
              </>
            )}
          </>
        )}
        {Object.entries(result.reach ?? {}).map(([what, count]) => (
          <div key={what} className="facts-row">
            <dt>Reaches</dt>
            <dd>
              {count} {reachWords[what] ?? what}
            </dd>
          </div>
        ))}
        {result.latencyMs !== undefined && (
          <>
            <dt>Response time</dt>
            <dd>{Math.round(result.latencyMs)} ms</dd>
          </>
        )}
        {result.route && (
          <>
            <dt>Route</dt>
            <dd>{routeInWords(result.route)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
