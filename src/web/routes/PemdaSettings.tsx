import { useState, type FormEvent } from 'react';
import type { TPemda } from '../../contracts/org';
import { api, isApiError, useApi } from '../api/client';
import { Schemas, type TBoundaryUpload } from '../api/schemas';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { Loading } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/ProblemAlert';
import { WilayahMap } from '../components/WilayahMap';
import { useI18n } from '../i18n';
import { formatDateRange, formatNumber } from '../lib/format';
import { HEAD_STATUS_KEYS, HEAD_STATUS_TONES } from '../lib/labels';

type Head = TPemda['heads'][number];
type HeadStatus = Head['status'];
type BoundaryResult = TBoundaryUpload;
/** One rejected feature, from a 200 result (`errors`) or a 400 problem (`errors[].path` = features.<index>). */
interface FeatureError {
  feature: number;
  code: string | null;
  reason: string;
}

/** Per-feature errors of a refused upload, whichever way the server reported them. */
export function featureErrorsOf(result: BoundaryResult | null, problem: unknown, pick: (text: { id: string; en: string }) => string): FeatureError[] {
  if (result) return result.errors.map((e) => ({ feature: e.feature, code: e.code, reason: pick(e.reason) }));
  if (!isApiError(problem)) return [];
  const out: FeatureError[] = [];
  for (const e of problem.problem.errors ?? []) {
    const match = /^features\.(\d+)/.exec(e.path);
    if (match) out.push({ feature: Number(match[1]), code: null, reason: e.message });
  }
  return out;
}

/** Endpoint for a new head: ZPemdaHeadCreate in, the new head out (see the report to the lead). */
const HEADS_PATH = '/pemda/heads';

function HeadForm({ onSaved, onCancel }: { onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<HeadStatus>('definitif');
  const [termStart, setTermStart] = useState('');
  const [termEnd, setTermEnd] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(HEADS_PATH, { name: name.trim(), title: title.trim(), status, termStart, termEnd: termEnd || null, legalBasis: legalBasis.trim() });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form card form-panel" onSubmit={submit} aria-labelledby="head-new-title">
      <h3 id="head-new-title" className="card-title">
        {t('settings.addHead')}
      </h3>
      <ProblemAlert error={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="head-name">{t('settings.headName')}</label>
          <input id="head-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="head-title">{t('settings.headTitle')}</label>
          <input id="head-title" required maxLength={100} placeholder={t('settings.headTitlePlaceholder')} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="head-status">{t('settings.headStatus')}</label>
          <select id="head-status" value={status} onChange={(e) => setStatus(e.target.value as HeadStatus)}>
            {(Object.keys(HEAD_STATUS_KEYS) as HeadStatus[]).map((s) => (
              <option key={s} value={s}>
                {t(HEAD_STATUS_KEYS[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="head-start">{t('settings.termStart')}</label>
          <input id="head-start" type="date" required value={termStart} onChange={(e) => setTermStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="head-end">
            {t('settings.termEnd')} {t('common.optional')}
          </label>
          <input id="head-end" type="date" value={termEnd} min={termStart || undefined} onChange={(e) => setTermEnd(e.target.value)} />
        </div>
        <div className="field field-wide">
          <label htmlFor="head-basis">{t('settings.legalBasis')}</label>
          <input
            id="head-basis"
            required
            maxLength={500}
            placeholder={t('settings.legalBasisPlaceholder')}
            value={legalBasis}
            onChange={(e) => setLegalBasis(e.target.value)}
          />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('action.save')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function BoundaryUpload({ onUploaded }: { onUploaded: () => void }) {
  const { t, pick, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<BoundaryResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const uploaded = await api.upload('/wilayah/boundaries', form, Schemas.boundaryUpload);
      setResult(uploaded);
      if (uploaded.errors.length === 0) onUploaded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const featureErrors = featureErrorsOf(result && result.errors.length > 0 ? result : null, error, pick);
  const columns: Column<FeatureError>[] = [
    { key: 'feature', header: t('settings.feature'), primary: true, render: (e) => <span className="nowrap">{t('settings.featureNo', { n: e.feature + 1 })}</span> },
    ...(featureErrors.some((e) => e.code) ? [{ key: 'code', header: t('map.code'), render: (e: FeatureError) => (e.code ? <code>{e.code}</code> : '–') }] : []),
    { key: 'reason', header: t('import.reason'), render: (e) => e.reason },
  ];

  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="geojson-file">{t('settings.geojsonFile')}</label>
        <input
          id="geojson-file"
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          required
          aria-describedby="geojson-hint"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setResult(null);
            setError(null);
          }}
        />
        <p className="hint" id="geojson-hint">
          {t('settings.geojsonHint')}
        </p>
      </div>
      <button type="submit" className="button button-primary" disabled={!file || busy}>
        {busy ? t('settings.uploading') : t('settings.upload')}
      </button>
      {featureErrors.length === 0 && <ProblemAlert error={error} />}
      {result && result.errors.length === 0 && (
        <div className="alert alert-success" role="status">
          <Icon name="check" />
          <div className="alert-body">
            <p>{t('settings.uploaded', { count: formatNumber(result.updated, lang) })}</p>
          </div>
        </div>
      )}
      {featureErrors.length > 0 && (
        <>
          <div className="alert alert-danger" role="alert">
            <Icon name="alert" />
            <div className="alert-body">
              <p>{t('settings.uploadRejected', { count: formatNumber(featureErrors.length, lang) })}</p>
            </div>
          </div>
          <DataTable caption={t('settings.featureErrors')} columns={columns} rows={featureErrors} rowKey={(e) => `${e.feature}-${e.reason}`} />
        </>
      )}
    </form>
  );
}

export default function PemdaSettings() {
  const { t, lang } = useI18n();
  const pemda = useApi('/pemda', Schemas.pemda);
  const [adding, setAdding] = useState(false);
  const [mapVersion, setMapVersion] = useState(0);

  const headColumns: Column<Head>[] = [
    {
      key: 'name',
      header: t('settings.headName'),
      primary: true,
      render: (h) => (
        <span className="cell-stack">
          <span>{h.name}</span>
          <span className="small muted">{h.title}</span>
        </span>
      ),
    },
    { key: 'status', header: t('settings.headStatus'), render: (h) => <Badge tone={HEAD_STATUS_TONES[h.status]}>{t(HEAD_STATUS_KEYS[h.status])}</Badge> },
    { key: 'term', header: t('home.term'), render: (h) => formatDateRange(h.termStart, h.termEnd, lang) },
    { key: 'basis', header: t('settings.legalBasis'), render: (h) => <span className="small">{h.legalBasis}</span> },
  ];

  return (
    <>
      <PageHeader title={t('settings.title')}>{pemda.data && <span>{pemda.data.name}</span>}</PageHeader>
      {pemda.loading && !pemda.data && <Loading />}
      <ProblemAlert error={pemda.error} onRetry={pemda.reload} />
      {pemda.data && (
        <section className="section" aria-labelledby="riwayat-kepala">
          <div className="section-head">
            <h2 id="riwayat-kepala">{t('settings.heads')}</h2>
            {!adding && (
              <button type="button" className="button" onClick={() => setAdding(true)}>
                {t('settings.addHead')}
              </button>
            )}
          </div>
          {adding && (
            <HeadForm
              onCancel={() => setAdding(false)}
              onSaved={() => {
                setAdding(false);
                pemda.reload();
              }}
            />
          )}
          <DataTable
            caption={t('settings.heads')}
            columns={headColumns}
            rows={[...pemda.data.heads].sort((a, b) => b.termStart.localeCompare(a.termStart))}
            rowKey={(h) => h.id}
            empty={<EmptyState icon="user" title={t('settings.noHeads')} />}
          />
        </section>
      )}
      <section className="section" aria-labelledby="batas-wilayah">
        <h2 id="batas-wilayah">{t('settings.boundaries')}</h2>
        <p className="muted">{t('settings.boundariesIntro')}</p>
        <div className="grid-2">
          <div className="card">
            <BoundaryUpload onUploaded={() => setMapVersion((v) => v + 1)} />
          </div>
          <div className="card">
            <WilayahMap key={mapVersion} level="kelurahan" height={300} title={t('settings.currentBoundaries')} />
          </div>
        </div>
      </section>
    </>
  );
}
