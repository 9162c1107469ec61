import { isIsoDate } from '../../platform/calendar';

/**
 * Parsers for fingerprint-machine logs (pure, errors as data; nothing here throws on any input).
 *
 * - ZKTeco text export `N_attlog.dat`: tab-separated PIN (right-aligned with spaces), `YYYY-MM-DD HH:MM:SS`,
 *   device number, state (0 in, 1 out, 2/3 break, 4/5 overtime, 255 undefined), verify mode, workcode; CRLF or LF.
 * - ADMS/iClock push, table ATTLOG: PIN, time, state, verify, workcode, reserved, reserved.
 * Missing trailing fields default to state 255 (undefined: paired by the schedule window), verify 0, workcode ''.
 */
export type AttlogFormat = 'attlog' | 'adms';

export interface AttlogRecord {
  pin: string;
  /** Wall-clock time of the machine, 'YYYY-MM-DD HH:MM:SS'. */
  at: string;
  device: number | null;
  state: number;
  verify: number;
  workcode: string;
}

export interface Reason {
  id: string;
  en: string;
}

export type ParsedLine = { kind: 'record'; record: AttlogRecord } | { kind: 'rejected'; reason: Reason } | { kind: 'blank' };

export const MAX_LINE_CHARS = 256;
const PIN_RE = /^[0-9A-Za-z]{1,24}$/;
const TIME_RE = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const SMALL_RE = /^\d{1,3}$/;
const WORKCODE_RE = /^[0-9A-Za-z]{0,16}$/;

const reject = (id: string, en: string): ParsedLine => ({ kind: 'rejected', reason: { id, en } });

function small(value: string | undefined, fallback: number): number | null {
  if (value === undefined || value === '') return fallback;
  if (!SMALL_RE.test(value)) return null;
  const n = Number(value);
  return n <= 255 ? n : null;
}

export function validTimestamp(text: string): boolean {
  const match = TIME_RE.exec(text);
  if (!match) return false;
  const [, date, hh, mm, ss] = match as unknown as [string, string, string, string, string];
  const year = Number(date.slice(0, 4));
  return isIsoDate(date) && year >= 2000 && year <= 2099 && Number(hh) < 24 && Number(mm) < 60 && Number(ss) < 60;
}

export function parseAttlogLine(raw: string, format: AttlogFormat): ParsedLine {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (text.trim() === '') return { kind: 'blank' };
  if (text.length > MAX_LINE_CHARS) return reject(`baris terlalu panjang (lebih dari ${MAX_LINE_CHARS} karakter)`, `line too long (over ${MAX_LINE_CHARS} characters)`);
  const fields = text.split('\t').map((field) => field.trim());
  if (format === 'adms' && fields[0] === 'ATTLOG') fields.shift();
  if (fields.length < 2) return reject('kolom kurang: perlu PIN dan waktu dipisah tab', 'too few columns: PIN and time separated by tabs are required');
  const [pin, at] = fields as [string, string];
  if (!PIN_RE.test(pin)) return reject('PIN tidak valid (1–24 huruf/angka)', 'invalid PIN (1–24 letters/digits)');
  if (!validTimestamp(at)) return reject('waktu tidak valid (harus YYYY-MM-DD HH:MM:SS, tahun 2000–2099)', 'invalid time (must be YYYY-MM-DD HH:MM:SS, year 2000–2099)');
  const rest = fields.slice(2);
  const [deviceText, stateText, verifyText, workcode] = format === 'attlog' ? rest : [undefined, ...rest];
  const device = deviceText === undefined || deviceText === '' ? null : small(deviceText, 0);
  if (deviceText !== undefined && deviceText !== '' && device === null) return reject('nomor mesin tidak valid (0–255)', 'invalid device number (0–255)');
  const state = small(stateText, 255);
  if (state === null) return reject('status masuk/pulang tidak valid (0–255)', 'invalid in/out state (0–255)');
  const verify = small(verifyText, 0);
  if (verify === null) return reject('mode verifikasi tidak valid (0–255)', 'invalid verify mode (0–255)');
  const code = workcode ?? '';
  if (!WORKCODE_RE.test(code)) return reject('workcode tidak valid (0–16 huruf/angka)', 'invalid workcode (0–16 letters/digits)');
  return { kind: 'record', record: { pin, at, device, state, verify, workcode: code } };
}

/** The line a machine would write for a record (PIN right-aligned in 9 characters for attlog). */
export function formatAttlogLine(record: AttlogRecord, format: AttlogFormat): string {
  if (format === 'adms') return [record.pin, record.at, record.state, record.verify, record.workcode, 0, 0].join('\t');
  return [record.pin.padStart(9, ' '), record.at, record.device ?? '', record.state, record.verify, record.workcode].join('\t');
}

export interface RawLine {
  line: number;
  text: string;
}

const NEWLINE = 0x0a;
/** Bytes kept of an over-long line: enough to reject it, never the whole of a hostile file. */
const KEEP_BYTES = MAX_LINE_CHARS * 4 + 8;

/**
 * Splits a byte stream into numbered lines without holding more than one chunk and one line: memory stays flat
 * whatever the file size. Invalid UTF-8 decodes to replacement characters (and is then rejected by the parser).
 */
export async function* readLines(stream: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<RawLine> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let line = 0;
  const take = (): string => {
    const bytes = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const text = decoder.decode(bytes);
    // An over-long line keeps only its start; pad so the parser rejects it as too long.
    return overflow ? `${text}${'x'.repeat(MAX_LINE_CHARS + 1)}` : text;
  };
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (;;) {
      const index = buffer.indexOf(NEWLINE, start);
      if (index !== -1 && pendingBytes === 0 && !overflow) {
        // The usual case, a line whole in this chunk, is decoded in place: copying each line into a Buffer of its
        // own first was most of the import's garbage.
        line += 1;
        const long = index - start > KEEP_BYTES;
        const text = decoder.decode(buffer.subarray(start, long ? start + KEEP_BYTES : index));
        yield { line, text: long ? `${text}${'x'.repeat(MAX_LINE_CHARS + 1)}` : text };
        start = index + 1;
        continue;
      }
      const end = index === -1 ? buffer.length : index;
      if (end > start && !overflow) {
        const room = KEEP_BYTES - pendingBytes;
        const piece = buffer.subarray(start, Math.min(end, start + Math.max(0, room)));
        if (piece.length > 0) {
          pending.push(Buffer.from(piece));
          pendingBytes += piece.length;
        }
        if (end - start > room) overflow = true;
      }
      if (index === -1) break;
      line += 1;
      yield { line, text: take() };
      overflow = false;
      start = index + 1;
    }
  }
  if (pendingBytes > 0 || overflow) {
    line += 1;
    yield { line, text: take() };
  }
}
