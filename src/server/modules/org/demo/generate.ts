/**
 * The demo organisation of Kota Pangkal Pinang (19.71): OPDs, units, positions, employees and who holds what.
 * Pure data from a seeded generator, so the same seed gives identical output (ids included) and a seeded demo can
 * be rebuilt or compared at will; the seeder only adds pemda_id and inserts.
 *
 * Shape: 35 OPDs (Setda, Setwan, Inspektorat, 6 badan, 19 dinas, Satpol PP, RSUD, 5 UPTD), the 7 kecamatan and
 * the 42 kelurahan with their real Kemendagri codes. Structural posts do not grow with the head count; fungsional
 * and pelaksana seats are created one per employee, so the output grows linearly with `pegawaiCount`.
 */
import type { JabatanKind } from '../import/layout';
import type { OpdKind, TitleSpec, UnitKind, UnitSpec } from './catalog';
import { OPD_CATALOG, PELAKSANA_TITLES } from './catalog';
import type { Level, Person, Status } from './person';
import { DEMO_LAST_DAY, makePerson, newRegistry } from './person';
import { Random, apportion, weightedSample } from './random';
import type { OpdPlan } from './territory';
import { DEMO_PEMDA, loadArea, territorialPlans } from './territory';

export type { OpdKind, UnitKind } from './catalog';
export { DEMO_PEMDA } from './territory';

export interface DemoWilayah {
  kode: string;
  level: 'pemda' | 'kecamatan' | 'kelurahan';
  name: string;
  parent_kode: string | null;
}

export interface DemoOpd {
  id: string;
  code: string;
  name: string;
  short_name: string;
  kind: OpdKind;
  parent_id: string | null;
  wilayah_kode: string | null;
  address: string | null;
  sort_order: number;
}

export interface DemoUnit {
  id: string;
  opd_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: UnitKind;
  sort_order: number;
}

export interface DemoJabatan {
  id: string;
  code: string;
  name: string;
  kind: JabatanKind;
  kelas_jabatan: number;
  opd_id: string;
  unit_id: string | null;
  is_opd_head: boolean;
}

export interface DemoPegawai extends Omit<Person, 'appointed'> {
  id: string;
  opd_id: string;
  office: string | null;
  synthetic: true;
}

export interface DemoHolder {
  id: string;
  pegawai_id: string;
  jabatan_id: string;
  kind: 'definitif';
  start_date: string;
  end_date: null;
  sk_number: string | null;
}

export interface DemoOrg {
  /** The pemda, kecamatan and kelurahan rows the OPDs' wilayah_kode refer to. */
  wilayah: DemoWilayah[];
  opds: DemoOpd[];
  units: DemoUnit[];
  jabatan: DemoJabatan[];
  pegawai: DemoPegawai[];
  holders: DemoHolder[];
}

export interface DemoOrgOptions {
  pegawaiCount?: number;
  seed?: number;
}

/** Shares of the head count; regional government staffing is close to these (BKN statistics, 2024). */
const NON_ASN_SHARE = 0.07;
const PPPK_SHARE = 0.18;
/** Share of structural posts left vacant, of which exactly VACANT_HEADS are heads of a dinas or badan. */
const VACANT_STRUCTURAL_SHARE = 0.065;
const VACANT_HEADS = 3;
/** PPPK are mostly teachers and health workers in fungsional posts; some fill technical pelaksana posts. */
const PPPK_FUNGSIONAL_SHARE = 0.85;
/** Years of service before taking up a post of each level, for plausible start dates. */
const MIN_SERVICE_BEFORE_POST: Record<Level, number> = {
  jpt: 15,
  administrator: 10,
  pengawas: 5,
  fungsional: 1,
  pelaksana: 1,
  non_asn: 0,
};
/** Filling order when there are fewer PNS than structural posts: senior posts first. */
const STRUCTURAL_RANK: Record<JabatanKind, number> = {
  jpt_pratama: 0,
  administrator: 1,
  pengawas: 2,
  fungsional: 3,
  pelaksana: 3,
};

const UNIT_CODE_PREFIX: Record<UnitKind, string> = {
  sekretariat: 'SEKRE',
  asisten: 'AS',
  bagian: 'BAG',
  bidang: 'BID',
  irban: 'IRBAN',
  subbagian: 'SUB',
  seksi: 'SIE',
};

/** Kind and kelas of a unit head, by unit and OPD type (as in typical Perwali kelas jabatan tables). */
function unitHeadLevel(opdKind: OpdKind, unitKind: UnitKind): { kind: JabatanKind; kelas: number } {
  switch (unitKind) {
    case 'asisten':
      return { kind: 'jpt_pratama', kelas: 14 };
    case 'sekretariat':
      return { kind: 'administrator', kelas: opdKind === 'kecamatan' ? 10 : 12 };
    case 'bagian':
    case 'bidang':
    case 'irban':
      return { kind: 'administrator', kelas: 11 };
    case 'subbagian':
      return { kind: 'pengawas', kelas: opdKind === 'kecamatan' || opdKind === 'uptd' ? 8 : 9 };
    case 'seksi':
      return { kind: 'pengawas', kelas: opdKind === 'kelurahan' ? 8 : 9 };
  }
}

function levelOf(kind: JabatanKind): Level {
  return kind === 'jpt_pratama' ? 'jpt' : kind;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function addYears(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

function randomDateBetween(random: Random, from: string, to: string): string {
  const days = Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return days <= 0 ? from : addDays(from, random.int(0, days));
}

interface StructuralPost {
  jabatan: DemoJabatan;
  opdIndex: number;
  isHead: boolean;
  /** Head of a dinas or badan: the posts from which the vacant heads are drawn. */
  dinasHead: boolean;
}

/** OPDs, units and structural posts: everything that does not depend on the head count. */
function buildStructure(plans: readonly OpdPlan[], ids: Random) {
  const opds: DemoOpd[] = plans.map((plan, index) => ({
    id: ids.uuid(),
    code: plan.code,
    name: plan.name,
    short_name: plan.shortName,
    kind: plan.kind,
    parent_id: null,
    wilayah_kode: plan.wilayahKode,
    address: null,
    sort_order: index + 1,
  }));
  const opdIdByCode = new Map(opds.map((opd) => [opd.code, opd.id]));
  plans.forEach((plan, index) => {
    const opd = opds[index];
    if (opd && plan.parentCode) opd.parent_id = opdIdByCode.get(plan.parentCode) ?? null;
  });

  const units: DemoUnit[] = [];
  const unitsByOpd: DemoUnit[][] = plans.map(() => []);
  const jabatan: DemoJabatan[] = [];
  const structural: StructuralPost[] = [];

  plans.forEach((plan, opdIndex) => {
    const opd = opds[opdIndex];
    if (!opd) return;
    const addPost = (post: Omit<DemoJabatan, 'id' | 'opd_id' | 'is_opd_head'>, isHead = false): void => {
      const row: DemoJabatan = { id: ids.uuid(), ...post, opd_id: opd.id, is_opd_head: isHead };
      jabatan.push(row);
      const dinasHead = isHead && (plan.kind === 'dinas' || plan.kind === 'badan');
      structural.push({ jabatan: row, opdIndex, isHead, dinasHead });
    };
    const { head } = plan;
    addPost({ code: head.code, name: head.title, kind: head.kind, kelas_jabatan: head.kelas, unit_id: null }, true);
    for (const extra of plan.extraPosts ?? []) {
      addPost({ code: extra.code, name: extra.title, kind: extra.kind, kelas_jabatan: extra.kelas, unit_id: null });
    }
    const addUnits = (specs: readonly UnitSpec[], parent: DemoUnit | null): void => {
      const counters = new Map<UnitKind, number>();
      for (const spec of specs) {
        const count = (counters.get(spec.kind) ?? 0) + 1;
        counters.set(spec.kind, count);
        const prefix = UNIT_CODE_PREFIX[spec.kind];
        const unit: DemoUnit = {
          id: ids.uuid(),
          opd_id: opd.id,
          parent_id: parent?.id ?? null,
          code: `${parent?.code ?? plan.code}-${spec.kind === 'sekretariat' ? prefix : `${prefix}${count}`}`,
          name: spec.name,
          kind: spec.kind,
          sort_order: units.length + 1,
        };
        units.push(unit);
        unitsByOpd[opdIndex]?.push(unit);
        const level = unitHeadLevel(plan.kind, spec.kind);
        const title =
          spec.headTitle ?? (spec.kind === 'sekretariat' ? `Sekretaris ${plan.name}` : `Kepala ${spec.name}`);
        const code = `${unit.code}-KA`;
        addPost({ code, name: title, kind: level.kind, kelas_jabatan: level.kelas, unit_id: unit.id });
        if (spec.children) addUnits(spec.children, unit);
      }
    };
    addUnits(plan.units, null);
  });
  return { opds, units, unitsByOpd, jabatan, structural };
}

/** Exactly VACANT_HEADS dinas/badan heads, then non-head posts up to the target share. */
function chooseVacancies(structural: readonly StructuralPost[], random: Random): Set<number> {
  const vacant = new Set<number>();
  const heads = structural.flatMap((post, index) => (post.dinasHead ? [index] : []));
  for (const index of random.shuffle(heads).slice(0, VACANT_HEADS)) vacant.add(index);
  const others = structural.flatMap((post, index) => (post.isHead ? [] : [index]));
  const target = Math.max(VACANT_HEADS, Math.round(structural.length * VACANT_STRUCTURAL_SHARE));
  for (const index of random.shuffle(others).slice(0, target - VACANT_HEADS)) vacant.add(index);
  return vacant;
}

export function generateDemoOrg({ pegawaiCount = 4000, seed = 1971 }: DemoOrgOptions = {}): DemoOrg {
  if (!Number.isInteger(pegawaiCount) || pegawaiCount < 0) {
    throw new RangeError('pegawaiCount must be a whole number, 0 or more');
  }
  const random = new Random(seed);
  // Ids come from their own sequence so that adding a record type later does not reshuffle every other value.
  const ids = new Random((seed ^ 0x5bd1e995) >>> 0);
  const area = loadArea();

  const wilayah: DemoWilayah[] = [
    { kode: DEMO_PEMDA.kode, level: 'pemda', name: DEMO_PEMDA.name, parent_kode: null },
    ...area.kecamatan.map(
      (row): DemoWilayah => ({ kode: row.kode, level: 'kecamatan', name: row.name, parent_kode: DEMO_PEMDA.kode }),
    ),
    ...area.kelurahan.map(
      (row): DemoWilayah => ({ kode: row.kode, level: 'kelurahan', name: row.name, parent_kode: row.kecamatanKode }),
    ),
  ];

  const plans: OpdPlan[] = [
    ...OPD_CATALOG.map((spec): OpdPlan => ({ ...spec, wilayahKode: null })),
    ...territorialPlans(area),
  ];
  const { opds, units, unitsByOpd, jabatan, structural } = buildStructure(plans, ids);
  const vacant = chooseVacancies(structural, random);

  const nonAsnCount = Math.round(pegawaiCount * NON_ASN_SHARE);
  const pppkCount = Math.round(pegawaiCount * PPPK_SHARE);
  const pnsCount = pegawaiCount - nonAsnCount - pppkCount;

  // Structural posts are held by PNS; when there are too few, the senior posts are filled first.
  const toFill = structural
    .map((post, index) => ({ post, index }))
    .filter(({ index }) => !vacant.has(index))
    .sort((a, b) => STRUCTURAL_RANK[a.post.jabatan.kind] - STRUCTURAL_RANK[b.post.jabatan.kind] || a.index - b.index)
    .slice(0, pnsCount)
    .sort((a, b) => a.index - b.index);

  const registry = newRegistry();
  const pegawai: DemoPegawai[] = [];
  const holders: DemoHolder[] = [];

  const addPegawai = (opdIndex: number, person: Person, office: string | null): DemoPegawai => {
    const opd = opds[opdIndex];
    if (!opd) throw new Error(`no OPD at index ${opdIndex}`);
    const { appointed: _appointed, ...columns } = person;
    const row: DemoPegawai = { id: ids.uuid(), ...columns, opd_id: opd.id, office, synthetic: true };
    pegawai.push(row);
    return row;
  };
  const addHolder = (holder: DemoPegawai, post: DemoJabatan, startDate: string, skNumber: string | null): void => {
    holders.push({
      id: ids.uuid(),
      pegawai_id: holder.id,
      jabatan_id: post.id,
      kind: 'definitif',
      start_date: startDate,
      end_date: null,
      sk_number: skNumber,
    });
  };

  for (const { post } of toFill) {
    const level = levelOf(post.jabatan.kind);
    const person = makePerson({ random, registry, status: 'PNS', level, title: post.jabatan.name });
    const holder = addPegawai(post.opdIndex, person, null);
    const appointed = person.appointed ?? DEMO_LAST_DAY;
    // Posts were last re-staffed from 2016 on (PP 18/2016 reorganised every OPD).
    const serviced = addYears(appointed, MIN_SERVICE_BEFORE_POST[level]);
    const earliest = serviced > '2016-01-04' ? serviced : '2016-01-04';
    const start =
      earliest > DEMO_LAST_DAY
        ? addDays(DEMO_LAST_DAY, -random.int(30, 700))
        : randomDateBetween(random, earliest, DEMO_LAST_DAY);
    addHolder(holder, post.jabatan, start, `821.2/${random.int(100, 999)}/BKPSDM/${start.slice(0, 4)}`);
  }

  // Everyone else: spread over the OPDs by weight, then PPPK and non-ASN drawn towards the OPDs that have them.
  const perOpd = apportion(
    pegawaiCount - toFill.length,
    plans.map((plan) => plan.weight),
  );
  const slotOpd = perOpd.flatMap((count, opdIndex) => Array.from({ length: count }, () => opdIndex));
  const allSlots = slotOpd.map((_, slot) => slot);
  const biasOf = (pick: (plan: OpdPlan) => number): number[] =>
    slotOpd.map((opdIndex) => {
      const plan = plans[opdIndex];
      return plan ? pick(plan) : 1;
    });
  const pppkSlots = weightedSample(
    random,
    biasOf((plan) => plan.pppkBias),
    Math.min(pppkCount, slotOpd.length),
    allSlots,
  );
  const nonAsnSlots = weightedSample(
    random,
    biasOf((plan) => plan.nonAsnBias),
    Math.min(nonAsnCount, slotOpd.length - pppkSlots.size),
    allSlots.filter((slot) => !pppkSlots.has(slot)),
  );

  const seatCounters = new Map<string, number>();
  slotOpd.forEach((opdIndex, slot) => {
    const plan = plans[opdIndex];
    const opd = opds[opdIndex];
    if (!plan || !opd) return;
    const status: Status = pppkSlots.has(slot) ? 'PPPK' : nonAsnSlots.has(slot) ? 'NON_ASN' : 'PNS';
    const office = plan.offices ? random.pick(plan.offices) : null;
    if (status === 'NON_ASN') {
      // Non-ASN staff hold no ASN position, so they get no jabatan row.
      const person = makePerson({ random, registry, status, level: 'non_asn', title: 'Tenaga Pendukung' });
      addPegawai(opdIndex, person, office);
      return;
    }
    const fungsional = random.chance(status === 'PPPK' ? PPPK_FUNGSIONAL_SHARE : plan.fungsionalShare);
    const titles: readonly TitleSpec[] = fungsional ? plan.fungsional : PELAKSANA_TITLES;
    const [title, kelas] = random.weighted(titles.map((spec) => [spec, spec[2]] as const));
    const kind: JabatanKind = fungsional ? 'fungsional' : 'pelaksana';
    const seatPrefix = `${plan.code}-${fungsional ? 'JF' : 'PL'}`;
    const seatNumber = (seatCounters.get(seatPrefix) ?? 0) + 1;
    seatCounters.set(seatPrefix, seatNumber);
    const opdUnits = unitsByOpd[opdIndex] ?? [];
    const unit = opdUnits.length > 0 && random.chance(fungsional ? 0.4 : 0.85) ? random.pick(opdUnits) : null;
    const seat: DemoJabatan = {
      id: ids.uuid(),
      code: `${seatPrefix}-${String(seatNumber).padStart(4, '0')}`,
      name: title,
      kind,
      kelas_jabatan: kelas,
      opd_id: opd.id,
      unit_id: unit?.id ?? null,
      is_opd_head: false,
    };
    jabatan.push(seat);
    const person = makePerson({ random, registry, status, level: kind, title });
    const holder = addPegawai(opdIndex, person, fungsional ? office : null);
    const appointed = person.appointed ?? DEMO_LAST_DAY;
    // PPPK are appointed straight into their post; a CPNS takes a post after the one-year probation.
    const earliest = status === 'PPPK' ? appointed : addYears(appointed, 1);
    const start = earliest > DEMO_LAST_DAY ? appointed : randomDateBetween(random, earliest, DEMO_LAST_DAY);
    addHolder(holder, seat, start, null);
  });

  return { wilayah, opds, units, jabatan, pegawai, holders };
}
