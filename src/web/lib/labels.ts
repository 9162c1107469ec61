/** Small label helpers shared by several screens. */
import type { BadgeTone } from '../components/Badge';
import type { MessageKey } from '../i18n/translate';

export const HEAD_STATUS_KEYS: Record<'definitif' | 'pj' | 'plt' | 'plh', MessageKey> = {
  definitif: 'head.status.definitif',
  pj: 'head.status.pj',
  plt: 'head.status.plt',
  plh: 'head.status.plh',
};

export const HEAD_STATUS_TONES: Record<'definitif' | 'pj' | 'plt' | 'plh', BadgeTone> = {
  definitif: 'success',
  pj: 'accent',
  plt: 'warning',
  plh: 'warning',
};

export const SEVERITY_TONES: Record<'info' | 'warning' | 'critical', BadgeTone> = {
  info: 'info',
  warning: 'warning',
  critical: 'danger',
};

export const SEVERITY_KEYS: Record<'info' | 'warning' | 'critical', MessageKey> = {
  info: 'flags.severity.info',
  warning: 'flags.severity.warning',
  critical: 'flags.severity.critical',
};

export const PEGAWAI_STATUS_TONES: Record<'PNS' | 'PPPK' | 'NON_ASN', BadgeTone> = {
  PNS: 'info',
  PPPK: 'accent',
  NON_ASN: 'neutral',
};

export const PEGAWAI_STATUS_KEYS: Record<'PNS' | 'PPPK' | 'NON_ASN', MessageKey> = {
  PNS: 'pegawai.status.PNS',
  PPPK: 'pegawai.status.PPPK',
  NON_ASN: 'pegawai.status.NON_ASN',
};

/** An internal link from the API ("/opd/…") stays in the app; anything else is not followed. */
export function internalPath(link: string): string | null {
  return link.startsWith('/') && !link.startsWith('//') ? link : null;
}
