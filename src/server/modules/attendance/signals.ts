import { sql } from 'kysely';
import type { Flag, FlagSource, MetricDef, MetricRow } from '../../platform/metrics';
import { defineNotificationKinds } from '../../platform/notifications';
import { monthRange } from './views';

/** Scorecard metrics and leader flags (docs/DESIGN.md contracts), each row linking to the records behind it. */
export const ATTENDANCE_NOTIFICATIONS = defineNotificationKinds({
  'discipline.case_opened': { id: 'Kasus disiplin dibuka', en: 'Discipline case opened' },
  'attendance.leave_requested': { id: 'Pengajuan cuti/izin', en: 'Leave request' },
  'attendance.leave_decided': { id: 'Keputusan cuti/izin', en: 'Leave decision' },
});

async function perOpd(pemdaId: string, month: string, db: Parameters<MetricDef['compute']>[0]['db']) {
  const range = monthRange(month);
  const rows = await sql<{ opd_id: string; hadir: number; base: number; on_time: number }>`
    SELECT o.id AS opd_id,
      count(d.*) FILTER (WHERE d.status = 'hadir')::int AS hadir,
      count(d.*) FILTER (WHERE d.scheduled AND d.status NOT IN ('cuti', 'izin', 'dinas_luar', 'tugas_belajar'))::int AS base,
      count(d.*) FILTER (WHERE d.status = 'hadir' AND d.tl = 0)::int AS on_time
    FROM opd o LEFT JOIN att_day d ON d.pemda_id = o.pemda_id AND d.opd_id = o.id AND d.date >= ${range.start}::date AND d.date <= ${range.end}::date
    WHERE o.pemda_id = ${pemdaId} AND o.active
    GROUP BY o.id, o.sort_order, o.code ORDER BY o.sort_order, o.code`.execute(db);
  return rows.rows;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

export const ATTENDANCE_METRICS: MetricDef[] = [
  {
    key: 'attendance.rate',
    label: { id: 'Tingkat kehadiran', en: 'Attendance rate' },
    description: { id: 'Hari hadir dibagi hari kerja terjadwal di luar cuti, izin, dinas luar dan tugas belajar (Perpres 21/2023; BRIEF §4.1–4.2).', en: 'Days present over scheduled working days, excluding approved leave, permission, official travel and study.' },
    unit: 'ratio',
    better: 'higher',
    async compute(ctx, pemdaId, month) {
      return (await perOpd(pemdaId, month, ctx.db)).map((r): MetricRow => ({ opdId: r.opd_id, value: ratio(r.hadir, r.base), numerator: r.hadir, denominator: r.base, link: `/absensi/rekap?opd=${r.opd_id}&month=${month}` }));
    },
  },
  {
    key: 'attendance.punctuality',
    label: { id: 'Ketepatan waktu masuk', en: 'Punctuality' },
    description: { id: 'Hari hadir tanpa terlambat (bukan TL1–TL4) dibagi hari hadir.', en: 'Days present without lateness (no TL1–TL4) over days present.' },
    unit: 'ratio',
    better: 'higher',
    async compute(ctx, pemdaId, month) {
      return (await perOpd(pemdaId, month, ctx.db)).map((r): MetricRow => ({ opdId: r.opd_id, value: ratio(r.on_time, r.hadir), numerator: r.on_time, denominator: r.hadir, link: `/absensi/rekap?opd=${r.opd_id}&month=${month}` }));
    },
  },
];

export const ATTENDANCE_FLAGS: FlagSource[] = [
  {
    kind: 'discipline.case_awaiting_decision',
    async list(ctx, pemdaId) {
      const rows = await ctx.db
        .selectFrom('disc_case as c')
        .innerJoin('pegawai as p', (j) => j.onRef('p.pemda_id', '=', 'c.pemda_id').onRef('p.id', '=', 'c.pegawai_id'))
        .select(['c.id', 'c.opd_id', 'c.level', 'c.status', 'c.opened_on', 'c.examined_on', 'p.name'])
        .where('c.pemda_id', '=', pemdaId)
        .where('c.status', 'in', ['panggilan_1', 'panggilan_2', 'pemeriksaan'])
        .orderBy('c.opened_on')
        .execute();
      return rows.map((r): Flag => ({
        kind: r.status === 'pemeriksaan' ? 'discipline.case_awaiting_decision' : 'discipline.case_open',
        severity: r.level === 'berat' ? 'critical' : r.status === 'pemeriksaan' ? 'warning' : 'info',
        opdId: r.opd_id,
        since: r.examined_on ?? r.opened_on,
        title: r.status === 'pemeriksaan'
          ? { id: `Kasus disiplin ${r.level} ${r.name} menunggu keputusan`, en: `${r.level} discipline case of ${r.name} awaits a decision` }
          : { id: `Kasus disiplin ${r.level} ${r.name} dalam pemanggilan`, en: `${r.level} discipline case of ${r.name} at the summons stage` },
        link: `/disiplin/${r.id}`,
      }));
    },
  },
];
