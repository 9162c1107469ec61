import './neutrality.css';
import { useState, type FormEvent } from 'react';
import type { TCampaign, TElection, TPledgeProgress } from '../../../contracts/neutrality';
import { api, useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useBanners } from './Banners';
import { PledgeProgressTable } from './PledgeProgressTable';
import { useStrings } from './strings';

function NewCampaign({ elections, onDone }: { elections: TElection[]; onDone: () => void }) {
  const s = useStrings();
  const [title, setTitle] = useState('');
  const [statement, setStatement] = useState(() => s('campaign.defaultStatement'));
  const [electionId, setElectionId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/neutrality/campaigns', { title, statement, electionId: electionId || null, startsOn, endsOn });
      setTitle('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="ntr-new-campaign">
      <h2 className="card-title" id="ntr-new-campaign">
        {s('campaign.new')}
      </h2>
      <ProblemAlert error={error} />
      <div className="field">
        <label htmlFor="cp-title">{s('campaign.name')}</label>
        <input id="cp-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="cp-statement">{s('campaign.statement')}</label>
        <textarea id="cp-statement" required minLength={20} maxLength={4000} rows={4} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="cp-election">{s('campaign.election')}</label>
          <select id="cp-election" value={electionId} onChange={(e) => setElectionId(e.target.value)}>
            <option value="">{s('campaign.noElection')}</option>
            {elections.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cp-start">{s('campaign.startsOn')}</label>
          <input id="cp-start" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cp-end">{s('campaign.endsOn')}</label>
          <input id="cp-end" type="date" required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </div>
      </div>
      <div className="button-row">
        <button className="button button-primary" type="submit" disabled={busy}>
          {s('campaign.create')}
        </button>
      </div>
    </form>
  );
}

/** /netralitas/kampanye: pledge campaigns, completion by OPD of the chosen one, reminders to who has not signed. */
export default function CampaignsPage() {
  const s = useStrings();
  const { lang } = useI18n();
  const campaigns = useApi<{ items: TCampaign[] }>('/neutrality/campaigns');
  const elections = useApi<{ items: TElection[] }>('/neutrality/elections');
  const banners = useBanners();
  const today = banners.data?.today ?? '';
  const items = campaigns.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const current = items.find((c) => c.id === chosen) ?? items.find((c) => c.startsOn <= today && today <= c.endsOn) ?? items[0];
  const progress = useApi<TPledgeProgress>(current ? '/neutrality/pledge/progress' : null, undefined, { campaign: current?.id });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const statusOf = (c: TCampaign) => (!today ? null : today < c.startsOn ? 'upcoming' : today > c.endsOn ? 'ended' : 'running');
  const remind = async (c: TCampaign) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const { sent } = await api.post<{ sent: number }>(`/neutrality/campaigns/${c.id}/reminders`, {});
      setNotice(sent > 0 ? s('campaign.reminded', { n: sent }) : s('campaign.remindedNone'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={s('campaign.title')} />
      <p className="muted">{s('campaign.intro')}</p>
      <ProblemAlert error={campaigns.error ?? error} />
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {campaigns.loading ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState title={s('campaign.empty')} />
      ) : (
        <ul className="ntr-list">
          {items.map((c) => {
            const status = statusOf(c);
            const isCurrent = current?.id === c.id;
            return (
              <li key={c.id} className={`card${isCurrent ? ' ntr-current' : ''}`}>
                <h2 className="card-title">
                  {c.title}{' '}
                  {status && <Badge tone={status === 'running' ? 'success' : 'neutral'}>{s(`campaign.${status}`)}</Badge>}
                </h2>
                <p className="muted">{s('campaign.period', { start: formatDate(c.startsOn, lang), end: formatDate(c.endsOn, lang) })}</p>
                {isCurrent && progress.data?.campaign?.id === c.id && (
                  <p>
                    <strong>{s('pledge.summary', { signed: progress.data.signed, total: progress.data.total, pct: progress.data.total > 0 ? Math.round((progress.data.signed / progress.data.total) * 100) : 0 })}</strong>
                  </p>
                )}
                <div className="ntr-inline">
                  {!isCurrent && (
                    <button type="button" className="button" onClick={() => setChosen(c.id)}>
                      {s('campaign.show')}
                    </button>
                  )}
                  {status === 'running' && (
                    <button type="button" className="button button-primary" disabled={busy} onClick={() => void remind(c)}>
                      {s('campaign.remind')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {current && progress.data && progress.data.rows.length > 0 && (
        <section className="section" aria-labelledby="ntr-progress-title">
          <h2 id="ntr-progress-title">
            {s('pledge.progress')} — {current.title}
          </h2>
          <p className="muted small">{s('pledge.lowest')}</p>
          <PledgeProgressTable progress={progress.data} sortLow limit={10} />
        </section>
      )}
      <NewCampaign elections={elections.data?.items ?? []} onDone={() => campaigns.reload()} />
    </>
  );
}
