import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZPublicFiled, ZPublicMeta, type TPublicFiled } from '../../../contracts/complaints';
import { api, useApi } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PublicShell } from './PublicShell';
import { kelurahanAt, RegionPointMap, type MapFeature } from './RegionPointMap';
import { useStrings } from './strings';

interface GeoCollection {
  features: Array<{ properties: { code: string; name: string }; geometry: MapFeature['geometry'] }>;
}

/** /lapor: the public complaint form, phone first (issue 6 §3). */
export default function PublicForm() {
  const s = useStrings();
  const { lang } = useI18n();
  const meta = useApi('/public/lapor/meta', ZPublicMeta);
  const geo = useApi<GeoCollection>('/public/lapor/wilayah');
  const features = useMemo<MapFeature[]>(() => (geo.data?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name, geometry: f.geometry })), [geo.data]);
  const [serviceCode, setServiceCode] = useState('');
  const [description, setDescription] = useState('');
  const [attributes, setAttributes] = useState<Record<string, string>>({});
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [gpsError, setGpsError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filed, setFiled] = useState<TPublicFiled | null>(null);

  const service = meta.data?.services.find((x) => x.code === serviceCode);
  const max = meta.data?.limits.descriptionMax ?? 4000;
  const kelurahan = point ? kelurahanAt(features, point[0], point[1]) : null;
  const groups = useMemo(() => {
    const map = new Map<string, NonNullable<typeof meta.data>['services']>();
    for (const x of meta.data?.services ?? []) map.set(x.group, [...(map.get(x.group) ?? []), x]);
    return [...map.entries()];
  }, [meta.data]);

  const useGps = () => {
    setGpsError(false);
    if (!navigator.geolocation) return setGpsError(true);
    navigator.geolocation.getCurrentPosition(
      (position) => setPoint([Math.round(position.coords.longitude * 1e6) / 1e6, Math.round(position.coords.latitude * 1e6) / 1e6]),
      () => setGpsError(true),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set('serviceCode', serviceCode);
    form.set('description', description);
    if (point) {
      form.set('lng', String(point[0]));
      form.set('lat', String(point[1]));
    }
    if (address.trim()) form.set('address', address.trim());
    if (anonymous) form.set('anonymous', 'true');
    else {
      if (name.trim()) form.set('name', name.trim());
      if (contact.trim()) form.set('contact', contact.trim());
    }
    for (const [code, value] of Object.entries(attributes)) if (value) form.set(`attribute[${code}]`, value);
    for (const photo of photos) form.append('photo', photo, photo.name);
    try {
      setFiled(await api.upload('/public/lapor', form, ZPublicFiled));
      window.scrollTo(0, 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (filed) {
    return (
      <PublicShell title={s('filedTitle')}>
        <Alert tone="success" title={s('filedCode')}>
          <p className="cmp-code" data-testid="tracking-code">{filed.code}</p>
          <p>{s('filedKeep')}</p>
        </Alert>
        <dl className="facts">
          <div><dt>{s('handledBy')}</dt><dd>{filed.opdName}</dd></div>
          {filed.kelurahan && (
            <>
              <div><dt>{s('kelurahan')}</dt><dd>{filed.kelurahan}</dd></div>
            </>
          )}
          <div><dt>{s('verifyBy')}</dt><dd>{formatDate(filed.verifyDue, lang)}</dd></div>
          <div><dt>{s('respondBy')}</dt><dd>{formatDate(filed.respondDue, lang)}</dd></div>
          <div><dt>{s('resolveBy')}</dt><dd>{formatDate(filed.resolveDue, lang)}</dd></div>
        </dl>
        <div className="button-row">
          <Link className="button button-primary" to={`/lapor/${filed.code}`}>
            {s('track')}
          </Link>
        </div>
      </PublicShell>
    );
  }

  return (
    <PublicShell title={s('formTitle')}>
      <p className="lead">{s('formIntro')}</p>
      {meta.loading && !meta.data && <Loading />}
      {meta.error ? <ProblemAlert error={meta.error} onRetry={meta.reload} /> : null}
      {meta.data && (
        <form className="form cmp-form" onSubmit={submit}>
          {error ? <ProblemAlert error={error} /> : null}
          <div className="field">
            <label htmlFor="cmp-service">{s('category')}</label>
            <select id="cmp-service" required value={serviceCode} onChange={(e) => setServiceCode(e.target.value)}>
              <option value="">{s('chooseCategory')}</option>
              {groups.map(([group, list]) => (
                <optgroup key={group} label={group}>
                  {list.map((x) => (
                    <option key={x.code} value={x.code}>
                      {x.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {service?.description && <p className="hint">{service.description}</p>}
          </div>
          {service?.attributes.map((a) => (
            <div className="field" key={a.code}>
              <label htmlFor={`cmp-attr-${a.code}`}>{a.description}</label>
              {a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist' ? (
                <select id={`cmp-attr-${a.code}`} required={a.required} value={attributes[a.code] ?? ''} onChange={(e) => setAttributes({ ...attributes, [a.code]: e.target.value })}>
                  <option value="">—</option>
                  {a.values.map((v) => (
                    <option key={v.key} value={v.key}>
                      {v.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`cmp-attr-${a.code}`}
                  type={a.datatype === 'number' ? 'number' : a.datatype === 'datetime' ? 'datetime-local' : 'text'}
                  required={a.required}
                  value={attributes[a.code] ?? ''}
                  onChange={(e) => setAttributes({ ...attributes, [a.code]: e.target.value })}
                />
              )}
            </div>
          ))}
          <div className="field">
            <label htmlFor="cmp-description">{s('description')}</label>
            <textarea id="cmp-description" required rows={5} maxLength={max} aria-describedby="cmp-description-hint" value={description} onChange={(e) => setDescription(e.target.value)} />
            <p className="hint" id="cmp-description-hint">
              {s('descriptionHint', { max: max.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB') })} {s('charactersLeft', { n: max - description.length })}
            </p>
          </div>
          <fieldset className="cmp-fieldset">
            <legend>{s('location')}</legend>
            <p className="hint" id="cmp-location-hint">{s('locationHint')}</p>
            {features.length > 0 && <RegionPointMap features={features} label={s('locationHint')} point={point} onPick={(lng, lat) => setPoint([lng, lat])} selected={kelurahan?.code ?? null} />}
            <div className="button-row">
              <button type="button" className="button" onClick={useGps}>
                {s('useGps')}
              </button>
            </div>
            <p className="small" role="status" aria-live="polite">
              {gpsError ? s('gpsFailed') : point ? `${s('pointChosen', { lat: point[1].toFixed(5), lng: point[0].toFixed(5) })} · ${kelurahan ? s('inKelurahan', { name: kelurahan.name }) : s('outside')}` : ''}
            </p>
            <div className="field">
              <label htmlFor="cmp-address">{s('address')}</label>
              <input id="cmp-address" type="text" maxLength={500} value={address} onChange={(e) => setAddress(e.target.value)} />
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="cmp-photos">{s('photos')}</label>
            <input
              id="cmp-photos"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              aria-describedby="cmp-photos-hint"
              onChange={(e) => setPhotos(Array.from(e.target.files ?? []).slice(0, meta.data?.limits.photosMax ?? 3))}
            />
            <p className="hint" id="cmp-photos-hint">
              {s('photosHint', { n: meta.data.limits.photosMax, mb: Math.round(meta.data.limits.photoMaxBytes / 1048576) })}
            </p>
          </div>
          <fieldset className="cmp-fieldset">
            <legend>{s('identity')}</legend>
            <p className="hint">{s('identityHint')}</p>
            <label className="checkbox">
              <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {s('anonymous')}
            </label>
            {!anonymous && (
              <div className="grid-2">
                <div className="field">
                  <label htmlFor="cmp-name">{s('name')}</label>
                  <input id="cmp-name" type="text" autoComplete="name" maxLength={150} value={name} onChange={(e) => setName(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="cmp-contact">{s('contact')}</label>
                  <input id="cmp-contact" type="text" autoComplete="tel" maxLength={150} value={contact} onChange={(e) => setContact(e.target.value)} />
                </div>
              </div>
            )}
          </fieldset>
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? s('sending') : s('submit')}
          </button>
        </form>
      )}
    </PublicShell>
  );
}
