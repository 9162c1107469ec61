import type { z } from 'zod';
import type { FieldError, Lang } from './errors';

/** Zod issues in the caller's language. Custom refinements carry a message key (e.g. NO_MARKUP). */
const CUSTOM: Record<string, { id: string; en: string }> = {
  NO_MARKUP: { id: 'tidak boleh berisi tanda < atau > (HTML)', en: 'must not contain < or > (HTML)' },
  NIP_INVALID: { id: 'NIP tidak valid', en: 'invalid NIP' },
  KODE_WILAYAH_INVALID: { id: 'kode wilayah tidak dikenal', en: 'unknown region code' },
  CODE_FORMAT: {
    id: 'harus huruf besar, angka, titik, garis bawah atau tanda hubung (2–60 karakter), diawali huruf atau angka',
    en: 'must be capital letters, digits, dots, underscores or hyphens (2–60 characters), starting with a letter or digit',
  },
};

export function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  const en = lang === 'en';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return en ? 'is required' : 'wajib diisi';
      return en ? `must be ${issue.expected}` : `harus bertipe ${issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return en ? `must be at least ${issue.minimum} characters` : `minimal ${issue.minimum} karakter`;
      if (issue.origin === 'array') return en ? `needs at least ${issue.minimum} items` : `minimal ${issue.minimum} butir`;
      return en ? `must be at least ${issue.minimum}` : `minimal ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return en ? `must be at most ${issue.maximum} characters` : `maksimal ${issue.maximum} karakter`;
      if (issue.origin === 'array') return en ? `allows at most ${issue.maximum} items` : `maksimal ${issue.maximum} butir`;
      return en ? `must be at most ${issue.maximum}` : `maksimal ${issue.maximum}`;
    case 'invalid_format': {
      const known = issue.message ? CUSTOM[issue.message] : undefined;
      if (known) return en ? known.en : known.id;
      return en ? `is not a valid ${issue.format}` : `format ${issue.format} tidak valid`;
    }
    case 'invalid_value':
      return en ? `must be one of: ${issue.values.join(', ')}` : `harus salah satu dari: ${issue.values.join(', ')}`;
    case 'unrecognized_keys':
      return en ? `unknown fields: ${issue.keys.join(', ')}` : `kolom tidak dikenal: ${issue.keys.join(', ')}`;
    case 'custom': {
      const known = CUSTOM[issue.message];
      if (known) return en ? known.en : known.id;
      return issue.message;
    }
    default:
      return en ? 'is not valid' : 'tidak valid';
  }
}

export function zodFieldErrors(issues: readonly z.core.$ZodIssue[], lang: Lang, prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, message: `${path || (lang === 'en' ? 'value' : 'nilai')} ${issueMessage(issue, lang)}` };
  });
}
