import { useParams } from 'react-router';
import { isApiError, useApi } from '../../api/client';
import { useDocumentTitle } from '../../components/PageHeader';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ZPublicDirective } from '../../../contracts/coordination';
import { useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useS, type SKey } from './strings';
import './coordination.css';

/**
 * The public verification page /v/<code>, open to anyone without signing in (seed 004: "ignore anyone who claims to
 * speak for the Bupati without direct instruction"). The signature is re-checked by the server on every visit.
 */
export default function VerifyPage() {
  const { code = '' } = useParams();
  const s = useS();
  const { lang, pick } = useI18n();
  useDocumentTitle(s('verifyTitle'));
  const result = useApi(`/public/directives/${encodeURIComponent(code)}`, ZPublicDirective);
  const d = result.data;
  return (
    <main id="konten" className="co-public">
      <header>
        <span className="brand-mark" aria-hidden="true">P</span>
        <strong>Pamong</strong>
        <span style={{ marginLeft: 'auto' }}><LanguageSwitch tone="light" /></span>
      </header>
      <h1>{s('verifyTitle')}</h1>
      <p className="co-muted co-small">{s('verifyIntro')}</p>
      {result.error ? (isApiError(result.error, 'DIRECTIVE_NOT_FOUND') ? (
        <div className="co-verified bad" role="alert"><span className="co-seal" aria-hidden="true">✖</span><strong>{s('notFoundCode')}</strong></div>
      ) : <ProblemAlert error={result.error} onRetry={result.reload} />) : null}
      {!d && !result.error ? <Loading /> : null}
      {d && (
        <>
          <div className={`co-verified ${d.verification.valid ? '' : 'bad'}`} role="status">
            <span className="co-seal" aria-hidden="true">{d.verification.valid ? '✔' : '✖'}</span>
            <div>
              <strong>{s(d.verification.valid ? 'signatureValid' : 'signatureInvalid')}</strong>
              <p className="co-small">{s(`reason_${d.verification.reason}` as SKey)}</p>
              <p className="co-small co-muted">{s('checkedAt', { time: formatDateTime(d.checkedAt, lang) })}</p>
            </div>
          </div>
          {d.supersededBy && <p className="co-late" role="alert">{s('supersededWarning', { number: d.supersededBy.number, date: formatDate(d.supersededBy.issuedAt.slice(0, 10), lang) })}</p>}
          <section className="co-card" aria-labelledby="co-v-h" style={{ marginTop: '1rem' }}>
            <h2 id="co-v-h">{d.pemda.name} · {d.number}</h2>
            <dl className="co-small">
              <dt>{s('issuer')}</dt>
              <dd>{d.issuer.name} ({pick(d.issuer.roleLabel)})</dd>
              <dt>{s('issued')}</dt>
              <dd>{formatDateTime(d.issuedAt, lang)}</dd>
              <dt>{s('due')}</dt>
              <dd>{formatDate(d.dueDate, lang)}</dd>
              <dt>{s('target')}</dt>
              <dd>{d.assignedOpds.join(', ')}</dd>
            </dl>
            <p className="co-text">{d.text}</p>
            <dl className="co-small">
              <dt>{s('contentHash')}</dt>
              <dd className="co-hash">{d.contentHash}</dd>
              <dt>{s('keyId')}</dt>
              <dd className="co-hash">{d.keyId}</dd>
              {d.publicKey && (<><dt>{s('publicKey')}</dt><dd className="co-hash">{d.publicKey}</dd></>)}
            </dl>
          </section>
        </>
      )}
    </main>
  );
}
