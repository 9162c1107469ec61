import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Schemas } from '../api/schemas';
import { useAuth } from '../app/auth';
import { AuthShell } from '../components/AuthShell';
import { ProblemAlert } from '../components/ProblemAlert';
import { useT } from '../i18n';

/** Current and new password (twice); the server checks strength and answers in the UI language. */
export function PasswordForm({ onDone, idPrefix = 'pw', currentLabel }: { onDone: () => void | Promise<void>; idPrefix?: string; currentLabel?: string }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { currentPassword: current, newPassword: next }, Schemas.stage);
      setCurrent('');
      setNext('');
      setRepeat('');
      await onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit}>
      <ProblemAlert error={error} />
      <div className="field">
        <label htmlFor={`${idPrefix}-current`}>{currentLabel ?? t('password.current')}</label>
        <input id={`${idPrefix}-current`} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-new`}>{t('password.new')}</label>
        <input
          id={`${idPrefix}-new`}
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          aria-describedby={`${idPrefix}-new-hint`}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <p className="hint" id={`${idPrefix}-new-hint`}>
          {t('password.rules')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-repeat`}>{t('password.repeat')}</label>
        <input
          id={`${idPrefix}-repeat`}
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch || undefined}
          aria-describedby={mismatch ? `${idPrefix}-repeat-error` : undefined}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        {mismatch && (
          <p className="field-error" id={`${idPrefix}-repeat-error`}>
            {t('password.mismatch')}
          </p>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('common.saving') : t('password.submit')}
      </button>
    </form>
  );
}

export default function PasswordChange() {
  const t = useT();
  const { refresh, logout } = useAuth();
  return (
    <AuthShell title={t('password.title')}>
      <p>{t('password.intro')}</p>
      <PasswordForm onDone={refresh} currentLabel={t('password.temporary')} />
      <p className="small">
        <button type="button" className="link-button" onClick={() => void logout()}>
          {t('layout.logout')}
        </button>
      </p>
    </AuthShell>
  );
}
