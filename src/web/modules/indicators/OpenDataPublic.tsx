import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TDataset } from '../../../contracts/indicators';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { IndSchemas } from './shared';
import { useS } from './strings';

/**
 * The public open-data catalogue (no sign-in): every published dataset with its CSV and JSON downloads and the
 * machine-readable entry points (CKAN API, DCAT). Reads the public endpoint with a plain fetch: the typed client
 * would send a signed-out visitor to the sign-in page on a 401, and nothing here needs a session.
 */
export default function OpenDataPublic() {
  const s = useS();
  const { lang } = useI18n();
  const { name } = useParams();
  const [items, setItems] = useState<TDataset[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    document.title = `${s('openDataTitle')} · Pamong`;
    const controller = new AbortController();
    fetch('/api/v1/open-data/datasets', { headers: { Accept: 'application/json' }, signal: controller.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((data: unknown) => setItems(IndSchemas.datasets.parse(data).items))
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true);
      });
    return () => controller.abort();
  }, [s]);

  const shown = name ? (items ?? []).filter((d) => d.name === name) : (items ?? []);
  return (
    <div className="ind-public">
      <header>
        <div>
          <strong>Pamong</strong> · {s('openDataTitle')}
        </div>
        <nav aria-label={s('openDataTitle')} className="ind-actions">
          <LanguageSwitch tone="light" />
          <a className="ind-link" href="/masuk">{s('signIn')}</a>
        </nav>
      </header>
      <main id="konten">
        <h1>{s('openDataTitle')}</h1>
        <p>{s('openDataIntro')}</p>
        <p className="ind-small">
          <a className="ind-link" href="/api/3/action/package_list">CKAN API /api/3/action</a> · <a className="ind-link" href="/api/v1/open-data/catalog.jsonld">DCAT-AP (JSON-LD)</a>
        </p>
        {name && (
          <p>
            <Link className="ind-link" to="/data-terbuka">← {s('back')}</Link>
          </p>
        )}
        {failed && <p className="ind-error">{s('noDatasets')}</p>}
        {items && shown.length === 0 && <p>{s('noDatasets')}</p>}
        {shown.map((d) => (
          <article key={d.id} className="ind-dataset" aria-labelledby={`ds-${d.id}`}>
            <h2 id={`ds-${d.id}`}>
              <Link className="ind-link" to={`/data-terbuka/${d.name}`}>{d.title}</Link>
            </h2>
            <p>{d.notes}</p>
            <p className="ind-small ind-muted">
              {s('organization')}: {d.organization.title} · {d.pemda.name} · {s('license')}: {d.licenseId} · {s('modified')}: {formatDate(d.modified.slice(0, 10), lang)}
            </p>
            <div className="ind-actions">
              <a className="ind-btn" href={d.csvUrl} download>
                {s('downloadCsv')}
              </a>
              <a className="ind-btn ind-secondary" href={d.jsonUrl}>
                {s('downloadJson')}
              </a>
            </div>
          </article>
        ))}
      </main>
    </div>
  );
}
