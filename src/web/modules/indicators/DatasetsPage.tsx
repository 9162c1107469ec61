import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { DATASET_LICENSES, type TDataset } from '../../../contracts/indicators';
import { api, useApi, useListApi } from '../../api/client';
import { Schemas } from '../../api/schemas';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { IndSchemas } from './shared';
import { useS, type SKey } from './strings';

type Opd = { id: string; name: string };
const tagsOf = (text: string) => [...new Set(text.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];

/**
 * The walidata's open-data desk: the Pemda's datasets (published and withdrawn) with their metadata, licence, tags
 * and organisation; publishing an approved indicator; and, for the Pemda admin, which OPD is the walidata.
 */
export default function DatasetsPage() {
  const s = useS();
  const setting = useApi('/indicator-settings', IndSchemas.walidataSetting);
  const datasets = useApi('/datasets', IndSchemas.datasets);
  const opds = useListApi('/opd', Schemas.opdList);
  const [editing, setEditing] = useState<TDataset | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const isWalidata = setting.data?.isWalidata ?? false;
  const opdList: Opd[] = (opds.data ?? []).map((o) => ({ id: o.id, name: o.name }));

  const setStatus = async (d: TDataset, status: 'published' | 'withdrawn') => {
    setError(null);
    setMessage(null);
    try {
      await api.post(`/datasets/${d.id}/status`, { status }, IndSchemas.dataset);
      setMessage(s(status === 'withdrawn' ? 'datasetWithdrawn' : 'datasetRepublished', { title: d.title }));
      datasets.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageHeader title={s('datasetsManageTitle')}>
        <span>{s('datasetsManageIntro')}</span>
      </PageHeader>
      {setting.error ? <ProblemAlert error={setting.error} onRetry={setting.reload} /> : null}
      {setting.data && <WalidataCard setting={setting.data} opds={opdList} onSaved={setting.reload} />}
      {setting.data && !isWalidata && <p className="ind-card ind-small">{s('notWalidataNote')}</p>}
      <section className="ind-card" aria-labelledby="ind-ds-h">
        <h2 id="ind-ds-h">{s('datasetsTitle')}</h2>
        {datasets.error ? <ProblemAlert error={datasets.error} onRetry={datasets.reload} /> : null}
        {!datasets.data && !datasets.error ? <Loading /> : null}
        {error ? <ProblemAlert error={error} /> : null}
        {message && <p role="status">{message}</p>}
        {datasets.data && datasets.data.items.length === 0 && <p className="ind-muted">{s('noDatasets')}</p>}
        {datasets.data && datasets.data.items.length > 0 && (
          <DataTable
            caption={s('datasetsTitle')}
            rows={datasets.data.items}
            rowKey={(d) => d.id}
            columns={[
              {
                key: 'title',
                header: s('title'),
                primary: true,
                render: (d) => (
                  <>
                    <strong>{d.title}</strong>
                    <div className="ind-small ind-muted">
                      <a className="ind-link" href={`/data-terbuka/${d.name}`}>{d.name}</a> · <Link className="ind-link" to={`/indikator/${d.indicatorId}`}>{d.indicatorCode}</Link>
                    </div>
                  </>
                ),
              },
              { key: 'status', header: s('status'), render: (d) => <span className={`ind-badge ${d.status === 'published' ? 'ok' : 'warn'}`}>{s(d.status === 'published' ? 'statusPublished' : 'statusWithdrawn')}</span> },
              { key: 'org', header: s('organization'), render: (d) => <>{d.organization.title}{!d.organizationIsProducer && <div className="ind-small ind-muted">{s('notProducer')}</div>}</> },
              { key: 'license', header: s('license'), render: (d) => s(`lic_${d.licenseId}` as SKey) },
              { key: 'tags', header: s('tags'), render: (d) => <span className="ind-small">{d.tags.join(', ') || '–'}</span> },
              { key: 'modified', header: s('modified'), render: (d) => formatDate(d.modified, 'id') },
              ...(isWalidata
                ? [
                    {
                      key: 'actions',
                      header: s('actions'),
                      render: (d: TDataset) => (
                        <div className="ind-inline">
                          <button type="button" className="ind-btn ind-secondary" onClick={() => setEditing(d)} aria-label={`${s('edit')}: ${d.title}`}>{s('edit')}</button>
                          {d.status === 'published' ? (
                            <button type="button" className="ind-btn ind-secondary" onClick={() => void setStatus(d, 'withdrawn')} aria-label={`${s('withdraw')}: ${d.title}`}>{s('withdraw')}</button>
                          ) : (
                            <button type="button" className="ind-btn ind-secondary" onClick={() => void setStatus(d, 'published')} aria-label={`${s('republish')}: ${d.title}`}>{s('republish')}</button>
                          )}
                        </div>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </section>
      {isWalidata && editing && (
        <DatasetForm
          key={editing.id}
          dataset={editing}
          opds={opdList}
          onCancel={() => setEditing(null)}
          onSaved={(d) => {
            setEditing(null);
            setMessage(s('datasetSaved', { title: d.title }));
            datasets.reload();
          }}
        />
      )}
      {isWalidata && <PublishCard published={new Set((datasets.data?.items ?? []).map((d) => d.indicatorId))} onPublished={datasets.reload} />}
    </>
  );
}

function WalidataCard({ setting, opds, onSaved }: { setting: { walidataOpd: Opd | null; mayEdit: boolean }; opds: Opd[]; onSaved: () => void }) {
  const s = useS();
  const [opdId, setOpdId] = useState(setting.walidataOpd?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.put('/indicator-settings', { walidataOpdId: opdId || null }, IndSchemas.walidataSetting);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="ind-card" aria-labelledby="ind-wd-h">
      <h2 id="ind-wd-h">{s('walidataTitle')}</h2>
      <p>{setting.walidataOpd ? s('walidataIs', { name: setting.walidataOpd.name }) : s('walidataNone')}</p>
      {setting.mayEdit && (
        <form className="ind-inline" onSubmit={(e) => void submit(e)}>
          <label htmlFor="ind-wd-opd" className="ind-label">{s('walidataOpd')}</label>
          <select id="ind-wd-opd" value={opdId} onChange={(e) => setOpdId(e.target.value)} className="ind-select">
            <option value="">{s('walidataAdminOnly')}</option>
            {opds.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
          <button type="submit" className="ind-btn">{s('save')}</button>
        </form>
      )}
      {error ? <ProblemAlert error={error} /> : null}
      {saved && <p role="status">{s('created')}</p>}
    </section>
  );
}

function MetadataFields({ prefix, value, onChange, opds }: { prefix: string; value: { title: string; notes: string; tags: string; licenseId: string; organizationOpdId: string }; onChange: (patch: Partial<{ title: string; notes: string; tags: string; licenseId: string; organizationOpdId: string }>) => void; opds: Opd[] }) {
  const s = useS();
  return (
    <>
      <div className="ind-wide">
        <label htmlFor={`${prefix}-title`}>{s('title')}</label>
        <input id={`${prefix}-title`} value={value.title} onChange={(e) => onChange({ title: e.target.value })} required maxLength={300} />
      </div>
      <div className="ind-wide">
        <label htmlFor={`${prefix}-notes`}>{s('notes')}</label>
        <textarea id={`${prefix}-notes`} value={value.notes} onChange={(e) => onChange({ notes: e.target.value })} rows={3} required maxLength={4000} />
      </div>
      <div>
        <label htmlFor={`${prefix}-tags`}>{s('tagsHint')}</label>
        <input id={`${prefix}-tags`} value={value.tags} onChange={(e) => onChange({ tags: e.target.value })} placeholder="stunting, kesehatan" />
      </div>
      <div>
        <label htmlFor={`${prefix}-license`}>{s('license')}</label>
        <select id={`${prefix}-license`} value={value.licenseId} onChange={(e) => onChange({ licenseId: e.target.value })}>
          {DATASET_LICENSES.map((l) => (
            <option key={l} value={l}>{s(`lic_${l}` as SKey)}</option>
          ))}
        </select>
      </div>
      <div className="ind-wide">
        <label htmlFor={`${prefix}-org`}>{s('organization')}</label>
        <select id={`${prefix}-org`} value={value.organizationOpdId} onChange={(e) => onChange({ organizationOpdId: e.target.value })}>
          <option value="">{s('orgProducer')}</option>
          {opds.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
      </div>
    </>
  );
}

function DatasetForm({ dataset, opds, onSaved, onCancel }: { dataset: TDataset; opds: Opd[]; onSaved: (d: TDataset) => void; onCancel: () => void }) {
  const s = useS();
  const formRef = useRef<HTMLElement>(null);
  // The form opens below the list: bring it into view (on a phone it is several screens down).
  useEffect(() => {
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLInputElement>('#ind-dse-title')?.focus({ preventScroll: true });
  }, []);
  const [value, setValue] = useState({ title: dataset.title, notes: dataset.notes, tags: dataset.tags.join(', '), licenseId: dataset.licenseId, organizationOpdId: dataset.organizationIsProducer ? '' : dataset.organization.id });
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      onSaved(await api.put(`/datasets/${dataset.id}`, { title: value.title, notes: value.notes, tags: tagsOf(value.tags), licenseId: value.licenseId, organizationOpdId: value.organizationOpdId || null }, IndSchemas.dataset));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="ind-card" aria-labelledby="ind-dse-h" ref={formRef}>
      <h2 id="ind-dse-h">{s('editDataset', { name: dataset.name })}</h2>
      <form className="ind-form" onSubmit={(e) => void submit(e)}>
        <MetadataFields prefix="ind-dse" value={value} onChange={(patch) => setValue((v) => ({ ...v, ...patch }))} opds={opds} />
        <div className="ind-wide ind-inline">
          <button type="submit" className="ind-btn">{s('save')}</button>
          <button type="button" className="ind-btn ind-secondary" onClick={onCancel}>{s('cancel')}</button>
        </div>
      </form>
      {error ? <ProblemAlert error={error} /> : null}
    </section>
  );
}

/** Publish an approved indicator that has no dataset yet. */
function PublishCard({ published, onPublished }: { published: ReadonlySet<string>; onPublished: () => void }) {
  const s = useS();
  const { pick } = useI18n();
  const indicators = useApi('/indicators', IndSchemas.indicators);
  const opds = useListApi('/opd', Schemas.opdList);
  const [indicatorId, setIndicatorId] = useState('');
  const [slug, setSlug] = useState('');
  const [value, setValue] = useState({ title: '', notes: '', tags: '', licenseId: 'cc-by-4.0', organizationOpdId: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const candidates = (indicators.data?.items ?? []).filter((i) => i.approval === 'approved' && !published.has(i.id));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    try {
      const created = await api.post('/datasets', { indicatorId, title: value.title, notes: value.notes, slug, tags: tagsOf(value.tags), licenseId: value.licenseId, organizationOpdId: value.organizationOpdId || null }, IndSchemas.dataset);
      setDone(created.name);
      setIndicatorId('');
      setSlug('');
      setValue({ title: '', notes: '', tags: '', licenseId: 'cc-by-4.0', organizationOpdId: '' });
      onPublished();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="ind-card" aria-labelledby="ind-dsp-h">
      <h2 id="ind-dsp-h">{s('publish')}</h2>
      {indicators.data && candidates.length === 0 ? (
        <p className="ind-muted">{s('nothingToPublish')}</p>
      ) : (
        <form className="ind-form" onSubmit={(e) => void submit(e)}>
          <div className="ind-wide">
            <label htmlFor="ind-dsp-indicator">{s('indicator')}</label>
            <select
              id="ind-dsp-indicator"
              value={indicatorId}
              required
              onChange={(e) => {
                const chosen = candidates.find((i) => i.id === e.target.value);
                setIndicatorId(e.target.value);
                if (chosen) {
                  setValue((v) => ({ ...v, title: v.title || pick(chosen.name), notes: v.notes || chosen.definition }));
                  setSlug((old) => old || chosen.code.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
                }
              }}
            >
              <option value="">–</option>
              {candidates.map((i) => (
                <option key={i.id} value={i.id}>{i.code} — {pick(i.name)}</option>
              ))}
            </select>
          </div>
          <div className="ind-wide">
            <label htmlFor="ind-dsp-slug">{s('slug')}</label>
            <input id="ind-dsp-slug" value={slug} onChange={(e) => setSlug(e.target.value)} pattern="[a-z0-9-]{2,60}" required />
          </div>
          <MetadataFields prefix="ind-dsp" value={value} onChange={(patch) => setValue((v) => ({ ...v, ...patch }))} opds={(opds.data ?? []).map((o) => ({ id: o.id, name: o.name }))} />
          <div className="ind-wide">
            <button type="submit" className="ind-btn">{s('publish')}</button>
          </div>
        </form>
      )}
      {error ? <ProblemAlert error={error} /> : null}
      {done && (
        <p role="status">
          {s('created')} <a className="ind-link" href={`/data-terbuka/${done}`}>{done}</a>
        </p>
      )}
    </section>
  );
}
