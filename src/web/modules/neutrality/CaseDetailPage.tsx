import './neutrality.css';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { CATEGORIES, type TCaseDetail, type TRevealRecipient } from '../../../contracts/neutrality';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useStrings, type StringKey } from './strings';

interface Identity {
  name: string;
  contact: string;
  nik: string | null;
  until: string | null;
}

function ActionForm({ title, onSubmit, children, submit }: { title: string; onSubmit: () => Promise<unknown>; children: ReactNode; submit: string }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={run} aria-label={title}>
      <h3 className="card-title">{title}</h3>
      <ProblemAlert error={error} />
      {children}
      <button className="button button-primary" type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

interface Reveal {
  id: string;
  requestedBy: string;
  recipientName: string;
  reason: string;
  status: 'diminta' | 'disetujui' | 'ditolak';
  expiresAt: string | null;
  createdAt: string;
}

/** Reveal the reporter to someone else: pick a person (never type an id), a second handler approves. */
function RevealSection({ caseId }: { caseId: string }) {
  const s = useStrings();
  const { lang } = useI18n();
  const { me } = useAuth();
  const recipients = useApi<{ items: TRevealRecipient[] }>(`/neutrality/cases/${caseId}/reveal-recipients`);
  const reveals = useApi<{ items: Reveal[] }>(`/neutrality/cases/${caseId}/reveals`);
  const [recipientId, setRecipientId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const decide = async (revealId: string, approve: boolean) => {
    setError(null);
    try {
      await api.post(`/neutrality/cases/${caseId}/reveals/${revealId}/decision`, { approve, hours: 24 });
      reveals.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <ActionForm
        title={s('case.reveal')}
        submit={s('case.revealAsk')}
        onSubmit={async () => {
          await api.post(`/neutrality/cases/${caseId}/reveals`, { recipientId, reason });
          setReason('');
          setRecipientId('');
          reveals.reload();
        }}
      >
        <p className="muted small">{s('case.revealHint')}</p>
        <div className="field">
          <label htmlFor="ntr-recipient">{s('case.recipientPick')}</label>
          <select id="ntr-recipient" required value={recipientId} onChange={(e) => setRecipientId(e.target.value)}>
            <option value="">{s('case.recipientChoose')}</option>
            {(recipients.data?.items ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} — {s(`role.${r.role}` as StringKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ntr-reason">{s('case.reason')}</label>
          <textarea id="ntr-reason" required minLength={10} maxLength={1000} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </ActionForm>
      {(reveals.data?.items ?? []).length > 0 && (
        <section className="card" aria-labelledby="ntr-reveals">
          <h3 className="card-title" id="ntr-reveals">
            {s('case.reveals')}
          </h3>
          <ProblemAlert error={error} />
          <ul className="ntr-list">
            {(reveals.data?.items ?? []).map((r) => (
              <li key={r.id}>
                <strong>{r.recipientName}</strong> — {r.status === 'disetujui' ? s('case.revealStatus.disetujui', { until: formatDateTime(r.expiresAt, lang) }) : s(`case.revealStatus.${r.status}`)}
                <div className="muted small">
                  {formatDateTime(r.createdAt, lang)} · {r.reason}
                </div>
                {r.status === 'diminta' &&
                  (r.requestedBy === me?.userId ? (
                    <p className="muted small">{s('case.revealMine')}</p>
                  ) : (
                    <div className="ntr-inline">
                      <button type="button" className="button button-primary" onClick={() => void decide(r.id, true)}>
                        {s('case.approve')}
                      </button>
                      <button type="button" className="button" onClick={() => void decide(r.id, false)}>
                        {s('case.reject')}
                      </button>
                    </div>
                  ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

const EVENT_KEYS: Record<string, StringKey> = { question: 'event.question', answer: 'event.answer', note: 'event.note', referral: 'event.referral', decision: 'event.decision' };

/** /netralitas/kasus/:id: the case file with the actions the caller may take (every opening is audited). */
export default function CaseDetailPage() {
  const s = useStrings();
  const { lang, pick } = useI18n();
  const { id } = useParams();
  const detail = useApi<TCaseDetail>(id ? `/neutrality/cases/${id}` : null);
  const [note, setNote] = useState('');
  const [question, setQuestion] = useState('');
  const [track, setTrack] = useState<'etik' | 'disiplin'>('disiplin');
  const [level, setLevel] = useState<'ringan' | 'sedang' | 'berat'>('berat');
  const [outcome, setOutcome] = useState<'terbukti' | 'tidak_terbukti'>('terbukti');
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [sanction, setSanction] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [replyOn, setReplyOn] = useState('');
  const [replySummary, setReplySummary] = useState('');
  const [letter, setLetter] = useState('');
  const [sentOn, setSentOn] = useState('');
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [identityError, setIdentityError] = useState<unknown>(null);
  if (detail.loading) return <Loading />;
  if (!detail.data) return <ProblemAlert error={detail.error} />;
  const c = detail.data;
  const has = (ability: string) => c.abilities.includes(ability);
  const act = async (path: string, body: unknown) => {
    await api.post(`/neutrality/cases/${c.id}/${path}`, body);
    setNote('');
    setQuestion('');
    detail.reload();
  };
  const showIdentity = async () => {
    setIdentityError(null);
    try {
      setIdentity(await api.get<Identity>(`/neutrality/cases/${c.id}/reporter`));
    } catch (err) {
      setIdentityError(err);
    }
  };
  const noteField = (
    <div className="field">
      <label htmlFor="ntr-note">{s('case.note')}</label>
      <textarea id="ntr-note" required rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
    </div>
  );
  return (
    <>
      <PageHeader title={c.number} eyebrow={s(`stage.${c.stage}` as StringKey)} />
      <div className="ntr-two">
        <section className="card">
          <h2 className="card-title">{s('case.reported')}</h2>
          <dl className="facts">
            <dt>{s('case.reported')}</dt>
            <dd>
              {c.reported.name} {c.reported.nip ? `(${c.reported.nip})` : ''}
            </dd>
            <dt>OPD</dt>
            <dd>{c.reported.opdName ?? s('common.none')}</dd>
            <dt>{s('board.category')}</dt>
            <dd>{pick(CATEGORIES.find((k) => k.code === c.category)?.label ?? { id: c.category, en: c.category })}</dd>
            <dt>{s('report.date')}</dt>
            <dd>
              {formatDate(c.occurredOn, lang)} — {c.place}
            </dd>
            <dt>{s('board.due')}</dt>
            <dd className={c.overdueDays > 0 ? 'ntr-overdue' : undefined}>{c.stageDueOn ? formatDate(c.stageDueOn, lang) : s('common.none')}</dd>
          </dl>
          <p>{c.description}</p>
          {(c.links.length > 0 || c.files.length > 0) && (
            <>
              <h3 className="small-heading">{s('case.evidence')}</h3>
              <ul>
                {c.links.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noreferrer noopener" target="_blank">
                      {link}
                    </a>
                  </li>
                ))}
                {c.files.map((f) => (
                  <li key={f.sha256}>
                    <a href={`/api/v1/neutrality/cases/${c.id}/files/${f.sha256}`}>{f.name}</a> <span className="mono small">sha256 {f.sha256.slice(0, 12)}…</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {c.recommendation && (
            <p>
              <strong>{s('case.recommend')}:</strong> {c.track ? s(`track.${c.track}` as StringKey) : ''} {c.pp94Level ? s(`level.${c.pp94Level}` as StringKey) : ''} — {c.recommendation}
            </p>
          )}
          {c.sanction && (
            <p>
              <strong>{s('case.sanction')}:</strong> {c.sanction.sanction} ({c.sanction.decisionNumber})
            </p>
          )}
          {c.referrals.map((r) => (
            <p key={r.id}>
              {s('case.referral', { body: r.body })}: {r.letterNumber}, {formatDate(r.sentOn, lang)}
              {r.replyOn ? ` — ${s('case.replied', { date: formatDate(r.replyOn, lang) })}: ${r.replySummary ?? ''}` : ` — ${s('case.noReply')}`}
            </p>
          ))}
        </section>
        <section className="card">
          <h2 className="card-title">{s('case.event')}</h2>
          <ol className="ntr-timeline">
            {c.events.map((e) => (
              <li key={e.id}>
                <div className="ntr-time">
                  {formatDateTime(e.at, lang)} {e.actorName ? `· ${e.actorName}` : ''}
                </div>
                <div>
                  <strong>{e.kind === 'stage' ? s('case.stageNow', { stage: s(`stage.${e.stage ?? 'verifikasi'}` as StringKey) }) : EVENT_KEYS[e.kind] ? s(EVENT_KEYS[e.kind] as StringKey) : e.kind}</strong> {e.text}
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
      <div className="ntr-actions">
        {has('verify') && (
          <ActionForm title={s('case.verify')} submit={s('case.accept')} onSubmit={() => act('verify', { decision: 'terima', note, handlerUnit: 'inspektorat' })}>
            {noteField}
          </ActionForm>
        )}
        {has('question') && (
          <ActionForm title={s('case.ask')} submit={s('case.ask')} onSubmit={() => act('questions', { text: question })}>
            <div className="field">
              <label htmlFor="ntr-question">{s('receipt.question')}</label>
              <textarea id="ntr-question" required rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} />
            </div>
          </ActionForm>
        )}
        {has('recommend') && (
          <ActionForm title={s('case.recommend')} submit={s('case.save')} onSubmit={() => act('recommend', { track, level: track === 'disiplin' ? level : null, recommendation: note })}>
            <div className="form-grid">
              <div className="field">
                <label htmlFor="ntr-track">{s('case.track')}</label>
                <select id="ntr-track" value={track} onChange={(e) => setTrack(e.target.value as typeof track)}>
                  <option value="disiplin">{s('track.disiplin')} (PP 94/2021)</option>
                  <option value="etik">{s('track.etik')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="ntr-level">{s('case.level')}</label>
                <select id="ntr-level" value={level} onChange={(e) => setLevel(e.target.value as typeof level)} disabled={track === 'etik'}>
                  <option value="ringan">{s('level.ringan')}</option>
                  <option value="sedang">{s('level.sedang')} — {s('case.levelSedangTpp')}</option>
                  <option value="berat">{s('level.berat')}</option>
                </select>
              </div>
            </div>
            {noteField}
          </ActionForm>
        )}
        {has('decide') && (
          <ActionForm
            title={s('case.decide')}
            submit={s('case.save')}
            onSubmit={() => act('decide', { outcome, decisionNumber, decidedOn, note, sanction: outcome === 'terbukti' ? { text: sanction, startsOn, endsOn: endsOn || null } : null })}
          >
            <div className="form-grid">
              <div className="field">
                <label htmlFor="ntr-outcome">{s('case.outcome')}</label>
                <select id="ntr-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
                  <option value="terbukti">{s('case.proven')}</option>
                  <option value="tidak_terbukti">{s('case.notProven')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="ntr-dn">{s('case.decisionNumber')}</label>
                <input id="ntr-dn" required value={decisionNumber} onChange={(e) => setDecisionNumber(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="ntr-do">{s('case.decidedOn')}</label>
                <input id="ntr-do" type="date" required value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
              </div>
              {outcome === 'terbukti' && (
                <>
                  <div className="field">
                    <label htmlFor="ntr-sanction">{s('case.sanction')}</label>
                    <input id="ntr-sanction" required value={sanction} onChange={(e) => setSanction(e.target.value)} />
                  </div>
                  <div className="field">
                    <label htmlFor="ntr-from">{s('case.sanctionFrom')}</label>
                    <input id="ntr-from" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
                  </div>
                  <div className="field">
                    <label htmlFor="ntr-to">{s('case.sanctionTo')}</label>
                    <input id="ntr-to" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} aria-describedby="ntr-to-hint" />
                    <p className="hint" id="ntr-to-hint">
                      {s('case.sanctionToHint')}
                    </p>
                  </div>
                </>
              )}
            </div>
            {noteField}
          </ActionForm>
        )}
        {has('referral') && (
          <ActionForm title={s('case.refer')} submit={s('case.save')} onSubmit={() => act('referrals', { letterNumber: letter, sentOn })}>
            <div className="form-grid">
              <div className="field">
                <label htmlFor="ntr-letter">{s('case.letter')}</label>
                <input id="ntr-letter" required value={letter} onChange={(e) => setLetter(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="ntr-sent">{s('case.sentOn')}</label>
                <input id="ntr-sent" type="date" required value={sentOn} onChange={(e) => setSentOn(e.target.value)} />
              </div>
            </div>
          </ActionForm>
        )}
        {has('referral') &&
          c.referrals
            .filter((r) => !r.replyOn)
            .slice(0, 1)
            .map((r) => (
              <ActionForm
                key={r.id}
                title={s('case.replyTitle', { body: r.body, letter: r.letterNumber })}
                submit={s('case.save')}
                onSubmit={async () => {
                  await act(`referrals/${r.id}/reply`, { replyOn, replySummary });
                  setReplySummary('');
                }}
              >
                <div className="field">
                  <label htmlFor="ntr-reply-on">{s('case.replyOn')}</label>
                  <input id="ntr-reply-on" type="date" required value={replyOn} onChange={(e) => setReplyOn(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="ntr-reply">{s('case.replySummary')}</label>
                  <textarea id="ntr-reply" required rows={2} value={replySummary} onChange={(e) => setReplySummary(e.target.value)} />
                </div>
              </ActionForm>
            ))}
        {has('close') && (
          <ActionForm title={s('case.close')} submit={s('case.close')} onSubmit={() => act('close', { note })}>
            {noteField}
          </ActionForm>
        )}
        {has('identity') && (
          <section className="card">
            <h3 className="card-title">{s('case.identity')}</h3>
            <ProblemAlert error={identityError} />
            {identity ? (
              <p className="ntr-identity">
                {identity.name} · {identity.contact}
              </p>
            ) : c.hasIdentity ? (
              <button type="button" className="button" onClick={() => void showIdentity()}>
                {s('case.showIdentity')}
              </button>
            ) : (
              <p>{s('case.anonymous')}</p>
            )}
          </section>
        )}
        {has('reveal') && <RevealSection caseId={c.id} />}
      </div>
    </>
  );
}
