import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { ZPostponement, ZShortfall, type TPostponement } from '../../../contracts/budget';
import { useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Badge } from '../../components/Badge';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { postJson } from './api';
import { BudgetTabs } from './components';
import { pct, rupiahShort, useBudgetText } from './strings';

const ZList = z.object({ items: z.array(ZPostponement) });

/** The shortfall rule: the gap against the threshold, Pamong's proposal, and the head's decision. */
export default function PostponementPage() {
  const { s, lang } = useBudgetText();
  const { can } = useAuth();
  const shortfall = useApi('/budget/shortfall', ZShortfall);
  const list = useApi(shortfall.data ? `/budget/postponements?tahun=${shortfall.data.tahun}` : null, ZList);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if ((shortfall.loading && !shortfall.data) || (list.loading && !list.data)) return <Loading />;
  if (shortfall.error) return <ProblemAlert error={shortfall.error} onRetry={shortfall.reload} />;
  const ev = shortfall.data;
  if (!ev) return null;
  const items = list.data?.items ?? [];
  const open = items.find((p) => p.status === 'diusulkan');
  const decided = items.filter((p) => p.status !== 'diusulkan');
  const propose = async () => {
    setBusy(true);
    setError(null);
    try {
      await postJson('/budget/postponements', { tahun: ev.tahun });
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="bud-page">
      <PageHeader title={`${s('postponeTitle')} ${ev.tahun}`} />
      <BudgetTabs />
      <section className={`bud-status ${ev.terpicu ? 'bud-status-bad' : 'bud-status-ok'}`} aria-live="polite">
        <strong>{ev.terpicu ? s('triggered') : s('notTriggered')}</strong>
        <span>{`${s('projection')}: ${rupiahShort(ev.proyeksi, lang)} · ${s('target')}: ${rupiahShort(ev.target, lang)} · ${s('gap')}: ${rupiahShort(ev.selisih, lang)} (${pct(ev.selisihPersen, lang)}) · ${s('threshold')}: ${pct(ev.ambangPersen, lang)}`}</span>
        <Link to="/anggaran/pendapatan">{s('tabRevenue')} →</Link>
      </section>
      <p className="bud-hint">{s('postponeRule')}</p>
      <ProblemAlert error={error} />
      {open ? (
        <Decision proposal={open} onDone={() => { list.reload(); shortfall.reload(); }} />
      ) : (
        ev.terpicu && (
          <section className="bud-card" aria-labelledby="bud-preview">
            <div className="bud-card-head">
              <h2 id="bud-preview">{s('previewTitle')}</h2>
              {can('budget.postpone.propose') && (
                <button type="button" className="bud-button" onClick={propose} disabled={busy}>
                  {s('propose')}
                </button>
              )}
            </div>
            <ItemTable items={ev.usulan.map((i) => ({ ...i, termasuk: true }))} />
            <p className="bud-small">{`${s('covered')}: ${rupiahShort(ev.tertutup, lang)} / ${rupiahShort(ev.selisih, lang)}`}</p>
          </section>
        )
      )}
      {decided.length > 0 && (
        <section className="bud-card" aria-labelledby="bud-history">
          <h2 id="bud-history">{s('history')}</h2>
          <ul className="bud-list">
            {decided.map((p) => (
              <li key={p.id}>
                <Badge tone={p.status === 'disetujui' ? 'success' : 'neutral'}>{p.status === 'disetujui' ? s('approved') : s('rejected')}</Badge>{' '}
                {`${formatDateTime(p.diputuskanPada, lang)} · ${rupiahShort(p.jumlahDitunda, lang)} · ${p.catatanKeputusan ?? ''}`}{' '}
                <a href={`/api/v1/budget/postponements/${p.id}/export/pdf`} download>
                  PDF
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

type Item = TPostponement['items'][number];

function ItemTable({ items, selected, onToggle }: { items: Item[]; selected?: Set<string>; onToggle?: (id: string) => void }) {
  const { s, lang } = useBudgetText();
  return (
    <div className="bud-table-wrap">
      <table className="bud-table bud-cards">
        <caption className="visually-hidden">{s('proposal')}</caption>
        <thead>
          <tr>
            {onToggle && <th scope="col">{s('include')}</th>}
            <th scope="col">{s('subActivities')}</th>
            <th scope="col" className="num">{s('postponed')}</th>
            <th scope="col">{s('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.subKegiatanId}>
              {onToggle && (
                <td data-label={s('include')}>
                  <input type="checkbox" className="bud-check" checked={selected?.has(i.subKegiatanId) ?? false} onChange={() => onToggle(i.subKegiatanId)} aria-label={`${s('include')}: ${i.nama}`} />
                </td>
              )}
              <td className="bud-cell-main">
                {`${i.urutan}. `}
                <Link to={`/anggaran/sub/${i.subKegiatanId}`}>{i.nama}</Link>
                <div className="bud-small">{i.opdName}</div>
              </td>
              <td className="num" data-label={s('postponed')}>{rupiahShort(i.jumlah, lang)}</td>
              <td data-label={s('reason')} className="bud-small">{i.alasan[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Decision({ proposal, onDone }: { proposal: TPostponement; onDone: () => void }) {
  const { s, lang } = useBudgetText();
  const [selected, setSelected] = useState(() => new Set(proposal.items.filter((i) => i.termasuk).map((i) => i.subKegiatanId)));
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setSelected(new Set(proposal.items.filter((i) => i.termasuk).map((i) => i.subKegiatanId))), [proposal]);
  const total = useMemo(() => proposal.items.filter((i) => selected.has(i.subKegiatanId)).reduce((a, i) => a + i.jumlah, 0), [proposal, selected]);
  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const decide = async (keputusan: 'setujui' | 'tolak') => {
    setBusy(true);
    setError(null);
    try {
      await postJson(`/budget/postponements/${proposal.id}/decision`, { keputusan, subKegiatanIds: keputusan === 'setujui' ? [...selected] : undefined, catatan: note });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="bud-card" aria-labelledby="bud-proposal">
      <div className="bud-card-head">
        <h2 id="bud-proposal">
          {`${s('proposal')} · `}
          <Badge tone="warning">{s('awaiting')}</Badge>
        </h2>
        <a className="button button-small" href={`/api/v1/budget/postponements/${proposal.id}/export/pdf`} download>
          {s('exportPdf')}
        </a>
      </div>
      <ItemTable items={proposal.items} selected={selected} onToggle={proposal.canDecide ? toggle : undefined} />
      <p className={total >= proposal.selisih ? 'bud-small' : 'bud-small bud-warn'}>{s('selectedTotal', { total: rupiahShort(total, lang).replace('Rp ', ''), gap: rupiahShort(proposal.selisih, lang).replace('Rp ', '') })}</p>
      {proposal.canDecide && (
        <div className="bud-form">
          <label>
            {s('decisionNote')}
            <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
          </label>
          <ProblemAlert error={error} />
          <div className="bud-actions">
            <button type="button" className="bud-button" disabled={busy || note.trim() === '' || selected.size === 0} onClick={() => decide('setujui')}>
              {s('approve')}
            </button>
            <button type="button" className="bud-button bud-button-danger" disabled={busy || note.trim() === ''} onClick={() => decide('tolak')}>
              {s('reject')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
