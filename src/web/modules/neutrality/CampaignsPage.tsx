import './neutrality.css';
import { useState, type FormEvent } from 'react';
import type { TCampaign, TElection, TPledgeProgress } from '../../../contracts/neutrality';
import { api, ApiError, useApi } from '../../api/client';
import { Alert } from '../../components/Alert';
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

/**
 * Starts a campaign, or (with `campaign`) corrects one. Once anyone has signed, the text and the election are
 * shown but locked (the server refuses a change too): what was signed stays what was signed.
 */
function CampaignForm({ elections, campaign, onDone, onClose }: { elections: TElection[]; campaign?: TCampaign; onDone: (saved: TCampaign) => void; onClose?: () => void }) {
  const s = useStrings();
  const p = campaign ? `cp-${campaign.id.slice(0, 8)}` : 'cp';
  const locked = !!campaign && campaign.signed > 0;
  const [title, setTitle] = useState(campaign?.title ?? '');
  const [statement, setStatement] = useState(() => campaign?.statement ?? s('campaign.defaultStatement'));
  const [electionId, setElectionId] = useState(campaign?.electionId ?? '');
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { title, statement, electionId: electionId || null, startsOn, endsOn };
      const saved = campaign ? await api.put<TCampaign>(`/neutrality/campaigns/${campaign.id}`, body) : await api.post<TCampaign>('/neutrality/campaigns', body);
      if (!campaign) setTitle('');
      onDone(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${p}-heading`}>
      <h2 className="card-title" id={`${p}-heading`}>
        {campaign ? s('campaign.editTitle', { title: campaign.title }) : s('campaign.new')}
      </h2>
      {locked && (
        <Alert tone="warning" id={`${p}-locked`}>
          {s('campaign.signedLock', { n: campaign.signed })}
        </Alert>
      )}
      <ProblemAlert error={error} />
      <div className="field">
        <label htmlFor={`${p}-title`}>{s('campaign.name')}</label>
        <input id={`${p}-title`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${p}-statement`}>{s('campaign.statement')}</label>
        <textarea
          id={`${p}-statement`}
          required
          minLength={20}
          maxLength={4000}
          rows={4}
          value={statement}
          readOnly={locked}
          className={locked ? 'ntr-readonly' : undefined}
          aria-describedby={locked ? `${p}-locked` : undefined}
          onChange={(e) => setStatement(e.target.value)}
        />
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${p}-election`}>{s('campaign.election')}</label>
          <select id={`${p}-election`} value={electionId} disabled={locked} aria-describedby={locked ? `${p}-locked` : undefined} onChange={(e) => setElectionId(e.target.value)}>
            <option value="">{s('campaign.noElection')}</option>
            {elections.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${p}-start`}>{s('campaign.startsOn')}</label>
          <input id={`${p}-start`} type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${p}-end`}>{s('campaign.endsOn')}</label>
          <input id={`${p}-end`} type="date" required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </div>
      </div>
      <div className="button-row">
        <button className="button button-primary" type="submit" disabled={busy}>
          {campaign ? s('campaign.update') : s('campaign.create')}
        </button>
        {onClose && (
          <button className="button" type="button" onClick={onClose}>
            {s('common.close')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Delete (nobody signed) or cancel with a reason (signatures are kept): asked in place, refused in place. */
function EndCampaign({ campaign, onEnded, onClose }: { campaign: TCampaign; onEnded: (message: string) => void; onClose: () => void }) {
  const s = useStrings();
  const p = `cp-${campaign.id.slice(0, 8)}`;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const signed = campaign.signed > 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (signed) {
        await api.post(`/neutrality/campaigns/${campaign.id}/cancel`, { reason });
        onEnded(s('campaign.cancelDone', { title: campaign.title }));
      } else {
        await api.delete(`/neutrality/campaigns/${campaign.id}`);
        onEnded(s('campaign.deleted', { title: campaign.title }));
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ntr-confirm" onSubmit={submit} aria-label={signed ? s('campaign.cancel') : s('campaign.delete')}>
      <p>{signed ? s('campaign.cancelHint', { n: campaign.signed }) : s('campaign.deleteConfirm', { title: campaign.title })}</p>
      <ProblemAlert error={error} />
      {signed && (
        <div className="field">
          <label htmlFor={`${p}-reason`}>{s('campaign.cancelReason')}</label>
          <textarea id={`${p}-reason`} required minLength={5} maxLength={500} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      <div className="ntr-inline">
        {!(error instanceof ApiError && error.status === 409) && (
          <button type="submit" className="button button-danger" disabled={busy}>
            {signed ? s('campaign.cancelYes') : s('campaign.deleteYes')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {s('common.no')}
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
  const current = items.find((c) => c.id === chosen) ?? items.find((c) => !c.cancelledOn && c.startsOn <= today && today <= c.endsOn) ?? items[0];
  const progress = useApi<TPledgeProgress>(current ? '/neutrality/pledge/progress' : null, undefined, { campaign: current?.id });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<{ id: string; what: 'edit' | 'end' } | null>(null);
  const [round, setRound] = useState(0);
  const statusOf = (c: TCampaign) => (c.cancelledOn ? 'cancelledBadge' : !today ? null : today < c.startsOn ? 'upcoming' : today > c.endsOn ? 'ended' : 'running');
  const changed = (message: string) => {
    setOpen(null);
    setError(null);
    setNotice(message);
    setRound((n) => n + 1);
    campaigns.reload();
    progress.reload();
  };
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
        <Alert tone="success">{notice}</Alert>
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
                  {status && <Badge tone={status === 'running' ? 'success' : status === 'cancelledBadge' ? 'danger' : 'neutral'}>{s(`campaign.${status}`)}</Badge>}
                </h2>
                <p className="muted">
                  {s('campaign.period', { start: formatDate(c.startsOn, lang), end: formatDate(c.endsOn, lang) })}
                  {!(isCurrent && progress.data?.campaign?.id === c.id) && ` · ${s('campaign.signedCount', { n: c.signed })}`}
                </p>
                {c.cancelledOn && <p className="small">{s('campaign.cancelledNote', { date: formatDate(c.cancelledOn, lang), reason: c.cancelReason ?? '' })}</p>}
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
                  {!c.cancelledOn && open?.id !== c.id && (
                    <>
                      <button type="button" className="button" aria-label={`${s('campaign.edit')}: ${c.title}`} onClick={() => setOpen({ id: c.id, what: 'edit' })}>
                        {s('campaign.edit')}
                      </button>
                      <button type="button" className="button button-danger" aria-label={`${c.signed > 0 ? s('campaign.cancel') : s('campaign.delete')}: ${c.title}`} onClick={() => setOpen({ id: c.id, what: 'end' })}>
                        {c.signed > 0 ? s('campaign.cancel') : s('campaign.delete')}
                      </button>
                    </>
                  )}
                </div>
                {open?.id === c.id && open.what === 'edit' && <CampaignForm elections={elections.data?.items ?? []} campaign={c} onDone={() => changed(s('campaign.updated'))} onClose={() => setOpen(null)} />}
                {open?.id === c.id && open.what === 'end' && <EndCampaign campaign={c} onEnded={changed} onClose={() => setOpen(null)} />}
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
      <CampaignForm key={round} elections={elections.data?.items ?? []} onDone={() => changed(s('campaign.saved'))} />
    </>
  );
}
