import type { EndpointParam, VezaEndpoint } from '../../../shared/catalog/endpoint';

function ParamList({ title, params }: { title: string; params: EndpointParam[] }) {
  if (params.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <dl className="facts">
        {params.map((param) => (
          <div className="facts-row" key={param.name}>
            <dt className="mono">
              {param.name}
              {param.required ? ' (required)' : ''}
            </dt>
            <dd>
              {param.description}
              {param.example ? <span className="muted"> For example: {param.example}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** What the chosen call does, in plain words, with its parameters and an example body. */
export function EndpointHelp({
  endpoint,
  onUseExample,
}: {
  endpoint: VezaEndpoint;
  onUseExample: (body: string) => void;
}) {
  return (
    <section className="endpoint-help card" aria-label={`About this call: ${endpoint.title}`}>
      <h3>{endpoint.title}</h3>
      <p>{endpoint.description}</p>
      <ul className="endpoint-notes">
        {endpoint.writes && <li>This call changes something on the instance.</li>}
        {!endpoint.teamKeyAllowed && <li>A team key cannot make this call.</li>}
        {endpoint.preview && <li>Part of Veza's preview API: it may change without notice.</li>}
        {endpoint.pagedList && <li>Answers a list in pages: "Fetch all pages" gets it whole.</li>}
      </ul>
      <ParamList title="In the path" params={endpoint.pathParams} />
      <ParamList title="Query parameters" params={endpoint.queryParams} />
      {endpoint.exampleBody && (
        <>
          <h4>Example body</h4>
          <pre className="snippet">{endpoint.exampleBody}</pre>
          <button type="button" onClick={() => onUseExample(endpoint.exampleBody ?? '')}>
            Use example body
          </button>
        </>
      )}
    </section>
  );
}
