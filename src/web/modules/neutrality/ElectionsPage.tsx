import './neutrality.css';
import { useState, type FormEvent } from 'react';
import { ELECTION_KINDS, STAGE_KINDS, type TElection } from '../../../contracts/neutrality';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
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

function NewElection({ onDone }: { onDone: () => void }) {
  const s = useStrings();
  const [kind, setKind] = useState<Kind>('pilkada');
  const [name, setName] = useState('');
  const [votingDate, setVotingDate] = useState('');
  const [freezeEnd, setFreezeEnd] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [stages, setStages] = useState<Record<StageKind, { start: string; end: string }>>(() => Object.fromEntries(STAGE_KINDS.map((k) => [k, { start: '', end: '' }])) as Record<StageKind, { start: string; end: string }>);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setStage = (k: StageKind, field: 'start' | 'end', value: string) => setStages((all) => ({ ...all, [k]: { ...all[k], [field]: value } }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const filled = STAGE_KINDS.filter((k) => stages[k].start).map((k) => ({ kind: k, startDate: stages[k].start, endDate: stages[k].end || stages[k].start }));
      await api.post('/neutrality/elections', { kind, name, votingDate, freezeEnd: freezeEnd || null, legalBasis, stages: filled });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="ntr-new-election">
      <h2 className="card-title" id="ntr-new-election">
        {s('election.new')}
      </h2>
      <ProblemAlert error={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="el-kind">{s('election.kind')}</label>
          <select id="el-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {ELECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {s(`kind.${k}` as StringKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="el-name">{s('election.name')}</label>
          <input id="el-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="el-voting">{s('election.voting')}</label>
          <input id="el-voting" type="date" required value={votingDate} onChange={(e) => setVotingDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="el-freeze-end">{s('election.freezeEnd')}</label>
          <input id="el-freeze-end" type="date" value={freezeEnd} onChange={(e) => setFreezeEnd(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="el-basis">{s('election.basis')}</label>
        <input id="el-basis" required maxLength={500} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} placeholder="PKPU …" />
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
            <label className="visually-hidden" htmlFor={`el-${k}-start`}>
              {s(`stageKind.${k}` as StringKey)} {s('election.from')}
            </label>
            <input id={`el-${k}-start`} type="date" value={stages[k].start} onChange={(e) => setStage(k, 'start', e.target.value)} />
            <label className="visually-hidden" htmlFor={`el-${k}-end`}>
              {s(`stageKind.${k}` as StringKey)} {s('election.to')}
            </label>
            <input id={`el-${k}-end`} type="date" value={stages[k].end} onChange={(e) => setStage(k, 'end', e.target.value)} />
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button className="button button-primary" type="submit" disabled={busy}>
          {s('election.save')}
        </button>
      </div>
    </form>
  );
}

/** /netralitas/pemilihan: the election calendar with its stages and the derived freeze and watch periods. */
export default function ElectionsPage() {
  const s = useStrings();
  const { lang } = useI18n();
  const { can } = useAuth();
  const elections = useApi<{ items: TElection[] }>('/neutrality/elections');
  const banners = useBanners();
  const [saved, setSaved] = useState(false);
  const today = banners.data?.today ?? '';
  const d = (value: string) => formatDate(value, lang);
  const inForce = (p: { start: string; end: string } | null) => !!p && !!today && p.start <= today && today <= p.end;
  return (
    <>
      <PageHeader title={s('election.title')} />
      <PeriodBanners banners={banners.data} staffing />
      <p className="muted">{s('election.intro')}</p>
      <ProblemAlert error={elections.error} />
      {saved && <p className="alert alert-success">{s('election.saved')}</p>}
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
            </li>
          ))}
        </ul>
      )}
      {can('neutrality.calendar.manage') && (
        <NewElection
          onDone={() => {
            setSaved(true);
            elections.reload();
            banners.reload();
          }}
        />
      )}
    </>
  );
}
