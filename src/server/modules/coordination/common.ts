import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TCoordinationSettings, TInboxItem } from '../../../contracts/coordination';
import type { DB } from '../../db/schema';
import { AppError } from '../../http/errors';
import { addDays, dateIn, type WorkingCalendar } from '../../platform/calendar';
import { CoordinationErrors } from './errors';
import type { AssignmentStatus, DirectiveTarget, Priority } from './tables';

/** Shared helpers of the coordination module: settings, periods, overdue arithmetic, OPD targets, presenters. */
export const DEFAULT_SETTINGS: TCoordinationSettings = { silenceDays: 7, reportCadence: 'weekly' };
export const SETTING_KEYS = { silenceDays: 'coordination.silence_days', reportCadence: 'coordination.report_cadence', checkinSecret: 'coordination.checkin_secret' } as const;
export const OPEN_STATUSES: AssignmentStatus[] = ['belum', 'proses', 'terkendala'];
export const CLOSED_STATUSES: AssignmentStatus[] = ['diterima', 'dibatalkan'];

export async function coordinationSettings(db: Kysely<DB>, pemdaId: string): Promise<TCoordinationSettings> {
  const rows = await db
    .selectFrom('pemda_setting')
    .select(['key', 'value'])
    .where('pemda_id', '=', pemdaId)
    .where('key', 'in', [SETTING_KEYS.silenceDays, SETTING_KEYS.reportCadence])
    .execute();
  const settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key === SETTING_KEYS.silenceDays && typeof row.value === 'number') settings.silenceDays = row.value;
    if (row.key === SETTING_KEYS.reportCadence && (row.value === 'weekly' || row.value === 'biweekly' || row.value === 'monthly')) settings.reportCadence = row.value;
  }
  return settings;
}

export interface Period {
  start: string;
  end: string;
}

const BIWEEKLY_ANCHOR = '2024-01-01'; // a Monday

function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The reporting period containing `date` (weeks run Monday to Sunday). */
export function periodOf(cadence: TCoordinationSettings['reportCadence'], date: string): Period {
  if (cadence === 'monthly') {
    const start = `${date.slice(0, 7)}-01`;
    const next = new Date(`${start}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    return { start, end: addDays(next.toISOString().slice(0, 10), -1) };
  }
  const monday = mondayOf(date);
  if (cadence === 'weekly') return { start: monday, end: addDays(monday, 6) };
  const weeks = Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${BIWEEKLY_ANCHOR}T00:00:00Z`)) / (7 * 86_400_000));
  const start = ((weeks % 2) + 2) % 2 === 0 ? monday : addDays(monday, -7);
  return { start, end: addDays(start, 13) };
}

export function previousPeriod(cadence: TCoordinationSettings['reportCadence'], period: Period): Period {
  return periodOf(cadence, addDays(period.start, -1));
}

/** A report is due on the first working day after its period (Perpres 21/2023 working days). */
export function reportDueDate(calendar: WorkingCalendar, period: Period): string {
  return calendar.addWorkingDays(period.end, 1);
}

/** The last working day on or before `date`. */
export function lastWorkingDay(calendar: WorkingCalendar, date: string): string {
  let current = date;
  for (let i = 0; i < 60 && !calendar.isWorkingDay(current); i += 1) current = addDays(current, -1);
  return current;
}

/**
 * Overdue is counted in working days: an assignment due on `due` is overdue by workingDaysBetween(due, today).
 * That is positive exactly when due < the last working day up to today, which lets SQL pre-select the candidates.
 */
export function overdueCutoff(calendar: WorkingCalendar, today: string): string {
  return lastWorkingDay(calendar, today);
}

export function overdueDays(calendar: WorkingCalendar, status: AssignmentStatus, dueDate: string, today: string): number {
  if (!OPEN_STATUSES.includes(status)) return 0;
  return Math.max(0, calendar.workingDaysBetween(dueDate, today));
}

export function localDate(timezone: string, instant: Date | null): string | null {
  return instant ? dateIn(timezone, instant) : null;
}

/** Public directive codes: the Pemda's region code and 10 Crockford base32 characters (50 random bits). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newDirectiveCode(pemdaKode: string, random: () => number = () => randomInt(32) / 32): string {
  let body = '';
  for (let i = 0; i < 10; i += 1) body += CROCKFORD[Math.floor(random() * 32)];
  return `${pemdaKode.replace('.', '')}-${body}`;
}

/** '1971-ABC...' -> '19.71' */
export function pemdaKodeOfCode(code: string): string | null {
  const match = /^(\d{2})(\d{2})-[0-9A-HJKMNP-TV-Z]{10}$/.exec(code);
  return match ? `${match[1]}.${match[2]}` : null;
}

export interface PemdaInfo {
  id: string;
  kode: string;
  name: string;
  timezone: string;
}

export async function pemdaInfo(db: Kysely<DB>, pemdaId: string): Promise<PemdaInfo> {
  const row = await db.selectFrom('pemda').select(['id', 'kode_wilayah', 'name', 'timezone']).where('id', '=', pemdaId).executeTakeFirstOrThrow();
  return { id: row.id, kode: row.kode_wilayah, name: row.name, timezone: row.timezone };
}

/** The OPDs a target names: chosen ones, all, all kecamatan, all kelurahan. Unknown ids are refused. */
export async function resolveTargetOpds(db: Kysely<DB>, pemdaId: string, target: DirectiveTarget, opdIds: readonly string[]): Promise<Array<{ id: string; code: string; name: string }>> {
  let query = db.selectFrom('opd').select(['id', 'code', 'name']).where('pemda_id', '=', pemdaId).where('active', '=', true).orderBy('sort_order').orderBy('code');
  if (target === 'opds') {
    const unique = [...new Set(opdIds)];
    if (unique.length === 0) throw new AppError(CoordinationErrors.DIRECTIVE_NO_OPD);
    const rows = await query.where('id', 'in', unique).execute();
    const found = new Set(rows.map((row) => row.id));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw new AppError(CoordinationErrors.DIRECTIVE_OPD_UNKNOWN, { opdId: missing });
    return rows;
  }
  if (target === 'all_kecamatan') query = query.where('kind', '=', 'kecamatan');
  if (target === 'all_kelurahan') query = query.where('kind', '=', 'kelurahan');
  const rows = await query.execute();
  if (rows.length === 0) throw new AppError(CoordinationErrors.DIRECTIVE_NO_OPD);
  return rows;
}

export const ISSUER_ROLE_LABELS: Record<string, { id: string; en: string }> = {
  kepala_daerah: { id: 'Kepala Daerah', en: 'Regional head' },
  sekda: { id: 'Sekretaris Daerah', en: 'Regional secretary' },
  'delegasi:kepala_daerah': { id: 'Atas nama Kepala Daerah (pelimpahan)', en: 'On behalf of the regional head (delegated)' },
  'delegasi:sekda': { id: 'Atas nama Sekretaris Daerah (pelimpahan)', en: 'On behalf of the regional secretary (delegated)' },
};

export function excerpt(text: string, max = 240): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface InboxRow {
  directive_id: string;
  code: string;
  number: string;
  text: string;
  priority: Priority;
  due_date: string;
  opd_id: string;
  opd_name: string;
  status: AssignmentStatus;
  obstacle: string | null;
  last_activity_at: Date | null;
}

export function presentInboxItem(row: InboxRow, calendar: WorkingCalendar, today: string): TInboxItem {
  return {
    directiveId: row.directive_id,
    code: row.code,
    number: row.number,
    text: excerpt(row.text),
    priority: row.priority,
    dueDate: row.due_date,
    opdId: row.opd_id,
    opdName: row.opd_name,
    status: row.status,
    overdueDays: overdueDays(calendar, row.status, row.due_date, today),
    obstacle: row.obstacle,
    lastActivityAt: row.last_activity_at?.toISOString() ?? null,
  };
}

/** Month 'YYYY-MM' as first and last date. */
export function monthRange(month: string): Period {
  return periodOf('monthly', `${month}-01`);
}
