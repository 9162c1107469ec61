import { sql } from 'kysely';
import { copyLine, type Database } from '../../db/connect';
import { CopyBuffer } from '../../db/copy-buffer';
import type { Ctx, TxCtx } from '../../http/context';
import { AppError } from '../../http/errors';
import { writeAudit } from '../../platform/audit';
import { parseAttlogLine, readLines, type AttlogFormat, type ParsedLine, type Reason } from './attlog';
import { AttendanceErrors } from './errors';
import { sheetLines } from './sheet-source';

/**
 * The streaming import of presence events (issue 5 §2). Lines are parsed one by one and sent in batches of
 * BATCH_BYTES of COPY text by COPY on the transaction's own connection: straight into att_event while nothing collides (a new
 * file), else into a temporary staging table moved with one INSERT … ON CONFLICT DO NOTHING on the idempotency
 * key (pemda, device, PIN, time): re-importing a file adds nothing, overlapping files merge, and memory stays
 * flat whatever the file size. An invalid line never stops the
 * valid ones: it is reported with its line number and reason. Events of a PIN with no mapping yet are kept with
 * pegawai_id null (counted as unmapped) and attributed when the mapping is added. Every (pegawai, day) that got a
 * new event is marked in att_dirty for the daily-status recomputation.
 */
export const BATCH_BYTES = 8 << 20;
/**
 * PGlite runs in this process's own thread, so a batch in flight overlaps nothing; smaller batches keep its peak
 * memory down (issue 5 §10: ≤ 512 MB with the WASM heap included) at no cost in speed.
 */
export const PGLITE_BATCH_BYTES = 2 << 20;
export const MAX_REJECTED_LISTED = 1000;
const MAX_MARKED = 500_000;

/** Days since 2000-01-01 of a 'YYYY-MM-DD…' text; the parser only accepts years 2000–2099, so 0 ≤ n < DAYS. */
const DAYS = 36_525;
const EPOCH = Date.UTC(2000, 0, 1);
function dayNumber(at: string): number {
  return Math.round((Date.UTC(Number(at.slice(0, 4)), Number(at.slice(5, 7)) - 1, Number(at.slice(8, 10))) - EPOCH) / 86_400_000);
}
function dateOfDayNumber(n: number): string {
  return new Date(EPOCH + n * 86_400_000).toISOString().slice(0, 10);
}

export interface ImportSummary {
  importId: string;
  read: number;
  added: number;
  duplicates: number;
  unmapped: number;
  rejectedCount: number;
  rejected: Array<{ line: number; reason: Reason }>;
}

export interface ParsedSource {
  format: string;
  lines: AsyncIterable<{ line: number; parsed: ParsedLine }>;
}

export async function* parsedAttlog(stream: AsyncIterable<Buffer | Uint8Array | string>, format: AttlogFormat): AsyncGenerator<{ line: number; parsed: ParsedLine }> {
  for await (const raw of readLines(stream)) yield { line: raw.line, parsed: parseAttlogLine(raw.text, format) };
}

export interface DeviceRow {
  id: string;
  code: string;
  kind: 'zkteco' | 'adms' | 'csv' | 'web';
  column_map: Record<string, string> | null;
}

export async function findDevice(ctx: Ctx, pemdaId: string, idOrCode: string): Promise<DeviceRow> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  const row = await ctx.db
    .selectFrom('att_device')
    .select(['id', 'code', 'kind', 'column_map'])
    .where('pemda_id', '=', pemdaId)
    .where(isUuid ? 'id' : 'code', '=', idOrCode)
    .executeTakeFirst();
  if (!row) throw new AppError(AttendanceErrors.ATT_DEVICE_NOT_FOUND);
  return row;
}

/** The parsed lines of an upload, by the device's kind: attlog text, ADMS ATTLOG text, or CSV/XLSX with its column map. */
export function sourceFor(device: DeviceRow, filename: string, stream: AsyncIterable<Buffer | Uint8Array | string>): ParsedSource {
  if (device.kind === 'csv') {
    if (!device.column_map?.pin) throw new AppError(AttendanceErrors.ATT_COLUMN_MAP_MISSING);
    return { format: /\.xlsx$/i.test(filename) ? 'xlsx' : 'csv', lines: sheetLines(stream, filename, device.column_map) };
  }
  const format: AttlogFormat = device.kind === 'adms' ? 'adms' : 'attlog';
  return { format, lines: parsedAttlog(stream, format) };
}

export interface ImportInput {
  pemdaId: string;
  device: DeviceRow;
  filename: string;
  source: ParsedSource;
  userId: string | null;
  onProgress?: (linesRead: number) => void;
}

/** The columns of a batch's COPY lines, into att_event directly or into the staging table of the same shape. */
const EVENT_COLUMNS = ['pin', 'at', 'state', 'verify', 'workcode', 'pegawai_id', 'pemda_id', 'device_id', 'import_id'] as const;

export async function importEvents(ctx: Ctx, database: Database, input: ImportInput): Promise<ImportSummary> {
  return database.transactionWithCopy(async (trx, copy) => {
    const tx: TxCtx = { ...ctx, db: trx };
    const { pemdaId, device } = input;
    await sql`CREATE TEMP TABLE att_stage (pin text, at timestamp, state smallint, verify smallint, workcode text, pegawai_id uuid, pemda_id uuid, device_id uuid, import_id uuid) ON COMMIT DROP`.execute(trx);
    const created = await trx
      .insertInto('att_import')
      .values({ pemda_id: pemdaId, device_id: device.id, filename: input.filename.slice(0, 200), format: input.source.format, read_lines: 0, added: 0, duplicates: 0, unmapped: 0, rejected_count: 0, rejected: '[]', created_by: input.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const importId = created.id;
    const summary: ImportSummary = { importId, read: 0, added: 0, duplicates: 0, unmapped: 0, rejectedCount: 0, rejected: [] };
    // The device's PIN map as it stands, to attribute events on the direct path.
    const pins = new Map((await trx.selectFrom('att_pin_map').select(['pin', 'pegawai_id']).where('pemda_id', '=', pemdaId).where('device_id', '=', device.id).execute()).map((m) => [m.pin, m.pegawai_id]));
    // A small number per mapped pegawai, so a marked (pegawai, day) is one integer, not a string (a month of
    // 10,000 pegawai is 230,000 of them: as strings they were most of the import's live heap).
    const pegawaiIndex = new Map<string, number>();
    const pegawaiOfIndex: string[] = [];
    for (const pegawaiId of pins.values()) {
      if (pegawaiIndex.has(pegawaiId)) continue;
      pegawaiIndex.set(pegawaiId, pegawaiOfIndex.length);
      pegawaiOfIndex.push(pegawaiId);
    }
    const batchBytes = database.kind === 'pglite' ? PGLITE_BATCH_BYTES : BATCH_BYTES;
    // A batch holds its events as COPY text in a reused buffer (two: one filling while the other is in flight) and
    // the (pegawai, day) keys it touches; nothing per event outlives the line it was parsed from.
    type Batch = { copy: CopyBuffer; days: Set<number>; unmapped: number };
    const emptyBatch = (copyBuffer: CopyBuffer): Batch => {
      copyBuffer.clear();
      return { copy: copyBuffer, days: new Set(), unmapped: 0 };
    };
    let spare = new CopyBuffer(batchBytes + 4096);
    let batch = emptyBatch(new CopyBuffer(batchBytes + 4096));
    // Direct path: a batch that duplicates nothing (a new file, the usual case) goes by COPY straight into att_event
    // under a savepoint. The first unique violation (a re-import, an overlapping file, a line twice in the file)
    // rolls that batch back and switches this import to the staged path below for good.
    let direct = true;
    // Days already marked by this import: a file lists the same (pegawai, day) in many batches. Bounded, so memory
    // stays flat; a day forgotten when it is cleared is only marked again (ON CONFLICT DO NOTHING).
    const marked = new Set<number>();
    const add = (r: { pin: string; at: string; state: number | null; verify: number | null; workcode: string | null }) => {
      const pegawaiId = pins.get(r.pin) ?? null;
      if (pegawaiId === null) batch.unmapped += 1;
      else {
        const key = (pegawaiIndex.get(pegawaiId) as number) * DAYS + dayNumber(r.at);
        if (!marked.has(key)) batch.days.add(key);
      }
      batch.copy.push(copyLine([r.pin, r.at, r.state, r.verify, r.workcode, pegawaiId, pemdaId, device.id, importId]));
    };
    const directly = async (rows: Batch): Promise<boolean> => {
      await sql`SAVEPOINT att_direct`.execute(trx);
      try {
        const copied = await copy('att_event', EVENT_COLUMNS, rows.copy.bytes());
        // COPY's own count, so a short write can never be reported as added.
        if (copied !== rows.copy.lines) throw new Error(`COPY stored ${copied} of ${rows.copy.lines} events`);
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') throw error;
        await sql`ROLLBACK TO SAVEPOINT att_direct`.execute(trx);
        return false;
      }
      await sql`RELEASE SAVEPOINT att_direct`.execute(trx);
      if (marked.size + rows.days.size > MAX_MARKED) marked.clear();
      const pegawaiIds: string[] = [];
      const dates: string[] = [];
      for (const key of rows.days) {
        marked.add(key);
        pegawaiIds.push(pegawaiOfIndex[Math.floor(key / DAYS)] as string);
        dates.push(dateOfDayNumber(key % DAYS));
      }
      if (pegawaiIds.length > 0) await sql`
        INSERT INTO att_dirty (pemda_id, pegawai_id, date)
        SELECT ${pemdaId}::uuid, u.pegawai_id, u.date FROM unnest(${pegawaiIds}::uuid[], ${dates}::date[]) AS u(pegawai_id, date)
        ON CONFLICT DO NOTHING`.execute(trx);
      summary.added += rows.copy.lines;
      summary.unmapped += rows.unmapped;
      return true;
    };
    const flush = async (rows: Batch) => {
      if (rows.copy.lines === 0) return;
      if (direct && (await directly(rows))) return;
      direct = false;
      // The staging table takes the same lines; the pegawai is the one the PIN map gave when the line was read.
      await copy('att_stage', EVENT_COLUMNS, rows.copy.bytes());
      const moved = await sql<{ added: number; unmapped: number }>`
        WITH ins AS (
          INSERT INTO att_event (pemda_id, device_id, pin, at, state, verify, workcode, pegawai_id, import_id)
          SELECT s.pemda_id, s.device_id, s.pin, s.at, s.state, s.verify, s.workcode, s.pegawai_id, s.import_id
          FROM att_stage s
          ON CONFLICT DO NOTHING
          RETURNING pegawai_id, at
        ), dirty AS (
          INSERT INTO att_dirty (pemda_id, pegawai_id, date)
          SELECT DISTINCT ${pemdaId}::uuid, pegawai_id, at::date FROM ins WHERE pegawai_id IS NOT NULL
          ON CONFLICT DO NOTHING
        )
        SELECT count(*)::int AS added, count(*) FILTER (WHERE pegawai_id IS NULL)::int AS unmapped FROM ins`.execute(trx);
      const added = moved.rows[0]?.added ?? 0;
      summary.added += added;
      summary.unmapped += moved.rows[0]?.unmapped ?? 0;
      summary.duplicates += rows.copy.lines - added;
      await sql`TRUNCATE att_stage`.execute(trx);
    };
    // The database moves one batch while the next is parsed (PostgreSQL works in its own process meanwhile): at
    // most one batch in flight and one being filled, so memory stays flat.
    let inFlight: Promise<void> | null = null;
    const send = async () => {
      if (inFlight) await inFlight;
      const rows = batch;
      // The buffer of the batch that just landed is free again.
      batch = emptyBatch(spare);
      spare = rows.copy;
      inFlight = flush(rows);
      // Awaited at the next send or at the end; this only keeps a failure from being reported as unhandled meanwhile.
      inFlight.catch(() => undefined);
    };
    try {
      for await (const { line, parsed } of input.source.lines) {
        if (parsed.kind === 'blank') continue;
        summary.read += 1;
        if (parsed.kind === 'rejected') {
          summary.rejectedCount += 1;
          if (summary.rejected.length < MAX_REJECTED_LISTED) summary.rejected.push({ line, reason: parsed.reason });
        } else {
          add(parsed.record);
          if (batch.copy.byteLength >= batchBytes) await send();
        }
        if (input.onProgress && summary.read % 10_000 === 0) input.onProgress(summary.read);
      }
    } catch (error) {
      // Let the batch in flight finish before the transaction rolls back on the same connection.
      if (inFlight) await (inFlight as Promise<void>).catch(() => undefined);
      throw error;
    }
    await send();
    if (inFlight) await inFlight;
    input.onProgress?.(summary.read);
    await trx
      .updateTable('att_import')
      .set({ read_lines: summary.read, added: summary.added, duplicates: summary.duplicates, unmapped: summary.unmapped, rejected_count: summary.rejectedCount, rejected: JSON.stringify(summary.rejected.slice(0, 200)) })
      .where('pemda_id', '=', pemdaId)
      .where('id', '=', importId)
      .execute();
    await writeAudit(tx, {
      pemdaId,
      action: 'attendance.import',
      entityType: 'att_import',
      entityId: importId,
      detail: { device: device.code, file: input.filename, read: summary.read, added: summary.added, duplicates: summary.duplicates, unmapped: summary.unmapped, rejected: summary.rejectedCount },
    });
    return summary;
  });
}

/** The summary as the CLI prints it with --json (issue 5 §2). */
export function summaryJson(summary: ImportSummary, lang: 'id' | 'en'): { read: number; added: number; duplicates: number; unmapped: number; rejected: Array<{ line: number; reason: string }> } {
  return { read: summary.read, added: summary.added, duplicates: summary.duplicates, unmapped: summary.unmapped, rejected: summary.rejected.map((r) => ({ line: r.line, reason: r.reason[lang] })) };
}
