/**
 * The translation core without React: dictionaries, placeholder filling, picking a `{ id, en }` text. The React
 * side (provider, `useT`) is in ./index.tsx.
 */
import { en } from './en';
import { id, type MessageKey } from './id';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
export type { MessageKey };

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { id, en };

export type Params = Record<string, string | number>;

/** Replaces `{name}` placeholders; an unknown placeholder stays visible rather than disappearing. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(DICTIONARIES[lang][key] ?? DICTIONARIES.id[key] ?? key, params);
}

/** The text of a localized `{ id, en }` value from the API. */
export function pick(lang: Lang, text: { id: string; en: string } | null | undefined): string {
  if (!text) return '';
  return text[lang] || text.id;
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** Placeholders used by a template, sorted: both languages must use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}
