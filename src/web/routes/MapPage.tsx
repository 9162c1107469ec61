import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { OPD_KIND_LABELS } from '../../contracts/org';
import { useListApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { Badge } from '../components/Badge';
import { PageHeader } from '../components/PageHeader';
import { WilayahMap } from '../components/WilayahMap';
import { useI18n } from '../i18n';
import { formatNumber } from '../lib/format';
import { sumByWilayah, type MapLevel } from '../lib/map';

type Measure = 'wilayah' | 'pegawai' | 'vacancies';

export default function MapPage() {
  const { t, pick, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const level: MapLevel = params.get('level') === 'kelurahan' ? 'kelurahan' : 'kecamatan';
  const measureParam = params.get('ukuran');
  const measure: Measure = measureParam === 'pegawai' || measureParam === 'vacancies' ? measureParam : 'wilayah';
  const selected = params.get('kode');
  const wilayah = useListApi('/wilayah', Schemas.wilayahList);
  const opds = useListApi('/opd', Schemas.opdList);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const regionCodes = useMemo(
    () => (wilayah.data ?? []).filter((w) => (level === 'kecamatan' ? w.level === 'kecamatan' : w.level === 'kelurahan' || w.level === 'desa')).map((w) => w.kode),
    [wilayah.data, level],
  );
  const values = useMemo(() => {
    if (measure === 'wilayah' || !opds.data) return undefined;
    return sumByWilayah(opds.data, regionCodes, level, (o) => (measure === 'pegawai' ? o.pegawaiCount : o.vacancyCount));
  }, [measure, opds.data, regionCodes, level]);

  const region = selected ? wilayah.data?.find((w) => w.kode === selected) : undefined;
  const asideRef = useRef<HTMLElement>(null);
  // On a phone the details sit below the map and its table: bring them into view when a region is chosen.
  useEffect(() => {
    if (selected) asideRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const regionOpds = selected ? (opds.data ?? []).filter((o) => o.wilayahKode === selected) : [];
  const childCount = selected ? (wilayah.data ?? []).filter((w) => w.parentKode === selected).length : 0;
  const measureLabel = measure === 'pegawai' ? t('mapPage.measure.pegawai') : measure === 'vacancies' ? t('mapPage.measure.vacancies') : undefined;

  return (
    <>
      <PageHeader title={t('mapPage.title')}>
        <span>{t('mapPage.intro')}</span>
      </PageHeader>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('mapPage.level')}>
          <button type="button" aria-pressed={level === 'kecamatan'} onClick={() => update({ level: 'kecamatan', kode: null })}>
            {t('map.level.kecamatan')}
          </button>
          <button type="button" aria-pressed={level === 'kelurahan'} onClick={() => update({ level: 'kelurahan', kode: null })}>
            {t('map.level.kelurahan')}
          </button>
        </div>
        <div className="field">
          <label htmlFor="map-measure">{t('mapPage.colour')}</label>
          <select id="map-measure" value={measure} onChange={(e) => update({ ukuran: e.target.value === 'wilayah' ? null : e.target.value })}>
            <option value="wilayah">{t('mapPage.measure.wilayah')}</option>
            <option value="pegawai">{t('mapPage.measure.pegawai')}</option>
            <option value="vacancies">{t('mapPage.measure.vacancies')}</option>
          </select>
        </div>
      </div>
      <div className="map-layout">
        <div className="card map-card">
          <WilayahMap
            key={level}
            level={level}
            values={values}
            legend={measureLabel}
            title={level === 'kecamatan' ? t('map.title.kecamatan') : t('map.title.kelurahan')}
            onSelect={(kode) => update({ kode })}
            height={520}
          />
        </div>
        <aside ref={asideRef} className="card map-aside" aria-labelledby="wilayah-terpilih" aria-live="polite">
          <h2 id="wilayah-terpilih" className="card-title">
            {region ? region.name : t('mapPage.selectTitle')}
          </h2>
          {!region && <p className="muted">{t('mapPage.selectHint')}</p>}
          {region && (
            <>
              <p className="small">
                {region.level === 'kecamatan' ? t('map.level.kecamatan') : region.level === 'desa' ? t('mapPage.desa') : t('mapPage.kelurahanOne')} ·{' '}
                <code>{region.kode}</code>
              </p>
              {region.level === 'kecamatan' && <p className="small">{t('mapPage.children', { count: formatNumber(childCount, lang) })}</p>}
              {values && (
                <p>
                  {measureLabel}: <strong>{formatNumber(values[region.kode] ?? 0, lang)}</strong>
                </p>
              )}
              <h3 className="small-heading">{t('mapPage.offices')}</h3>
              {regionOpds.length === 0 ? (
                <p className="muted small">{t('mapPage.noOffice')}</p>
              ) : (
                <ul className="link-list">
                  {regionOpds.map((o) => (
                    <li key={o.id}>
                      <Link to={`/opd/${o.id}`}>{o.name}</Link> <span className="small muted">{pick(OPD_KIND_LABELS[o.kind])}</span>
                      {o.vacancyCount > 0 && <Badge tone="warning">{t('opd.vacantCount', { count: o.vacancyCount })}</Badge>}
                    </li>
                  ))}
                </ul>
              )}
              <button type="button" className="button button-small button-ghost" onClick={() => update({ kode: null })}>
                {t('mapPage.clear')}
              </button>
            </>
          )}
        </aside>
      </div>
    </>
  );
}
