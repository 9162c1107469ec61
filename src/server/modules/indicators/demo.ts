import type { DemoSeedContext } from '..';
import { sql } from 'kysely';
import { inTransaction, systemCtx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { rateValue } from './compute';
import { DEMO_INDICATORS } from './demo-data';
import { WALIDATA_SETTING } from './access';
import { periodsBetween, type Period } from './periods';
import { computeRanking } from './service-index';
import type { IndicatorValueTable, InterventionKind } from './tables';

type ValueRow = Omit<IndicatorValueTable, 'review' | 'entered_at' | 'version'> & { review: 'ok' | 'flagged'; entered_at: Date };

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
/** Values arrive some days after the period ends; a few arrive late (timeliness metric). */
const enteredAt = (period: Period, random: () => number) => new Date(`${period.end}T09:00:00+07:00`).getTime() + Math.floor(random() < 0.85 ? 5 + random() * 20 : 35 + random() * 30) * 86_400_000;

/**
 * Three years of SYNTHETIC indicator values for the kelurahan of the demo city (every indicator is marked
 * synthetic and says so in its definition), a vulnerability index, interventions covering most but not all
 * priority kelurahan, and three published datasets. Deterministic (the module's own random stream); OPDs are
 * looked up by their demo codes and an indicator whose producer is missing is skipped.
 */
export async function seedIndicatorsDemo({ db, pemdaId, random, log }: DemoSeedContext): Promise<void> {
  const opds = await db.selectFrom('opd').select(['id', 'code', 'wilayah_kode']).where('pemda_id', '=', pemdaId).execute();
  const opdByCode = new Map(opds.map((o) => [o.code, o.id]));
  const wilayah = await db.selectFrom('wilayah').select(['kode', 'name', 'level', 'parent_kode']).where('pemda_id', '=', pemdaId).orderBy('kode').execute();
  const kelurahan = wilayah.filter((w) => w.level === 'kelurahan' || w.level === 'desa');
  const pemdaKode = wilayah.find((w) => w.level === 'pemda')?.kode;
  if (kelurahan.length === 0 || !pemdaKode) {
    log('  indicators: tidak ada kelurahan, dilewati / no kelurahan, skipped');
    return;
  }
  const ctx = systemCtx(db, 'seed-demo-indicators');
  // A latent vulnerability per kelurahan makes the indicators agree with each other as real ones do.
  const latent = new Map(kelurahan.map((k) => [k.kode, random()]));
  const population = new Map(kelurahan.map((k) => [k.kode, Math.round(3500 + random() * 9000)]));
  const quarters = periodsBetween('quarterly', '2024-01-01', '2026-09-30');
  const years = periodsBetween('yearly', '2023-01-01', '2025-12-31');
  const months = periodsBetween('monthly', '2024-01-01', '2026-10-31');

  await inTransaction(ctx, async (tx) => {
    const ids = new Map<string, string>();
    for (const def of DEMO_INDICATORS) {
      const producer = def.producerCodes.map((c) => opdByCode.get(c)).find((id): id is string => !!id);
      if (!producer) continue;
      const { producerCodes: _codes, nameId, nameEn, numeratorCode, denominatorCode, numeratorLabel, denominatorLabel, lowestLevel, producerOpdId: _p, minValue, maxValue, dueDays, ...rest } = { ...def, producerOpdId: producer };
      const row = await tx.db
        .insertInto('indicator')
        .values({
          pemda_id: pemdaId,
          ...rest,
          name_id: nameId,
          name_en: nameEn,
          numerator_code: numeratorCode,
          denominator_code: denominatorCode,
          numerator_label: numeratorLabel,
          denominator_label: denominatorLabel,
          lowest_level: lowestLevel,
          producer_opd_id: producer,
          min_value: minValue,
          max_value: maxValue,
          due_days: dueDays,
          tags: JSON.stringify(def.tags),
          approval: 'approved',
          approved_at: new Date('2024-01-15T03:00:00Z'),
          synthetic: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(def.code, row.id);
    }
    const walidata = opdByCode.get('BAPPERIDA');
    if (walidata) {
      await tx.db.insertInto('pemda_setting').values({ pemda_id: pemdaId, key: WALIDATA_SETTING, value: JSON.stringify(walidata) }).onConflict((oc) => oc.columns(['pemda_id', 'key']).doNothing()).execute();
    }

    const rows: ValueRow[] = [];
    const push = (code: string, kode: string, period: Period, parts: { value?: number; numerator?: number; denominator?: number }, review: 'ok' | 'flagged' = 'ok', note: string | null = null) => {
      const id = ids.get(code);
      if (!id) return;
      const value = parts.value ?? (parts.numerator !== undefined && parts.denominator !== undefined ? rateValue(parts.numerator, parts.denominator, 100) : null);
      rows.push({ pemda_id: pemdaId, indicator_id: id, wilayah_kode: kode, period: period.period, period_start: period.start, period_end: period.end, value, numerator: parts.numerator ?? null, denominator: parts.denominator ?? null, review, review_note: note, source: 'seed', entered_by: null, entered_at: new Date(enteredAt(period, random)) });
    };
    const lastQuarter = quarters[quarters.length - 1] as Period;
    const late = new Set(kelurahan.filter(() => random() < 0.12).map((k) => k.kode));
    for (const k of kelurahan) {
      const v = latent.get(k.kode) as number;
      const pop = population.get(k.kode) as number;
      quarters.forEach((q, i) => {
        const balita = Math.round(pop * 0.085);
        const measured = Math.round(balita * (0.82 + random() * 0.12));
        const prevalence = Math.max(0.03, 0.09 + 0.2 * v - 0.008 * i + (random() - 0.5) * 0.02);
        push('STUNTING', k.kode, q, { numerator: Math.round(measured * prevalence), denominator: measured });
        // Dinsos is late with the last quarter in some kelurahan: the overdue flag of the demo.
        if (q === lastQuarter && late.has(k.kode)) return;
        const extreme = Math.max(0.002, 0.006 + 0.045 * v - 0.002 * i + (random() - 0.5) * 0.004);
        push('KEMISKINAN_EKSTREM', k.kode, q, { numerator: Math.round(pop * extreme), denominator: pop });
      });
      years.forEach((y, i) => {
        const size = Math.round(pop * (1 + 0.012 * i));
        push('PENDUDUK', k.kode, y, { value: size });
        push('KEMISKINAN', k.kode, y, { numerator: Math.round(size * Math.max(0.02, 0.035 + 0.09 * v - 0.003 * i + (random() - 0.5) * 0.01)), denominator: size });
        const force = Math.round(size * 0.52);
        push('TPT', k.kode, y, { numerator: Math.round(force * Math.max(0.02, 0.035 + 0.06 * (0.5 * v + 0.5 * random()) - 0.002 * i)), denominator: force });
      });
    }
    months.forEach((m, i) => push('INFLASI', pemdaKode, m, { value: round(2.6 + Math.sin(i / 4) * 0.9 + (random() - 0.5) * 0.4) }));
    // One implausible jump for the walidata's review queue.
    const odd = rows.find((r) => r.indicator_id === ids.get('STUNTING') && r.period === lastQuarter.period && r.wilayah_kode === kelurahan[3]?.kode);
    if (odd && odd.denominator) {
      odd.numerator = Math.round(odd.denominator * 0.61);
      odd.value = rateValue(odd.numerator, odd.denominator, 100);
      odd.review = 'flagged';
      odd.review_note = 'mean=18.5;sd=2.1;n=10';
    }
    for (let i = 0; i < rows.length; i += 500) await tx.db.insertInto('indicator_value').values(rows.slice(i, i + 500)).execute();

    const components = ['STUNTING', 'KEMISKINAN_EKSTREM', 'TPT']
      .map((code, i) => ({ indicatorId: ids.get(code), weight: [40, 35, 25][i] as number }))
      .filter((c): c is { indicatorId: string; weight: number } => !!c.indicatorId);
    if (components.length > 0) {
      await tx.db.insertInto('vulnerability_index').values({ pemda_id: pemdaId, name: 'Indeks Kerentanan Kelurahan (stunting, kemiskinan ekstrem, pengangguran)', components: JSON.stringify(components), priority_count: 10, is_default: true }).execute();
    }
    await writeAudit(tx, { pemdaId, action: 'seed.indicators', entityType: 'indicator', entityId: null, detail: { synthetic: true, indicators: ids.size, values: rows.length } });
    log(`  indicators: ${ids.size} indikator, ${rows.length} nilai sintetis`);
  });

  await seedInterventionsAndDatasets({ db, pemdaId, random, log, opdByCode, kelurahan, pemdaKode });
}

async function seedInterventionsAndDatasets(seed: Pick<DemoSeedContext, 'db' | 'pemdaId' | 'random' | 'log'> & { opdByCode: Map<string, string>; kelurahan: Array<{ kode: string; name: string }>; pemdaKode: string }) {
  const { db, pemdaId, random, kelurahan } = seed;
  const ctx = systemCtx(db, 'seed-demo-indicators');
  const ranking = await computeRanking(ctx, pemdaId, { year: '2026' }).catch(() => null);
  const priority = ranking?.rows.filter((r) => r.priority).map((r) => r.kode) ?? [];
  const indicatorIds = new Map((await db.selectFrom('indicator').select(['id', 'code']).where('pemda_id', '=', pemdaId).execute()).map((r) => [r.code, r.id]));
  const plans: Array<{ title: string; kind: InterventionKind; opd: string; indicator: string | null; sub: string | null; group: string; target: number; budget: number }> = [
    { title: 'Pemberian makanan tambahan (PMT) lokal balita', kind: 'program', opd: 'DINKES', indicator: 'STUNTING', sub: '1.02.02.2.02.0016', group: 'Balita gizi kurang dan stunting', target: 120, budget: 180_000_000 },
    { title: 'Posyandu prima dan kelas ibu balita', kind: 'posyandu', opd: 'DINKES', indicator: 'STUNTING', sub: '1.02.02.2.02.0004', group: 'Ibu hamil dan ibu balita', target: 300, budget: 65_000_000 },
    { title: 'Bantuan sosial pangan bagi keluarga miskin ekstrem', kind: 'bantuan', opd: 'DINSOS', indicator: 'KEMISKINAN_EKSTREM', sub: '1.06.06.2.01.0005', group: 'Keluarga miskin ekstrem (P3KE desil 1)', target: 150, budget: 240_000_000 },
    { title: 'Bursa kerja dan pelatihan berbasis kompetensi', kind: 'job_fair', opd: 'DISNAKER', indicator: 'TPT', sub: '2.07.03.2.01.0001', group: 'Pencari kerja usia muda', target: 200, budget: 120_000_000 },
  ];
  // Most priority kelurahan get something; the last three of the ten do not (the coverage gap of the demo).
  const covered = priority.slice(0, Math.max(0, priority.length - 3));
  const others = kelurahan.map((k) => k.kode).filter((k) => !priority.includes(k) && random() < 0.3);
  let count = 0;
  await inTransaction(ctx, async (tx) => {
    for (const [i, plan] of plans.entries()) {
      const opdId = seed.opdByCode.get(plan.opd);
      if (!opdId) continue;
      for (const year of ['2025', '2026']) {
        const places = [...covered.filter((_, j) => (j + i) % 2 === 0 || plan.kind === 'program'), ...others.filter((_, j) => (j + i + Number(year)) % 3 === 0)];
        if (places.length === 0) continue;
        const target = plan.target * places.length;
        const row = await tx.db
          .insertInto('intervention')
          .values({ pemda_id: pemdaId, title: `${plan.title} ${year}`, kind: plan.kind, opd_id: opdId, indicator_id: plan.indicator ? (indicatorIds.get(plan.indicator) ?? null) : null, start_date: `${year}-0${2 + i}-01`, end_date: `${year}-11-30`, budget: plan.budget, sub_kegiatan_code: plan.sub, target_group: plan.group, target_count: target, reach_count: Math.round(target * (0.6 + random() * 0.35)), synthetic: true })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.db.insertInto('intervention_wilayah').values([...new Set(places)].map((kode) => ({ pemda_id: pemdaId, intervention_id: row.id, wilayah_kode: kode }))).execute();
        count += 1;
      }
    }
    const slug = seed.pemdaKode.replace(/\./g, '');
    const datasets = [
      { code: 'STUNTING', name: 'prevalensi-stunting-kelurahan', title: 'Prevalensi Balita Stunting per Kelurahan', tags: ['stunting', 'kesehatan'] },
      { code: 'KEMISKINAN_EKSTREM', name: 'kemiskinan-ekstrem-kelurahan', title: 'Persentase Penduduk Miskin Ekstrem per Kelurahan', tags: ['kemiskinan'] },
      { code: 'PENDUDUK', name: 'jumlah-penduduk-kelurahan', title: 'Jumlah Penduduk per Kelurahan', tags: ['kependudukan'] },
    ];
    for (const d of datasets) {
      const indicatorId = indicatorIds.get(d.code);
      if (!indicatorId) continue;
      await tx.db
        .insertInto('open_dataset')
        .values({ pemda_id: pemdaId, name: `${slug}-${d.name}`, title: d.title, notes: `${d.title}. DATA SINTETIS untuk demonstrasi Pamong, bukan data resmi Pemda.`, indicator_id: indicatorId, tags: JSON.stringify([...d.tags, 'sintetis']), license_id: 'cc-by-4.0' })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    await writeAudit(tx, { pemdaId, action: 'seed.interventions', entityType: 'intervention', entityId: null, detail: { synthetic: true, interventions: count, datasets: datasets.length } });
  });
  seed.log(`  indicators: ${count} intervensi, 3 dataset terbuka`);
}

/**
 * After the budget demo has seeded: each demo intervention points at the APBD sub-kegiatan of its code, OPD and
 * year, so the interventions screen shows pagu and realisation (the indicators demo seeds before the budget).
 */
export async function linkDemoInterventionsToBudget(seed: Pick<DemoSeedContext, 'db' | 'pemdaId' | 'log'>): Promise<void> {
  const ctx = systemCtx(seed.db, 'seed-demo-indicators');
  await inTransaction(ctx, async (tx) => {
    const linked = await sql<{ id: string }>`
      UPDATE intervention i SET sub_kegiatan_id = s.id
      FROM budget_sub_kegiatan s
      WHERE i.pemda_id = ${seed.pemdaId} AND s.pemda_id = i.pemda_id AND s.kode = i.sub_kegiatan_code AND s.opd_id = i.opd_id
        AND s.tahun = extract(year FROM i.start_date)::int AND i.synthetic AND i.sub_kegiatan_id IS NULL
      RETURNING i.id`.execute(tx.db);
    await writeAudit(tx, { pemdaId: seed.pemdaId, action: 'seed.interventions.budget_link', entityType: 'intervention', entityId: null, detail: { synthetic: true, linked: linked.rows.length } });
    seed.log(`  indicators: ${linked.rows.length} intervensi terhubung ke sub kegiatan APBD`);
  });
}
