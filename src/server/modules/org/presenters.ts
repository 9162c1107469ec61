import type { z } from 'zod';
import { OPD_KINDS } from '../../../contracts/org';
import type { TJabatan, TOpd, TPegawai, TPegawaiSummary, TPemda, TPlatformPemda, TWilayah, ZHolder, ZPemdaHead, ZUnit } from '../../../contracts/org';
import type { OpdSummaryRow, PemdaHeadRow, PlatformPemdaRow, UnitRow, WilayahRow } from './repository';
import type { HolderDetailRow, JabatanWithHolderRow, PegawaiDetailRow, PegawaiHistoryRow, PegawaiSearchRow } from './repository-staff';

/** Database rows → contract shapes. No queries and no rules here: what the service decided, spelled for the wire. */
type THolder = z.infer<typeof ZHolder>;
type TPemdaHead = z.infer<typeof ZPemdaHead>;
type TUnit = z.infer<typeof ZUnit>;
type OpdKind = TOpd['kind'];

/** "Dr. Budi Santoso, S.T., M.T.": front titles before the name, back titles after a comma. */
export function fullName(row: { name: string; gelar_depan: string | null; gelar_belakang: string | null }): string {
  const front = row.gelar_depan ? `${row.gelar_depan} ` : '';
  const back = row.gelar_belakang ? `, ${row.gelar_belakang}` : '';
  return `${front}${row.name}${back}`;
}

/** The column is free text in SQL; anything written outside the API that is not a known kind reads as 'lainnya'. */
export function opdKindOf(kind: string): OpdKind {
  return OPD_KINDS.find((known) => known === kind) ?? 'lainnya';
}

export function presentHead(row: PemdaHeadRow): TPemdaHead {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    status: row.status,
    termStart: row.term_start,
    termEnd: row.term_end,
    legalBasis: row.legal_basis,
  };
}

/** The head serving on `today`: among the terms that cover it, the latest to start (a Plt/Plh over the head). */
export function currentHead(heads: PemdaHeadRow[], today: string): PemdaHeadRow | null {
  const serving = heads.filter((h) => h.term_start <= today && (h.term_end === null || h.term_end >= today));
  serving.sort((a, b) => b.term_start.localeCompare(a.term_start));
  return serving[0] ?? null;
}

export function presentPemda(input: {
  pemda: { id: string; kode_wilayah: string; name: string; kind: 'kota' | 'kabupaten'; province_name: string; synthetic: boolean };
  heads: PemdaHeadRow[];
  counts: TPemda['counts'];
  today: string;
}): TPemda {
  const head = currentHead(input.heads, input.today);
  return {
    id: input.pemda.id,
    kodeWilayah: input.pemda.kode_wilayah,
    name: input.pemda.name,
    kind: input.pemda.kind,
    provinceName: input.pemda.province_name,
    synthetic: input.pemda.synthetic,
    head: head ? presentHead(head) : null,
    heads: input.heads.map(presentHead),
    counts: input.counts,
  };
}

export function presentPlatformPemda(row: PlatformPemdaRow): TPlatformPemda {
  return {
    id: row.id,
    kodeWilayah: row.kode_wilayah,
    name: row.name,
    kind: row.kind,
    provinceName: row.province_name,
    synthetic: row.synthetic,
    createdAt: row.created_at.toISOString(),
    counts: { opd: row.opd_count ?? 0, pegawai: row.pegawai_count ?? 0, users: row.user_count ?? 0 },
  };
}

export function presentWilayah(row: WilayahRow): TWilayah {
  return {
    kode: row.kode,
    level: row.level,
    name: row.name,
    parentKode: row.parent_kode,
    hasBoundary: row.has_boundary,
    centroid: row.centroid_lng !== null && row.centroid_lat !== null ? [row.centroid_lng, row.centroid_lat] : null,
  };
}

export function presentOpd(row: OpdSummaryRow): TOpd {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: opdKindOf(row.kind),
    parentId: row.parent_id,
    wilayahKode: row.wilayah_kode,
    wilayahName: row.wilayah_name,
    address: row.address,
    active: row.active,
    headName: row.head_name ? fullName({ name: row.head_name, gelar_depan: row.head_gelar_depan, gelar_belakang: row.head_gelar_belakang }) : null,
    pegawaiCount: row.pegawai_count ?? 0,
    jabatanCount: row.jabatan_count ?? 0,
    vacancyCount: row.vacancy_count ?? 0,
  };
}

export function presentUnit(row: UnitRow): TUnit {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind, parentId: row.parent_id };
}

export function presentHolder(row: HolderDetailRow): THolder {
  return {
    id: row.id,
    pegawaiId: row.pegawai_id,
    pegawaiName: fullName({ name: row.pegawai_name, gelar_depan: row.gelar_depan, gelar_belakang: row.gelar_belakang }),
    nip: row.nip,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
    skNumber: row.sk_number,
  };
}

export function presentJabatan(row: JabatanWithHolderRow): TJabatan {
  const holder: THolder | null =
    row.holder_id && row.holder_pegawai_id && row.holder_name && row.holder_kind && row.holder_start_date
      ? {
          id: row.holder_id,
          pegawaiId: row.holder_pegawai_id,
          pegawaiName: fullName({ name: row.holder_name, gelar_depan: row.holder_gelar_depan, gelar_belakang: row.holder_gelar_belakang }),
          nip: row.holder_nip,
          kind: row.holder_kind,
          startDate: row.holder_start_date,
          endDate: row.holder_end_date,
          skNumber: row.holder_sk_number,
        }
      : null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    kelasJabatan: row.kelas_jabatan,
    opdId: row.opd_id,
    unitId: row.unit_id,
    isOpdHead: row.is_opd_head,
    holder,
    // Vacant means no definitif holder; a Plt/Plh fills in but the position still needs an appointment.
    vacant: row.holder_kind !== 'definitif',
    active: row.active,
  };
}

const ACTING_PREFIX = { plt: 'Plt. ', plh: 'Plh. ', definitif: '' } as const;

export function jabatanLabel(current: { kind: 'definitif' | 'plt' | 'plh'; jabatan_name: string } | undefined): string | null {
  return current ? `${ACTING_PREFIX[current.kind]}${current.jabatan_name}` : null;
}

export function presentPegawaiSummary(row: PegawaiSearchRow, jabatanName: string | null): TPegawaiSummary {
  return {
    id: row.id,
    nip: row.nip,
    name: row.name,
    fullName: fullName(row),
    status: row.status,
    golongan: row.golongan,
    opdId: row.opd_id,
    opdName: row.opd_name,
    jabatanName,
  };
}

export function presentPegawai(input: {
  row: PegawaiDetailRow;
  jabatanName: string | null;
  history: PegawaiHistoryRow[];
  /** Whether the caller may see phone, e-mail and birth date (policy org.pegawai.contact). */
  showContact: boolean;
}): TPegawai {
  const { row, showContact } = input;
  return {
    ...presentPegawaiSummary(row, input.jabatanName),
    gelarDepan: row.gelar_depan,
    gelarBelakang: row.gelar_belakang,
    sex: row.sex,
    birthDate: showContact ? row.birth_date : null,
    phone: showContact ? row.phone : null,
    email: showContact ? row.email : null,
    office: row.office,
    active: row.active,
    synthetic: row.synthetic,
    history: input.history.map((h) => ({
      id: h.id,
      pegawaiId: h.pegawai_id,
      pegawaiName: fullName(row),
      nip: row.nip,
      kind: h.kind,
      startDate: h.start_date,
      endDate: h.end_date,
      skNumber: h.sk_number,
      jabatanId: h.jabatan_id,
      jabatanName: h.jabatan_name,
      opdName: h.opd_name,
    })),
  };
}
