import { useState, type FormEvent } from 'react';
import type { TReceiptView } from '../../../contracts/neutrality';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { NtrShell } from './NtrShell';
import { useStrings, type StringKey } from './strings';

/** /netralitas/tanda-terima: the reporter follows the case and answers questions with code and secret. */
export default function ReceiptPage() {
  const s = useStrings();
  const { lang } = useI18n();
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [view, setView] = useState<TReceiptView | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<TReceiptView>) => {
    setBusy(true);
    setError(null);
    try {
      setView(await work());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const open = (event: FormEvent) => {
    event.preventDefault();
    // A new code or secret: never leave the previous report on screen under a refusal.
    setView(null);
    void run(() => api.post<TReceiptView>('/neutrality/public/receipt', { code: code.trim(), secret: secret.trim() }));
  };
  const answer = (questionId: string) => (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.post<TReceiptView>('/neutrality/public/receipt/answer', { code: code.trim(), secret: secret.trim(), questionId, text: (answers[questionId] ?? '').trim() }));
  };

  return (
    <NtrShell title={s('receipt.title')}>
      <p>{s('receipt.intro')}</p>
      <form className="form card form-panel" onSubmit={open}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="ntr-code">{s('receipt.code')}</label>
            <input id="ntr-code" required autoComplete="off" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} placeholder="NTR-1971-XXXX-XXXX" />
          </div>
          <div className="field">
            <label htmlFor="ntr-secret">{s('receipt.secret')}</label>
            <input id="ntr-secret" required type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
          </div>
        </div>
        <div className="button-row">
          <button className="button button-primary" type="submit" disabled={busy}>
            {s('receipt.open')}
          </button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {view && (
        <section className="card" aria-labelledby="ntr-progress">
          <h2 id="ntr-progress" className="card-title">
            {view.number}
          </h2>
          <p>
            {s('receipt.stage')}: <strong data-testid="ntr-stage">{s(`stage.${view.stage}` as StringKey)}</strong>
          </p>
          <h3 className="small-heading">{s('receipt.timeline')}</h3>
          <ol className="ntr-timeline">
            {view.events.map((event) => (
              <li key={event.id}>
                <div className="ntr-time">{formatDateTime(event.at, lang)}</div>
                {event.kind === 'stage' && <div>{s(`stage.${event.stage ?? 'verifikasi'}` as StringKey)}</div>}
                {event.kind === 'answer' && (
                  <div>
                    <strong>{s('receipt.answer')}:</strong> {event.text}
                  </div>
                )}
                {event.kind === 'question' && (
                  <div>
                    <strong>{s('receipt.question')}:</strong> {event.text}
                    {event.answered ? (
                      <p className="muted">{s('receipt.answered')}</p>
                    ) : (
                      <form onSubmit={answer(event.id)} className="form">
                        <label htmlFor={`ans-${event.id}`}>
                          {s('receipt.answer')}
                        </label>
                        <textarea id={`ans-${event.id}`} required rows={3} maxLength={3000} value={answers[event.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [event.id]: e.target.value })} />
                        <button className="button button-primary" type="submit" disabled={busy}>
                          {s('receipt.send')}
                        </button>
                      </form>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </NtrShell>
  );
}
