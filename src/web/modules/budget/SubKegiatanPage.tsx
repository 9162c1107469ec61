import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ZSubKegiatanDetail, type TSubKegiatanDetail } from '../../../contracts/budget';
import { useApi } from '../../api/client';
import { Badge } from '../../components/Badge';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { putJson } from './api';
import { MONTHS, pct, rupiahFull, rupiahShort, useBudgetText } from './strings';

/** One sub-kegiatan: its twelve months of plan and realisation, and the entry form for the OPD operator. */
export default function SubKegiatanPage() {
  const { id = '' } = useParams();
  const { s, lang } = useBudgetText();
  const { data, error, loading, reload, setData } = useApi(`/budget/sub-kegiatan/${encodeURIComponent(id)}`, ZSubKegiatanDetail);
  if (loading && !data) return <Loading />;
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return null;
  const r = data.row;
  return (
    <div className="bud-page">
      <PageHeader title={r.nama} eyebrow={<Link to={`/anggaran/opd/${data.opdId}?tahun=${data.tahun}`}>{`← ${data.opdName}`}</Link>} />
      <section className="bud-card">
        <p className="bud-code">{r.kode}</p>
        <p className="bud-small">{`${r.programNama} › ${r.kegiatanNama}`}</p>
        <p>
          {`${s('pagu')} ${rupiahFull(r.paguEfektif, lang)} · ${r.jenis === 'fisik' ? s('physical') : 'Non fisik'} · ${s('contract')}: ${r.statusKontrak}`}
          {r.wilayahNama && ` · ${s('location')}: ${r.wilayahNama}`}
          {r.sasaranKode && ` · ${s('sasaran')} ${r.sasaranKode}`}
        </p>
        <p>
          {r.kritis && <Badge tone="danger">{s('critical')}</Badge>} {r.status === 'ditunda' && <Badge tone="warning">{s('postponed')}</Badge>} {r.dilindungi && <Badge tone="info">{`${s('protectedBadge')}: ${r.dilindungiAlasan ?? ''}`}</Badge>}
        </p>
      </section>
      {data.canWrite && r.status === 'aktif' && <EntryForm detail={data} onSaved={setData} />}
      <section className="bud-card">
        <div className="bud-table-wrap">
          <table className="bud-table bud-cards">
            <caption>{`${s('monthColumn')} ${data.tahun}`}</caption>
            <thead>
              <tr>
                <th scope="col">{s('monthColumn')}</th>
                <th scope="col" className="num">{s('cashPlan')}</th>
                <th scope="col" className="num">{s('realised')}</th>
                <th scope="col" className="num">{s('planPhysical')}</th>
                <th scope="col" className="num">{s('actualPhysical')}</th>
                <th scope="col">SP2D</th>
              </tr>
            </thead>
            <tbody>
              {data.bulan.map((m) => (
                <tr key={m.bulan}>
                  <td className="bud-cell-main">{MONTHS[lang][m.bulan - 1]}</td>
                  <td className="num" data-label={s('cashPlan')}>{rupiahShort(m.rencanaKeuangan, lang)}</td>
                  <td className="num" data-label={s('realised')}>{rupiahShort(m.realisasiKeuangan, lang)}</td>
                  <td className="num" data-label={s('planPhysical')}>{pct(m.rencanaFisik, lang)}</td>
                  <td className="num" data-label={s('actualPhysical')}>{pct(m.realisasiFisik, lang)}</td>
                  <td data-label="SP2D">{m.sp2dRef ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function EntryForm({ detail, onSaved }: { detail: TSubKegiatanDetail; onSaved: (next: TSubKegiatanDetail) => void }) {
  const { s, lang } = useBudgetText();
  const today = new Date();
  const lastMonth = detail.tahun < today.getFullYear() ? 12 : today.getMonth() + 1;
  const [bulan, setBulan] = useState(lastMonth);
  const current = detail.bulan[bulan - 1];
  const [amount, setAmount] = useState(String(current?.realisasiKeuangan ?? ''));
  const [progress, setProgress] = useState(String(current?.realisasiFisik ?? ''));
  const [ref, setRef] = useState(current?.sp2dRef ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const pick = (next: number) => {
    setBulan(next);
    const month = detail.bulan[next - 1];
    setAmount(String(month?.realisasiKeuangan ?? ''));
    setProgress(String(month?.realisasiFisik ?? ''));
    setRef(month?.sp2dRef ?? '');
    setSaved(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { realisasiKeuangan: amount === '' ? null : Number(amount.replace(/\./g, '').replace(',', '.')), realisasiFisik: progress === '' ? null : Number(progress.replace(',', '.')), sp2dRef: ref.trim() === '' ? null : ref.trim() };
      onSaved(await putJson<TSubKegiatanDetail>(`/budget/sub-kegiatan/${detail.row.id}/realisasi/${bulan}`, body));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="bud-card" aria-labelledby="bud-entry">
      <h2 id="bud-entry">{s('enterRealisation')}</h2>
      <form className="bud-form" onSubmit={submit}>
        <label htmlFor="bud-entry-month">{s('monthColumn')}</label>
        <select id="bud-entry-month" value={bulan} onChange={(e) => pick(Number(e.target.value))}>
            {MONTHS[lang].slice(0, lastMonth).map((name, index) => (
              <option key={name} value={index + 1}>
                {name}
              </option>
            ))}
        </select>
        <label>
          {s('sp2d')}
          <input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label>
          {s('progress')}
          <input inputMode="decimal" value={progress} onChange={(e) => setProgress(e.target.value)} />
        </label>
        <label>
          {s('sp2dRef')}
          <input value={ref} onChange={(e) => setRef(e.target.value)} maxLength={200} />
        </label>
        <ProblemAlert error={error} />
        {saved && <p role="status">{s('saved')}</p>}
        <div className="bud-actions">
          <button className="bud-button" type="submit" disabled={busy}>
            {s('save')}
          </button>
        </div>
      </form>
    </section>
  );
}
