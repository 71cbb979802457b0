/**
 * A Veza-like list answer of about `bytes` bytes: `{ values: [...], has_more, next_page_token }`
 * with provider-shaped items (ids, names, states, nested tags), deterministic so runs compare.
 * Mostly ASCII like real answers, with escaped and non-ASCII text here and there.
 */
export function makeLargeVezaList(bytes: number): string {
  const parts: string[] = ['{"values":['];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < bytes - 200; i += 1) {
    const item = JSON.stringify({
      id:
        `${(i * 2654435761) % 4294967296}`.padStart(10, '0') +
        `-4f1c-9a7e-${i.toString(16).padStart(12, '0')}`,
      name: i % 97 === 0 ? `Provider "quoted" \\ ${i} — Zürich` : `Provider ${i}`,
      type: ['AWS', 'Okta', 'GitHub', 'Custom'][i % 4],
      state: i % 5 === 0 ? 'DISABLED' : 'ENABLED',
      created_at: `2024-0${(i % 9) + 1}-1${i % 10}T10:00:00Z`,
      data_sources: i % 3 === 0 ? [] : [{ id: `ds-${i}`, status: 'SUCCESS', records: i * 13 }],
      tags: [{ key: 'team', value: `team-${i % 17}` }],
    });
    parts.push(i === 0 ? item : `,${item}`);
    size += item.length + 1;
  }
  parts.push('],"has_more":false,"next_page_token":""}');
  return parts.join('');
}
