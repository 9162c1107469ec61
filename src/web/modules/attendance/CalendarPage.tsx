import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ZRuleItem, ZRuleList } from '../../../contracts/attendance';
import { HOLIDAY_KINDS, ZHoliday, ZHolidayList, type THoliday } from '../../../contracts/calendar';
import { api, useApi } from '../../api/client';
import { useAuth } from '../../app/auth';
import { Badge, type BadgeTone } from '../../components/Badge';
import { EmptyState } from '../../components/EmptyState';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useS, type SKey } from './strings';
import './attendance.css';

type DayTimes = { start: string; end: string } | null;
type Week = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayTimes>;
interface ScheduleBody {
  mode: 'fixed' | 'roster';
  week: Week;
  ramadanWeek: Week;
  ramadan: Array<{ from: string; to: string; name: string }>;
}
type RuleItem = z.infer<typeof ZRuleItem>;
const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const KIND_TONE: Record<THoliday['kind'], BadgeTone> = { libur_nasional: 'danger', cuti_bersama: 'warning', election: 'accent', local: 'info' };

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function useYearParam(): [number, (y: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('tahun'));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : new Date().getFullYear();
  return [year, (y: number) => {
    const next = new URLSearchParams(params);
    next.set('tahun', String(y));
    setParams(next, { replace: true });
  }];
}

/** Calendar editor (admin, BKPSDM): days off of a year with their source, and the weekly schedule versions. */
export default function CalendarPage() {
  const s = useS();
  const [year, setYear] = useYearParam();
  return (
    <>
      <PageHeader title={s('calTitle')} />
      <p className="at-muted at-small">{s('calIntro')}</p>
      <div className="at-toolbar">
        <div className="at-month">
          <button type="button" className="at-btn secondary" onClick={() => setYear(year - 1)} aria-label={s('prevYear')}>‹</button>
          <div className="at-field">
            <label htmlFor="at-cal-year">{s('year')}</label>
            <input id="at-cal-year" type="number" min={2000} max={2100} value={year} onChange={(e) => { const y = Number(e.target.value); if (y >= 2000 && y <= 2100) setYear(y); }} />
          </div>
          <button type="button" className="at-btn secondary" onClick={() => setYear(year + 1)} aria-label={s('nextYear')}>›</button>
        </div>
      </div>
      <div className="at-grid2">
        <div><Holidays year={year} /></div>
        <div><Schedules /></div>
      </div>
    </>
  );
}

function Holidays({ year }: { year: number }) {
  const s = useS();
  const { lang } = useI18n();
  const { can } = useAuth();
  const manage = can('calendar.manage');
  const list = useApi('/calendar/holidays', ZHolidayList, { year });
  const [error, setError] = useState<unknown>(null);
  const data = list.data?.year === year ? list.data : undefined;
  const remove = async (h: THoliday) => {
    if (!window.confirm(s('removeConfirm', { name: h.name, date: formatDate(h.date, lang) }))) return;
    setError(null);
    try {
      await api.delete(`/calendar/holidays/${h.id}`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <section className="at-card" aria-labelledby="at-hol-h">
        <h2 id="at-hol-h">{s('holidays', { year })}</h2>
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        <ProblemAlert error={error} />
        {!data ? (list.error ? null : <Loading />) : (
          <>
            <dl className="at-stats" style={{ marginBottom: '0.75rem' }}>
              <div><dt>{s('workingDaysYear')}</dt><dd>{formatNumber(data.workingDays, lang)}</dd></div>
              <div><dt>{s('holidays', { year: '' }).trim()}</dt><dd>{formatNumber(data.items.length, lang)}</dd></div>
            </dl>
            {data.basis && <p className="at-small"><strong>{s('basis')}:</strong> {data.basis}</p>}
            {data.items.length === 0 ? <EmptyState title={s('noHolidays')} /> : (
              <ul className="at-lines at-hol-list" aria-label={s('holidays', { year })}>
                {data.items.map((h) => (
                  <li key={h.id}>
                    <span>
                      <strong>{formatDate(h.date, lang)}</strong> · {h.name}
                      {!h.weekday && <span className="at-muted at-small"> ({s('weekendNote')})</span>}
                      <span className="at-hol-meta">
                        <Badge tone={KIND_TONE[h.kind]}>{s(`hk_${h.kind}` as SKey)}</Badge>
                        {h.source !== data.basis && <span className="at-muted at-small"> {s('source')}: {h.source}</span>}
                      </span>
                    </span>
                    {manage && <button type="button" className="at-btn secondary" onClick={() => void remove(h)}><span aria-hidden="true">×</span><span className="visually-hidden">{`${s('remove')} ${h.name} ${formatDate(h.date, lang)}`}</span></button>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      {manage ? <AddHoliday year={year} onAdded={list.reload} /> : <p className="at-muted at-small">{s('adminOnly')}</p>}
    </>
  );
}

function AddHoliday({ year, onAdded }: { year: number; onAdded: () => void }) {
  const s = useS();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<THoliday['kind']>('local');
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api.post('/calendar/holidays', { date, kind, name, source }, ZHoliday);
      setSaved(true);
      setName('');
      setDate('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="at-card" aria-labelledby="at-addhol-h">
      <h2 id="at-addhol-h">{s('addHoliday')}</h2>
      <form className="at-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <div className="at-toolbar" style={{ marginBottom: 0 }}>
          <div className="at-field">
            <label htmlFor="at-hol-date">{s('date')}</label>
            <input id="at-hol-date" type="date" required min={`${year}-01-01`} max={`${year}-12-31`} value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="at-field">
            <label htmlFor="at-hol-kind">{s('kind')}</label>
            <select id="at-hol-kind" value={kind} onChange={(e) => setKind(e.target.value as THoliday['kind'])}>
              {HOLIDAY_KINDS.map((k) => <option key={k} value={k}>{s(`hk_${k}` as SKey)}</option>)}
            </select>
          </div>
        </div>
        <div className="at-field">
          <label htmlFor="at-hol-name">{s('holidayName')}</label>
          <input id="at-hol-name" type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="at-field">
          <label htmlFor="at-hol-source">{s('source')}</label>
          <input id="at-hol-source" type="text" required maxLength={300} placeholder="Perwako No. … / Keppres No. …" value={source} onChange={(e) => setSource(e.target.value)} />
        </div>
        <ProblemAlert error={error} />
        {saved && <p className="at-ok" role="status">{s('saved')}</p>}
        <div><button type="submit" className="at-btn" disabled={busy}>{s('addHoliday')}</button></div>
      </form>
    </section>
  );
}

function weekSummary(week: Week, s: (k: SKey) => string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < DAYS.length) {
    const day = week[DAYS[i] as (typeof DAYS)[number]];
    let j = i;
    while (j + 1 < DAYS.length && JSON.stringify(week[DAYS[j + 1] as (typeof DAYS)[number]]) === JSON.stringify(day)) j += 1;
    const names = i === j ? s(`wd_${DAYS[i]}` as SKey) : `${s(`wd_${DAYS[i]}` as SKey)}–${s(`wd_${DAYS[j]}` as SKey)}`;
    parts.push(`${names} ${day ? `${day.start}–${day.end}` : s('dayOff')}`);
    i = j + 1;
  }
  return parts.join('; ');
}

interface OpdOption {
  id: string;
  name: string;
}

function Schedules() {
  const s = useS();
  const { lang } = useI18n();
  const rules = useApi('/attendance/rules', ZRuleList);
  const opds = useApi<{ items: OpdOption[] }>('/opd');
  const today = localToday();
  const opdName = useMemo(() => new Map((opds.data?.items ?? []).map((o) => [o.id, o.name])), [opds.data]);
  const schedules = (rules.data?.items ?? []).filter((r) => r.kind === 'schedule');
  const inForce = useMemo(() => {
    const out = new Set<RuleItem>();
    const scopes = new Set(schedules.map((r) => r.opdId ?? ''));
    for (const scope of scopes) {
      const candidates = schedules.filter((r) => (r.opdId ?? '') === scope && !r.isDefault && r.validFrom <= today).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
      const pick = candidates[0] ?? (scope === '' ? schedules.find((r) => r.isDefault) : undefined);
      if (pick) out.add(pick);
    }
    return out;
  }, [schedules, today]);
  const pemdaCurrent = [...inForce].find((r) => r.opdId === null);
  return (
    <>
      <section className="at-card" aria-labelledby="at-sched-h">
        <h2 id="at-sched-h">{s('schedules')}</h2>
        {rules.error ? <ProblemAlert error={rules.error} onRetry={rules.reload} /> : null}
        {!rules.data ? (rules.error ? null : <Loading />) : (
          <ul className="at-lines">
            {schedules.map((r) => {
              const body = r.body as ScheduleBody;
              return (
                <li key={r.id ?? `default-${r.validFrom}`} style={{ display: 'block' }}>
                  <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center' }}>
                    <strong>{r.opdId ? opdName.get(r.opdId) ?? r.opdId : s('wholePemda')}</strong>
                    <span className="at-muted">· {s('validFrom')} {formatDate(r.validFrom, lang)}</span>
                    {r.isDefault && <Badge tone="neutral">{s('nationalDefault')}</Badge>}
                    {inForce.has(r) && <Badge tone="success">{s('appliesToday')}</Badge>}
                    <Badge tone={body.mode === 'roster' ? 'accent' : 'info'}>{body.mode === 'roster' ? s('modeRoster') : s('modeFixed')}</Badge>
                  </div>
                  {body.mode === 'fixed' && <div className="at-small">{s('normalWeek')}: {weekSummary(body.week, s)}</div>}
                  {body.mode === 'fixed' && <div className="at-small">{s('ramadanWeek')}: {weekSummary(body.ramadanWeek, s)}</div>}
                  <div className="note at-small at-muted at-wrap">{s('legalBasis')}: {r.legalBasis}</div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {pemdaCurrent && <AddVersion base={pemdaCurrent.body as ScheduleBody} opds={opds.data?.items ?? []} onSaved={rules.reload} />}
    </>
  );
}

function WeekEditor({ id, legend, week, onChange }: { id: string; legend: string; week: Week; onChange: (w: Week) => void }) {
  const s = useS();
  const set = (day: (typeof DAYS)[number], value: DayTimes) => onChange({ ...week, [day]: value });
  return (
    <fieldset className="at-fieldset">
      <legend>{legend}</legend>
      {DAYS.map((d) => {
        const times = week[d];
        return (
          <div key={d} className="at-weekrow">
            <label className="at-radio" htmlFor={`${id}-${d}-on`}>
              <input id={`${id}-${d}-on`} type="checkbox" checked={!!times} onChange={(e) => set(d, e.target.checked ? { start: '07:30', end: '16:00' } : null)} />
              {s(`wd_${d}` as SKey)}
            </label>
            {times ? (
              <>
                <input aria-label={`${s(`wd_${d}` as SKey)} ${s('start')}`} type="time" required value={times.start} onChange={(e) => set(d, { ...times, start: e.target.value })} />
                <input aria-label={`${s(`wd_${d}` as SKey)} ${s('end')}`} type="time" required value={times.end} onChange={(e) => set(d, { ...times, end: e.target.value })} />
              </>
            ) : <span className="at-muted">{s('dayOff')}</span>}
          </div>
        );
      })}
    </fieldset>
  );
}

function AddVersion({ base, opds, onSaved }: { base: ScheduleBody; opds: OpdOption[]; onSaved: () => void }) {
  const s = useS();
  const [opdId, setOpdId] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [body, setBody] = useState<ScheduleBody>(base);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api.post('/attendance/rules', { kind: 'schedule', opdId: opdId || null, validFrom, legalBasis, body }, ZRuleItem);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setPeriod = (i: number, patch: Partial<ScheduleBody['ramadan'][number]>) => setBody({ ...body, ramadan: body.ramadan.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <section className="at-card" aria-labelledby="at-addv-h">
      <details>
        <summary className="at-summary" id="at-addv-h">{s('addVersion')}</summary>
        <p className="at-muted at-small">{s('addVersionIntro')}</p>
        <form className="at-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <div className="at-field">
            <label htmlFor="at-v-opd">{s('scopeOpd')}</label>
            <select id="at-v-opd" value={opdId} onChange={(e) => setOpdId(e.target.value)}>
              <option value="">{s('wholePemda')}</option>
              {opds.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </div>
          <div className="at-toolbar" style={{ marginBottom: 0 }}>
            <div className="at-field">
              <label htmlFor="at-v-from">{s('validFrom')}</label>
              <input id="at-v-from" type="date" required value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
            </div>
            <div className="at-field">
              <label htmlFor="at-v-mode">{s('scheduleMode')}</label>
              <select id="at-v-mode" value={body.mode} onChange={(e) => setBody({ ...body, mode: e.target.value as ScheduleBody['mode'] })}>
                <option value="fixed">{s('modeFixed')}</option>
                <option value="roster">{s('modeRoster')}</option>
              </select>
            </div>
          </div>
          <div className="at-field">
            <label htmlFor="at-v-basis">{s('legalBasis')}</label>
            <input id="at-v-basis" type="text" required maxLength={300} placeholder="Perwako No. … Tahun …" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />
          </div>
          {body.mode === 'fixed' && (
            <>
              <WeekEditor id="at-v-week" legend={s('normalWeek')} week={body.week} onChange={(week) => setBody({ ...body, week })} />
              <WeekEditor id="at-v-ram" legend={s('ramadanWeek')} week={body.ramadanWeek} onChange={(ramadanWeek) => setBody({ ...body, ramadanWeek })} />
              <fieldset className="at-fieldset">
                <legend>{s('ramadanPeriods')}</legend>
                {body.ramadan.map((p, i) => (
                  <div key={i} className="at-weekrow">
                    <input aria-label={`${s('ramadanPeriods')} ${i + 1}`} type="text" value={p.name} onChange={(e) => setPeriod(i, { name: e.target.value })} />
                    <input aria-label={`${p.name} ${s('startDate')}`} type="date" value={p.from} onChange={(e) => setPeriod(i, { from: e.target.value })} />
                    <input aria-label={`${p.name} ${s('endDate')}`} type="date" value={p.to} onChange={(e) => setPeriod(i, { to: e.target.value })} />
                    <button type="button" className="at-btn secondary" onClick={() => setBody({ ...body, ramadan: body.ramadan.filter((_, j) => j !== i) })}><span aria-hidden="true">×</span><span className="visually-hidden">{`${s('remove')} ${p.name}`}</span></button>
                  </div>
                ))}
                <button type="button" className="at-btn secondary" onClick={() => setBody({ ...body, ramadan: [...body.ramadan, { from: '', to: '', name: 'Ramadan' }] })}>{s('addPeriod')}</button>
              </fieldset>
            </>
          )}
          <ProblemAlert error={error} />
          {saved && <p className="at-ok" role="status">{s('saved')}</p>}
          <div><button type="submit" className="at-btn" disabled={busy}>{s('saveVersion')}</button></div>
        </form>
      </details>
    </section>
  );
}
