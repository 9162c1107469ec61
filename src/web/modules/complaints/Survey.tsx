import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ZIkmUnitPublic } from '../../../contracts/complaints';
import { api, useApi } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { PublicShell } from './PublicShell';
import { useStrings, type StringKey } from './strings';

const SCALE: StringKey[] = ['scale1', 'scale2', 'scale3', 'scale4'];
const PROFILE = {
  sex: ['L', 'P'],
  ageGroup: ['<20', '20-29', '30-39', '40-49', '50+'],
  education: ['sd', 'smp', 'sma', 'd3', 's1', 's2'],
  occupation: ['pns', 'swasta', 'wirausaha', 'pelajar', 'lainnya'],
} as const;
const PROFILE_LABELS: Record<string, { id: string; en: string }> = {
  L: { id: 'Laki-laki', en: 'Male' }, P: { id: 'Perempuan', en: 'Female' },
  sd: { id: 'SD', en: 'Primary' }, smp: { id: 'SMP', en: 'Junior high' }, sma: { id: 'SMA/SMK', en: 'Senior high' }, d3: { id: 'D1–D3', en: 'Diploma' }, s1: { id: 'D4/S1', en: "Bachelor's" }, s2: { id: 'S2/S3', en: 'Postgraduate' },
  pns: { id: 'PNS/TNI/Polri', en: 'Civil servant' }, swasta: { id: 'Pegawai swasta', en: 'Private employee' }, wirausaha: { id: 'Wirausaha', en: 'Self-employed' }, pelajar: { id: 'Pelajar/mahasiswa', en: 'Student' }, lainnya: { id: 'Lainnya', en: 'Other' },
};

/** /survei/:unit: the IKM questionnaire (PermenPANRB 14/2017), nine elements answered 1-4, profile optional. */
export default function Survey() {
  const { unit = '' } = useParams();
  const [params] = useSearchParams();
  const s = useStrings();
  const { pick } = useI18n();
  const info = useApi(unit ? `/public/survei/${encodeURIComponent(unit)}` : null, ZIkmUnitPublic);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [profile, setProfile] = useState<Record<string, string>>({});
  const [suggestion, setSuggestion] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!info.data || busy) return;
    if (info.data.elements.some((e) => !answers[e.code])) return setMissing(true);
    setMissing(false);
    setBusy(true);
    try {
      await api.post(`/public/survei/${encodeURIComponent(unit)}`, {
        ...answers,
        sex: profile.sex || null,
        ageGroup: profile.ageGroup || null,
        education: profile.education || null,
        occupation: profile.occupation || null,
        complaintCode: params.get('lapor'),
        suggestion: suggestion.trim() || null,
      });
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell title={s('surveyTitle')}>
      {info.loading && !info.data && <Loading />}
      {info.error ? <ProblemAlert error={info.error} /> : null}
      {done && (
        <Alert tone="success" title={s('surveyThanks')} />
      )}
      {info.data && !done && (
        <form className="form cmp-form" onSubmit={submit}>
          <p className="lead">{s('surveyIntro', { unit: info.data.name, opd: info.data.opdName })}</p>
          {error ? <ProblemAlert error={error} /> : null}
          {info.data.elements.map((element, index) => (
            <fieldset key={element.code} className="cmp-fieldset cmp-question">
              <legend>
                {index + 1}. {pick(element.label)}
              </legend>
              <div className="cmp-scale">
                {SCALE.map((key, i) => (
                  <label key={key} className="cmp-scale-option">
                    <input type="radio" name={element.code} value={i + 1} checked={answers[element.code] === i + 1} onChange={() => setAnswers({ ...answers, [element.code]: i + 1 })} />
                    <span>
                      {i + 1} · {s(key)}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <fieldset className="cmp-fieldset">
            <legend>{s('profile')}</legend>
            <div className="grid-2">
              {(Object.keys(PROFILE) as Array<keyof typeof PROFILE>).map((field) => (
                <div className="field" key={field}>
                  <label htmlFor={`ikm-${field}`}>{s(field)}</label>
                  <select id={`ikm-${field}`} value={profile[field] ?? ''} onChange={(e) => setProfile({ ...profile, [field]: e.target.value })}>
                    <option value="">{s('notSaid')}</option>
                    {PROFILE[field].map((value) => (
                      <option key={value} value={value}>
                        {PROFILE_LABELS[value] ? pick(PROFILE_LABELS[value]) : value}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            <div className="field">
              <label htmlFor="ikm-suggestion">{s('suggestion')}</label>
              <textarea id="ikm-suggestion" rows={3} maxLength={1000} value={suggestion} onChange={(e) => setSuggestion(e.target.value)} />
            </div>
          </fieldset>
          {missing && (
            <p className="field-error" role="alert">
              {s('answerAll')}
            </p>
          )}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {s('surveySubmit')}
          </button>
        </form>
      )}
    </PublicShell>
  );
}
