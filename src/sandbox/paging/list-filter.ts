import { invalidArgument } from '../http/api-error';

// The filter and order_by query parameters of Veza's list calls: `filter=name eq "GitHub"`
// (developers/api/oaa/rest-api/operations), `state eq 'ENABLED'` (developers/api/management/
// provider-management: single quotes too), `timestamp ge "..."` (developers/api/events-api),
// `ended_at GE "..."` (developers/api/audit-logs: operators in any case), clauses joined by
// `and`; `order_by=state` (optionally ` desc`). Anything else is an InvalidArgument.

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export interface FilterClause {
  field: string;
  operator: FilterOperator;
  value: string;
}

const clausePattern = /^(\w+)\s+(eq|ne|gt|ge|lt|le)\s+(?:"([^"]*)"|'([^']*)')$/i;

/** The clauses of a filter, or an InvalidArgument naming the one that is not understood. */
export function parseFilter(filter: string, fields: readonly string[]): FilterClause[] {
  return filter
    .trim()
    .split(/\s+and\s+/i)
    .map((clause) => {
      const match = clausePattern.exec(clause.trim());
      const field = match?.[1];
      if (!match || !field || !fields.includes(field))
        throw invalidArgument([
          {
            field: 'filter',
            description: `unsupported filter "${clause}"; use <field> eq "<value>" on ${fields.join(', ')}`,
          },
        ]);
      return {
        field,
        operator: (match[2] ?? 'eq').toLowerCase() as FilterOperator,
        value: match[3] ?? match[4] ?? '',
      };
    });
}

/** Times compare as instants (nanosecond ISO text included); anything else as text. */
function compare(actual: unknown, wanted: string): number {
  const text = String(actual);
  const isoTime = /^\d{4}-\d\d-\d\dT/;
  if (isoTime.test(text) && isoTime.test(wanted)) {
    const left = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
    const right = Date.parse(wanted.replace(/(\.\d{3})\d+/, '$1'));
    if (!Number.isNaN(left) && !Number.isNaN(right)) return left - right;
  }
  return text < wanted ? -1 : text > wanted ? 1 : 0;
}

export function matchesClause(item: object, clause: FilterClause): boolean {
  const order = compare((item as Record<string, unknown>)[clause.field], clause.value);
  switch (clause.operator) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
  }
}

export function applyFilterAndOrder<T extends object>(
  items: readonly T[],
  query: URLSearchParams,
  fields: readonly (keyof T & string)[],
): T[] {
  let result = [...items];
  const filter = query.get('filter')?.trim();
  if (filter)
    for (const clause of parseFilter(filter, fields))
      result = result.filter((item) => matchesClause(item, clause));
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
