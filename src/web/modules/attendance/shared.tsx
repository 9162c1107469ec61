import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/client';
import type { TDay } from '../../../contracts/attendance';
import type { Lang } from '../../i18n/translate';
import { S, useS, type SKey } from './strings';
import './attendance.css';

/** Small pieces shared by the attendance screens. */

/** This month as YYYY-MM (device clock). */
export function currentMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const isMonth = (v: string | null): v is string => !!v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** The month in the address (?bulan=YYYY-MM), so a link or reload keeps it. */
export function useMonthParam(): [string, (m: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('bulan');
  const month = isMonth(raw) ? raw : currentMonth();
  const set = (m: string) => {
    if (!isMonth(m)) return;
    const next = new URLSearchParams(params);
    next.set('bulan', m);
    setParams(next, { replace: true });
  };
  return [month, set];
}

export function MonthSwitcher({ month, onChange, id = 'at-month' }: { month: string; onChange: (m: string) => void; id?: string }) {
  const s = useS();
  return (
    <div className="at-month">
      <button type="button" className="at-btn secondary" onClick={() => onChange(shiftMonth(month, -1))} aria-label={s('prevMonth')}>‹</button>
      <div className="at-field">
        <label htmlFor={id}>{s('month')}</label>
        <input id={id} type="month" value={month} onChange={(e) => onChange(e.target.value)} />
      </div>
      <button type="button" className="at-btn secondary" onClick={() => onChange(shiftMonth(month, 1))} aria-label={s('nextMonth')}>›</button>
    </div>
  );
}

interface OpdOption {
  id: string;
  name: string;
}

/** OPD chooser for Pemda-wide roles (the address keeps it as ?opd=). */
export function OpdSelect({ value, onChange, id = 'at-opd' }: { value: string; onChange: (id: string) => void; id?: string }) {
  const s = useS();
  const opds = useApi<{ items: OpdOption[] }>('/opd');
  return (
    <div className="at-field">
      <label htmlFor={id}>{s('opd')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{s('allOpd')}</option>
        {(opds.data?.items ?? []).map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
    </div>
  );
}

export function useOpdParam(): [string, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const opd = params.get('opd') ?? '';
  const set = (id: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set('opd', id);
    else next.delete('opd');
    setParams(next, { replace: true });
  };
  return [opd, set];
}

/** The colour class of a day: hadir, late (TL/PSW), tk, excused kinds, libur. */
export function dayTone(day: TDay | undefined): string {
  if (!day) return 'none';
  if (day.status === 'hadir') return day.tl > 0 || day.psw > 0 ? 'late' : 'hadir';
  if (day.status === 'tk') return 'tk';
  if (day.status === 'libur') return 'libur';
  return 'excused';
}

/** The short status code shown in the calendar cell (Hadir, TL2, PSW1, TK, Cuti…). */
export function dayCode(day: TDay, s: (k: SKey) => string): string {
  if (day.status === 'hadir') {
    const parts = [day.tl > 0 ? `TL${day.tl}` : '', day.psw > 0 ? `PSW${day.psw}` : ''].filter(Boolean);
    return parts.length ? parts.join(' ') : 'H';
  }
  if (day.status === 'tk') return 'TK';
  return s(`st_${day.status}` as SKey);
}

/** The long status label (for the detail and screen readers). */
export function dayLabel(day: TDay | undefined, s: (k: SKey) => string): string {
  if (!day) return s('st_none');
  if (day.status === 'hadir') {
    const parts = [day.tl > 0 ? `TL${day.tl}` : '', day.psw > 0 ? `PSW${day.psw}` : ''].filter(Boolean);
    return parts.length ? `${s('st_hadir')} · ${parts.join(' · ')}` : s('st_hadir');
  }
  return s(`st_${day.status}` as SKey);
}

export function formatRupiah(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(value);
}

export function formatPercent(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: digits }).format(value)}%`;
}

/** Attendance rate as the server sends it: a share (0–1) or a percentage; shown as a percentage. */
export function ratePercent(rate: number | null): number | null {
  if (rate === null) return null;
  return rate <= 1 ? rate * 100 : rate;
}

/** Long lists (300+ pegawai) shown a page at a time so phones are not handed one endless card list. */
export function usePaged<T>(rows: readonly T[], size = 50): { shown: readonly T[]; more: number; showMore: () => void } {
  const [limit, setLimit] = useState(size);
  return { shown: rows.slice(0, limit), more: Math.max(0, rows.length - limit), showMore: () => setLimit((l) => l + size) };
}

export function MoreButton({ more, onClick }: { more: number; onClick: () => void }) {
  const s = useS();
  if (more <= 0) return null;
  return <button type="button" className="at-btn secondary" style={{ marginTop: '0.75rem' }} onClick={onClick}>{s('showMore', { count: more })}</button>;
}

/** The label of a leave kind. */
export function leaveKindLabel(s: (k: SKey) => string, kind: string): string {
  const key = `lk_${kind}`;
  return key in S ? s(key as SKey) : kind.replace(/_/g, ' ');
}

export const LEAVE_STATUS_TONE: Record<string, 'warning' | 'success' | 'danger' | 'neutral'> = { diajukan: 'warning', disetujui: 'success', ditolak: 'danger', dibatalkan: 'neutral' };

/** Inclusive calendar days between two ISO dates. */
export function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
