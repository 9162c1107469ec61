import { useState, type FormEvent } from 'react';
import { CATEGORIES, STAFF_CHANNELS, type TReceipt } from '../../../contracts/neutrality';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { useStrings } from './strings';

export type ReportMode = 'public' | 'internal' | 'staff';

/** One form for the three doors: public (no account), internal (an ASN), staff (paper, phone, Bawaslu). */
export function ReportForm({ mode, kode, opds, onDone }: { mode: ReportMode; kode?: string; opds: Array<{ id: string; name: string }>; onDone: (receipt: TReceipt) => void }) {
  const s = useStrings();
  const { pick } = useI18n();
  const [nip, setNip] = useState('');
  const [name, setName] = useState('');
  const [opdId, setOpdId] = useState('');
  const [category, setCategory] = useState<string>(CATEGORIES[0].code);
  const [occurredOn, setOccurredOn] = useState('');
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [links, setLinks] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const [anonymous, setAnonymous] = useState(true);
  const [reporterName, setReporterName] = useState('');
  const [contact, setContact] = useState('');
  const [channel, setChannel] = useState<(typeof STAFF_CHANNELS)[number]>('surat');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const uploadPath = mode === 'public' ? `/neutrality/public/${kode}/files` : '/neutrality/files';
      const hashes: string[] = [];
      for (const file of Array.from(files ?? [])) {
        const form = new FormData();
        form.append('file', file);
        hashes.push((await api.upload<{ sha256: string }>(uploadPath, form)).sha256);
      }
      const body = {
        reported: { nip: nip.trim() || null, name: name.trim() || null, opdId: opdId || null },
        category,
        occurredOn,
        place: place.trim(),
        description: description.trim(),
        links: links.split('\n').map((l) => l.trim()).filter(Boolean),
        files: hashes,
        anonymous,
        ...(mode !== 'internal' && !anonymous ? { reporter: { name: reporterName.trim(), contact: contact.trim() } } : {}),
        ...(mode === 'staff' ? { channel } : {}),
      };
      const path = mode === 'public' ? `/neutrality/public/${kode}/reports` : mode === 'staff' ? '/neutrality/reports/staff' : '/neutrality/reports';
      onDone(await api.post<TReceipt>(path, body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form card form-panel" onSubmit={submit}>
      <ProblemAlert error={error} />
      {mode === 'staff' && (
        <div className="field">
          <label htmlFor="ntr-channel">{s('report.channel')}</label>
          <select id="ntr-channel" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
            {STAFF_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c === 'surat' ? 'Surat / Letter' : c === 'telepon' ? 'Telepon / Phone' : 'Temuan Bawaslu / Bawaslu finding'}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="form-grid ntr-fieldset">
        <legend>{s('report.reported')}</legend>
        <div className="field">
          <label htmlFor="ntr-nip">{s('report.nip')}</label>
          <input id="ntr-nip" inputMode="numeric" pattern="\d{18}" maxLength={18} value={nip} onChange={(e) => setNip(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ntr-name">{s('report.name')}</label>
          <input id="ntr-name" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ntr-opd">{s('report.opd')}</label>
          <select id="ntr-opd" value={opdId} onChange={(e) => setOpdId(e.target.value)}>
            <option value="">{s('report.chooseOpd')}</option>
            {opds.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="ntr-category">{s('report.category')}</label>
        <select id="ntr-category" value={category} onChange={(e) => setCategory(e.target.value)}>
          {CATEGORIES.map((c) => (
            <option key={c.code} value={c.code}>
              {pick(c.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="ntr-date">{s('report.date')}</label>
          <input id="ntr-date" type="date" required value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ntr-place">{s('report.place')}</label>
          <input id="ntr-place" required maxLength={300} value={place} onChange={(e) => setPlace(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="ntr-desc">{s('report.description')}</label>
        <textarea id="ntr-desc" required minLength={20} maxLength={5000} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ntr-links">{s('report.links')}</label>
        <textarea id="ntr-links" rows={2} value={links} onChange={(e) => setLinks(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="ntr-files">{s('report.files')}</label>
        <input id="ntr-files" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" onChange={(e) => setFiles(e.target.files)} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {s('report.anonymous')}
      </label>
      {!anonymous && mode !== 'internal' && (
        <div className="form-grid">
          <div className="field">
            <label htmlFor="ntr-rname">{s('report.reporterName')}</label>
            <input id="ntr-rname" required maxLength={200} autoComplete="name" value={reporterName} onChange={(e) => setReporterName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ntr-rcontact">{s('report.reporterContact')}</label>
            <input id="ntr-rcontact" required maxLength={200} value={contact} onChange={(e) => setContact(e.target.value)} />
          </div>
        </div>
      )}
      <p className="hint">{mode === 'internal' ? s('report.internalIdentity') : s('report.identityNote')}</p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? s('report.sending') : s('report.submit')}
        </button>
      </div>
    </form>
  );
}

export function ReceiptCard({ receipt }: { receipt: TReceipt }) {
  const s = useStrings();
  return (
    <section className="card" aria-labelledby="ntr-receipt-title">
      <h2 id="ntr-receipt-title" className="card-title">
        {s('receipt.savedTitle')}
      </h2>
      <Alert tone="warning">{s('receipt.savedHint')}</Alert>
      <dl className="ntr-receipt">
        <dt>{s('receipt.number')}</dt>
        <dd data-testid="ntr-number">{receipt.number}</dd>
        <dt>{s('receipt.code')}</dt>
        <dd data-testid="ntr-code">{receipt.receiptCode}</dd>
        <dt>{s('receipt.secret')}</dt>
        <dd data-testid="ntr-secret">{receipt.secret}</dd>
      </dl>
      <p>
        <a className="button" href="/netralitas/tanda-terima">
          {s('receipt.follow')}
        </a>
      </p>
    </section>
  );
}
