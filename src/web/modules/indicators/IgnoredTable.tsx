import type { TIgnoredValue } from '../../../contracts/indicators';
import { pick, type Lang } from '../../i18n/translate';
import { useS } from './strings';

/** The per-value error table of an entry or import: where, what, and why it was ignored. */
export function IgnoredTable({ items, lang }: { items: readonly TIgnoredValue[]; lang: Lang }) {
  const s = useS();
  if (items.length === 0) return null;
  return (
    <div className="ind-table-wrap" role="region" tabIndex={0} aria-label={s('ignoredTitle')}>
      <table className="ind-table">
        <caption>{s('ignoredTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{s('row')}</th>
            <th scope="col">{s('dataElement')}</th>
            <th scope="col">{s('orgUnit')}</th>
            <th scope="col">{s('period')}</th>
            <th scope="col">{s('value')}</th>
            <th scope="col">{s('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.index}>
              <td>{item.row ?? item.index + 1}</td>
              <td>{item.dataElement ?? '–'}</td>
              <td>{item.orgUnit ?? '–'}</td>
              <td>{item.period ?? '–'}</td>
              <td>{item.value ?? '–'}</td>
              <td className="ind-error">{pick(lang, item.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
