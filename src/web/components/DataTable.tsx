import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** The cell that titles the card on narrow screens (shown without its header label). */
  primary?: boolean;
  align?: 'start' | 'end';
  /** Narrow screens: leave this cell out of the card (secondary detail). */
  hideOnPhone?: boolean;
}

/**
 * A table that stays a real <table> for screen readers and turns into one card per row under 600 px (CSS only:
 * each cell carries its header in data-label), so the page never scrolls sideways on a phone.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  captionHidden = true,
  empty,
  rowClassName,
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  caption: string;
  captionHidden?: boolean;
  empty?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
}) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === 'end' ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td
                  key={column.key}
                  data-label={column.header}
                  className={[column.primary ? 'cell-primary' : '', column.align === 'end' ? 'num' : '', column.hideOnPhone ? 'hide-phone' : '']
                    .filter(Boolean)
                    .join(' ') || undefined}
                >
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
