import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { COMPLAINT_STATUS_LABELS, OPEN_STATUSES, ZTracking } from '../../../contracts/complaints';
import { useApi } from '../../api/client';
import { Badge, type BadgeTone } from '../../components/Badge';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { PublicShell } from './PublicShell';
import { useStrings } from './strings';

export function statusTone(status: string): BadgeTone {
  if (status === 'closed') return 'success';
  if (status === 'merged' || status === 'invalid' || status === 'archived' || status === 'transferred') return 'neutral';
  if (status === 'received') return 'warning';
  return 'info';
}

/** /lapor/:code: the public tracking page (issue 6 §3): status, deadlines, public replies. */
export default function Tracking() {
  const { code = '' } = useParams();
  const s = useStrings();
  const { lang, pick } = useI18n();
  const navigate = useNavigate();
  const [lookup, setLookup] = useState('');
  const tracking = useApi(code ? `/public/lapor/${encodeURIComponent(code)}` : null, ZTracking);
  const data = tracking.data;
  const go = (event: FormEvent) => {
    event.preventDefault();
    if (lookup.trim()) navigate(`/lapor/${lookup.trim().toUpperCase()}`);
  };
  return (
    <PublicShell title={s('trackTitle', { code: code.toUpperCase() })}>
      {tracking.loading && !data && <Loading />}
      {tracking.error ? <ProblemAlert error={tracking.error} /> : null}
      {data && (
        <>
          <div className="card cmp-card">
            <p>
              <Badge tone={statusTone(data.status)}>{pick(COMPLAINT_STATUS_LABELS[data.status])}</Badge> <strong>{data.serviceName}</strong>
            </p>
            <p className="cmp-text">{data.description}</p>
            <dl className="facts">
              <div><dt>{s('received')}</dt><dd>{formatDateTime(data.receivedAt, lang)}</dd></div>
              <div><dt>{s('handledBy')}</dt><dd>{data.opdName}</dd></div>
              {data.kelurahan && (
                <>
                  <div><dt>{s('kelurahan')}</dt><dd>{data.kelurahan}</dd></div>
                </>
              )}
              {OPEN_STATUSES.includes(data.status) && (
                <>
                  <div><dt>{s('verifyBy')}</dt><dd>{formatDate(data.verifyDue, lang)}</dd></div>
                  <div><dt>{s('respondBy')}</dt><dd>{formatDate(data.respondDue, lang)}</dd></div>
                  <div><dt>{s('resolveBy')}</dt><dd>{formatDate(data.resolveDue, lang)}</dd></div>
                </>
              )}
            </dl>
            {data.photos > 0 && <p className="small muted">{s('photosAttached', { n: data.photos })}</p>}
            {data.mergedInto && (
              <p>
                {s('mergedInto', { code: data.mergedInto })} <Link to={`/lapor/${data.mergedInto}`}>{data.mergedInto}</Link>
              </p>
            )}
          </div>
          <h2>{s('timeline')}</h2>
          <ol className="cmp-timeline">
            {data.timeline.map((entry, i) => (
              <li key={i} className={`cmp-event cmp-event-${entry.kind}`}>
                <div className="cmp-event-head">
                  <Badge tone={statusTone(entry.status)}>{pick(COMPLAINT_STATUS_LABELS[entry.status])}</Badge>
                  <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                </div>
                {entry.body && <p className="cmp-text">{entry.body}</p>}
              </li>
            ))}
          </ol>
          {data.status === 'closed' && data.surveyUnitId && (
            <p>
              <Link className="button button-primary" to={`/survei/${data.surveyUnitId}?lapor=${data.code}`}>
                {s('rateService')}
              </Link>
            </p>
          )}
        </>
      )}
      <form className="form cmp-lookup" onSubmit={go}>
        <div className="field">
          <label htmlFor="cmp-lookup">{s('trackCodeLabel')}</label>
          <input id="cmp-lookup" type="text" placeholder="LPR-XXXXXXXX" value={lookup} onChange={(e) => setLookup(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {s('trackLookup')}
          </button>
          <Link to="/lapor">{s('newComplaint')}</Link>
        </div>
      </form>
    </PublicShell>
  );
}
