import type { VerificationResult } from '../../../shared/doctor/verification';
import { summarizeVerification } from '../../../shared/doctor/format-verification';
import { routeInWords } from '../../../shared/http-protocol/route-in-words';
import { keyKindWords } from './describe-verdict';

const reachWords: Record<string, string> = {
  providers: 'providers',
  customProviderTemplates: 'custom provider templates',
  customProviders: 'custom providers',
};

/** Veza's role names as Veza's screens show them, with a few plain words where they are jargon. */
const roleInWords = (role: string) =>
  role === 'oaa_push' ? 'oaa_push (can only push integration data)' : role;

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
            ? 'it can only push integration data into Veza for its team (role oaa_push), through the Open Authorization API (OAA) that integrations use. Nothing else.'
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
                <dd>{identity.roles.map(roleInWords).join(', ')}</dd>
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
