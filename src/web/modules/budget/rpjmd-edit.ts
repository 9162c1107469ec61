/**
 * Pure helpers of the RPJMD cascade editor: the editable cascade as a PUT body, a node replaced, added or removed
 * by its position, and the server's field errors picked out for one node's form.
 */
import type { TRpjmdEditable, TRpjmdInput } from '../../../contracts/budget';
import type { Lang } from '../../i18n/translate';
import { parseTypedNumber } from './number';

export type Cascade = TRpjmdEditable;
export type Misi = Cascade['misi'][number];
export type Tujuan = Misi['tujuan'][number];
export type Sasaran = Tujuan['sasaran'][number];
export type Iku = Sasaran['iku'][number];
export type Level = 'misi' | 'tujuan' | 'sasaran' | 'iku';

/** Where a node sits: indices from the top; its level is how many are given. */
export interface NodePos {
  m: number;
  t?: number;
  s?: number;
  i?: number;
}

export const levelOf = (pos: NodePos): Level => (pos.i !== undefined ? 'iku' : pos.s !== undefined ? 'sasaran' : pos.t !== undefined ? 'tujuan' : 'misi');

/** The server's path of a node ("misi.0.tujuan.1"), the prefix of its field errors. */
export function pathOf(pos: NodePos): string {
  let path = `misi.${pos.m}`;
  if (pos.t !== undefined) path += `.tujuan.${pos.t}`;
  if (pos.s !== undefined) path += `.sasaran.${pos.s}`;
  if (pos.i !== undefined) path += `.iku.${pos.i}`;
  return path;
}

export const posKey = (pos: NodePos) => pathOf(pos);

/** The cascade as PUT /budget/rpjmd takes it (read-only facts dropped); prune: it is the whole cascade. */
export function toInput(c: Cascade): TRpjmdInput {
  return {
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    visi: c.visi,
    legalBasis: c.legalBasis,
    prune: true,
    expectedVersion: c.version,
    misi: c.misi.map((m) => ({
      nomor: m.nomor,
      uraian: m.uraian,
      tujuan: m.tujuan.map((t) => ({
        kode: t.kode,
        uraian: t.uraian,
        sasaran: t.sasaran.map((s) => ({
          kode: s.kode,
          uraian: s.uraian,
          prioritas: s.prioritas,
          iku: s.iku.map((i) => ({ kode: i.kode, nama: i.nama, satuan: i.satuan, arah: i.arah, opdCode: i.opdCode, baseline: i.baseline, target: i.target })),
        })),
      })),
    })),
  };
}

type AnyNode = Misi | Tujuan | Sasaran | Iku;

/**
 * The cascade with the node at `pos` replaced by `node`, or removed when `node` is null. A position one past the
 * end of its list adds the node there (children of a replaced node are kept: the form edits only its own fields).
 */
export function withNode(c: Cascade, pos: NodePos, node: AnyNode | null): Cascade {
  const put = <T>(list: T[], index: number, make: (old: T | undefined) => T | null): T[] => {
    const next = [...list];
    const value = make(list[index]);
    if (value === null) next.splice(index, 1);
    else next[index] = value;
    return next;
  };
  const level = levelOf(pos);
  return {
    ...c,
    misi: put(c.misi, pos.m, (m) => {
      if (level === 'misi') return node === null ? null : { ...(node as Misi), tujuan: m?.tujuan ?? [] };
      if (!m) throw new Error('no such misi');
      return {
        ...m,
        tujuan: put(m.tujuan, pos.t ?? 0, (t) => {
          if (level === 'tujuan') return node === null ? null : { ...(node as Tujuan), sasaran: t?.sasaran ?? [] };
          if (!t) throw new Error('no such tujuan');
          return {
            ...t,
            sasaran: put(t.sasaran, pos.s ?? 0, (s) => {
              if (level === 'sasaran') return node === null ? null : { ...(node as Sasaran), iku: s?.iku ?? [] };
              if (!s) throw new Error('no such sasaran');
              return { ...s, iku: put(s.iku, pos.i ?? 0, () => (node === null ? null : (node as Iku))) };
            }),
          };
        }),
      };
    }),
  };
}

/** Field errors of one node's form, keyed by the field ("kode", "target.2026"); the rest stays for the alert. */
export function fieldErrorsFor(errors: Array<{ path: string; message: string }>, prefix: string): { fields: Record<string, string>; rest: Array<{ path: string; message: string }> } {
  const fields: Record<string, string> = {};
  const rest: Array<{ path: string; message: string }> = [];
  for (const e of errors) {
    if (prefix !== '' && e.path.startsWith(`${prefix}.`)) {
      const field = e.path.slice(prefix.length + 1);
      // A child's error (misi.0.tujuan.1...) is not this form's.
      if (!/^(tujuan|sasaran|iku)\.\d/.test(field)) {
        fields[field] = fields[field] ?? e.message;
        continue;
      }
    }
    // The head form also holds a new cascade's first mission.
    if (prefix === '' && (!e.path.startsWith('misi.') || e.path === 'misi.0.uraian')) {
      fields[e.path] = fields[e.path] ?? e.message;
      continue;
    }
    rest.push(e);
  }
  return { fields, rest };
}

/** A number as the form shows it: no grouping, the language's decimal mark (read back by `readNumber`). */
export function showNumber(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  return lang === 'id' ? String(value).replace('.', ',') : String(value);
}

/** A typed number: plain "83.5" in English, else the Indonesian-first reading of the budget forms. */
export function readNumber(text: string, lang: Lang): number | null {
  const raw = text.trim();
  if (lang === 'en' && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return parseTypedNumber(raw);
}

/** A server path ("misi.0.tujuan.1.sasaran.0.iku.2.target.2031") in the planner's words ("IKU IKU-05 · target 2031"). */
export function describePath(c: Cascade, path: string, words: { misi: string; tujuan: string; sasaran: string }): string {
  const match = /^misi\.(\d+)(?:\.tujuan\.(\d+))?(?:\.sasaran\.(\d+))?(?:\.iku\.(\d+))?(?:\.(.+))?$/.exec(path);
  if (!match) return path;
  const [, m, t, s, i, rest] = match;
  const misi = c.misi[Number(m)];
  const tujuan = t === undefined ? undefined : misi?.tujuan[Number(t)];
  const sasaran = s === undefined ? undefined : tujuan?.sasaran[Number(s)];
  const iku = i === undefined ? undefined : sasaran?.iku[Number(i)];
  const node = iku ? `IKU ${iku.kode}` : sasaran ? `${words.sasaran} ${sasaran.kode}` : tujuan ? `${words.tujuan} ${tujuan.kode}` : misi ? `${words.misi} ${misi.nomor}` : path;
  return rest ? `${node} · ${rest.replace(/^target\./, 'target ')}` : node;
}
