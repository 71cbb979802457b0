import { invalidArgument } from '../http/api-error';

// The filter and order_by query parameters of Veza's list calls, in the documented form
// `filter=name eq "GitHub"` (clauses joined by `and`) and `order_by=state` (optionally ` desc`).
// Only `eq` on the fields a list allows; anything else is an InvalidArgument, as Veza would.

export function applyFilterAndOrder<T extends object>(
  items: readonly T[],
  query: URLSearchParams,
  fields: readonly (keyof T & string)[],
): T[] {
  let result = [...items];
  const filter = query.get('filter')?.trim();
  if (filter) {
    for (const clause of filter.split(/\s+and\s+/i)) {
      const match = /^(\w+)\s+eq\s+"([^"]*)"$/i.exec(clause.trim());
      const field = match?.[1] as (keyof T & string) | undefined;
      if (!match || !field || !fields.includes(field))
        throw invalidArgument([
          {
            field: 'filter',
            description: `unsupported filter "${clause}"; use <field> eq "<value>" on ${fields.join(', ')}`,
          },
        ]);
      result = result.filter((item) => String(item[field]) === match[2]);
    }
  }
  const orderBy = query.get('order_by')?.trim();
  if (orderBy) {
    const [name, direction] = orderBy.split(/\s+/);
    const field = name as keyof T & string;
    if (!fields.includes(field))
      throw invalidArgument([{ field: 'order_by', description: `cannot order by "${name}"` }]);
    const sign = direction?.toLowerCase() === 'desc' ? -1 : 1;
    result.sort((a, b) => sign * String(a[field]).localeCompare(String(b[field])));
  }
  return result;
}
