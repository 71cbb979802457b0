interface HeadersTableProps {
  headers: ReadonlyArray<{ name: string; value: string }>;
}

/** The response headers as a two-column table. */
export function HeadersTable({ headers }: HeadersTableProps) {
  if (!headers.length) return <p className="muted">The answer has no headers.</p>;
  return (
    <table className="rv-headers">
      <caption className="rv-visually-hidden">Response headers</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((header, row) => (
          <tr key={`${header.name}-${row}`}>
            <th scope="row">{header.name}</th>
            <td>{header.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
