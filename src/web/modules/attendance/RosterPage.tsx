import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ZRosterSaved, ZRosterWeek, type TRosterWeek } from '../../../contracts/attendance-screens';
import { api, useApi } from '../../api/client';
import { useAuth, useMe } from '../../app/auth';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatNip } from '../../lib/format';
import { useS, type SKey } from './strings';
import './attendance.css';

const OPD_ROLES = new Set(['kepala_opd', 'operator_opd']);
const PRESETS: Array<{ key: SKey; start: string; end: string }> = [
  { key: 'presetPagi', start: '07:00', end: '14:00' },
  { key: 'presetSiang', start: '14:00', end: '21:00' },
  { key: 'presetMalam', start: '21:00', end: '07:00' },
];

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00`);
  d.setDate(d.getDate() + n);
  return iso(d);
}
function mondayOf(date: string): string {
  const d = new Date(`${date}T12:00:00`);
  return addDays(date, -((d.getDay() + 6) % 7));
}

interface OpdOption {
  id: string;
  name: string;
}

/** Shift roster (hospital, Satpol PP, fire brigade): a week grid per pegawai of the OPD; shifts may cross midnight. */
export default function RosterPage() {
  const s = useS();
  const me = useMe();
  const opdRole = OPD_ROLES.has(me.role);
  const [params, setParams] = useSearchParams();
  const rawWeek = params.get('minggu');
  const from = mondayOf(rawWeek && /^\d{4}-\d{2}-\d{2}$/.test(rawWeek) ? rawWeek : iso(new Date()));
  const opd = opdRole ? me.opdId ?? '' : params.get('opd') ?? '';
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const opds = useApi<{ items: OpdOption[] }>(opdRole ? null : '/opd');
  const week = useApi(opd ? '/attendance/roster' : null, ZRosterWeek, { opd, from });
  const data = week.data?.from === from && week.data.opdId === opd ? week.data : undefined;
  return (
    <>
      <PageHeader title={s('rosterTitle')} eyebrow={data?.opdName} />
      <p className="at-muted at-small">{s('rosterIntro')}</p>
      <div className="at-toolbar">
        {!opdRole && (
          <div className="at-field">
            <label htmlFor="at-r-opd">{s('opd')}</label>
            <select id="at-r-opd" value={opd} onChange={(e) => setParam('opd', e.target.value)}>
              <option value="">{s('chooseOpd')}</option>
              {(opds.data?.items ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </div>
        )}
        <div className="at-month">
          <button type="button" className="at-btn secondary" aria-label={s('prevWeek')} onClick={() => setParam('minggu', addDays(from, -7))}>‹</button>
          <div className="at-field">
            <label htmlFor="at-r-week">{s('week')}</label>
            <input id="at-r-week" type="date" value={from} onChange={(e) => e.target.value && setParam('minggu', mondayOf(e.target.value))} />
          </div>
          <button type="button" className="at-btn secondary" aria-label={s('nextWeek')} onClick={() => setParam('minggu', addDays(from, 7))}>›</button>
        </div>
      </div>
      {!opd ? <EmptyState title={s('chooseOpd')} /> : null}
      {week.error ? <ProblemAlert error={week.error} onRetry={week.reload} /> : null}
      {opd && !data && !week.error ? <Loading /> : null}
      {data && <Grid data={data} onChanged={week.reload} />}
    </>
  );
}

function Grid({ data, onChanged }: { data: TRosterWeek; onChanged: () => void }) {
  const s = useS();
  const { can } = useAuth();
  const { lang } = useI18n();
  const [cell, setCell] = useState<{ pegawaiId: string; date: string } | null>(null);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(data.from, i));
  const weekdays = s('weekdays').split(',');
  const person = cell ? data.pegawai.find((p) => p.id === cell.pegawaiId) : undefined;
  const current = person?.shifts.find((x) => x.date === cell?.date);
  return (
    <>
      <p className={data.mode === 'roster' ? 'at-small' : 'at-card at-result refused at-small'} role={data.mode === 'roster' ? undefined : 'note'}>
        {data.mode === 'roster' ? s('rosterMode', { basis: data.scheduleBasis }) : s('notRosterMode')}
        {data.mode !== 'roster' && can('attendance.manage') && <> <Link to="/absensi/kalender">{s('calTitle')}</Link></>}
      </p>
      {data.pegawai.length === 0 ? <EmptyState title={s('noData')} /> : (
        <>
          <p className="at-muted at-small">{s('tapCell')} {data.total > data.pegawai.length ? s('shownOf', { shown: data.pegawai.length, total: data.total }) : ''}</p>
          <div className="at-roster-wrap" role="region" aria-label={s('rosterTitle')} tabIndex={0}>
            <table className="at-roster">
              <caption className="visually-hidden">{`${s('rosterTitle')} ${data.opdName}, ${formatDate(data.from, lang)} – ${formatDate(data.to, lang)}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{s('name')}</th>
                  {dates.map((d, i) => <th key={d} scope="col">{weekdays[i]}<br />{d.slice(8)}/{d.slice(5, 7)}</th>)}
                </tr>
              </thead>
              <tbody>
                {data.pegawai.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <span className="at-wrap">{p.name}</span>
                      {p.nip && <div className="small muted">{formatNip(p.nip)}</div>}
                    </th>
                    {dates.map((d) => {
                      const shift = p.shifts.find((x) => x.date === d);
                      const open = cell?.pegawaiId === p.id && cell.date === d;
                      const label = `${s('editCell', { name: p.name, date: formatDate(d, lang) })}: `;
                      return (
                        <td key={d}>
                          <button type="button" className={`at-cell${shift ? ' filled' : ''}${shift?.crossesMidnight ? ' night' : ''}`} aria-expanded={open} aria-controls="at-r-editor" onClick={() => setCell(open ? null : { pegawaiId: p.id, date: d })}>
                            <span className="visually-hidden">{label}</span>
                            {shift ? <><strong>{shift.shiftName}</strong><span className="t">{shift.start}–{shift.end}{shift.crossesMidnight ? <span aria-hidden="true"> ☾</span> : ''}</span></> : <><span aria-hidden="true">–</span><span className="visually-hidden">{s('noShift')}</span></>}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {/* Room below the grid so the last rows stay reachable while the editor sheet is open. */}
      {cell && <div style={{ height: '55vh' }} aria-hidden="true" />}
      <section id="at-r-editor" aria-live="polite">
        {cell && person && (
          <CellEditor
            key={`${cell.pegawaiId}-${cell.date}`}
            title={`${person.name} · ${formatDate(cell.date, lang)}`}
            pegawaiId={cell.pegawaiId}
            date={cell.date}
            current={current ? { name: current.shiftName, start: current.start, end: current.end } : null}
            onDone={() => { setCell(null); onChanged(); }}
            onCancel={() => setCell(null)}
          />
        )}
      </section>
    </>
  );
}

function CellEditor({ title, pegawaiId, date, current, onDone, onCancel }: { title: string; pegawaiId: string; date: string; current: { name: string; start: string; end: string } | null; onDone: () => void; onCancel: () => void }) {
  const s = useS();
  const [name, setName] = useState(current?.name ?? s('presetPagi'));
  const [start, setStart] = useState(current?.start ?? '07:00');
  const [end, setEnd] = useState(current?.end ?? '14:00');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);
  const run = async (clear: boolean) => {
    setBusy(true);
    setError(null);
    try {
      if (clear) await api.post('/attendance/roster/clear', { entries: [{ pegawaiId, date }] }, ZRosterSaved);
      else await api.post('/attendance/roster', { entries: [{ pegawaiId, date, shiftName: name, start, end }] }, ZRosterSaved);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="at-card at-sheet">
      <h2 ref={headingRef} tabIndex={-1}>{title}</h2>
      <form className="at-form" onSubmit={(e) => { e.preventDefault(); void run(false); }}>
        <div className="at-presets" role="group" aria-label={s('shift')}>
          {PRESETS.map((p) => (
            <button key={p.key} type="button" className="at-btn secondary" aria-pressed={name === s(p.key) && start === p.start && end === p.end} onClick={() => { setName(s(p.key)); setStart(p.start); setEnd(p.end); }}>
              {s(p.key)} {p.start}–{p.end}
            </button>
          ))}
        </div>
        <div className="at-toolbar" style={{ marginBottom: 0 }}>
          <div className="at-field">
            <label htmlFor="at-r-name">{s('shiftName')}</label>
            <input id="at-r-name" type="text" required maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="at-field">
            <label htmlFor="at-r-start">{s('start')}</label>
            <input id="at-r-start" type="time" required value={start} onChange={(e) => setStart(e.target.value)} />
          </div>
          <div className="at-field">
            <label htmlFor="at-r-end">{s('end')}</label>
            <input id="at-r-end" type="time" required value={end} onChange={(e) => setEnd(e.target.value)} />
          </div>
        </div>
        {end <= start && <p className="at-small">☾ {s('crossesMidnight')}</p>}
        <ProblemAlert error={error} />
        <div className="at-toolbar" style={{ marginBottom: 0 }}>
          <button type="submit" className="at-btn" disabled={busy}>{s('saveShift')}</button>
          {current && <button type="button" className="at-btn secondary" disabled={busy} onClick={() => void run(true)}>{s('clearShift')}</button>}
          <button type="button" className="at-btn secondary" onClick={onCancel}>{s('cancel')}</button>
        </div>
      </form>
    </div>
  );
}
