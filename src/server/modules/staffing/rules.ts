import type { StaffingGuard } from '../neutrality/election';
import type { EselonGroup } from './tables';

/** Pure staffing rules (BRIEF §4.9). */
export function eselonGroupOf(kind: string): EselonGroup | null {
  if (kind === 'jpt_pratama') return 'eselon_ii';
  if (kind === 'administrator' || kind === 'pengawas') return 'eselon_iii_iv';
  return null;
}

export const GROUP_LABELS: Record<EselonGroup, { id: string; en: string }> = {
  eselon_ii: { id: 'eselon II (JPT pratama)', en: 'eselon II (JPT pratama)' },
  eselon_iii_iv: { id: 'eselon III/IV (administrator dan pengawas)', en: 'eselon III/IV (administrator and supervisor)' },
};

/** Why a replacement on that date needs the Minister's written approval, in both languages, or null. */
export function guardReason(guard: StaffingGuard): { id: string; en: string } | null {
  const parts: { id: string; en: string }[] = [];
  if (guard.freeze) {
    parts.push({
      id: `masa larangan penggantian pejabat ${guard.freeze.electionName} (${guard.freeze.start} s.d. ${guard.freeze.end}; UU 10/2016 pasal 71 ayat 2)`,
      en: `the ${guard.freeze.electionName} freeze on replacing officials (${guard.freeze.start} to ${guard.freeze.end}; UU 10/2016 art. 71(2))`,
    });
  }
  if (guard.headStatus === 'pj') parts.push({ id: 'kepala daerah saat ini berstatus Penjabat (PP 49/2008 pasal 132A)', en: 'the head in office is an acting head (Pj) (PP 49/2008 art. 132A)' });
  if (parts.length === 0) return null;
  return { id: parts.map((p) => p.id).join('; '), en: parts.map((p) => p.en).join('; ') };
}
