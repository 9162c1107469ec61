import type { DemoSeedContext } from '..';
import { loadConfig } from '../../config';
import { inTransaction, systemCtx } from '../../http/context';
import { addDays, loadCalendar } from '../../platform/calendar';
import { storeFile } from '../../platform/files';
import { assignJabatan } from '../org/service-appointments';
import { eselonGroupOf } from './rules';
import type { ProposalStatus, SkpPredikat } from './tables';

/**
 * Demo staffing: the seed-002 quota (3 eselon II, 15 eselon III/IV before the Pilkada) and this year's, and a few
 * proposals on vacant posts: executed under the Pj with the Minister's letter, awaiting a decision, approved and
 * waiting for execution, rejected. Deterministic.
 */
const QUOTA_BASIS = 'Arahan Plt. Sekjen Kemendagri kepada para Pj kepala daerah (2024): usulan pengisian jabatan lowong paling banyak 3 eselon II dan 15 eselon III/IV menjelang Pilkada (seed 002)';
const LETTER = Buffer.from('%PDF-1.4\n% Surat persetujuan tertulis Mendagri (contoh data demo)\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function seedStaffingDemo(seed: DemoSeedContext): Promise<void> {
  const { db, pemdaId } = seed;
  if (await db.selectFrom('stf_quota_rule').select('id').where('pemda_id', '=', pemdaId).limit(1).executeTakeFirst()) return;
  const today = (await loadCalendar(db, pemdaId)).today();
  const year = today.slice(0, 4);
  const bkpsdm = await db.selectFrom('app_user').select('id').where('pemda_id', '=', pemdaId).where('role', '=', 'bkpsdm').executeTakeFirst();
  const kepala = await db.selectFrom('app_user').select('id').where('pemda_id', '=', pemdaId).where('role', '=', 'kepala_daerah').executeTakeFirst();
  const vacant = await db
    .selectFrom('jabatan as j')
    .leftJoin('jabatan_holder as h', (join) => join.onRef('h.pemda_id', '=', 'j.pemda_id').onRef('h.jabatan_id', '=', 'j.id').on('h.kind', '=', 'definitif').on('h.end_date', 'is', null))
    .select(['j.id', 'j.kind', 'j.opd_id'])
    .where('j.pemda_id', '=', pemdaId)
    .where('j.active', '=', true)
    .where('j.kind', 'in', ['jpt_pratama', 'administrator', 'pengawas'])
    .where('h.id', 'is', null)
    .orderBy('j.code')
    .limit(40)
    .execute();
  if (vacant.length < 5) {
    seed.log('  staffing: fewer than 5 vacancies, no demo proposals');
    return;
  }
  const pool = await db.selectFrom('pegawai').select(['id', 'opd_id']).where('pemda_id', '=', pemdaId).where('status', '=', 'PNS').where('active', '=', true).orderBy('nip').limit(400).execute();
  const pick = () => pool[Math.floor(seed.random() * pool.length)] as { id: string };
  let filesDir: string | null = null;
  try {
    filesDir = loadConfig().filesDir;
  } catch {
    filesDir = null;
  }
  const plan: Array<{ status: ProposalStatus; proposed: string; letter: boolean }> = [
    { status: 'dilaksanakan', proposed: '2024-06-10', letter: true },
    { status: 'dilaksanakan', proposed: '2025-03-17', letter: true },
    { status: 'ditolak', proposed: '2025-09-08', letter: false },
    { status: 'disetujui', proposed: addDays(today, -20), letter: false },
    { status: 'diajukan', proposed: addDays(today, -6), letter: false },
  ];
  const ctx = systemCtx(db, 'seed-demo');
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('stf_quota_rule')
      .values([
        { pemda_id: pemdaId, eselon_group: 'eselon_ii', max_proposals: 3, valid_from: '2024-05-01', valid_to: '2024-12-31', legal_basis: QUOTA_BASIS },
        { pemda_id: pemdaId, eselon_group: 'eselon_iii_iv', max_proposals: 15, valid_from: '2024-05-01', valid_to: '2024-12-31', legal_basis: QUOTA_BASIS },
        { pemda_id: pemdaId, eselon_group: 'eselon_ii', max_proposals: 3, valid_from: `${year}-01-01`, valid_to: `${year}-12-31`, legal_basis: `Keputusan Wali Kota tentang kebijakan pengisian jabatan ${year} (contoh data demo)` },
        { pemda_id: pemdaId, eselon_group: 'eselon_iii_iv', max_proposals: 15, valid_from: `${year}-01-01`, valid_to: `${year}-12-31`, legal_basis: `Keputusan Wali Kota tentang kebijakan pengisian jabatan ${year} (contoh data demo)` },
      ])
      .execute();
    const letter = filesDir ? await storeFile(tx, { filesDir, pemdaId, data: LETTER, originalName: 'persetujuan-mendagri-demo.pdf', uploadedBy: null }) : null;
    const predikat: SkpPredikat[] = ['sangat_baik', 'baik', 'baik'];
    let n = 0;
    for (const [index, step] of plan.entries()) {
      const jabatan = vacant[index * 3] ?? vacant[index];
      if (!jabatan) continue;
      n += 1;
      const candidates = [pick().id, pick().id, pick().id].filter((id, i, all) => all.indexOf(id) === i);
      const chosen = step.status === 'dilaksanakan' || step.status === 'disetujui' ? (candidates[0] as string) : null;
      const row = await tx.db
        .insertInto('stf_proposal')
        .values({
          pemda_id: pemdaId,
          number: `USL/${step.proposed.slice(0, 4)}/${String(n).padStart(4, '0')}`,
          kind: index % 2 === 0 ? 'promosi' : 'mutasi',
          jabatan_id: jabatan.id,
          eselon_group: eselonGroupOf(jabatan.kind),
          status: step.status,
          proposed_on: step.proposed,
          reason: 'Jabatan lowong; pengisian mendesak untuk pelayanan (usulan demo).',
          chosen_pegawai_id: chosen,
          decision_note: step.status === 'diajukan' ? null : step.status === 'ditolak' ? 'Ditunda sampai Wali Kota hasil Pilkada ulang dilantik.' : 'Disetujui.',
          decided_by: step.status === 'diajukan' ? null : (kepala?.id ?? null),
          decided_on: step.status === 'diajukan' ? null : addDays(step.proposed, 7),
          minister_letter_number: step.letter && letter ? `100.2.2.6/${1200 + n}/OTDA` : null,
          minister_letter_date: step.letter && letter ? addDays(step.proposed, 21) : null,
          minister_letter_sha256: step.letter && letter ? letter.sha256 : null,
          created_by: bkpsdm?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.db.insertInto('stf_candidate').values(candidates.map((pegawaiId, rank) => ({ pemda_id: pemdaId, proposal_id: row.id, pegawai_id: pegawaiId, skp_predikat: predikat[rank] ?? 'baik', discipline_note: 'Tidak pernah dijatuhi hukuman disiplin', competency_note: rank === 0 ? 'Lulus uji kompetensi manajerial' : null, rank: rank + 1 }))).execute();
      if (step.status === 'dilaksanakan' && chosen && letter) {
        const effective = addDays(step.proposed, 35);
        await assignJabatan(tx, { pemdaId, pegawaiId: chosen, assignment: { jabatanId: jabatan.id, kind: 'definitif', startDate: effective, skNumber: `821.2/${n}/BKPSDM/${effective.slice(0, 4)}` } });
        await tx.db.updateTable('stf_proposal').set({ executed_on: effective, executed_by: bkpsdm?.id ?? null, sk_number: `821.2/${n}/BKPSDM/${effective.slice(0, 4)}` }).where('pemda_id', '=', pemdaId).where('id', '=', row.id).execute();
      }
    }
  });
}
