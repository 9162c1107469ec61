/**
 * One catalogue of stable error codes. Each module defines its own with `defineErrors`; all of them are listed at
 * GET /api/v1/errors. Services throw `AppError`; the single error handler turns it into RFC 9457 problem+json
 * with the message in the caller's language.
 */
export type Lang = 'id' | 'en';

export interface ErrorDef {
  code: string;
  status: number;
  id: string;
  en: string;
}

const registry = new Map<string, ErrorDef>();

export function defineErrors<const T extends Record<string, Omit<ErrorDef, 'code'>>>(defs: T): {
  [K in keyof T]: ErrorDef;
} {
  const out = {} as { [K in keyof T]: ErrorDef };
  for (const [code, def] of Object.entries(defs)) {
    if (registry.has(code)) throw new Error(`Error code ${code} defined twice`);
    const full = { code, ...def };
    registry.set(code, full);
    out[code as keyof T] = full;
  }
  return out;
}

export function listErrorDefs(): ErrorDef[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export interface FieldError {
  path: string;
  message: string;
  row?: number;
}

/** A parameter may itself be localised (a reason from a parser, say). */
export type ErrorParam = string | number | { id: string; en: string };
export type ErrorParams = Record<string, ErrorParam>;

/** `{name}` placeholders in messages are filled from params. */
export class AppError extends Error {
  constructor(
    readonly def: ErrorDef,
    readonly params: ErrorParams = {},
    readonly fieldErrors?: FieldError[],
  ) {
    super(fill(def.en, params, 'en'));
    this.name = 'AppError';
  }

  message_(lang: Lang): string {
    return fill(lang === 'en' ? this.def.en : this.def.id, this.params, lang);
  }
}

export function fill(template: string, params: ErrorParams, lang: Lang = 'id'): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return `{${key}}`;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, id: 'Data yang dikirim tidak valid.', en: 'The request is not valid.' },
  BODY_TOO_LARGE: { status: 413, id: 'Data yang dikirim terlalu besar (maksimal {limit}).', en: 'The request body is too large (limit {limit}).' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, id: 'Jenis konten tidak didukung.', en: 'Unsupported content type.' },
  MALFORMED_JSON: { status: 400, id: 'JSON tidak dapat dibaca.', en: 'The JSON body cannot be parsed.' },
  UNAUTHENTICATED: { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  FORBIDDEN: { status: 403, id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, id: 'Data tidak ditemukan.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, id: 'Alamat API tidak dikenal.', en: 'Unknown API route.' },
  CONFLICT: { status: 409, id: 'Data bertabrakan dengan data yang sudah ada.', en: 'Conflicts with existing data.' },
  RATE_LIMITED: { status: 429, id: 'Terlalu banyak permintaan. Coba lagi dalam {seconds} detik.', en: 'Too many requests. Try again in {seconds} seconds.' },
  INVALID_CURSOR: { status: 400, id: 'Penanda halaman (cursor) tidak valid.', en: 'Invalid page cursor.' },
  INTERNAL: { status: 500, id: 'Terjadi kesalahan pada server. Kode permintaan: {requestId}.', en: 'Server error. Request id: {requestId}.' },
});
