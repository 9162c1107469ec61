import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { Schemas, type TTotpSetup } from '../api/schemas';
import { useAuth } from '../app/auth';
import { AuthShell } from '../components/AuthShell';
import { Loading } from '../components/Loading';
import { ProblemAlert } from '../components/ProblemAlert';
import { useT } from '../i18n';
import { groupSecret } from '../lib/format';

type Setup = TTotpSetup;

/** The QR code arrives as SVG text: shown as an image (data URL), never injected as markup. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Required two-step verification: scan the QR (or type the secret), confirm with a first code. */
export function TotpSetupPanel({ onDone, idPrefix = 'totp' }: { onDone: () => void | Promise<void>; idPrefix?: string }) {
  const t = useT();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  const start = useCallback(async () => {
    setError(null);
    setSetup(null);
    try {
      setSetup(await api.post('/auth/totp/setup', {}, Schemas.totpSetup));
    } catch (err) {
      setError(err);
    }
  }, []);

  useEffect(() => {
    // Once per mount, also under StrictMode's double effects: each setup call replaces the secret.
    if (started.current) return;
    started.current = true;
    void start();
  }, [start]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/totp/activate', { code }, Schemas.stage);
      await onDone();
    } catch (err) {
      setError(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="totp-setup">
      <ProblemAlert error={error} />
      {!setup && !error && <Loading />}
      {setup && (
        <>
          <ol className="steps">
            <li>{t('totp.step1')}</li>
            <li>{t('totp.step2')}</li>
            <li>{t('totp.step3')}</li>
          </ol>
          <div className="totp-qr">
            <img src={svgDataUrl(setup.qrSvg)} alt={t('totp.qrAlt')} width={200} height={200} />
          </div>
          <div className="field">
            <span className="label" id={`${idPrefix}-secret-label`}>
              {t('totp.secret')}
            </span>
            <code className="secret" aria-labelledby={`${idPrefix}-secret-label`} data-testid="totp-secret" data-secret={setup.secret}>
              {groupSecret(setup.secret)}
            </code>
          </div>
          <form onSubmit={submit} className="form">
            <div className="field">
              <label htmlFor={`${idPrefix}-code`}>{t('totp.code')}</label>
              <input
                id={`${idPrefix}-code`}
                className="input-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
              />
            </div>
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={busy || code.length !== 6}>
                {busy ? t('common.saving') : t('totp.activate')}
              </button>
              <button type="button" className="button button-ghost" onClick={() => void start()}>
                {t('totp.restart')}
              </button>
            </div>
          </form>
        </>
      )}
      {!setup && error !== null && (
        <button type="button" className="button" onClick={() => void start()}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export default function TotpEnrol() {
  const t = useT();
  const { refresh, logout, me } = useAuth();
  return (
    <AuthShell title={t('totp.title')}>
      <p>{t('totp.intro', { name: me?.name ?? '' })}</p>
      <TotpSetupPanel onDone={refresh} />
      <p className="small">
        <button type="button" className="link-button" onClick={() => void logout()}>
          {t('layout.logout')}
        </button>
      </p>
    </AuthShell>
  );
}
