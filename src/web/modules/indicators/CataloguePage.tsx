import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, useApi } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { formatValue, IndSchemas } from './shared';
import { useS, type SKey } from './strings';

const APPROVAL_TONE = { draft: 'warn', approved: 'ok', rejected: 'bad' } as const;

/** The indicator catalogue with the walidata's queue of flagged values. */
export default function CataloguePage() {
  const s = useS();
  const { pick, lang } = useI18n();
  const [q, setQ] = useState('');
  // The scorecard's metric links land here with ?opd=<producing OPD>&bulan=<month>.
  const [params] = useSearchParams();
  const list = useApi('/indicators', IndSchemas.indicators, { q, opd: params.get('opd') ?? undefined });
  const flagged = useApi('/indicator-values/flagged', IndSchemas.flagged);
  const [error, setError] = useState<unknown>(null);
  const canApprove = list.data?.items.some((i) => i.can.approve) ?? false;

  const review = async (indicatorId: string, wilayahKode: string, period: string, decision: 'accepted' | 'rejected') => {
    setError(null);
    try {
      await api.post(`/indicators/${indicatorId}/review`, { wilayahKode, period, decision });
      flagged.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader title={s('catalogueTitle')} actions={<Link className="ind-link" to="/indikator/impor">{s('importTitle')}</Link>}>
        <span>{s('catalogueIntro')}</span>
      </PageHeader>
      <div className="ind-toolbar">
        <div>
          <label htmlFor="ind-q">{s('search')}</label>
          <input id="ind-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
      </div>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && (
        <div className="ind-card">
          <DataTable
            caption={s('catalogueTitle')}
            rows={list.data.items}
            rowKey={(i) => i.id}
            columns={[
              {
                key: 'name',
                header: s('name'),
                primary: true,
                render: (i) => (
                  <>
                    <Link className="ind-link" to={`/indikator/${i.id}`}>
                      {pick(i.name)}
                    </Link>
                    <div className="ind-small ind-muted">
                      <code>{i.code}</code> · {i.unit}
                      {i.synthetic ? ` · ${s('synthetic')}` : ''}
                    </div>
                  </>
                ),
              },
              { key: 'producer', header: s('producer'), render: (i) => i.producer.name },
              { key: 'periodicity', header: s('periodicity'), render: (i) => s(i.periodicity as SKey) },
              { key: 'level', header: s('level'), render: (i) => s(i.lowestLevel as SKey), hideOnPhone: true },
              { key: 'approval', header: s('approval'), render: (i) => <span className={`ind-badge ${APPROVAL_TONE[i.approval]}`}>{s(i.approval as SKey)}</span> },
              { key: 'latest', header: s('latest'), render: (i) => i.latestPeriod ?? '–' },
            ]}
          />
        </div>
      )}
      <section className="ind-card" aria-labelledby="ind-flagged">
        <h2 id="ind-flagged">{s('flaggedTitle')}</h2>
        {error ? <ProblemAlert error={error} /> : null}
        {flagged.data && flagged.data.items.length === 0 && <p className="ind-muted">{s('flaggedNone')}</p>}
        {flagged.data && flagged.data.items.length > 0 && (
          <div className="ind-table-wrap" role="region" tabIndex={0} aria-label={s('flaggedTitle')}>
            <table className="ind-table">
              <caption className="visually-hidden">{s('flaggedTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{s('name')}</th>
                  <th scope="col">{s('orgUnit')}</th>
                  <th scope="col">{s('period')}</th>
                  <th scope="col" className="num">
                    {s('value')}
                  </th>
                  {canApprove && <th scope="col">{s('approval')}</th>}
                </tr>
              </thead>
              <tbody>
                {flagged.data.items.map((f) => {
                  const mean = /mean=([\d.-]+)/.exec(f.reviewNote ?? '')?.[1];
                  return (
                    <tr key={`${f.indicatorId}-${f.wilayahKode}-${f.period}`}>
                      <td>{pick(f.indicatorName)}</td>
                      <td>{f.wilayahName}</td>
                      <td>{f.period}</td>
                      <td className="num">
                        {formatValue(f.value, lang)}
                        {mean && <div className="ind-small ind-muted">{s('flaggedNote', { mean: formatValue(Number(mean), lang) })}</div>}
                      </td>
                      {canApprove && (
                        <td>
                          <div className="ind-actions">
                            <button type="button" className="ind-btn ind-secondary" onClick={() => void review(f.indicatorId, f.wilayahKode, f.period, 'accepted')}>
                              {s('accept')}
                            </button>
                            <button type="button" className="ind-btn ind-secondary" onClick={() => void review(f.indicatorId, f.wilayahKode, f.period, 'rejected')}>
                              {s('reject')}
                            </button>
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
