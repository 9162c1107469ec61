import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, isApiError } from '../api/client';
import { Schemas } from '../api/schemas';
import { useAuth } from '../app/auth';
import { AuthShell } from '../components/AuthShell';
import { Icon } from '../components/Icon';
import { ProblemAlert } from '../components/ProblemAlert';
import { useT } from '../i18n';

/**
 * Sign in: e-mail and password; the 6-digit code field appears when the server answers AUTH_TOTP_REQUIRED, the
 * Pemda code when the e-mail exists in several Pemdas. Messages come from the server in the UI language.
 */
export default function Login() {
  const t = useT();
  const { setMe } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [pemdaCode, setPemdaCode] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [needPemda, setNeedPemda] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  const pemdaRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);
  useEffect(() => {
    if (needPemda) pemdaRef.current?.focus();
  }, [needPemda]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.post(
        '/auth/login',
        { email: email.trim(), password, totp: needTotp && totp ? totp : undefined, pemdaCode: needPemda && pemdaCode ? pemdaCode.trim() : undefined },
        Schemas.login,
      );
      setMe(result.me);
    } catch (err) {
      if (isApiError(err, 'AUTH_TOTP_REQUIRED')) {
        // Not an error from the user's point of view: the next step.
        setNeedTotp(true);
        setError(null);
      } else {
        if (isApiError(err, 'AUTH_PEMDA_REQUIRED')) setNeedPemda(true);
        if (isApiError(err, 'AUTH_TOTP_INVALID')) {
          setTotp('');
          totpRef.current?.focus();
        }
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const locked = isApiError(error, 'AUTH_LOCKED');

  return (
    <AuthShell title={t('login.title')}>
      <p className="muted">{t('login.intro')}</p>
      {locked ? (
        <div className="alert alert-warning" role="alert">
          <Icon name="alert" />
          <div className="alert-body">
            <p className="alert-title">{t('login.lockedTitle')}</p>
            <p>{isApiError(error) ? error.problem.detail : ''}</p>
            <p className="small">{t('login.lockedHint')}</p>
          </div>
        </div>
      ) : (
        <ProblemAlert error={error} />
      )}
      <form onSubmit={submit} className="form" noValidate={false}>
        <div className="field">
          <label htmlFor="login-email">{t('login.email')}</label>
          <input id="login-email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {needPemda && (
          <div className="field">
            <label htmlFor="login-pemda">{t('login.pemdaCode')}</label>
            <input
              id="login-pemda"
              ref={pemdaRef}
              name="pemdaCode"
              inputMode="decimal"
              pattern="\d{2}\.\d{2}"
              placeholder="19.71"
              required
              aria-describedby="login-pemda-hint"
              value={pemdaCode}
              onChange={(e) => setPemdaCode(e.target.value)}
            />
            <p className="hint" id="login-pemda-hint">
              {t('login.pemdaCodeHint')}
            </p>
          </div>
        )}
        {needTotp && (
          <div className="field">
            <label htmlFor="login-totp">{t('login.totp')}</label>
            <input
              id="login-totp"
              ref={totpRef}
              name="totp"
              className="input-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              aria-describedby="login-totp-hint"
              value={totp}
              onChange={(e) => setTotp(e.target.value.replace(/\D/g, '').slice(0, 6))}
            />
            <p className="hint" id="login-totp-hint">
              {t('login.totpHint')}
            </p>
          </div>
        )}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="small muted">{t('login.forgot')}</p>
    </AuthShell>
  );
}
