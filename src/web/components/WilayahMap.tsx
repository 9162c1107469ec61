import { lazy, Suspense, useCallback, useId, useMemo, useState, type CSSProperties } from 'react';
import { useApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { useI18n } from '../i18n';
import { formatNumber } from '../lib/format';
import { readCollection, tableRows, type MapLevel } from '../lib/map';
import { EmptyState } from './EmptyState';
import { Icon } from './Icon';
import { Loading } from './Loading';
import type { MapCategory } from './MapChart';
import { ProblemAlert } from './ProblemAlert';

const MapChart = lazy(() => import('./MapChart'));

export type { MapCategory };

export interface WilayahMapProps {
  level: MapLevel;
  /** Value per kode wilayah: draws a choropleth (darker is higher). Without values each kecamatan gets its own colour. */
  values?: Record<string, number>;
  /** Named classes of values (e.g. 1 = rendah, 2 = sedang, 3 = tinggi) drawn as a stepped legend. */
  categories?: MapCategory[];
  title?: string;
  /** Called with the kode of the clicked region (or chosen in the table). */
  onSelect?: (kode: string) => void;
  /** Name of the values (tooltip, legend, table column); `false` hides the colour scale. */
  legend?: string | false;
  /** Map height in px (default 420). */
  height?: number;
  /** Start with the table shown. */
  tableOpen?: boolean;
}

/**
 * THE map of a Pemda's regions, used by every module that shows data per kecamatan or kelurahan. Fetches the
 * boundaries of the level, draws them with ECharts, follows the size of its container, and offers the same data
 * as a table ("Lihat sebagai tabel") for keyboard and screen-reader users.
 */
export function WilayahMap({ level, values, categories, title, onSelect, legend, height = 420, tableOpen = false }: WilayahMapProps) {
  const { t, lang } = useI18n();
  const tableId = useId();
  const [showTable, setShowTable] = useState(tableOpen);
  const geo = useApi('/wilayah/geojson', Schemas.geojson, { level });
  const collection = useMemo(() => readCollection(geo.data), [geo.data]);
  const formatValue = useCallback((value: number) => formatNumber(value, lang), [lang]);
  const valueLabel = typeof legend === 'string' ? legend : t('map.value');
  const rows = useMemo(() => tableRows(collection.features, values), [collection, values]);
  const categoryLabel = useMemo(() => new Map((categories ?? []).map((c) => [c.value, c.label])), [categories]);
  const levelName = level === 'kecamatan' ? t('map.level.kecamatan') : t('map.level.kelurahan');
  const accessibleName = `${title ?? (level === 'kecamatan' ? t('map.title.kecamatan') : t('map.title.kelurahan'))}. ${t('map.regionCount', { count: collection.features.length })}`;

  let body;
  if (geo.loading && !geo.data) body = <Loading label={t('map.loading')} />;
  else if (geo.error) body = <ProblemAlert error={geo.error} onRetry={geo.reload} />;
  else if (collection.features.length === 0)
    body = (
      <EmptyState icon="map" title={t('map.noBoundaries')}>
        {t('map.noBoundariesHint')}
      </EmptyState>
    );
  else
    body = (
      <div className="map-box" style={{ '--map-h': `${height}px` } as CSSProperties} role="img" aria-label={accessibleName}>
        <Suspense fallback={<Loading label={t('map.loading')} />}>
          <MapChart
            collection={collection}
            level={level}
            values={values}
            categories={categories}
            valueLabel={valueLabel}
            lowLabel={t('map.low')}
            highLabel={t('map.high')}
            noDataLabel={t('map.noData')}
            formatValue={formatValue}
            onSelect={onSelect}
            showScale={legend !== false}
          />
        </Suspense>
      </div>
    );

  return (
    <figure className="map-figure">
      {title && <figcaption className="map-title">{title}</figcaption>}
      {body}
      {collection.features.length > 0 && (
        <>
          <button type="button" className="button button-small button-ghost map-table-toggle" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
            <Icon name="table" size={16} />
            {showTable ? t('map.hideTable') : t('map.showTable')}
          </button>
          <div id={tableId} hidden={!showTable}>
            {showTable && (
              <table className="simple-table">
                <caption className="visually-hidden">{accessibleName}</caption>
                <thead>
                  <tr>
                    <th scope="col">{levelName}</th>
                    <th scope="col">{t('map.code')}</th>
                    {values && (
                      <th scope="col" className="num">
                        {valueLabel}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.code}>
                      <th scope="row">
                        {onSelect ? (
                          <button type="button" className="link-button" onClick={() => onSelect(row.code)}>
                            {row.name}
                          </button>
                        ) : (
                          row.name
                        )}
                      </th>
                      <td>
                        <code>{row.code}</code>
                      </td>
                      {values && <td className="num">{row.value === null ? t('map.noData') : (categoryLabel.get(row.value) ?? formatValue(row.value))}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </figure>
  );
}
