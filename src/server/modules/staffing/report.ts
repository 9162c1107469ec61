import type { Ctx, UserActor } from '../../http/context';
import { listProposals } from './service';

/** The period report of every proposal and decision (issue 7 §6), as CSV for the archive and the Pj report. */
const cell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  // Leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function proposalsCsv(ctx: Ctx, actor: UserActor, period: { from: string; to: string }): Promise<string> {
  const rows = await listProposals(ctx, actor, period);
  const header = ['nomor', 'jenis', 'jabatan', 'opd', 'kelompok', 'status', 'tanggal_usul', 'calon', 'calon_disetujui', 'tanggal_keputusan', 'surat_mendagri', 'tanggal_surat', 'tanggal_pelaksanaan', 'nomor_sk'];
  const lines = rows.map((p) =>
    [
      p.number,
      p.kind,
      p.jabatanName,
      p.opdName,
      p.eselonGroup,
      p.status,
      p.proposedOn,
      p.candidates.map((c) => c.name).join(' | '),
      p.candidates.find((c) => c.pegawaiId === p.chosenPegawaiId)?.name ?? '',
      p.decidedOn,
      p.ministerLetter?.number,
      p.ministerLetter?.date,
      p.executedOn,
      p.skNumber,
    ]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
