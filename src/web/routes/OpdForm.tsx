import { useMemo, useState, type FormEvent } from 'react';
import { OPD_KIND_LABELS, OPD_KINDS, type TOpd } from '../../contracts/org';
import { api, useListApi } from '../api/client';
import { Schemas } from '../api/schemas';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';

type OpdKind = (typeof OPD_KINDS)[number];

/** Create or edit an OPD (admin_pemda, BKPSDM: ability org.manage). Kecamatan and kelurahan need their region. */
export function OpdForm({ opd, allOpd, onSaved, onCancel }: { opd?: TOpd; allOpd: readonly TOpd[]; onSaved: (opd: TOpd) => void; onCancel: () => void }) {
  const { t, pick } = useI18n();
  const [code, setCode] = useState(opd?.code ?? '');
  const [name, setName] = useState(opd?.name ?? '');
  const [shortName, setShortName] = useState(opd?.shortName ?? '');
  const [kind, setKind] = useState<OpdKind>(opd?.kind ?? 'dinas');
  const [parentId, setParentId] = useState(opd?.parentId ?? '');
  const [wilayahKode, setWilayahKode] = useState(opd?.wilayahKode ?? '');
  const [address, setAddress] = useState(opd?.address ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const needsWilayah = kind === 'kecamatan' || kind === 'kelurahan';
  const wilayah = useListApi(needsWilayah ? '/wilayah' : null, Schemas.wilayahList);
  const wilayahOptions = useMemo(
    () => (wilayah.data ?? []).filter((w) => (kind === 'kecamatan' ? w.level === 'kecamatan' : w.level === 'kelurahan' || w.level === 'desa')).sort((a, b) => a.name.localeCompare(b.name, 'id')),
    [wilayah.data, kind],
  );
  const parents = useMemo(() => allOpd.filter((o) => o.id !== opd?.id).sort((a, b) => a.name.localeCompare(b.name, 'id')), [allOpd, opd?.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      code: code.trim().toUpperCase(),
      name: name.trim(),
      shortName: shortName.trim() || null,
      kind,
      parentId: parentId || null,
      wilayahKode: needsWilayah ? wilayahKode || null : null,
      address: address.trim() || null,
    };
    try {
      const saved = opd ? await api.patch(`/opd/${opd.id}`, body, Schemas.opd) : await api.post('/opd', body, Schemas.opd);
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const prefix = opd ? `opd-edit` : 'opd-new';
  return (
    <form className="form card form-panel" onSubmit={submit} aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} className="card-title">
        {opd ? t('opdForm.editTitle') : t('opdForm.newTitle')}
      </h2>
      <ProblemAlert error={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${prefix}-code`}>{t('opdForm.code')}</label>
          <input
            id={`${prefix}-code`}
            required
            pattern="[A-Za-z0-9][A-Za-z0-9_\-]{1,39}"
            aria-describedby={`${prefix}-code-hint`}
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
          />
          <p className="hint" id={`${prefix}-code-hint`}>
            {t('opdForm.codeHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-kind`}>{t('opd.kind')}</label>
          <select id={`${prefix}-kind`} value={kind} onChange={(e) => setKind(e.target.value as OpdKind)}>
            {OPD_KINDS.map((k) => (
              <option key={k} value={k}>
                {pick(OPD_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={`${prefix}-name`}>{t('opdForm.name')}</label>
          <input id={`${prefix}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-short`}>{t('opdForm.shortName')}</label>
          <input id={`${prefix}-short`} maxLength={60} value={shortName} onChange={(e) => setShortName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-parent`}>{t('opd.parent')}</label>
          <select id={`${prefix}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('opdForm.noParent')}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {needsWilayah && (
          <div className="field">
            <label htmlFor={`${prefix}-wilayah`}>{t('opd.wilayah')}</label>
            <select id={`${prefix}-wilayah`} required value={wilayahKode} onChange={(e) => setWilayahKode(e.target.value)}>
              <option value="">{wilayah.loading ? t('common.loading') : t('opdForm.chooseWilayah')}</option>
              {wilayahOptions.map((w) => (
                <option key={w.kode} value={w.kode}>
                  {w.name} ({w.kode})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field-wide">
          <label htmlFor={`${prefix}-address`}>{t('opd.address')}</label>
          <input id={`${prefix}-address`} maxLength={300} value={address} onChange={(e) => setAddress(e.target.value)} />
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
