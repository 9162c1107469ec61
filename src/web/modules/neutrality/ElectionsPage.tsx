import './neutrality.css';
import { useState, type FormEvent } from 'react';
import { ELECTION_KINDS, STAGE_KINDS, type TElection } from '../../../contracts/neutrality';
import { api, ApiError, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PeriodBanners, useBanners } from './Banners';
import { useStrings, type StringKey } from './strings';

type StageKind = (typeof STAGE_KINDS)[number];
type Kind = (typeof ELECTION_KINDS)[number];

type StageDraft = Record<StageKind, { start: string; end: string }>;

function stageDraft(election?: TElection): StageDraft {
  return Object.fromEntries(
    STAGE_KINDS.map((k) => {
      const st = election?.stages.find((x) => x.kind === k);
      return [k, { start: st?.startDate ?? '', end: st?.endDate ?? '' }];
    }),
  ) as StageDraft;
}

/** Records a new election, or (with `election`) corrects one: the whole election is sent and its periods re-derived. */
function ElectionForm({ election, onDone, onClose }: { election?: TElection; onDone: (saved: TElection) => void; onClose?: () => void }) {
  const s = useStrings();
  const p = election ? `el-${election.id.slice(0, 8)}` : 'el';
  const [kind, setKind] = useState<Kind>(election?.kind ?? 'pilkada');
  const [name, setName] = useState(election?.name ?? '');
  const [votingDate, setVotingDate] = useState(election?.votingDate ?? '');
  const [freezeEnd, setFreezeEnd] = useState(election?.freezeEnd ?? '');
  const [legalBasis, setLegalBasis] = useState(election?.legalBasis ?? '');
  const [stages, setStages] = useState<StageDraft>(() => stageDraft(election));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A one-day stage (end = start) stays one day when its date moves: the KPU moved the day, not made it a span.
  const setStage = (k: StageKind, field: 'start' | 'end', value: string) =>
    setStages((all) => {
      const was = all[k];
      return { ...all, [k]: field === 'start' && was.end === was.start ? { start: value, end: value } : { ...was, [field]: value } };
    });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const filled = STAGE_KINDS.filter((k) => stages[k].start).map((k) => ({ kind: k, startDate: stages[k].start, endDate: stages[k].end || stages[k].start }));
      const body = { kind, name, votingDate, freezeEnd: freezeEnd || null, legalBasis, stages: filled };
      const saved = election ? await api.put<TElection>(`/neutrality/elections/${election.id}`, body) : await api.post<TElection>('/neutrality/elections', body);
      onDone(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${p}-title`}>
      <h2 className="card-title" id={`${p}-title`}>
        {election ? s('election.editTitle', { name: election.name }) : s('election.new')}
      </h2>
      {election && <p className="muted small">{s('election.editHint')}</p>}
      <ProblemAlert error={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${p}-kind`}>{s('election.kind')}</label>
          <select id={`${p}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {ELECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {s(`kind.${k}` as StringKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${p}-name`}>{s('election.name')}</label>
          <input id={`${p}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${p}-voting`}>{s('election.voting')}</label>
          <input id={`${p}-voting`} type="date" required value={votingDate} onChange={(e) => setVotingDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${p}-freeze-end`}>{s('election.freezeEnd')}</label>
          <input id={`${p}-freeze-end`} type="date" value={freezeEnd} onChange={(e) => setFreezeEnd(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${p}-basis`}>{s('election.basis')}</label>
        <input id={`${p}-basis`} required maxLength={500} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} placeholder="PKPU …" />
      </div>
      <fieldset className="ntr-fieldset">
        <legend>{s('election.stages')}</legend>
        <p className="muted small">{s('election.stageHint')}</p>
        <div className="ntr-stage-row ntr-stage-head" aria-hidden="true">
          <span className="ntr-stage-name">{s('election.fromTo')}</span>
        </div>
        {STAGE_KINDS.map((k) => (
          <div key={k} className="ntr-stage-row">
            <span className="ntr-stage-name">{s(`stageKind.${k}` as StringKey)}</span>
            <label className="visually-hidden" htmlFor={`${p}-${k}-start`}>
              {s(`stageKind.${k}` as StringKey)} {s('election.from')}
            </label>
            <input id={`${p}-${k}-start`} type="date" value={stages[k].start} onChange={(e) => setStage(k, 'start', e.target.value)} />
            <label className="visually-hidden" htmlFor={`${p}-${k}-end`}>
              {s(`stageKind.${k}` as StringKey)} {s('election.to')}
            </label>
            <input id={`${p}-${k}-end`} type="date" value={stages[k].end} onChange={(e) => setStage(k, 'end', e.target.value)} />
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button className="button button-primary" type="submit" disabled={busy}>
          {election ? s('election.update') : s('election.save')}
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

/** Two steps before a delete: the question, then the answer; a refusal (409: what refers to it) shows in place. */
function DeleteElection({ election, onDeleted, onClose }: { election: TElection; onDeleted: () => void; onClose: () => void }) {
  const s = useStrings();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.delete(`/neutrality/elections/${election.id}`);
      onDeleted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ntr-confirm" role="group" aria-label={s('election.delete')}>
      <p>{s('election.deleteConfirm', { name: election.name })}</p>
      <ProblemAlert error={error} />
      <div className="ntr-inline">
        {/* After a refusal (what still refers to it) there is nothing to confirm any more. */}
        {!(error instanceof ApiError && error.status === 409) && (
          <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()}>
            {s('election.deleteYes')}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {s('common.no')}
        </button>
      </div>
    </div>
  );
}

/** /netralitas/pemilihan: the election calendar with its stages and the derived freeze and watch periods. */
export default function ElectionsPage() {
  const s = useStrings();
  const { lang } = useI18n();
  const { can } = useAuth();
  const elections = useApi<{ items: TElection[] }>('/neutrality/elections');
  const banners = useBanners();
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<{ id: string; what: 'edit' | 'delete' } | null>(null);
  const [round, setRound] = useState(0);
  const manage = can('neutrality.calendar.manage');
  const today = banners.data?.today ?? '';
  const d = (value: string) => formatDate(value, lang);
  const inForce = (p: { start: string; end: string } | null) => !!p && !!today && p.start <= today && today <= p.end;
  const changed = (message: string) => {
    setOpen(null);
    setNotice(message);
    setRound((n) => n + 1);
    elections.reload();
    banners.reload();
  };
  return (
    <>
      <PageHeader title={s('election.title')} />
      <PeriodBanners banners={banners.data} staffing />
      <p className="muted">{s('election.intro')}</p>
      <ProblemAlert error={elections.error} />
      {notice && (
        <Alert tone="success">{notice}</Alert>
      )}
      {elections.loading ? (
        <Loading />
      ) : (elections.data?.items ?? []).length === 0 ? (
        <EmptyState title={s('election.empty')} />
      ) : (
        <ul className="ntr-list">
          {(elections.data?.items ?? []).map((e) => (
            <li key={e.id} className="card">
              <h2 className="card-title">
                {e.name} <Badge tone="neutral">{s(`kind.${e.kind}` as StringKey)}</Badge>
              </h2>
              <dl className="facts">
                <dt>{s('election.voting')}</dt>
                <dd>{d(e.votingDate)}</dd>
                <dt>{s('election.freeze')}</dt>
                <dd>
                  {e.freeze ? `${d(e.freeze.start)} – ${d(e.freeze.end)}` : s('election.noFreeze')} {inForce(e.freeze) && <Badge tone="warning">{s('election.now')}</Badge>}
                </dd>
                <dt>{s('election.watch')}</dt>
                <dd>
                  {e.watch ? `${d(e.watch.start)} – ${d(e.watch.end)}` : s('common.none')} {inForce(e.watch) && <Badge tone="info">{s('election.now')}</Badge>}
                </dd>
              </dl>
              <details>
                <summary>
                  {s('election.stages')} ({e.stages.length})
                </summary>
                <ul className="ntr-stage-list">
                  {e.stages.map((st) => (
                    <li key={st.kind}>
                      <strong>{s(`stageKind.${st.kind}` as StringKey)}</strong>: {st.startDate === st.endDate ? d(st.startDate) : `${d(st.startDate)} – ${d(st.endDate)}`}
                    </li>
                  ))}
                </ul>
                <p className="muted small">
                  {s('election.basis')}: {e.legalBasis}
                </p>
              </details>
              {manage && open?.id !== e.id && (
                <div className="ntr-inline ntr-card-actions">
                  <button type="button" className="button" aria-label={`${s('election.edit')}: ${e.name}`} onClick={() => setOpen({ id: e.id, what: 'edit' })}>
                    {s('election.edit')}
                  </button>
                  <button type="button" className="button button-danger" aria-label={`${s('election.delete')}: ${e.name}`} onClick={() => setOpen({ id: e.id, what: 'delete' })}>
                    {s('election.delete')}
                  </button>
                </div>
              )}
              {manage && open?.id === e.id && open.what === 'edit' && <ElectionForm election={e} onDone={() => changed(s('election.updated'))} onClose={() => setOpen(null)} />}
              {manage && open?.id === e.id && open.what === 'delete' && <DeleteElection election={e} onDeleted={() => changed(s('election.deleted', { name: e.name }))} onClose={() => setOpen(null)} />}
            </li>
          ))}
        </ul>
      )}
      {manage && <ElectionForm key={round} onDone={() => changed(s('election.saved'))} />}
    </>
  );
}
