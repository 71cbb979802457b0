import type { ReactNode } from 'react';
import type { RequestRow } from '../../../shared/requests/request-spec';

interface RowsTableProps {
  /** "Query parameters" or "Headers": the table's caption and the start of each label. */
  caption: string;
  /** "parameter" or "header", for the Add button and labels. */
  noun: string;
  rows: RequestRow[];
  onChange: (rows: RequestRow[]) => void;
  /** A fixed row shown first (the Authorization header from the keychain). */
  fixedRow?: ReactNode;
}

/** Editable name/value rows; unticked rows are kept but not sent. */
export function RowsTable({ caption, noun, rows, onChange, fixedRow }: RowsTableProps) {
  const change = (index: number, patch: Partial<RequestRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <div className="rows-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Send</th>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="rv-visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fixedRow}
          {rows.map((row, index) => (
            <tr key={index}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Send ${noun} ${index + 1}`}
                  checked={row.enabled}
                  onChange={(event) => change(index, { enabled: event.target.checked })}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`${noun} ${index + 1} name`}
                  value={row.name}
                  spellCheck={false}
                  onChange={(event) => change(index, { name: event.target.value })}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`${noun} ${index + 1} value`}
                  value={row.value}
                  spellCheck={false}
                  onChange={(event) => change(index, { value: event.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove ${noun} ${index + 1}`}
                  onClick={() => onChange(rows.filter((_, at) => at !== index))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => onChange([...rows, { name: '', value: '', enabled: true }])}
      >
        Add {noun}
      </button>
    </div>
  );
}
