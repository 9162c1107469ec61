import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { TNeutralitySettings } from '../../../contracts/neutrality';
import type { DB } from '../../db/schema';
import { SecretBox } from '../../platform/secrets';

/**
 * Per-Pemda configuration with its legal basis (BRIEF §4.6: the receiving body is configuration). Since KASN was
 * dissolved (UU 20/2023 on ASN; Perpres 92/2024) its neutrality findings go to BKN. Stage deadlines are working
 * days set by the Pemda's SOP [U]; the decision default follows the 14 days a PPK has to act on a recommendation
 * under the 2022 joint decree [U].
 */
export const SETTING_KEY = 'neutrality.settings';

export const DEFAULT_SETTINGS: TNeutralitySettings = {
  handlerRoles: ['inspektorat'],
  referralBody: { name: 'BKN', legalBasis: 'UU 20/2023 tentang ASN; Perpres 92/2024 (tugas KASN dialihkan ke BKN)' },
  stageDays: { verifikasi: 5, investigasi: 20, keputusan: 14 },
};

export async function neutralitySettings(db: Kysely<DB>, pemdaId: string): Promise<TNeutralitySettings> {
  const row = await db.selectFrom('pemda_setting').select('value').where('pemda_id', '=', pemdaId).where('key', '=', SETTING_KEY).executeTakeFirst();
  const value = (row?.value ?? {}) as Partial<TNeutralitySettings>;
  return {
    handlerRoles: Array.isArray(value.handlerRoles) && value.handlerRoles.length > 0 ? value.handlerRoles : DEFAULT_SETTINGS.handlerRoles,
    referralBody: value.referralBody ?? DEFAULT_SETTINGS.referralBody,
    stageDays: { ...DEFAULT_SETTINGS.stageDays, ...(value.stageDays ?? {}) },
  };
}

/**
 * Reporter identities are sealed with their own key (AES-256-GCM), kept in a file outside the database and apart
 * from the server's general secret key: PAMONG_REPORTER_KEY_FILE, else <data dir>/reporter-identity.key. A dump
 * of the database, or a leak of the TOTP key, reveals no reporter.
 */
const boxes = new Map<string, SecretBox>();

export function reporterKeyFile(dataDir: string): string {
  return process.env.PAMONG_REPORTER_KEY_FILE ?? path.join(dataDir, 'reporter-identity.key');
}

export function reporterBox(dataDir: string): SecretBox {
  const file = path.resolve(reporterKeyFile(dataDir));
  let box = boxes.get(file);
  if (!box) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    box = SecretBox.fromFile(file);
    boxes.set(file, box);
  }
  return box;
}

export interface ReporterIdentity {
  name: string;
  contact: string;
  nik: string | null;
  userId: string | null;
}

export function sealIdentity(box: SecretBox, identity: ReporterIdentity): string {
  return box.seal(JSON.stringify(identity));
}

export function openIdentity(box: SecretBox, sealed: string): ReporterIdentity {
  return JSON.parse(box.open(sealed)) as ReporterIdentity;
}
