import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { ZCheckinResult } from '../../../contracts/attendance';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { pick } from '../../i18n/translate';
import { formatDateTime } from '../../lib/format';
import './attendance.css';
import { useS, type SKey } from './strings';

type Mode = 'wfo' | 'wfa' | 'dinas_luar';
const MODES: Mode[] = ['wfo', 'wfa', 'dinas_luar'];
type Phase = 'idle' | 'locating' | 'sending';

/** Web check-in from the phone: one location fix, sent once; the server's refusal is shown as it says it. */
export default function CheckinPage() {
  const s = useS();
  const { lang } = useI18n();
  const [mode, setMode] = useState<Mode>('wfo');
  const [phase, setPhase] = useState<Phase>('idle');
  const [geoError, setGeoError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [accuracy, setAccuracy] = useState<number | null>(null);
  const [result, setResult] = useState<z.infer<typeof ZCheckinResult> | null>(null);

  const start = () => {
    setGeoError(null);
    setError(null);
    setResult(null);
    if (!('geolocation' in navigator)) {
      setGeoError(s('geoUnsupported'));
      return;
    }
    setPhase('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setAccuracy(pos.coords.accuracy);
        setPhase('sending');
        api
          .post('/attendance/checkin', { mode, lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.min(pos.coords.accuracy, 100_000) }, ZCheckinResult)
          .then((r) => setResult(r))
          .catch((err: unknown) => setError(err))
          .finally(() => setPhase('idle'));
      },
      (err) => {
        setPhase('idle');
        setGeoError(err.code === err.PERMISSION_DENIED ? s('geoDenied') : s('geoFailed'));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  };

  return (
    <>
      <PageHeader title={s('checkinTitle')} eyebrow={<Link to="/absensi">← {s('myTitle')}</Link>} />
      <section className="at-card" aria-labelledby="at-ci-h" style={{ maxWidth: '36rem' }}>
        <h2 id="at-ci-h" className="visually-hidden">{s('checkinTitle')}</h2>
        <p className="at-muted at-small">{s('checkinIntro')}</p>
        <form className="at-form" onSubmit={(e) => { e.preventDefault(); start(); }}>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="at-field" style={{ fontWeight: 600 }}>{s('mode')}</legend>
            {MODES.map((m) => (
              <label key={m} className="at-radio">
                <input type="radio" name="at-ci-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {s(`mode_${m}` as SKey)}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="at-btn" disabled={phase !== 'idle'} style={{ width: '100%' }}>
              {phase === 'locating' ? s('locating') : phase === 'sending' ? s('sending') : s('checkinButton')}
            </button>
          </div>
        </form>
        <div aria-live="polite">
          {accuracy !== null && <p className="at-muted at-small">{s('accuracy', { m: Math.round(accuracy) })}</p>}
          {geoError && <div className="alert alert-danger" role="alert"><div className="alert-body"><p>{geoError}</p></div></div>}
          {error ? <ProblemAlert error={error} title={s('refused')} onRetry={start} /> : null}
          {result && (
            <div className="at-card at-result" role="status">
              <p className="at-ok">{pick(lang, result.message)}</p>
              <p className="at-small">{s('recorded', { at: formatDateTime(result.at, lang) })} · {s(`mode_${result.mode}` as SKey) || result.mode}{result.office ? ` · ${s('office')}: ${result.office}` : ''}</p>
            </div>
          )}
        </div>
      </section>
    </>
  );
}
