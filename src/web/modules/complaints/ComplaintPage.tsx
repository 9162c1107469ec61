import './complaints.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { COMPLAINT_STATUS_LABELS, OPEN_STATUSES, ZComplaintDetail, ZDuplicate } from '../../../contracts/complaints';
import { api, useApi, useListApi } from '../../api/client';
import { Schemas } from '../../api/schemas';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { deadlineTone } from './Queue';
import { useStrings, type StringKey } from './strings';
import { statusTone } from './Tracking';

const ZDuplicates = z.object({ items: z.array(ZDuplicate) });

/** /pengaduan/:id: one complaint, its timeline, and what the OPD or the coordinator may do with it. */
export default function ComplaintPage() {
  const { id = '' } = useParams();
  const s = useStrings();
  const { lang, pick } = useI18n();
  const detail = useApi(`/complaints/${id}`, ZComplaintDetail);
  const duplicates = useApi(detail.data && OPEN_STATUSES.includes(detail.data.status) ? `/complaints/${id}/duplicates` : null, ZDuplicates);
  const opds = useListApi(detail.data?.abilities.includes('handle') ? '/opd' : null, Schemas.opdList);
  const [reply, setReply] = useState('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const c = detail.data;

  const act = async (path: string, body: unknown, after?: () => void) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await api.post(`/complaints/${id}/${path}`, body);
      after?.();
      setNotice(s('done'));
      detail.reload();
      duplicates.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (detail.loading && !c) return <Loading />;
  if (detail.error) return <ProblemAlert error={detail.error} onRetry={detail.reload} />;
  if (!c) return null;
  const handles = c.abilities.includes('handle');
  const open = OPEN_STATUSES.includes(c.status);
  return (
    <>
      <PageHeader title={s('detailTitle', { code: c.code })} eyebrow={<Link to="/pengaduan">{s('queueTitle')}</Link>}>
        <Badge tone={statusTone(c.status)}>{pick(COMPLAINT_STATUS_LABELS[c.status])}</Badge> <Badge tone={deadlineTone(c.deadline)}>{s(`deadline.${c.deadline}` as StringKey)}</Badge>
      </PageHeader>
      {error ? <ProblemAlert error={error} /> : null}
      {notice && <Alert tone="success">{notice}</Alert>}
      <div className="grid-2">
        <section className="card">
          <h2>{c.serviceName}</h2>
          <p className="cmp-text">{c.description}</p>
          <dl className="facts">
            <div><dt>{s('opd')}</dt><dd>{c.opdName}</dd></div>
            <div><dt>{s('kelurahan')}</dt><dd>{c.kelurahan ?? '—'}{c.address ? ` · ${c.address}` : ''}</dd></div>
            <div><dt>{s('received')}</dt><dd>{formatDateTime(c.receivedAt, lang)}</dd></div>
            <div><dt>{s('verifyBy')}</dt><dd>{formatDate(c.verifyDue, lang)}</dd></div>
            <div><dt>{s('respondBy')}</dt><dd>{formatDate(c.respondDue, lang)}</dd></div>
            <div><dt>{s('resolveBy')}</dt><dd>{formatDate(c.resolveDue, lang)}</dd></div>
            {Object.entries(c.attributes).map(([key, value]) => (
              <div key={key} className="cmp-fact">
                <div><dt>{key}</dt><dd>{Array.isArray(value) ? value.join(', ') : value}</dd></div>
              </div>
            ))}
            {c.reporter && (
              <>
                <div><dt>{s('reporter')}</dt><dd>{c.reporter.anonymous ? s('anonymousReporter') : [c.reporter.name, c.reporter.contact, c.reporter.email].filter(Boolean).join(' · ')}</dd></div>
              </>
            )}
          </dl>
          {c.photos.length > 0 && (
            <div className="cmp-photos">
              {c.photos.map((p, i) => (
                <a key={p.sha256} href={p.url} target="_blank" rel="noreferrer">
                  <img src={p.url} alt={s('photoAlt', { n: i + 1 })} loading="lazy" />
                </a>
              ))}
            </div>
          )}
          {c.mergedInto && <p>{s('mergedInto', { code: c.mergedInto.code })} <Link to={`/pengaduan/${c.mergedInto.id}`}>{c.mergedInto.code}</Link></p>}
        </section>
        <section className="card">
          <h2>{s('timeline')}</h2>
          <ol className="cmp-timeline">
            {c.timeline.map((entry, i) => (
              <li key={i} className={`cmp-event cmp-event-${entry.kind}${entry.public ? '' : ' cmp-internal'}`}>
                <div className="cmp-event-head">
                  <Badge tone={statusTone(entry.status)}>{pick(COMPLAINT_STATUS_LABELS[entry.status])}</Badge>
                  {!entry.public && <Badge tone="neutral">{s('internal')}</Badge>}
                  <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                </div>
                {entry.body && <p className="cmp-text">{entry.body}</p>}
                {entry.actor && <p className="small muted">{entry.actor}</p>}
              </li>
            ))}
          </ol>
        </section>
      </div>
      {handles && open && (
        <section className="card cmp-actions">
          <div className="button-row">
            {c.status === 'received' && <button type="button" className="button button-primary" disabled={busy} onClick={() => void act('verify', {})}>{s('verify')}</button>}
            {(c.status === 'received' || c.status === 'verified') && <button type="button" className="button" disabled={busy} onClick={() => void act('start', {})}>{s('start')}</button>}
          </div>
          <div className="field">
            <label htmlFor="cmp-reply">{s('reply')}</label>
            <textarea id="cmp-reply" rows={3} maxLength={4000} value={reply} onChange={(e) => setReply(e.target.value)} />
          </div>
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={busy || !reply.trim()} onClick={() => void act('reply', { body: reply.trim(), public: true }, () => setReply(''))}>{s('replyPublic')}</button>
            <button type="button" className="button" disabled={busy || !reply.trim()} onClick={() => void act('reply', { body: reply.trim(), public: false }, () => setReply(''))}>{s('note')}</button>
            <button type="button" className="button" disabled={busy || !reply.trim()} onClick={() => void act('resolve', { body: reply.trim() }, () => setReply(''))}>{s('resolve')}</button>
          </div>
          <h3>{s('reroute')}</h3>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="cmp-target">{s('opd')}</label>
              <select id="cmp-target" value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">—</option>
                {(opds.data ?? []).filter((o) => o.id !== c.opdId).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cmp-reason">{s('reason')}</label>
              <input id="cmp-reason" type="text" maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          </div>
          <div className="button-row">
            <button type="button" className="button" disabled={busy || !target || !reason.trim()} onClick={() => void act('reroute', { opdId: target, reason: reason.trim() }, () => setReason(''))}>{s('reroute')}</button>
          </div>
          <h3>{s('duplicates')}</h3>
          {duplicates.data && duplicates.data.items.length === 0 && <p className="muted">{s('noDuplicates')}</p>}
          <ul className="link-list">
            {(duplicates.data?.items ?? []).map((d) => (
              <li key={d.id}>
                <Link to={`/pengaduan/${d.id}`} className="mono">{d.code}</Link> · {d.distanceM} m · {d.description}{' '}
                <button type="button" className="button button-small" disabled={busy} onClick={() => void act('merge', { intoId: d.id })}>{s('mergeInto', { code: d.code })}</button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
