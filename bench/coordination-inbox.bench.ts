import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { copyLine, type Database } from '../src/server/db/connect';
import { inTransaction, systemCtx, type Ctx, type UserActor } from '../src/server/http/context';
import { addDays, dateIn } from '../src/server/platform/calendar';
import { listDirectives } from '../src/server/modules/coordination/directives';
import { leaderInbox, opdInbox } from '../src/server/modules/coordination/inbox';
import { createPemdaFromRegistry } from '../src/server/modules/org/wilayah';
import { benchDatabase } from './support';
import { percentile, timeMany, type Bench, type BenchContext, type BenchResult } from './types';

/**
 * Issue 4: the leader's inbox at five years of history - about 20,000 directives, each to several of 40 OPDs,
 * with follow-ups and weekly reports. Targets: p95 <= 150 ms on PGlite, <= 50 ms on PostgreSQL (printed beside the
 * figure). The baseline, measured in the same run on the same data, is one plain indexed query: the open
 * assignments of the Pemda joined to their directives, earliest due first (what any inbox has to read at least).
 */
const DIRECTIVES = 20_000;
const OPDS = 40;
const DAYS = 5 * 365;
const SAMPLES = 40;
const TARGET_MS = { pglite: 150, postgres: 50 } as const;

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Loaded {
  pemdaId: string;
  opdIds: string[];
  counts: { directives: number; assignments: number; followups: number; reports: number };
}

async function load(database: Database, log: (line: string) => void): Promise<Loaded> {
  const rnd = mulberry32(2026);
  const sys = systemCtx(database.db, 'bench');
  const pemdaId = await inTransaction(sys, (tx) => createPemdaFromRegistry(tx, '19.71'));
  const opdIds: string[] = [];
  const opdLines: string[] = [];
  for (let i = 0; i < OPDS; i += 1) {
    const id = randomUUID();
    opdIds.push(id);
    opdLines.push(copyLine([pemdaId, id, `OPD${i}`, `Dinas Uji ${i}`, 'dinas', i, new Date(Date.now() - DAYS * 86_400_000).toISOString()]));
  }
  await database.copyRows('opd', ['pemda_id', 'id', 'code', 'name', 'kind', 'sort_order', 'created_at'], opdLines);
  await database.db.insertInto('coord_signing_key').values({ pemda_id: pemdaId, id: 'ed25519-bench', public_key: 'x', private_key_sealed: null, active: false, note: 'bench' }).execute();
  const today = dateIn('Asia/Jakarta');
  const directives: string[] = [];
  const assignments: string[] = [];
  const followups: string[] = [];
  const tags = ['netralitas', 'anggaran', 'stunting', 'pelayanan_publik', 'disiplin', 'pad'];
  const perYear = new Map<string, number>();
  for (let i = 0; i < DIRECTIVES; i += 1) {
    const age = Math.floor(((DIRECTIVES - i) / DIRECTIVES) * DAYS);
    const issuedOn = addDays(today, -age);
    const issuedAt = new Date(Date.parse(`${issuedOn}T02:00:00Z`) + i);
    const due = addDays(issuedOn, 7 + Math.floor(rnd() * 30));
    const year = issuedOn.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const id = randomUUID();
    const count = 2 + Math.floor(rnd() * 4);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(opdIds[Math.floor(rnd() * OPDS)] as string);
    const assigned = [...chosen].map((opdId) => ({ id: opdId, code: `OPD${opdIds.indexOf(opdId)}`, name: `Dinas Uji ${opdIds.indexOf(opdId)}` }));
    directives.push(copyLine([pemdaId, id, `1971-B${String(i).padStart(9, '0')}`, `${String(seq).padStart(5, '0')}/ARH/${year}`, 'Sekda Uji', 'sekda', issuedAt.toISOString(), `Arahan uji nomor ${i}: percepat pelaksanaan program prioritas dan laporkan hasilnya.`, `{${tags[i % tags.length]}}`, 'penting', due, 'opds', JSON.stringify(assigned), 'h', 's', 'ed25519-bench']));
    for (const opdId of chosen) {
      const old = age > 90;
      const r = rnd();
      const status = old ? (r < 0.95 ? 'diterima' : r < 0.98 ? 'dibatalkan' : 'proses') : r < 0.25 ? 'belum' : r < 0.6 ? 'proses' : r < 0.7 ? 'selesai' : r < 0.75 ? 'terkendala' : 'diterima';
      const first = status === 'belum' ? null : new Date(issuedAt.getTime() + (1 + Math.floor(rnd() * 5)) * 86_400_000);
      const last = first ? new Date(first.getTime() + Math.floor(rnd() * 10) * 86_400_000) : null;
      const completed = status === 'diterima' || status === 'selesai' ? (last ? dateIn('Asia/Jakarta', last) : null) : null;
      assignments.push(copyLine([pemdaId, id, opdId, status, due, issuedOn, first?.toISOString() ?? null, last?.toISOString() ?? null, completed, status === 'diterima' ? last?.toISOString() : null, status === 'terkendala' ? 'Anggaran belum tersedia' : null, (last ?? issuedAt).toISOString()]));
      if (first) followups.push(copyLine([pemdaId, randomUUID(), id, opdId, 'progress', 'proses', 'Sedang dikerjakan', null, false, 'Operator', first.toISOString()]));
      if (last && last > (first ?? last)) followups.push(copyLine([pemdaId, randomUUID(), id, opdId, 'progress', status === 'terkendala' ? 'terkendala' : 'selesai', 'Selesai dikerjakan', null, false, 'Operator', last.toISOString()]));
      if (status === 'diterima' && last) followups.push(copyLine([pemdaId, randomUUID(), id, opdId, 'accepted', 'diterima', 'Diterima', null, false, 'Sekda Uji', new Date(last.getTime() + 86_400_000).toISOString()]));
    }
  }
  const reports: string[] = [];
  for (const [index, opdId] of opdIds.entries()) {
    for (let week = 1; week < DAYS / 7; week += 1) {
      if (index < 2 && week < 3) continue; // two OPDs silent lately
      const start = addDays(today, -7 * week - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
      reports.push(copyLine([pemdaId, randomUUID(), opdId, start, addDays(start, 6), addDays(start, 7), 'Capaian minggu ini sesuai target.', new Date(Date.parse(`${addDays(start, 4)}T07:00:00Z`)).toISOString(), false]));
    }
  }
  await database.copyRows('coord_directive', ['pemda_id', 'id', 'code', 'number', 'issuer_name', 'issuer_role', 'issued_at', 'text', 'tags', 'priority', 'due_date', 'target', 'assigned_opds', 'content_hash', 'signature', 'key_id'], directives);
  await database.copyRows('coord_assignment', ['pemda_id', 'directive_id', 'opd_id', 'status', 'due_date', 'issued_on', 'first_activity_at', 'last_activity_at', 'completed_on', 'accepted_at', 'obstacle', 'updated_at'], assignments);
  await database.copyRows('coord_followup', ['pemda_id', 'id', 'directive_id', 'opd_id', 'kind', 'status_to', 'note', 'obstacle', 'internal', 'author_name', 'created_at'], followups);
  await database.copyRows('coord_report', ['pemda_id', 'id', 'opd_id', 'period_start', 'period_end', 'due_date', 'achievements', 'submitted_at', 'late'], reports);
  await database.rawTransaction((raw) => raw.exec('ANALYZE'));
  const counts = { directives: directives.length, assignments: assignments.length, followups: followups.length, reports: reports.length };
  log(`  loaded ${counts.directives} directives, ${counts.assignments} assignments, ${counts.followups} follow-ups, ${counts.reports} reports`);
  return { pemdaId, opdIds, counts };
}

async function measure(kind: 'pglite' | 'postgres', ctx: BenchContext): Promise<BenchResult[]> {
  const database = await benchDatabase(kind, ctx.postgresUrl);
  try {
    const started = Date.now();
    const loaded = await load(database, ctx.log);
    ctx.log(`  ${kind}: data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const reqCtx: Ctx = { ...systemCtx(database.db, 'bench'), actor: { kind: 'system', role: 'system', name: 'bench' } };
    const leader: UserActor = { kind: 'user', pemdaId: loaded.pemdaId, userId: randomUUID(), role: 'sekda', opdId: null, pegawaiId: null, name: 'Sekda', email: 's@x', stage: 'full', sessionId: 'bench' };
    const operator: UserActor = { ...leader, role: 'operator_opd', opdId: loaded.opdIds[5] as string };
    const target = TARGET_MS[kind];
    const figures: BenchResult[] = [];
    const plainQuery = () =>
      sql`SELECT a.directive_id, a.opd_id, a.status, a.due_date, d.number, d.text
          FROM coord_assignment a JOIN coord_directive d ON d.pemda_id = a.pemda_id AND d.id = a.directive_id
          WHERE a.pemda_id = ${loaded.pemdaId} AND a.status NOT IN ('diterima', 'dibatalkan')
          ORDER BY a.due_date LIMIT 200`.execute(database.db);
    await timeMany(5, plainQuery);
    const baselineSamples = await timeMany(SAMPLES, plainQuery);
    const run = async (name: string, fn: () => Promise<unknown>, withTarget: boolean) => {
      await timeMany(5, fn);
      const samples = await timeMany(SAMPLES, fn);
      for (const p of [50, 95]) {
        const value = percentile(samples, p);
        const baseline = percentile(baselineSamples, p);
        figures.push({ name: `coordination.${name}.${kind}.p${p}`, value, unit: 'ms', baseline, ratio: value / baseline, ...(withTarget && p === 95 ? { target: `p95 <= ${target} ms` } : {}) });
      }
    };
    await run('leader_inbox', () => leaderInbox(reqCtx, loaded.pemdaId), true);
    await run('opd_inbox', () => opdInbox(reqCtx, operator, operator.opdId as string), false);
    await run('directive_list_overdue', () => listDirectives(reqCtx, leader, { status: 'overdue', limit: 30 }), false);
    const check = await leaderInbox(reqCtx, loaded.pemdaId);
    ctx.log(`  inbox: ${check.totals.open} open, ${check.totals.overdue} overdue, ${check.totals.obstacles} obstacles, ${check.totals.silentOpds} silent OPDs`);
    return figures;
  } finally {
    await database.drop();
  }
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const kind of ctx.databases) results.push(...(await measure(kind, ctx)));
  return results;
}

const bench: Bench = { name: 'coordination.inbox', run };
export default bench;
