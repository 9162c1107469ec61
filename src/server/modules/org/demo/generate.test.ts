import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../import/parse';
import { readGolongan } from '../import/values';
import { parseNip } from '../nip';
import type { DemoOrg } from './generate';
import { generateDemoOrg } from './generate';

function hashOf(org: DemoOrg): string {
  return createHash('sha256').update(JSON.stringify(org)).digest('hex');
}

const org = generateDemoOrg({});
const opdById = new Map(org.opds.map((opd) => [opd.id, opd]));
const jabatanById = new Map(org.jabatan.map((row) => [row.id, row]));
const pegawaiById = new Map(org.pegawai.map((row) => [row.id, row]));
const STRUCTURAL = new Set(['jpt_pratama', 'administrator', 'pengawas']);

describe('generateDemoOrg: determinism', () => {
  it('gives identical output for the same seed and different output for another', () => {
    const again = generateDemoOrg({ pegawaiCount: 4000, seed: 1971 });
    expect(hashOf(again)).toBe(hashOf(org));
    expect(hashOf(generateDemoOrg({ seed: 1972 }))).not.toBe(hashOf(org));
  });

  it('uses UUID-shaped ids, unique across every table', () => {
    const ids = [...org.opds, ...org.units, ...org.jabatan, ...org.pegawai, ...org.holders].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('generateDemoOrg: organisation', () => {
  it('has 35 OPDs, 7 kecamatan and 42 kelurahan: 84 in all', () => {
    const count = (kinds: string[]): number => org.opds.filter((opd) => kinds.includes(opd.kind)).length;
    expect(org.opds).toHaveLength(84);
    expect(count(['kecamatan'])).toBe(7);
    expect(count(['kelurahan'])).toBe(42);
    expect(count(['sekretariat', 'sekretariat_dprd', 'inspektorat', 'dinas', 'badan', 'satpol_pp', 'rsud', 'uptd'])).toBe(35);
    expect(count(['uptd'])).toBe(5);
    expect(count(['sekretariat'])).toBe(1);
    expect(count(['rsud'])).toBe(1);
  });

  it('names the kecamatan with their real codes and links each kelurahan to its kecamatan', () => {
    const kecamatan = org.opds.filter((opd) => opd.kind === 'kecamatan').map((opd) => [opd.wilayah_kode, opd.name, opd.code]);
    expect(kecamatan).toEqual([
      ['19.71.01', 'Kecamatan Bukit Intan', 'KEC-BUKITINTAN'],
      ['19.71.02', 'Kecamatan Taman Sari', 'KEC-TAMANSARI'],
      ['19.71.03', 'Kecamatan Pangkal Balam', 'KEC-PANGKALBALAM'],
      ['19.71.04', 'Kecamatan Rangkui', 'KEC-RANGKUI'],
      ['19.71.05', 'Kecamatan Gerunggang', 'KEC-GERUNGGANG'],
      ['19.71.06', 'Kecamatan Gabek', 'KEC-GABEK'],
      ['19.71.07', 'Kecamatan Girimaya', 'KEC-GIRIMAYA'],
    ]);
    for (const kelurahan of org.opds.filter((opd) => opd.kind === 'kelurahan')) {
      expect(kelurahan.wilayah_kode).toMatch(/^19\.71\.0[1-7]\.1\d{3}$/);
      expect(kelurahan.code).toBe(`KEL-${kelurahan.wilayah_kode?.replace(/\./g, '')}`);
      const parent = kelurahan.parent_id ? opdById.get(kelurahan.parent_id) : undefined;
      expect(parent?.kind).toBe('kecamatan');
      expect(kelurahan.wilayah_kode?.startsWith(`${parent?.wilayah_kode}.`)).toBe(true);
    }
    expect(org.opds.find((opd) => opd.wilayah_kode === '19.71.01.1006')?.name).toBe('Kelurahan Bacang');
  });

  it('lists every wilayah an OPD refers to', () => {
    expect(org.wilayah).toHaveLength(1 + 7 + 42);
    const kodes = new Set(org.wilayah.map((row) => row.kode));
    for (const opd of org.opds) if (opd.wilayah_kode) expect(kodes.has(opd.wilayah_kode)).toBe(true);
    for (const row of org.wilayah) if (row.parent_kode) expect(kodes.has(row.parent_kode)).toBe(true);
  });

  it('uses unique codes for OPDs, units and positions', () => {
    for (const rows of [org.opds, org.units, org.jabatan]) {
      const codes = rows.map((row) => row.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(org.opds.map((opd) => opd.code)).toEqual(expect.arrayContaining(['SETDA', 'DINKES', 'BAPPERIDA', 'DP3ACSKB', 'RSUD']));
  });

  it('gives each OPD exactly one head of the right kind and kelas', () => {
    for (const opd of org.opds) {
      const heads = org.jabatan.filter((row) => row.opd_id === opd.id && row.is_opd_head);
      expect(heads, opd.code).toHaveLength(1);
      const [head] = heads;
      if (opd.kind === 'dinas' || opd.kind === 'badan') expect(head).toMatchObject({ kind: 'jpt_pratama', kelas_jabatan: 14 });
      if (opd.kind === 'kecamatan') expect(head).toMatchObject({ kind: 'administrator', kelas_jabatan: 11 });
      if (opd.kind === 'kelurahan') expect(head).toMatchObject({ kind: 'pengawas', kelas_jabatan: 9 });
    }
    expect(org.jabatan.find((row) => row.code === 'DINKES-KADIS')?.name).toBe('Kepala Dinas Kesehatan');
  });

  it('builds units per OPD type and keeps units and positions inside their OPD', () => {
    const unitById = new Map(org.units.map((unit) => [unit.id, unit]));
    for (const opd of org.opds) {
      const kinds = new Set(org.units.filter((unit) => unit.opd_id === opd.id).map((unit) => unit.kind));
      if (opd.kind === 'kelurahan') expect([...kinds]).toEqual(['seksi']);
      if (opd.kind === 'kecamatan') expect([...kinds].sort()).toEqual(['sekretariat', 'seksi', 'subbagian']);
      if (opd.kind === 'dinas') {
        expect(kinds.has('sekretariat')).toBe(true);
        const bidang = org.units.filter((unit) => unit.opd_id === opd.id && unit.kind === 'bidang');
        expect(bidang.length).toBeGreaterThanOrEqual(2);
        expect(bidang.length).toBeLessThanOrEqual(5);
      }
    }
    for (const unit of org.units) if (unit.parent_id) expect(unitById.get(unit.parent_id)?.opd_id).toBe(unit.opd_id);
    for (const row of org.jabatan) if (row.unit_id) expect(unitById.get(row.unit_id)?.opd_id).toBe(row.opd_id);
  });
});

describe('generateDemoOrg: positions and holders', () => {
  const holdersByJabatan = new Map<string, number>();
  for (const holder of org.holders) holdersByJabatan.set(holder.jabatan_id, (holdersByJabatan.get(holder.jabatan_id) ?? 0) + 1);

  it('leaves 5-8 % of structural posts vacant, three of them OPD heads', () => {
    const structural = org.jabatan.filter((row) => STRUCTURAL.has(row.kind));
    const vacant = structural.filter((row) => !holdersByJabatan.has(row.id));
    expect(vacant.length / structural.length).toBeGreaterThanOrEqual(0.05);
    expect(vacant.length / structural.length).toBeLessThanOrEqual(0.08);
    expect(vacant.filter((row) => row.is_opd_head)).toHaveLength(3);
  });

  it('fills every fungsional and pelaksana seat, one holder per position', () => {
    for (const count of holdersByJabatan.values()) expect(count).toBe(1);
    for (const row of org.jabatan) if (!STRUCTURAL.has(row.kind)) expect(holdersByJabatan.get(row.id), row.code).toBe(1);
  });

  it('gives every ASN exactly one post and non-ASN none, starting after appointment and before 2025', () => {
    const postsByPegawai = new Map<string, number>();
    for (const holder of org.holders) {
      postsByPegawai.set(holder.pegawai_id, (postsByPegawai.get(holder.pegawai_id) ?? 0) + 1);
      const pegawai = pegawaiById.get(holder.pegawai_id);
      const jabatan = jabatanById.get(holder.jabatan_id);
      expect(pegawai?.opd_id).toBe(jabatan?.opd_id);
      expect(holder.start_date <= '2024-12-31').toBe(true);
      const nip = parseNip(pegawai?.nip ?? '');
      expect(nip.ok && holder.start_date >= `${nip.appointment}-01`).toBe(true);
    }
    for (const pegawai of org.pegawai) expect(postsByPegawai.get(pegawai.id) ?? 0).toBe(pegawai.status === 'NON_ASN' ? 0 : 1);
  });

  it('matches golongan to the level of the post held', () => {
    const ruang = ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'];
    const minimum: Record<string, string> = { jpt_pratama: 'IV/a', administrator: 'III/d', pengawas: 'III/b' };
    for (const holder of org.holders) {
      const jabatan = jabatanById.get(holder.jabatan_id);
      const pegawai = pegawaiById.get(holder.pegawai_id);
      if (!jabatan || !pegawai || !STRUCTURAL.has(jabatan.kind)) continue;
      expect(pegawai.status).toBe('PNS');
      expect(ruang.indexOf(pegawai.golongan ?? '')).toBeGreaterThanOrEqual(ruang.indexOf(minimum[jabatan.kind] ?? ''));
    }
  });
});

describe('generateDemoOrg: pegawai', () => {
  it('has the requested head count with about 75 % PNS, 18 % PPPK and 7 % non-ASN', () => {
    expect(org.pegawai).toHaveLength(4000);
    const count = (status: string): number => org.pegawai.filter((row) => row.status === status).length;
    expect(count('PNS')).toBe(3000);
    expect(count('PPPK')).toBe(720);
    expect(count('NON_ASN')).toBe(280);
  });

  it('gives ASN valid, unique NIPs that agree with sex and birth date, and non-ASN none', () => {
    const nips = new Set<string>();
    for (const pegawai of org.pegawai) {
      expect(pegawai.birth_date >= '1966-01-01' && pegawai.birth_date <= '2001-12-31').toBe(true);
      if (pegawai.status === 'NON_ASN') {
        expect(pegawai.nip).toBeNull();
        continue;
      }
      const parsed = parseNip(pegawai.nip ?? '');
      if (!parsed.ok) throw new Error(`${pegawai.nip}: ${parsed.reason.en}`);
      expect(parsed.sex).toBe(pegawai.sex);
      expect(parsed.birthDate).toBe(pegawai.birth_date);
      nips.add(parsed.nip);
    }
    expect(nips.size).toBe(4000 - 280);
  });

  it('gives golongan valid for the status, phones in +628 form and reserved-domain emails', () => {
    for (const pegawai of org.pegawai) {
      const golongan = readGolongan(pegawai.golongan, pegawai.status);
      expect(golongan.ok && golongan.value === pegawai.golongan, `${pegawai.status} ${pegawai.golongan}`).toBe(true);
      if (pegawai.status !== 'NON_ASN') expect(pegawai.golongan).not.toBeNull();
      if (pegawai.phone !== null) expect(pegawai.phone).toMatch(/^\+628\d{9,10}$/);
      if (pegawai.email !== null) expect(pegawai.email).toMatch(/^[a-z.]+\d*@pangkalpinang\.example$/);
      expect(pegawai.synthetic).toBe(true);
    }
    const emails = org.pegawai.flatMap((row) => (row.email ? [row.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('uses varied, realistic names and titles', () => {
    const names = new Set(org.pegawai.map((row) => row.name));
    expect(names.size).toBeGreaterThan(2000);
    const gelar = org.pegawai.map((row) => `${row.gelar_depan ?? ''} ${row.gelar_belakang ?? ''}`).join(' ');
    for (const title of ['S.Pd.', 'dr.', 'S.Kom.', 'S.E.', 'M.Si.', 'S.Kep., Ns.']) expect(gelar).toContain(title);
    const disdik = org.opds.find((opd) => opd.code === 'DISDIK');
    const teachers = org.pegawai.filter((row) => row.opd_id === disdik?.id);
    expect(teachers.length).toBeGreaterThan(800);
    expect(teachers.some((row) => row.office?.startsWith('SD Negeri'))).toBe(true);
  });

  it('produces rows the pegawai import accepts', async () => {
    const header = 'NIP;Nama;Gelar Depan;Gelar Belakang;Status;Golongan;Jenis Kelamin;Tanggal Lahir;Kode OPD;Kode Jabatan;TMT Jabatan;Telepon;Email;Kantor';
    const holderByPegawai = new Map(org.holders.map((holder) => [holder.pegawai_id, holder]));
    const lines = org.pegawai.map((pegawai) => {
      const holder = holderByPegawai.get(pegawai.id);
      const jabatan = holder ? jabatanById.get(holder.jabatan_id) : undefined;
      return [
        pegawai.nip ?? '',
        pegawai.name,
        pegawai.gelar_depan ?? '',
        pegawai.gelar_belakang ?? '',
        pegawai.status,
        pegawai.golongan ?? '',
        pegawai.sex,
        pegawai.birth_date,
        opdById.get(pegawai.opd_id)?.code ?? '',
        jabatan?.code ?? '',
        holder?.start_date ?? '',
        pegawai.phone ?? '',
        pegawai.email ?? '',
        pegawai.office ?? '',
      ].join(';');
    });
    const result = await parseImportFile(Buffer.from([header, ...lines].join('\n')), 'demo.csv', 'pegawai');
    expect(result.errors.slice(0, 5)).toEqual([]);
    expect(result.rows).toHaveLength(4000);
  });
});

describe('generateDemoOrg: scale', () => {
  it('scales linearly and generates 50,000 pegawai in well under 5 s', () => {
    const started = performance.now();
    const big = generateDemoOrg({ pegawaiCount: 50_000, seed: 7 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(big.pegawai).toHaveLength(50_000);
    expect(big.opds).toHaveLength(84);
    const structural = org.jabatan.filter((row) => STRUCTURAL.has(row.kind)).length;
    expect(big.jabatan.filter((row) => STRUCTURAL.has(row.kind))).toHaveLength(structural);
    expect(big.holders.length).toBe(50_000 - Math.round(50_000 * 0.07));
    expect(new Set(big.pegawai.flatMap((row) => (row.nip ? [row.nip] : []))).size).toBe(50_000 - Math.round(50_000 * 0.07));
  });

  it('copes with a head count smaller than the structure', () => {
    const tiny = generateDemoOrg({ pegawaiCount: 100 });
    expect(tiny.pegawai).toHaveLength(100);
    expect(tiny.holders.length).toBe(100 - 7);
    expect(generateDemoOrg({ pegawaiCount: 0 }).pegawai).toEqual([]);
  });
});
