import { describe, expect, it } from 'vitest';
import { formatAttlogLine, parseAttlogLine, readLines, type AttlogFormat, type AttlogRecord } from './attlog';

/** A tiny seeded generator (mulberry32): property tests without a dependency, reproducible by seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: () => number, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomRecord(r: () => number, format: AttlogFormat): AttlogRecord {
  const year = int(r, 2000, 2099);
  const month = int(r, 1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pinLength = int(r, 1, 24);
  const pin = r() < 0.7 ? String(int(r, 1, 99999)) : Array.from({ length: pinLength }, () => ALNUM[int(r, 0, ALNUM.length - 1)]).join('');
  return {
    pin,
    at: `${year}-${pad(month)}-${pad(int(r, 1, days))} ${pad(int(r, 0, 23))}:${pad(int(r, 0, 59))}:${pad(int(r, 0, 59))}`,
    device: format === 'adms' ? null : int(r, 0, 255),
    state: r() < 0.3 ? 255 : int(r, 0, 5),
    verify: int(r, 0, 255),
    workcode: r() < 0.8 ? '0' : Array.from({ length: int(r, 0, 16) }, () => ALNUM[int(r, 0, 61)]).join(''),
  };
}

async function* chunksOf(bytes: Buffer, r: () => number): AsyncGenerator<Buffer> {
  let at = 0;
  while (at < bytes.length) {
    const size = int(r, 1, 4096);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

describe('attlog parser', () => {
  it('reads a ZKTeco attlog line with the PIN right-aligned, CRLF, and an ADMS ATTLOG line', () => {
    expect(parseAttlogLine('        7\t2025-01-06 07:25:13\t1\t0\t1\t0\r', 'attlog')).toEqual({
      kind: 'record',
      record: { pin: '7', at: '2025-01-06 07:25:13', device: 1, state: 0, verify: 1, workcode: '0' },
    });
    expect(parseAttlogLine('12\t2025-01-06 16:02:00\t255\t15\t0\t0\t0', 'adms')).toEqual({
      kind: 'record',
      record: { pin: '12', at: '2025-01-06 16:02:00', device: null, state: 255, verify: 15, workcode: '0' },
    });
    expect(parseAttlogLine('   \r', 'attlog')).toEqual({ kind: 'blank' });
  });

  it('rejects bad lines with a reason in both languages', () => {
    const bad = parseAttlogLine('7\t2025-02-30 07:00:00\t1\t0\t1\t0', 'attlog');
    expect(bad).toEqual({ kind: 'rejected', reason: { id: 'waktu tidak valid (harus YYYY-MM-DD HH:MM:SS, tahun 2000–2099)', en: 'invalid time (must be YYYY-MM-DD HH:MM:SS, year 2000–2099)' } });
    expect(parseAttlogLine('7;2025-01-06 07:00:00', 'attlog')).toMatchObject({ kind: 'rejected', reason: { id: 'kolom kurang: perlu PIN dan waktu dipisah tab' } });
    expect(parseAttlogLine('7\t2025-01-06 07:00:00\t1\t999', 'attlog')).toMatchObject({ kind: 'rejected', reason: { id: 'status masuk/pulang tidak valid (0–255)' } });
  });

  it('property: every valid line is read back exactly (5,000 random records per format)', () => {
    for (const format of ['attlog', 'adms'] as const) {
      const r = rng(format === 'attlog' ? 1 : 2);
      for (let i = 0; i < 5000; i += 1) {
        const record = randomRecord(r, format);
        const line = formatAttlogLine(record, format) + (r() < 0.5 ? '\r' : '');
        expect(parseAttlogLine(line, format)).toEqual({ kind: 'record', record });
      }
    }
  });

  it('property: random bytes never crash the reader or the parser, and lines are numbered in order', async () => {
    const r = rng(42);
    for (let round = 0; round < 200; round += 1) {
      const length = int(r, 0, 20_000);
      const bytes = Buffer.alloc(length);
      for (let i = 0; i < length; i += 1) bytes[i] = r() < 0.05 ? 0x0a : r() < 0.1 ? 0x09 : int(r, 0, 255);
      let expected = 0;
      let misnumbered = 0;
      let unknownKind = 0;
      for await (const raw of readLines(chunksOf(bytes, r))) {
        expected += 1;
        if (raw.line !== expected) misnumbered += 1;
        const parsed = parseAttlogLine(raw.text, r() < 0.5 ? 'attlog' : 'adms');
        if (parsed.kind !== 'record' && parsed.kind !== 'rejected' && parsed.kind !== 'blank') unknownKind += 1;
      }
      expect([misnumbered, unknownKind]).toEqual([0, 0]);
      const newlines = bytes.filter((b) => b === 0x0a).length;
      const trailing = length > 0 && bytes[length - 1] !== 0x0a ? 1 : 0;
      expect(expected).toBe(newlines + trailing);
    }
  });

  it('property: valid lines mixed with garbage, split at random chunk borders, all come back', async () => {
    const r = rng(7);
    const records: AttlogRecord[] = [];
    const parts: string[] = [];
    for (let i = 0; i < 3000; i += 1) {
      if (r() < 0.2) parts.push(Buffer.from(Array.from({ length: int(r, 0, 40) }, () => int(r, 0x20, 0xff))).toString('latin1').replace(/\n/g, ''));
      const record = randomRecord(r, 'attlog');
      records.push(record);
      parts.push(formatAttlogLine(record, 'attlog'));
    }
    const bytes = Buffer.from(parts.join(r() < 0.5 ? '\r\n' : '\n'), 'utf8');
    const found: AttlogRecord[] = [];
    for await (const raw of readLines(chunksOf(bytes, r))) {
      const parsed = parseAttlogLine(raw.text, 'attlog');
      if (parsed.kind === 'record') found.push(parsed.record);
    }
    // Garbage lines never parse as records by accident often enough to matter; the valid ones all do, in order.
    const valid = found.filter((record) => records.some((x) => x.pin === record.pin && x.at === record.at));
    expect(valid).toEqual(records);
  });

  it('keeps memory flat on one enormous line without a newline', async () => {
    async function* huge(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 200; i += 1) yield Buffer.alloc(64 * 1024, 0x41);
    }
    const lines = [];
    for await (const raw of readLines(huge())) lines.push(raw);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text.length).toBeLessThan(2000);
    expect(parseAttlogLine(lines[0]?.text ?? '', 'attlog')).toMatchObject({ kind: 'rejected', reason: { en: 'line too long (over 256 characters)' } });
  });
});
