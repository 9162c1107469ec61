import './neutrality.css';
import { useState } from 'react';
import type { TCampaign, TPledgeProgress } from '../../../contracts/neutrality';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { PeriodBanners, useBanners } from './Banners';
import { useStrings } from './strings';

/** /netralitas/ikrar: sign the pledge; completion by OPD for those who may see it. */
export default function PledgePage() {
  const s = useStrings();
  const { lang } = useI18n();
  const { can } = useAuth();
  const mine = useApi<{ campaign: TCampaign | null; signedAt: string | null; canSign: boolean }>('/neutrality/pledge/me');
  const progress = useApi<TPledgeProgress>(can('neutrality.pledge.progress') ? '/neutrality/pledge/progress' : null);
  const banners = useBanners();
  const [error, setError] = useState<unknown>(null);
  const sign = async () => {
    setError(null);
    try {
      await api.post('/neutrality/pledge/sign', {});
      mine.reload();
      progress.reload();
    } catch (err) {
      setError(err);
    }
  };
  const campaign = mine.data?.campaign;
  return (
    <>
      <PageHeader title={s('pledge.title')} />
      <PeriodBanners banners={banners.data} />
      <ProblemAlert error={mine.error ?? error} />
      {mine.data && !campaign && <p>{s('pledge.none')}</p>}
      {campaign && (
        <section className="card">
          <h2 className="card-title">{campaign.title}</h2>
          <blockquote>{campaign.statement}</blockquote>
          {mine.data?.signedAt ? (
            <p className="alert alert-success">{s('pledge.signed', { date: formatDateTime(mine.data.signedAt, lang) })}</p>
          ) : mine.data?.canSign ? (
            <button type="button" className="button button-primary" onClick={() => void sign()}>
              {s('pledge.sign')}
            </button>
          ) : null}
        </section>
      )}
      {progress.data && progress.data.rows.length > 0 && (
        <section className="section">
          <h2>
            {s('pledge.progress')}: {progress.data.signed} / {progress.data.total}
          </h2>
          <DataTable
            caption={s('pledge.progress')}
            rows={progress.data.rows}
            rowKey={(r) => r.opdId}
            columns={[
              { key: 'opd', header: 'OPD', primary: true, render: (r) => r.opdName },
              {
                key: 'meter',
                header: '%',
                render: (r) => (
                  <span className="ntr-inline">
                    <span className="ntr-meter" style={{ width: '6rem' }} aria-hidden="true">
                      <span style={{ width: `${Math.round((r.ratio ?? 0) * 100)}%` }} />
                    </span>
                    {r.ratio === null ? '—' : `${Math.round(r.ratio * 100)}%`}
                  </span>
                ),
              },
              { key: 'signed', header: s('pledge.signedCol'), align: 'end', render: (r) => r.signed },
              { key: 'total', header: s('pledge.totalCol'), align: 'end', render: (r) => r.total },
            ]}
          />
        </section>
      )}
    </>
  );
}
