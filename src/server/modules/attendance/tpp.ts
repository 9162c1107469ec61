import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { TTppRow, TTppSheet } from '../../../contracts/attendance';
import type { DB } from '../../db/schema';
import { inTransaction, type Ctx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { loadRuleBook } from './config';
import { sanctionCutsOf } from './discipline';
import { AttendanceErrors } from './errors';
import { computeTpp, kinerjaPercentOf } from './rules';
import { monthRange } from './views';

/**
 * Monthly TPP per pegawai (BRIEF §4.4; PP 12/2019 art. 58; Kepmendagri 900-4700/2020) under the Pemda's rule set
 * valid at the end of the month: basic per kelas jabatan, weights kinerja/disiplin, the month's §4.2 cuts capped
 * at 100 %, and running sanction cuts from the discipline registry. Each row keeps its breakdown line by line.
 */
type Line = TTppRow['breakdown'][number];
// One formatter for the whole sheet: toLocaleString builds a new one per call (slow over 10,000 rows).
const idNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const rp = (n: number) => `Rp ${idNumber.format(Math.round(n))}`;
const pct = (n: number) => `${idNumber.format(Number(n.toFixed(2)))} %`;

interface Aggregate { pegawai_id: string; cut: number; tk: number; tl1: number; tl2: number; tl3: number; tl4: number; psw1: number; psw2: number; psw3: number; psw4: number }

export async function computeTppMonth(db: Kysely<DB>, pemdaId: string, month: string): Promise<{ pegawai: number; total: number }> {
  const range = monthRange(month);
  const book = await loadRuleBook(db, pemdaId);
  const tppRules = book.get('tpp', range.end);
  const lateness = book.get('lateness', range.end).body;
  const people = await sql<{ id: string; opd_id: string; status: 'PNS' | 'PPPK' | 'NON_ASN'; kelas: number | null }>`
    SELECT p.id, p.opd_id, p.status,
      (SELECT max(j.kelas_jabatan) FROM jabatan_holder h JOIN jabatan j ON j.pemda_id = h.pemda_id AND j.id = h.jabatan_id
       WHERE h.pemda_id = p.pemda_id AND h.pegawai_id = p.id AND h.start_date <= ${range.end}::date AND (h.end_date IS NULL OR h.end_date >= ${range.start}::date)) AS kelas
    FROM pegawai p WHERE p.pemda_id = ${pemdaId} AND p.active`.execute(db);
  const aggregates = await sql<Aggregate>`
    SELECT pegawai_id, coalesce(sum(cut_percent), 0)::float8 AS cut, count(*) FILTER (WHERE status = 'tk')::int AS tk,
      count(*) FILTER (WHERE tl = 1)::int AS tl1, count(*) FILTER (WHERE tl = 2)::int AS tl2, count(*) FILTER (WHERE tl = 3)::int AS tl3, count(*) FILTER (WHERE tl = 4)::int AS tl4,
      count(*) FILTER (WHERE psw = 1)::int AS psw1, count(*) FILTER (WHERE psw = 2)::int AS psw2, count(*) FILTER (WHERE psw = 3)::int AS psw3, count(*) FILTER (WHERE psw = 4)::int AS psw4
    FROM att_day WHERE pemda_id = ${pemdaId} AND date >= ${range.start}::date AND date <= ${range.end}::date GROUP BY pegawai_id`.execute(db);
  const byPegawai = new Map(aggregates.rows.map((a) => [a.pegawai_id, a]));
  const kinerja = new Map((await db.selectFrom('tpp_kinerja').select(['pegawai_id', 'predikat', 'score']).where('pemda_id', '=', pemdaId).where('month', '=', month).execute()).map((k) => [k.pegawai_id, { predikat: k.predikat, score: k.score === null ? null : Number(k.score) }]));
  const sanctions = await sanctionCutsOf(db, pemdaId, month);
  const rules = tppRules.body;
  const rows: Array<{ pegawaiId: string; opdId: string; kelas: number | null; basic: number; kinerja: number; disiplin: number; cut: number; sanction: number; paid: number; lines: Line[] }> = [];
  for (const person of people.rows) {
    if (!rules.eligibleStatuses.includes(person.status)) continue;
    const kelas = person.kelas === null ? null : Number(person.kelas);
    const basic = kelas === null ? 0 : rules.basicByKelas[String(kelas)] ?? 0;
    const agg = byPegawai.get(person.id);
    const entry = kinerja.get(person.id);
    const kinerjaPercent = kinerjaPercentOf(rules, entry);
    const sanction = sanctions.get(person.id);
    const result = computeTpp({ basic, kinerjaPercent, cutPercent: agg?.cut ?? 0, capPercent: lateness.monthlyCapPercent, sanctionPercent: sanction?.percent ?? 0, rules });
    const counts = agg ? (['tl1', 'tl2', 'tl3', 'tl4', 'psw1', 'psw2', 'psw3', 'psw4'] as const).filter((k) => agg[k] > 0).map((k) => `${k.toUpperCase()} ×${agg[k]}`) : [];
    if (agg && agg.tk > 0) counts.push(`TK ×${agg.tk}`);
    const lines: Line[] = [
      { label: { id: `TPP dasar kelas jabatan ${kelas ?? '–'}`, en: `Basic TPP, job class ${kelas ?? '–'}` }, amount: basic, note: kelas === null ? { id: 'tidak memegang jabatan pada bulan ini', en: 'holds no position this month' } : { id: tppRules.legalBasis, en: tppRules.legalBasis } },
      { label: { id: `Kinerja ${pct(kinerjaPercent)} × bobot ${pct(rules.kinerjaWeightPercent)}`, en: `Performance ${pct(kinerjaPercent)} × weight ${pct(rules.kinerjaWeightPercent)}` }, amount: result.kinerjaAmount, note: entry ? { id: `SKP ${entry.predikat ?? `nilai ${entry.score}`}`, en: `SKP ${entry.predikat ?? `score ${entry.score}`}` } : { id: 'nilai kinerja bulan ini belum diimpor', en: 'no performance score imported for this month' } },
      { label: { id: `Potongan disiplin ${pct(result.cappedCutPercent)}${(agg?.cut ?? 0) > lateness.monthlyCapPercent ? ` (dibatasi ${pct(lateness.monthlyCapPercent)})` : ''}`, en: `Discipline cuts ${pct(result.cappedCutPercent)}${(agg?.cut ?? 0) > lateness.monthlyCapPercent ? ` (capped at ${pct(lateness.monthlyCapPercent)})` : ''}` }, amount: null, note: { id: counts.length > 0 ? `${counts.join(', ')} (BRIEF §4.2)` : 'tidak ada TL/PSW/TK', en: counts.length > 0 ? counts.join(', ') : 'no TL/PSW/TK' } },
      { label: { id: `Disiplin ${pct(result.disiplinPercent)} × bobot ${pct(rules.disiplinWeightPercent)}`, en: `Discipline ${pct(result.disiplinPercent)} × weight ${pct(rules.disiplinWeightPercent)}` }, amount: result.disiplinAmount, note: null },
    ];
    if (sanction) lines.push({ label: { id: `Sanksi disiplin: potongan ${pct(sanction.percent)}`, en: `Discipline sanction: ${pct(sanction.percent)} cut` }, amount: -result.sanctionAmount, note: { id: `${sanction.decisionNumber}, ${sanction.months} bulan mulai ${sanction.startMonth} (PP 94/2021 pasal 8)`, en: `${sanction.decisionNumber}, ${sanction.months} months from ${sanction.startMonth}` } });
    lines.push({ label: { id: 'Dibayar', en: 'Paid' }, amount: result.paid, note: { id: `${rp(result.kinerjaAmount)} + ${rp(result.disiplinAmount)}${sanction ? ` − ${rp(result.sanctionAmount)}` : ''}`, en: `${rp(result.kinerjaAmount)} + ${rp(result.disiplinAmount)}${sanction ? ` − ${rp(result.sanctionAmount)}` : ''}` } });
    rows.push({ pegawaiId: person.id, opdId: person.opd_id, kelas, basic, kinerja: kinerjaPercent, disiplin: result.disiplinPercent, cut: result.cappedCutPercent, sanction: sanction?.percent ?? 0, paid: result.paid, lines });
  }
  await db.deleteFrom('tpp_sheet').where('pemda_id', '=', pemdaId).where('month', '=', month).execute();
  // One JSON document per 5,000 rows, parsed once by the server (a jsonb[] literal escapes every quote again).
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000).map((r) => ({ pegawai_id: r.pegawaiId, opd_id: r.opdId, kelas: r.kelas, basic: r.basic, kinerja: r.kinerja, disiplin: r.disiplin, cut: r.cut, sanction: r.sanction, paid: r.paid, breakdown: r.lines }));
    await sql`
      INSERT INTO tpp_sheet (pemda_id, month, pegawai_id, opd_id, kelas, basic, kinerja_percent, disiplin_percent, cut_percent, sanction_percent, paid, breakdown)
      SELECT ${pemdaId}::uuid, ${month}, u.pegawai_id, u.opd_id, u.kelas, u.basic, u.kinerja, u.disiplin, u.cut, u.sanction, u.paid, u.breakdown
      FROM json_to_recordset(${JSON.stringify(part)}::json) AS u(pegawai_id uuid, opd_id uuid, kelas int, basic numeric, kinerja numeric, disiplin numeric, cut numeric, sanction numeric, paid numeric, breakdown jsonb)`.execute(db);
  }
  return { pegawai: rows.length, total: rows.reduce((s, r) => s + r.paid, 0) };
}

export async function tppSheet(ctx: Ctx, pemdaId: string, month: string, opdId: string | null, pegawaiId: string | null = null): Promise<TTppSheet> {
  let q = ctx.db
    .selectFrom('tpp_sheet as t')
    .innerJoin('pegawai as p', (j) => j.onRef('p.pemda_id', '=', 't.pemda_id').onRef('p.id', '=', 't.pegawai_id'))
    .innerJoin('opd as o', (j) => j.onRef('o.pemda_id', '=', 't.pemda_id').onRef('o.id', '=', 't.opd_id'))
    .select(['t.pegawai_id', 'p.name', 'p.nip', 't.opd_id', 'o.name as opd_name', 't.kelas', 't.basic', 't.kinerja_percent', 't.disiplin_percent', 't.cut_percent', 't.sanction_percent', 't.paid', 't.breakdown', 't.computed_at'])
    .where('t.pemda_id', '=', pemdaId)
    .where('t.month', '=', month)
    .orderBy('o.name')
    .orderBy('p.name');
  if (opdId) q = q.where('t.opd_id', '=', opdId);
  if (pegawaiId) q = q.where('t.pegawai_id', '=', pegawaiId);
  const rows = await q.execute();
  const book = await loadRuleBook(ctx.db, pemdaId);
  const items: TTppRow[] = rows.map((r) => ({
    pegawaiId: r.pegawai_id, name: r.name, nip: r.nip, opdId: r.opd_id, opdName: r.opd_name, kelas: r.kelas, basic: Number(r.basic), kinerjaPercent: Number(r.kinerja_percent),
    disiplinPercent: Number(r.disiplin_percent), cutPercent: Number(r.cut_percent), sanctionPercent: Number(r.sanction_percent), paid: Number(r.paid), breakdown: r.breakdown as Line[],
  }));
  const computedAt = rows[0]?.computed_at;
  return { month, computedAt: computedAt ? new Date(computedAt).toISOString() : null, total: items.reduce((s, r) => s + r.paid, 0), items, legalBasis: book.get('tpp', monthRange(month).end).legalBasis };
}

export async function computeTppWithAudit(ctx: Ctx, pemdaId: string, month: string) {
  return inTransaction(ctx, async (tx) => {
    const result = await computeTppMonth(tx.db, pemdaId, month);
    await writeAudit(tx, { pemdaId, action: 'tpp.computed', entityType: 'tpp_sheet', entityId: month, detail: { pegawai: result.pegawai, total: result.total } });
    return result;
  });
}

/** The payroll export: one row per pegawai, amounts as numbers, the breakdown as text. */
export async function tppXlsx(sheet: TTppSheet, lang: 'id' | 'en'): Promise<Buffer> {
  if (!sheet.computedAt) throw new AppError(AttendanceErrors.TPP_NOT_COMPUTED, { month: sheet.month });
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(`TPP ${sheet.month}`);
  ws.columns = [
    { header: 'NIP', key: 'nip', width: 20 },
    { header: lang === 'en' ? 'Name' : 'Nama', key: 'name', width: 32 },
    { header: 'OPD', key: 'opd', width: 32 },
    { header: lang === 'en' ? 'Class' : 'Kelas', key: 'kelas', width: 7 },
    { header: lang === 'en' ? 'Basic' : 'TPP dasar', key: 'basic', width: 14 },
    { header: lang === 'en' ? 'Performance %' : 'Kinerja %', key: 'kinerja', width: 11 },
    { header: lang === 'en' ? 'Discipline %' : 'Disiplin %', key: 'disiplin', width: 11 },
    { header: lang === 'en' ? 'Cuts %' : 'Potongan %', key: 'cut', width: 11 },
    { header: lang === 'en' ? 'Sanction %' : 'Sanksi %', key: 'sanction', width: 10 },
    { header: lang === 'en' ? 'Paid' : 'Dibayar', key: 'paid', width: 14 },
    { header: lang === 'en' ? 'Breakdown' : 'Rincian', key: 'why', width: 80 },
  ];
  for (const row of sheet.items) {
    ws.addRow({ nip: row.nip ?? '', name: row.name, opd: row.opdName, kelas: row.kelas, basic: row.basic, kinerja: row.kinerjaPercent, disiplin: row.disiplinPercent, cut: row.cutPercent, sanction: row.sanctionPercent, paid: row.paid, why: row.breakdown.map((l) => `${l[lang === 'en' ? 'label' : 'label'][lang]}${l.amount === null ? '' : `: ${rp(l.amount)}`}`).join(' | ') });
  }
  ws.getRow(1).font = { bold: true };
  for (const key of ['basic', 'paid']) ws.getColumn(key).numFmt = '#,##0';
  ws.addRow({});
  ws.addRow({ name: lang === 'en' ? 'Total' : 'Jumlah', paid: sheet.total }).font = { bold: true };
  ws.addRow({ name: sheet.legalBasis });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Monthly kinerja from CSV (NIP;Predikat or NIP;Nilai): errors as data with line numbers. */
export async function importKinerja(ctx: Ctx, pemdaId: string, month: string, text: string) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(/[;,\t]/).map((h) => h.trim().toLowerCase());
  const nipCol = header.indexOf('nip');
  const predCol = header.indexOf('predikat');
  const scoreCol = header.indexOf('nilai');
  const rejected: Array<{ line: number; reason: { id: string; en: string } }> = [];
  const entries: Array<{ nip: string; predikat: string | null; score: number | null; line: number }> = [];
  if (nipCol < 0 || (predCol < 0 && scoreCol < 0)) throw new AppError(AttendanceErrors.ATT_FILE_UNREADABLE, { reason: { id: 'kolom NIP dan Predikat atau Nilai wajib ada', en: 'columns NIP and Predikat or Nilai are required' } });
  const PRED: Record<string, string> = { 'sangat baik': 'sangat_baik', baik: 'baik', 'butuh perbaikan': 'butuh_perbaikan', kurang: 'kurang', 'sangat kurang': 'sangat_kurang' };
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (!raw.trim()) return;
    const cells = raw.split(/[;,\t]/).map((c) => c.trim());
    const nip = cells[nipCol] ?? '';
    if (!/^\d{18}$/.test(nip)) return void rejected.push({ line, reason: { id: 'NIP harus 18 angka', en: 'NIP must be 18 digits' } });
    const predText = predCol >= 0 ? (cells[predCol] ?? '').toLowerCase().replace(/_/g, ' ') : '';
    const predikat = predText ? PRED[predText] ?? null : null;
    if (predText && !predikat) return void rejected.push({ line, reason: { id: `predikat "${cells[predCol]}" tidak dikenal`, en: `unknown predikat "${cells[predCol]}"` } });
    const scoreText = scoreCol >= 0 ? (cells[scoreCol] ?? '').replace(',', '.') : '';
    const score = scoreText ? Number(scoreText) : null;
    if (score !== null && (!Number.isFinite(score) || score < 0 || score > 100)) return void rejected.push({ line, reason: { id: 'nilai harus 0–100', en: 'score must be 0–100' } });
    if (!predikat && score === null) return void rejected.push({ line, reason: { id: 'predikat atau nilai kosong', en: 'predikat or score is empty' } });
    entries.push({ nip, predikat, score, line });
  });
  return inTransaction(ctx, async (tx) => {
    const people = entries.length === 0 ? [] : await tx.db.selectFrom('pegawai').select(['id', 'nip']).where('pemda_id', '=', pemdaId).where('nip', 'in', entries.map((e) => e.nip)).execute();
    const byNip = new Map(people.map((p) => [p.nip, p.id]));
    let saved = 0;
    for (const entry of entries) {
      const pegawaiId = byNip.get(entry.nip);
      if (!pegawaiId) {
        rejected.push({ line: entry.line, reason: { id: `NIP ${entry.nip} tidak ada di Pemda ini`, en: `NIP ${entry.nip} does not exist in this Pemda` } });
        continue;
      }
      await tx.db.insertInto('tpp_kinerja').values({ pemda_id: pemdaId, pegawai_id: pegawaiId, month, predikat: entry.predikat, score: entry.score, source: 'import' }).onConflict((oc) => oc.columns(['pemda_id', 'pegawai_id', 'month']).doUpdateSet({ predikat: entry.predikat, score: entry.score, source: 'import' })).execute();
      saved += 1;
    }
    await writeAudit(tx, { pemdaId, action: 'tpp.kinerja_imported', entityType: 'tpp_kinerja', entityId: month, detail: { saved, rejected: rejected.length } });
    return { read: entries.length + rejected.filter((r) => !entries.some((e) => e.line === r.line)).length, saved, rejected: rejected.sort((a, b) => a.line - b.line) };
  });
}
