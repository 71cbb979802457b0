import type { GraphNode } from '../model/catalog-types';

// A small reading of VQL (features/search/vql/vql-api and its syntax page): enough of
// `SHOW <NodeType> [{ props }] [WHERE a = b [AND ...]] [RELATED TO ...] [RESULT INCLUDE ...]
// [AFTER CURSOR '<cursor>'] [LIMIT n];` for the sandbox's seeded nodes. Paging is in the
// query text: the answer's `cursor` goes into the next query as AFTER CURSOR '<cursor>'.
// Guesses: a query without LIMIT gets 100 rows; the sandbox's graph has no edges, so with
// `RELATED TO <Type> ... RESULT INCLUDE DESTINATION NODES` each row gets a made-up destination
// of that type; the last page's cursor is "".

export interface VqlAnswer {
  path_values: Record<string, unknown>[];
  cursor: string;
  has_more: boolean;
}

const defaultLimit = 100;

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ limit: 0, start: offset })).toString('base64');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
      start?: unknown;
    };
    return typeof parsed.start === 'number' && Number.isInteger(parsed.start) && parsed.start >= 0
      ? parsed.start
      : undefined;
  } catch {
    return undefined;
  }
}

function literal(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return trimmed.replace(/^['"]|['"]$/g, '');
}

function whereClauses(where: string): ((node: GraphNode) => boolean)[] {
  return where
    .split(/\s+AND\s+/i)
    .map((clause) => /^(\w+)\s*(!=|=)\s*(.+)$/.exec(clause.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, property, operator, value]) => {
      const wanted = literal(value ?? '');
      return (node: GraphNode) => {
        const actual = node.properties[property ?? ''];
        // A property the node does not have leaves it out (Guess), as for '=' in SQL.
        if (actual === undefined) return false;
        return operator === '=' ? actual === wanted : actual !== wanted;
      };
    });
}

export function runVql(text: string, nodes: readonly GraphNode[]): VqlAnswer | { error: string } {
  const query = text.trim().replace(/;\s*$/, '');
  const show = /^SHOW\s+(\w+)/i.exec(query);
  if (!show?.[1]) return { error: 'a VQL query starts with SHOW <node type>' };
  const nodeType = show[1];
  const limitMatch = /\bLIMIT\s+(\d+)\s*$/i.exec(query);
  const limit = limitMatch ? Number(limitMatch[1]) : defaultLimit;
  if (limit < 1) return { error: 'LIMIT must be at least 1' };
  const cursorMatch = /\bAFTER\s+CURSOR\s+'([^']*)'/i.exec(query);
  let start = 0;
  if (cursorMatch) {
    const decoded = decodeCursor(cursorMatch[1] ?? '');
    if (decoded === undefined) return { error: 'the AFTER CURSOR token is not valid' };
    start = decoded;
  }
  const whereMatch =
    /\bWHERE\s+(.+?)(?=\s+(?:RELATED\s+TO|NOT\s+RELATED|WITH|RESULT|HAVING|AFTER|LIMIT)\b|$)/i.exec(
      query,
    );
  const tests = whereMatch?.[1] ? whereClauses(whereMatch[1]) : [];
  const matching = nodes.filter(
    (node) => node.type === nodeType && tests.every((test) => test(node)),
  );
  const end = Math.min(start + limit, matching.length);
  const hasMore = end < matching.length;
  const related = /\bRELATED\s+TO\s+(\w+)/i.exec(query)?.[1];
  const withDestinations =
    related !== undefined && /\bINCLUDE\s+DESTINATION\s+NODES\b/i.test(query);
  return {
    path_values: matching.slice(start, end).map((node) => ({
      source: { id: node.id, type: node.type, properties: node.properties, risk_level: 'LOW' },
      abstract_permissions: withDestinations ? ['MetadataRead'] : [],
      concrete_permissions: [],
      ...(withDestinations
        ? {
            destination: {
              id: `${related}:${node.id}`,
              type: related,
              properties: { name: `${related} of ${String(node.properties.name)}` },
              risk_level: 'LOW',
            },
          }
        : {}),
    })),
    cursor: hasMore ? encodeCursor(end) : '',
    has_more: hasMore,
  };
}
