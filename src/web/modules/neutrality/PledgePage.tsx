import './neutrality.css';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TCampaign, TPledgeProgress } from '../../../contracts/neutrality';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { PeriodBanners, useBanners } from './Banners';
import { PledgeProgressTable } from './PledgeProgressTable';
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
      <PageHeader
        title={s('pledge.title')}
        actions={
          can('neutrality.campaign.manage') ? (
            <Link className="button" to="/netralitas/kampanye">
              {s('nav.campaigns')}
            </Link>
          ) : undefined
        }
      />
      <PeriodBanners banners={banners.data} />
      <ProblemAlert error={mine.error ?? error} />
      {mine.data && !campaign && <p>{s('pledge.none')}</p>}
      {campaign && (
        <section className="card">
          <h2 className="card-title">{campaign.title}</h2>
          <blockquote>{campaign.statement}</blockquote>
          {mine.data?.signedAt ? (
            <Alert tone="success">{s('pledge.signed', { date: formatDateTime(mine.data.signedAt, lang) })}</Alert>
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
          <PledgeProgressTable progress={progress.data} sortLow limit={10} />
        </section>
      )}
    </>
  );
}
