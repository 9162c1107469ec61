import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, useApi } from '../../api/client';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZDirectiveDetail, type TAssignment, type TDirectiveDetail } from '../../../contracts/coordination';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { FollowUpForm } from './FollowUpForm';
import { Card, ProgressBar, StatusBadge } from './shared';
import { useS, type SKey } from './strings';

/** One directive: signed text and its verification, the per-OPD status matrix, the full follow-up history. */
export default function DirectivePage() {
  const { id = '' } = useParams();
  const s = useS();
  const { lang } = useI18n();
  const directive = useApi(`/coordination/directives/${id}`, ZDirectiveDetail);
  if (directive.error) return <ProblemAlert error={directive.error} onRetry={directive.reload} />;
  if (!directive.data) return <Loading />;
  const d = directive.data;
  const mine = d.assignments.filter((a) => d.abilities.followUpOpdIds.includes(a.opdId));
  return (
    <>
      <PageHeader title={`${s('navDirectives')} ${d.number}`} eyebrow={<Link to="/koordinasi/arahan">{s('directivesTitle')}</Link>}
        actions={<a className="co-btn secondary" href={`/api/v1/coordination/directives/${d.id}/pdf`} target="_blank" rel="noreferrer">{s('pdf')}</a>}>
        <span>
          {d.issuerName} · {formatDateTime(d.issuedAt, lang)} · {s(`priority_${d.priority}` as SKey)}
        </span>
      </PageHeader>
      <div className="co-grid">
        <div>
          <section className="co-card" aria-labelledby="co-text-h">
            <h2 id="co-text-h">{s('text')}</h2>
            <p className="co-text">{d.fullText}</p>
            <div className="co-meta">
              <span>
                {s('due')}: <strong>{formatDate(d.dueDate, lang)}</strong>
              </span>
              {d.tags.map((tag) => (
                <span key={tag} className="co-status belum">
                  {tag.replace('_', ' ')}
                </span>
              ))}
              {d.supersedes && <Link to={`/koordinasi/arahan/${d.supersedes.id}`}>{s('supersedes', { number: d.supersedes.number })}</Link>}
              {d.supersededBy && <Link className="co-late" to={`/koordinasi/arahan/${d.supersededBy.id}`}>{s('superseded', { number: d.supersededBy.number })}</Link>}
            </div>
          </section>
          <Card id="co-matrix" title={s('matrix')} count={d.opdCount}>
            <ProgressBar counts={d.counts} />
            <Matrix assignments={d.assignments} />
          </Card>
          <Review directive={d} onDone={directive.reload} />
          {mine.length > 0 && <FollowUpForm directiveId={d.id} assignments={mine} onSent={directive.reload} />}
          <Card id="co-history" title={s('history')} count={d.followUps.length}>
            {d.followUps.length === 0 ? (
              <p className="co-muted">{s('noHistory')}</p>
            ) : (
              <ol className="co-list">
                {d.followUps.map((f) => (
                  <li key={f.id}>
                    <div className="co-meta">
                      <strong>{f.opdName}</strong>
                      <span>{s(`kind_${f.kind}` as SKey)}</span>
                      <StatusBadge status={f.statusTo} />
                      <span>{f.authorName}</span>
                      <span>{formatDateTime(f.createdAt, lang)}</span>
                      {f.internal && <span className="co-status belum">{s('internal')}</span>}
                    </div>
                    <p className="co-pre">{f.note}</p>
                    {f.obstacle && (
                      <p className="co-small">
                        <strong>{s('obstacle')}:</strong> {f.obstacle}
                      </p>
                    )}
                    {f.files.length > 0 && (
                      <div className="co-files">
                        {f.files.map((file) =>
                          file.mime.startsWith('image/') ? (
                            <a key={file.sha256} href={file.url} target="_blank" rel="noreferrer">
                              <img src={file.url} alt={file.name} loading="lazy" />
                            </a>
                          ) : (
                            <a key={file.sha256} href={file.url} target="_blank" rel="noreferrer">
                              {file.name}
                            </a>
                          ),
                        )}
                      </div>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div>
          <section className="co-card" aria-labelledby="co-verify-h">
            <h2 id="co-verify-h">{s('verification')}</h2>
            <div className={`co-verified ${d.verification.valid ? '' : 'bad'}`}>
              <span className="co-seal" aria-hidden="true">
                {d.verification.valid ? '✔' : '✖'}
              </span>
              <div>
                <strong>{s(d.verification.valid ? 'signatureValid' : 'signatureInvalid')}</strong>
                <p className="co-small">{s(`reason_${d.verification.reason}` as SKey)}</p>
              </div>
            </div>
            <dl className="co-small">
              <dt>{s('contentHash')}</dt>
              <dd className="co-hash">{d.verification.contentHash}</dd>
              <dt>{s('keyId')}</dt>
              <dd className="co-hash">{d.verification.keyId}</dd>
            </dl>
            <a href={`/v/${d.code}`}>{s('verifyPage')}</a>
          </section>
          {d.abilities.supersede && (
            <Link className="co-btn secondary" to={`/koordinasi/arahan/baru?ganti=${d.id}`}>
              {s('supersede')}
            </Link>
          )}
        </div>
      </div>
    </>
  );
}

function Matrix({ assignments }: { assignments: TAssignment[] }) {
  const s = useS();
  const { lang } = useI18n();
  return (
    <ul className="co-list">
      {assignments.map((a) => (
        <li key={a.opdId}>
          <Link to={`/koordinasi/opd/${a.opdId}`}>{a.opdName}</Link>
          <div className="co-meta">
            <StatusBadge status={a.status} />
            {a.overdueDays > 0 && <span className="co-late">{s('workingDaysLate', { days: a.overdueDays })}</span>}
            <span>
              {s('lastActivity')}: {a.lastActivityAt ? formatDateTime(a.lastActivityAt, lang) : s('never')}
            </span>
          </div>
          {a.obstacle && (
            <div className="co-small">
              <strong>{s('obstacle')}:</strong> {a.obstacle}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The issuer accepts or returns completions, and decides on obstacles. */
function Review({ directive, onDone }: { directive: TDirectiveDetail; onDone: () => void }) {
  const s = useS();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  if (!directive.abilities.review) return null;
  const pending = directive.assignments.filter((a) => a.status === 'selesai' || a.status === 'terkendala');
  if (pending.length === 0) return null;
  const act = async (a: TAssignment, kind: 'accept' | 'return' | 'decide') => {
    setError(null);
    const comment = comments[a.opdId] ?? '';
    try {
      if (kind === 'decide') await api.post(`/coordination/directives/${directive.id}/opds/${a.opdId}/decision`, { note: comment });
      else await api.post(`/coordination/directives/${directive.id}/opds/${a.opdId}/review`, { decision: kind, comment });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card id="co-review" title={`${s('awaiting')} / ${s('obstacles')}`} count={pending.length} tone="warn">
      {error ? <ProblemAlert error={error} /> : null}
      <ul className="co-list">
        {pending.map((a) => (
          <li key={a.opdId}>
            <div className="co-meta">
              <strong>{a.opdName}</strong>
              <StatusBadge status={a.status} />
            </div>
            {a.obstacle && <p className="co-small">{a.obstacle}</p>}
            <div className="co-form">
              <label htmlFor={`co-c-${a.opdId}`}>{a.status === 'terkendala' ? s('decision') : s('comment')}</label>
              <textarea id={`co-c-${a.opdId}`} value={comments[a.opdId] ?? ''} onChange={(e) => setComments({ ...comments, [a.opdId]: e.target.value })} />
            </div>
            <div className="co-actions">
              {a.status === 'selesai' ? (
                <>
                  <button type="button" className="co-btn" onClick={() => void act(a, 'accept')}>
                    {s('accept')}
                  </button>
                  <button type="button" className="co-btn danger" onClick={() => void act(a, 'return')}>
                    {s('sendBack')}
                  </button>
                </>
              ) : (
                <button type="button" className="co-btn" onClick={() => void act(a, 'decide')}>
                  {s('decide')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
