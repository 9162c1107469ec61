import { createHash } from 'node:crypto';
import type { DemoSeedContext } from '..';
import { loadConfig } from '../../config';
import { inTransaction, systemCtx, type TxCtx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { addDays, loadCalendar, startOfLocalDay } from '../../platform/calendar';
import { hashPassword } from '../auth/password';
import { recordSanction } from './sanctions';
import { DEFAULT_SETTINGS, reporterBox, SETTING_KEY, sealIdentity } from './settings';
import type { CaseStage, Channel, StageKind } from './tables';

/**
 * The demo Pemda's neutrality history: the 2024 Pemilu and Pilkada and Pangkalpinang's repeat Pilkada of
 * 27 August 2025 (seed 000) with their stages, pledge campaigns with progress across OPDs, and a handful of cases
 * at every stage. One anonymous public report has a known receipt, printed in the seed log. Deterministic.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

type Stages = Array<[StageKind, string, string]>;
const ELECTIONS: Array<{ kind: 'pemilu' | 'pilkada' | 'pilkada_ulang'; name: string; voting: string; freezeEnd: string | null; basis: string; stages: Stages }> = [
  {
    kind: 'pemilu',
    name: 'Pemilu 2024',
    voting: '2024-02-14',
    freezeEnd: null,
    basis: 'UU 7/2017; PKPU 3/2022 tentang Tahapan dan Jadwal Pemilu 2024',
    stages: [['penetapan_calon', '2023-11-03', '2023-11-03'], ['kampanye', '2023-11-28', '2024-02-10'], ['masa_tenang', '2024-02-11', '2024-02-13'], ['pemungutan', '2024-02-14', '2024-02-14'], ['penetapan_hasil', '2024-03-20', '2024-03-20']],
  },
  {
    kind: 'pilkada',
    name: 'Pilkada Serentak 2024',
    voting: '2024-11-27',
    freezeEnd: '2025-02-20',
    basis: 'UU 10/2016; PKPU 2/2024 tentang Tahapan dan Jadwal Pilkada 2024',
    stages: [['penetapan_calon', '2024-09-22', '2024-09-22'], ['kampanye', '2024-09-25', '2024-11-23'], ['masa_tenang', '2024-11-24', '2024-11-26'], ['pemungutan', '2024-11-27', '2024-11-27'], ['penetapan_hasil', '2024-12-09', '2024-12-16']],
  },
  {
    kind: 'pilkada_ulang',
    name: 'Pilkada Ulang Kota Pangkalpinang 2025',
    voting: '2025-08-27',
    freezeEnd: '2025-11-10',
    basis: 'Keputusan KPU Kota Pangkalpinang tentang tahapan Pilkada ulang 2025 (tanggal tahapan selain pemungutan: perkiraan data demo)',
    stages: [['penetapan_calon', '2025-07-24', '2025-07-24'], ['kampanye', '2025-07-27', '2025-08-23'], ['masa_tenang', '2025-08-24', '2025-08-26'], ['pemungutan', '2025-08-27', '2025-08-27'], ['penetapan_hasil', '2025-09-03', '2025-09-05']],
  },
];

export const DEMO_RECEIPT = { code: 'NTR-1971-DEMO-2025', secret: 'NETR-ALAS-NPKP-2025' };

export async function seedNeutralityDemo(seed: DemoSeedContext): Promise<void> {
  const { db, pemdaId } = seed;
  const rnd = seed.random;
  if (await db.selectFrom('ntr_election').select('id').where('pemda_id', '=', pemdaId).limit(1).executeTakeFirst()) return;
  const opds = await db.selectFrom('opd').select(['id', 'name', 'kind']).where('pemda_id', '=', pemdaId).where('active', '=', true).orderBy('sort_order').orderBy('code').execute();
  if (opds.length < 3) return;
  const calendar = await loadCalendar(db, pemdaId);
  const today = calendar.today();
  const pemda = await db.selectFrom('pemda').select('kode_wilayah').where('id', '=', pemdaId).executeTakeFirstOrThrow();
  const group = () => Array.from({ length: 4 }, () => ALPHABET[Math.floor(rnd() * ALPHABET.length)]).join('');
  let box: ReturnType<typeof reporterBox> | null = null;
  try {
    box = reporterBox(loadConfig().dataDir);
  } catch {
    box = null;
  }
  const users = await db.selectFrom('app_user').select(['id', 'role', 'pegawai_id']).where('pemda_id', '=', pemdaId).execute();
  const inspektorat = users.find((u) => u.role === 'inspektorat')?.id ?? null;
  const kepala = users.find((u) => u.role === 'kepala_daerah')?.id ?? null;
  const demoPegawai = new Set(users.map((u) => u.pegawai_id).filter((id): id is string => !!id));

  await inTransaction(systemCtx(db, 'seed-demo'), async (tx: TxCtx) => {
    await tx.db.insertInto('pemda_setting').values({ pemda_id: pemdaId, key: SETTING_KEY, value: JSON.stringify({ ...DEFAULT_SETTINGS, handlerRoles: ['inspektorat', 'bkpsdm'] }) }).onConflict((oc) => oc.doNothing()).execute();
    const electionIds: string[] = [];
    for (const e of ELECTIONS) {
      const row = await tx.db.insertInto('ntr_election').values({ pemda_id: pemdaId, kind: e.kind, name: e.name, voting_date: e.voting, freeze_end: e.freezeEnd, legal_basis: e.basis }).returning('id').executeTakeFirstOrThrow();
      electionIds.push(row.id);
      await tx.db.insertInto('ntr_election_stage').values(e.stages.map(([kind, start, end]) => ({ pemda_id: pemdaId, election_id: row.id, kind, start_date: start, end_date: end }))).execute();
    }

    // Pledge campaigns: the repeat Pilkada's (closed) and this year's refresher (running), signed across OPDs.
    const statement = 'Saya, Aparatur Sipil Negara Pemerintah Kota Pangkalpinang, berikrar menjaga netralitas: tidak memihak dan tidak terlibat politik praktis, tidak menggunakan fasilitas atau kewenangan jabatan untuk kepentingan peserta pemilihan, dan melaksanakan tugas pelayanan secara profesional (UU 20/2023; PP 94/2021; SKB 5 instansi 2022).';
    const campaigns = [
      { title: 'Ikrar Netralitas ASN — Pilkada Ulang 2025', starts: '2025-07-01', ends: '2025-08-27', election: electionIds[2] ?? null, base: 0.72 },
      { title: `Ikrar Netralitas ASN ${today.slice(0, 4)} (penyegaran)`, starts: addDays(today, -21), ends: addDays(today, 40), election: null, base: 0.35 },
    ];
    const pegawai = await tx.db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', pemdaId).where('active', '=', true).where('status', 'in', ['PNS', 'PPPK']).orderBy('id').execute();
    for (const c of campaigns) {
      const row = await tx.db.insertInto('ntr_pledge_campaign').values({ pemda_id: pemdaId, election_id: c.election, title: c.title, statement, starts_on: c.starts, ends_on: c.ends, created_by: null }).returning('id').executeTakeFirstOrThrow();
      const rate = new Map(opds.map((o) => [o.id, Math.min(0.99, c.base + rnd() * 0.5)]));
      const sha = createHash('sha256').update(statement).digest('hex');
      const span = Math.max(1, Math.min(20, Math.round((Date.parse(today) - Date.parse(c.starts)) / 86_400_000)));
      const signed = pegawai.filter((p) => !demoPegawai.has(p.id) && rnd() < (rate.get(p.opd_id) ?? 0.5));
      for (let i = 0; i < signed.length; i += 500) {
        await tx.db
          .insertInto('ntr_pledge')
          .values(signed.slice(i, i + 500).map((p) => ({ pemda_id: pemdaId, campaign_id: row.id, pegawai_id: p.id, opd_id: p.opd_id, statement_sha256: sha, signed_at: startOfLocalDay(addDays(c.starts, Math.floor(rnd() * span)), calendar.timezone) })))
          .execute();
      }
    }

    // Cases at every stage. The reported persons are synthetic demo pegawai.
    const targets = pegawai.filter((p) => !demoPegawai.has(p.id));
    const pickTarget = () => targets[Math.floor(rnd() * targets.length)] as { id: string; opd_id: string };
    const specs: Array<{ stage: CaseStage; channel: Channel; category: string; days: number; anonymous: boolean; known?: boolean; text: string }> = [
      { stage: 'verifikasi', channel: 'publik', category: 'media_sosial', days: 2, anonymous: true, known: true, text: 'Akun media sosial seorang ASN membagikan video kampanye pasangan calon disertai ajakan memilih di grup warga.' },
      { stage: 'verifikasi', channel: 'internal', category: 'foto_simbol', days: 16, anonymous: false, text: 'Foto bersama pasangan calon dengan gestur jari dukungan diunggah ke status WhatsApp saat jam kerja.' },
      { stage: 'investigasi', channel: 'bawaslu', category: 'kampanye', days: 30, anonymous: false, text: 'Temuan Bawaslu: ASN hadir dalam kampanye terbuka mengenakan atribut pasangan calon.' },
      { stage: 'keputusan', channel: 'publik', category: 'fasilitas_jabatan', days: 60, anonymous: true, text: 'Kendaraan dinas dipakai mengantar logistik tim pemenangan pada malam hari.' },
      { stage: 'monitoring', channel: 'surat', category: 'media_sosial', days: 120, anonymous: false, text: 'Laporan tertulis warga: ASN menyukai dan mengomentari unggahan calon dengan ajakan memilih.' },
      { stage: 'selesai', channel: 'telepon', category: 'lainnya', days: 200, anonymous: true, text: 'Penelepon melaporkan ASN berbicara mendukung calon dalam pelayanan di loket.' },
      { stage: 'ditolak', channel: 'publik', category: 'anggota_parpol', days: 90, anonymous: true, text: 'Laporan tanpa nama dan bukti bahwa seorang pegawai menjadi pengurus partai; tidak dapat diverifikasi.' },
    ];
    let seq = 0;
    for (const spec of specs) {
      seq += 1;
      const target = pickTarget();
      const created = addDays(today, -spec.days);
      const receipt = spec.known ? DEMO_RECEIPT : { code: `NTR-${pemda.kode_wilayah.replace('.', '')}-${group()}-${group()}`, secret: `${group()}-${group()}-${group()}-${group()}` };
      const identity = !spec.anonymous && box ? sealIdentity(box, { name: `Pelapor Demo ${seq}`, contact: `+62812000${String(seq).padStart(4, '0')}`, nik: null, userId: null }) : null;
      const decided = ['monitoring', 'selesai'].includes(spec.stage);
      const row = await tx.db
        .insertInto('ntr_case')
        .values({
          pemda_id: pemdaId,
          number: `NTR/${created.slice(0, 4)}/${String(seq).padStart(4, '0')}`,
          channel: spec.channel,
          anonymous: spec.anonymous || !identity,
          receipt_code: receipt.code,
          receipt_secret_hash: await hashPassword(receipt.secret),
          reporter_sealed: identity,
          reported_pegawai_id: target.id,
          reported_name: null,
          reported_opd_id: target.opd_id,
          category: spec.category,
          occurred_on: addDays(created, -2),
          place: 'Kota Pangkalpinang',
          description: spec.text,
          links: JSON.stringify([]),
          election_id: null,
          stage: spec.stage,
          stage_due_on: ['verifikasi', 'investigasi', 'keputusan'].includes(spec.stage) ? calendar.addWorkingDays(created, spec.stage === 'investigasi' ? 20 : 5) : null,
          handler_unit: spec.channel === 'internal' ? 'bkpsdm' : 'inspektorat',
          track: ['keputusan', 'monitoring'].includes(spec.stage) ? 'disiplin' : spec.stage === 'selesai' ? 'etik' : null,
          pp94_level: ['keputusan', 'monitoring'].includes(spec.stage) ? 'berat' : null,
          recommendation: ['keputusan', 'monitoring', 'selesai'].includes(spec.stage) ? 'Terbukti melanggar netralitas; direkomendasikan hukuman sesuai SKB 5 instansi 2022.' : null,
          outcome: decided ? 'terbukti' : null,
          decision_number: decided ? `800.1.6/${seq}/${created.slice(0, 4)}` : null,
          decided_on: decided ? addDays(created, 40) : null,
          decided_by: decided ? kepala : null,
          created_at: startOfLocalDay(created, calendar.timezone),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.db.insertInto('ntr_case_event').values({ pemda_id: pemdaId, case_id: row.id, kind: 'stage', stage: spec.stage, text: 'Data demo', actor_user_id: inspektorat, for_reporter: true, reply_to: null, at: startOfLocalDay(created, calendar.timezone) }).execute();
      if (spec.stage === 'investigasi') {
        await tx.db.insertInto('ntr_case_event').values({ pemda_id: pemdaId, case_id: row.id, kind: 'question', stage: null, text: 'Apakah ada foto atau video lain dari kegiatan tersebut?', actor_user_id: inspektorat, for_reporter: true, reply_to: null }).execute();
        await tx.db.insertInto('ntr_referral').values({ pemda_id: pemdaId, case_id: row.id, body: 'BKN', legal_basis: DEFAULT_SETTINGS.referralBody.legalBasis, sent_on: addDays(created, 3), letter_number: `800/${seq}/INSP` }).execute();
      }
      if (spec.stage === 'monitoring') {
        await recordSanction(tx, { pemdaId, caseId: row.id, pegawaiId: target.id, track: 'disiplin', level: 'berat', sanction: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan (PP 94/2021 pasal 8 ayat 4)', decisionNumber: `800.1.6/${seq}/${created.slice(0, 4)}`, decidedOn: addDays(created, 40), startsOn: addDays(created, 45), endsOn: addDays(created, 410) });
      }
    }
    await writeAudit(tx, { pemdaId, action: 'seed.neutrality', entityType: 'pemda', entityId: pemdaId, detail: { elections: ELECTIONS.length, cases: specs.length } });
  });
  seed.log(`  netralitas: tanda terima demo / demo receipt ${DEMO_RECEIPT.code} + ${DEMO_RECEIPT.secret} (halaman /netralitas/tanda-terima)`);
}
