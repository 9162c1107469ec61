import '../neutrality/neutrality.css';
import { useState, type FormEvent } from 'react';
import type { TProposal, TStaffingOverview } from '../../../contracts/staffing';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Badge } from '../../components/Badge';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { PeriodBanners } from '../neutrality/Banners';
import { useStrings } from '../neutrality/strings';

interface Vacancy {
  jabatanId: string;
  name: string;
  kind: string;
  openProposalId: string | null;
}
interface PegawaiHit {
  id: string;
  name: string;
  nip: string | null;
}

function NewProposal({ onDone }: { onDone: () => void }) {
  const s = useStrings();
  const vacancies = useApi<{ items: Vacancy[] }>('/staffing/vacancies');
  const [jabatanId, setJabatanId] = useState('');
  const [reason, setReason] = useState('');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PegawaiHit[]>([]);
  const [chosen, setChosen] = useState<PegawaiHit[]>([]);
  const [error, setError] = useState<unknown>(null);
  const search = async () => setHits((await api.get<{ items: PegawaiHit[] }>(`/pegawai?q=${encodeURIComponent(query)}&limit=8`)).items);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.post('/staffing/proposals', { kind: 'promosi', jabatanId, reason, candidates: chosen.map((c, i) => ({ pegawaiId: c.id, skpPredikat: i === 0 ? 'sangat_baik' : 'baik' })) });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card form" onSubmit={submit}>
      <h2 className="card-title">{s('staff.new')}</h2>
      <ProblemAlert error={error} />
      <div className="field">
        <label htmlFor="stf-vacancy">{s('staff.vacancy')}</label>
        <select id="stf-vacancy" required value={jabatanId} onChange={(e) => setJabatanId(e.target.value)}>
          <option value="" />
          {(vacancies.data?.items ?? []).filter((v) => !v.openProposalId).map((v) => (
            <option key={v.jabatanId} value={v.jabatanId}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="stf-reason">{s('staff.reason')}</label>
        <textarea id="stf-reason" required minLength={10} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="stf-search">{s('staff.candidates')}</label>
        <div className="ntr-inline">
          <input id="stf-search" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="button" className="button" onClick={() => void search()}>
            OK
          </button>
        </div>
        <ul className="link-list">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="link-button" onClick={() => setChosen((c) => (c.some((x) => x.id === h.id) ? c : [...c, h]))}>
                + {h.name} {h.nip ?? ''}
              </button>
            </li>
          ))}
        </ul>
        <p>{chosen.map((c) => c.name).join(', ')}</p>
      </div>
      <button className="button button-primary" type="submit" disabled={chosen.length === 0}>
        {s('staff.submit')}
      </button>
    </form>
  );
}

function ProposalCard({ p, onChange }: { p: TProposal; onChange: () => void }) {
  const s = useStrings();
  const { lang, pick } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [letterNumber, setLetterNumber] = useState('');
  const [letterDate, setLetterDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sk, setSk] = useState('');
  const run = (work: () => Promise<unknown>) => async (event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    try {
      await work();
      onChange();
    } catch (err) {
      setError(err);
    }
  };
  const recordLetter = async () => {
    const form = new FormData();
    if (file) form.append('file', file);
    const uploaded = await api.upload<{ sha256: string }>('/staffing/files', form);
    await api.post(`/staffing/proposals/${p.id}/minister-approval`, { letterNumber, letterDate, fileSha256: uploaded.sha256 });
  };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <li className="card">
      <h3 className="card-title">
        {p.number} · {p.jabatanName} <Badge tone={p.status === 'dilaksanakan' ? 'success' : p.status === 'ditolak' ? 'danger' : 'info'}>{p.status}</Badge>
      </h3>
      <p className="muted">
        {p.opdName} · {p.kind} · {formatDate(p.proposedOn, lang)}
      </p>
      <ul>
        {p.candidates.map((c) => (
          <li key={c.pegawaiId}>
            {c.rank}. {c.name} — SKP {c.skpPredikat.replace('_', ' ')} · {s('staff.neutrality', { n: c.neutralitySanctions })}
            {c.pegawaiId === p.chosenPegawaiId ? ' ✓' : ''}
          </li>
        ))}
      </ul>
      {p.ministerLetter && (
        <p>
          {s('staff.letter')}: {p.ministerLetter.number} ({formatDate(p.ministerLetter.date, lang)})
        </p>
      )}
      {p.guard.needsMinisterApproval && p.guard.reason && <p className="ntr-banner">{s('staff.blocked', { reason: pick(p.guard.reason) })}</p>}
      <ProblemAlert error={error} />
      {p.abilities.includes('decide') && p.candidates[0] && (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => void run(() => api.post(`/staffing/proposals/${p.id}/decision`, { approve: true, chosenPegawaiId: p.candidates[0]?.pegawaiId, note: 'Disetujui.' }))()}>
            {s('staff.approve')}: {p.candidates[0].name}
          </button>
          <button type="button" className="button button-ghost" onClick={() => void run(() => api.post(`/staffing/proposals/${p.id}/decision`, { approve: false, note: 'Ditolak.' }))()}>
            {s('staff.reject')}
          </button>
        </div>
      )}
      {p.abilities.includes('minister') && !p.ministerLetter && (
        <form className="form" onSubmit={run(recordLetter)}>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`l-${p.id}`}>{s('staff.letterNumber')}</label>
              <input id={`l-${p.id}`} required value={letterNumber} onChange={(e) => setLetterNumber(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`d-${p.id}`}>{s('staff.letterDate')}</label>
              <input id={`d-${p.id}`} type="date" required value={letterDate} onChange={(e) => setLetterDate(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`f-${p.id}`}>{s('staff.letterFile')}</label>
              <input id={`f-${p.id}`} type="file" required accept="application/pdf,image/*" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </div>
          </div>
          <button className="button" type="submit">
            {s('staff.recordLetter')}
          </button>
        </form>
      )}
      {p.abilities.includes('execute') && (
        <form className="form ntr-inline" onSubmit={run(() => api.post(`/staffing/proposals/${p.id}/execute`, { effectiveDate: today, skNumber: sk }))}>
          <label htmlFor={`sk-${p.id}`}>{s('staff.sk')}</label>
          <input id={`sk-${p.id}`} required value={sk} onChange={(e) => setSk(e.target.value)} />
          <button className="button button-primary" type="submit">
            {s('staff.execute')}
          </button>
        </form>
      )}
    </li>
  );
}

/** /kepegawaian/usulan: proposals with the quota meter and the freeze/Pj banner (issue 7 §6). */
export default function ProposalsPage() {
  const s = useStrings();
  const { lang } = useI18n();
  const { can } = useAuth();
  const overview = useApi<TStaffingOverview>('/staffing/overview');
  const proposals = useApi<{ items: TProposal[] }>('/staffing/proposals');
  const [creating, setCreating] = useState(false);
  const year = new Date().getFullYear();
  const reload = () => {
    overview.reload();
    proposals.reload();
    setCreating(false);
  };
  return (
    <>
      <PageHeader
        title={s('staff.title')}
        actions={
          <div className="ntr-inline">
            {can('staffing.propose') && (
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                {s('staff.new')}
              </button>
            )}
            <a className="button button-ghost" href={`/api/v1/staffing/report.csv?from=${year}-01-01&to=${year}-12-31`}>
              {s('staff.report')}
            </a>
          </div>
        }
      />
      <ProblemAlert error={overview.error ?? proposals.error} />
      <PeriodBanners banners={overview.data?.banners} staffing />
      {overview.data && overview.data.quotas.length > 0 && (
        <section className="card">
          <h2 className="card-title">{s('staff.quota')}</h2>
          {overview.data.quotas.slice(0, 4).map((q) => (
            <div key={q.id} className="ntr-quota">
              <div>
                <strong>{q.eselonGroup === 'eselon_ii' ? 'Eselon II' : 'Eselon III/IV'}</strong> · {formatDate(q.validFrom, lang)} – {formatDate(q.validTo, lang)}: {s('staff.quotaUsed', { used: q.used, max: q.maxProposals })}
              </div>
              <div className={`ntr-meter${q.remaining === 0 ? ' ntr-meter-full' : ''}`} role="meter" aria-valuemin={0} aria-valuemax={q.maxProposals} aria-valuenow={q.used} aria-label={s('staff.quota')}>
                <span style={{ width: `${q.maxProposals ? Math.min(100, (q.used / q.maxProposals) * 100) : 100}%` }} />
              </div>
              <small className="muted">{q.legalBasis}</small>
            </div>
          ))}
        </section>
      )}
      {creating && <NewProposal onDone={reload} />}
      <h2>{s('staff.proposals')}</h2>
      <ul className="ntr-list">
        {(proposals.data?.items ?? []).map((p) => (
          <ProposalCard key={p.id} p={p} onChange={reload} />
        ))}
      </ul>
    </>
  );
}
