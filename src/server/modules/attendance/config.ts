import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { RULE_DEFAULTS, RULE_SCHEMAS, type DisciplineRules, type LatenessRules, type RuleVersion, type ScheduleRules, type TppRules } from './rules';
import type { RuleKind } from './tables';

/**
 * Rule versions of a Pemda: the row of the right kind (and OPD, for schedules) with the latest valid_from on or
 * before the date; the national default when there is none. A row whose body no longer passes its schema is
 * skipped (the default applies) rather than breaking every computation.
 */
export interface RuleBodies {
  schedule: ScheduleRules;
  lateness: LatenessRules;
  discipline: DisciplineRules;
  tpp: TppRules;
}

export interface RuleRow {
  kind: RuleKind;
  opdId: string | null;
  validFrom: string;
  legalBasis: string;
  body: unknown;
}

export class RuleBook {
  private readonly rows: RuleRow[];
  private readonly cache = new Map<string, RuleVersion<unknown>>();

  constructor(rows: RuleRow[]) {
    this.rows = [...rows].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  }

  get<K extends RuleKind>(kind: K, date: string, opdId: string | null = null): RuleVersion<RuleBodies[K]> {
    const key = `${kind}|${opdId ?? ''}|${date}`;
    const hit = this.cache.get(key);
    if (hit) return hit as RuleVersion<RuleBodies[K]>;
    const schema = RULE_SCHEMAS[kind] as unknown as z.ZodType<RuleBodies[K]>;
    const pick = (forOpd: string | null) => {
      for (const row of this.rows) {
        if (row.kind !== kind || row.opdId !== forOpd || row.validFrom > date) continue;
        const parsed = schema.safeParse(row.body);
        if (parsed.success) return { validFrom: row.validFrom, legalBasis: row.legalBasis, body: parsed.data, isDefault: false };
      }
      return null;
    };
    const found = (opdId ? pick(opdId) : null) ?? pick(null) ?? (RULE_DEFAULTS[kind] as unknown as RuleVersion<RuleBodies[K]>);
    this.cache.set(key, found);
    return found;
  }
}

export async function loadRuleBook(db: Kysely<DB>, pemdaId: string): Promise<RuleBook> {
  const rows = await db.selectFrom('att_rule_set').select(['kind', 'opd_id', 'valid_from', 'legal_basis', 'body']).where('pemda_id', '=', pemdaId).execute();
  return new RuleBook(rows.map((r) => ({ kind: r.kind, opdId: r.opd_id, validFrom: r.valid_from, legalBasis: r.legal_basis, body: r.body })));
}
