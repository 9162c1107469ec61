import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ZCaseLedger, ZDecisionRequest } from '../../../contracts/attendance';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Badge } from '../../components/Badge';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatNip, formatNumber } from '../../lib/format';
import { CASE_TONE, LEVEL_TONE } from './CaseListPage';
import './attendance.css';
import { sanctionLabel, useS, type SKey } from './strings';

const SANCTIONS = ZDecisionRequest.shape.sanction.options;
const today = () => new Date().toISOString().slice(0, 10);

/** A discipline case: status, summons dates, examination, decision, and the yearly ledger behind it. */
export default function CasePage() {
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const { id } = useParams();
  const data = useApi(id ? `/discipline/cases/${id}` : null, ZCaseLedger);
  const c = data.data?.case;
  const ledger = data.data?.ledger;
  const open = c && c.status !== 'diputus' && c.status !== 'ditutup';
  return (
    <>
      <PageHeader title={c ? s('caseTitle', { name: c.pegawaiName }) : s('casesTitle')} eyebrow={<Link to="/disiplin">← {s('casesTitle')}</Link>}>
        {c && <span>{c.nip ? `${formatNip(c.nip)} · ` : ''}{c.opdName}</span>}
      </PageHeader>
      {data.error ? <ProblemAlert error={data.error} onRetry={data.reload} /> : null}
      {!c || !ledger ? (data.error ? null : <Loading />) : (
        <div className="at-grid2">
          <div>
            <section className="at-card" aria-labelledby="at-case-h">
              <h2 id="at-case-h">{s('status')}</h2>
              <dl className="at-dl">
                <dt>{s('status')}</dt><dd><Badge tone={CASE_TONE[c.status]}>{s(`cs_${c.status}` as SKey)}</Badge></dd>
                <dt>{s('level')}</dt><dd><Badge tone={LEVEL_TONE[c.level]}>{s(`lv_${c.level}` as SKey)}</Badge></dd>
                <dt>{s('proposed')}</dt><dd>{sanctionLabel(s, c.proposedSanction)}</dd>
                <dt>{s('openedOn')}</dt><dd>{formatDate(c.openedOn, lang)}</dd>
                <dt>{s('summons1')}</dt><dd>{formatDate(c.summons1On, lang)}</dd>
                <dt>{s('summons2')}</dt><dd>{c.summons2On ? formatDate(c.summons2On, lang) : s('notYet')}</dd>
                <dt>{s('examinedOn')}</dt><dd>{c.examinedOn ? formatDate(c.examinedOn, lang) : s('notYet')}</dd>
                {c.bapNotes && <><dt>{s('bap')}</dt><dd style={{ whiteSpace: 'pre-wrap' }}>{c.bapNotes}</dd></>}
                <dt>{s('decision')}</dt><dd>{c.decidedSanction ? sanctionLabel(s, c.decidedSanction) : s('notYet')}</dd>
                {c.decisionNumber && <><dt>{s('decisionNumber')}</dt><dd>{c.decisionNumber}</dd></>}
                {c.decidedOn && <><dt>{s('decidedOn')}</dt><dd>{formatDate(c.decidedOn, lang)}</dd></>}
                {c.appealUntil && <><dt>{s('appealUntil')}</dt><dd>{formatDate(c.appealUntil, lang)}</dd></>}
                <dt>{s('deciders')}</dt><dd>{c.deciders.map((d) => d.replace(/_/g, ' ')).join(', ') || '–'}</dd>
              </dl>
            </section>
            {open && can('discipline.manage') && c.status === 'panggilan_1' && (
              <ActionForm title={s('sendSummons2')} id="summons" onSubmit={(v) => api.post(`/discipline/cases/${c.id}/summons`, { date: v.date }, ZCaseLedger)} onDone={data.setData} />
            )}
            {open && can('discipline.manage') && (c.status === 'panggilan_1' || c.status === 'panggilan_2') && (
              <ActionForm title={s('recordExam')} id="exam" notes onSubmit={(v) => api.post(`/discipline/cases/${c.id}/examination`, { date: v.date, notes: v.notes }, ZCaseLedger)} onDone={data.setData} />
            )}
            {open && can('discipline.decide') && (
              <ActionForm title={s('decide')} id="decide" decision onSubmit={(v) => api.post(`/discipline/cases/${c.id}/decision`, { date: v.date, sanction: v.sanction, decisionNumber: v.decisionNumber }, ZCaseLedger)} onDone={data.setData} />
            )}
          </div>
          <div>
            <section className="at-card" aria-labelledby="at-ledger-h">
              <h2 id="at-ledger-h">{s('ledger')} {c.year}</h2>
              <dl className="at-stats">
                <div><dt>TK</dt><dd className="at-bad">{formatNumber(ledger.tkDays, lang)}</dd></div>
                <div><dt>{s('lateEarlyMinutes')}</dt><dd>{formatNumber(ledger.lateEarlyMinutes, lang)}</dd></div>
                <div><dt>{s('consecutiveTk')}</dt><dd>{formatNumber(ledger.consecutiveTk, lang)}</dd></div>
                <div><dt>{s('daysAtOpen')}</dt><dd>{formatNumber(c.daysAtOpen, lang)}</dd></div>
              </dl>
            </section>
          </div>
        </div>
      )}
    </>
  );
}

interface ActionValues {
  date: string;
  notes: string;
  sanction: string;
  decisionNumber: string;
}

function ActionForm<T>({ title, id, notes, decision, onSubmit, onDone }: { title: string; id: string; notes?: boolean; decision?: boolean; onSubmit: (v: ActionValues) => Promise<T>; onDone: (v: T) => void }) {
  const s = useS();
  const [v, setV] = useState<ActionValues>({ date: today(), notes: '', sanction: 'teguran_lisan', decisionNumber: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await onSubmit(v));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const field = (key: keyof ActionValues, label: string, input: ReactNode) => (
    <div className="at-field">
      <label htmlFor={`at-${id}-${key}`}>{label}</label>
      {input}
    </div>
  );
  return (
    <section className="at-card" aria-labelledby={`at-${id}-h`}>
      <h2 id={`at-${id}-h`}>{title}</h2>
      <form className="at-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {field('date', s('date'), <input id={`at-${id}-date`} type="date" required value={v.date} onChange={(e) => setV({ ...v, date: e.target.value })} />)}
        {notes && field('notes', s('notes'), <textarea id={`at-${id}-notes`} required rows={5} value={v.notes} onChange={(e) => setV({ ...v, notes: e.target.value })} />)}
        {decision && field('sanction', s('sanction'), (
          <select id={`at-${id}-sanction`} value={v.sanction} onChange={(e) => setV({ ...v, sanction: e.target.value })}>
            {SANCTIONS.map((x) => <option key={x} value={x}>{sanctionLabel(s, x)}</option>)}
          </select>
        ))}
        {decision && field('decisionNumber', s('decisionNumber'), <input id={`at-${id}-decisionNumber`} required value={v.decisionNumber} onChange={(e) => setV({ ...v, decisionNumber: e.target.value })} />)}
        {error ? <ProblemAlert error={error} /> : null}
        <div><button type="submit" className="at-btn" disabled={busy}>{title}</button></div>
      </form>
    </section>
  );
}
