import { sql, type Kysely, type QueryCreator, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import type { OpdTable, OpdUnitTable, PemdaHeadTable, WilayahTable } from './tables';

/**
 * Every query of the organisation module (Pemda, wilayah, OPD, units; positions and pegawai are in
 * repository-staff.ts). Tenant queries take the Pemda id first and filter by it before anything else.
 */
type Db = Kysely<DB>;
export type WilayahLevel = WilayahTable['level'];

/**
 * A holder counts until the day after their end date, so an end date set in advance keeps the position filled
 * until then. A holder whose start lies ahead also counts: the position is already decided, not vacant.
 */
export function holderNotEnded(alias: string, today: string) {
  const endDate = sql.ref(`${alias}.end_date`);
  return sql<SqlBool>`(${endDate} is null or ${endDate} >= ${today}::date)`;
}

/** Escapes LIKE wildcards so a search for "50%" or "a_b" means what was typed. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The current holder of each position of a Pemda: the definitif holder if there is one, else the earliest acting
 * (Plt/Plh) holder. A position is vacant when its current holder is not definitif.
 */
export function currentHolders(qc: QueryCreator<DB>, pemdaId: string, today: string) {
  return qc
    .selectFrom('jabatan_holder as h')
    .innerJoin('pegawai as p', (join) => join.onRef('p.pemda_id', '=', 'h.pemda_id').onRef('p.id', '=', 'h.pegawai_id'))
    .distinctOn('h.jabatan_id')
    .select([
      'h.jabatan_id',
      'h.id as holder_id',
      'h.pegawai_id',
      'h.kind as holder_kind',
      'h.start_date',
      'h.end_date',
      'h.sk_number',
      'p.name as pegawai_name',
      'p.gelar_depan',
      'p.gelar_belakang',
      'p.nip',
    ])
    .where('h.pemda_id', '=', pemdaId)
    .where(holderNotEnded('h', today))
    .orderBy('h.jabatan_id')
    .orderBy(sql`h.kind <> 'definitif'`)
    .orderBy('h.start_date');
}

export type PemdaHeadRow = Omit<PemdaHeadTable, 'id' | 'created_at'> & { id: string; created_at: Date };
export type OpdRow = Omit<OpdTable, 'id' | 'sort_order' | 'active' | 'created_at' | 'updated_at'> & {
  id: string;
  sort_order: number;
  active: boolean;
};
export type UnitRow = Omit<OpdUnitTable, 'id' | 'sort_order'> & { id: string; sort_order: number };

const opdColumns = ['o.id', 'o.pemda_id', 'o.code', 'o.name', 'o.short_name', 'o.kind', 'o.parent_id', 'o.wilayah_kode', 'o.address', 'o.sort_order', 'o.active'] as const;
const unitColumns = ['u.id', 'u.pemda_id', 'u.opd_id', 'u.parent_id', 'u.code', 'u.name', 'u.kind', 'u.sort_order'] as const;

export function orgRepository(db: Db) {
  return {
    // ---- Pemda ----
    findPemda(pemdaId: string) {
      return db.selectFrom('pemda').selectAll().where('id', '=', pemdaId).executeTakeFirst();
    },

    listHeads(pemdaId: string): Promise<PemdaHeadRow[]> {
      return db.selectFrom('pemda_head').selectAll().where('pemda_id', '=', pemdaId).orderBy('term_start', 'desc').orderBy('id').execute();
    },

    insertHead(pemdaId: string, values: Omit<PemdaHeadRow, 'pemda_id' | 'id' | 'created_at'>): Promise<PemdaHeadRow> {
      return db.insertInto('pemda_head').values({ pemda_id: pemdaId, ...values }).returningAll().executeTakeFirstOrThrow();
    },

    async pemdaCounts(pemdaId: string, today: string) {
      const row = await db
        .with('cur', (qc) => currentHolders(qc, pemdaId, today))
        .selectFrom('pemda as pd')
        .select((eb) => [
          eb.selectFrom('opd').select(eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('active', '=', true).as('opd'),
          eb.selectFrom('pegawai').select(eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('active', '=', true).as('pegawai'),
          eb.selectFrom('jabatan').select(eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('active', '=', true).as('jabatan'),
          eb
            .selectFrom('jabatan as j')
            .leftJoin('cur', 'cur.jabatan_id', 'j.id')
            .select(eb.fn.countAll<number>().as('n'))
            .where('j.pemda_id', '=', pemdaId)
            .where('j.active', '=', true)
            .where(sql<SqlBool>`cur.holder_kind is distinct from 'definitif'`)
            .as('vacancies'),
          eb.selectFrom('wilayah').select(eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('level', '=', 'kecamatan').as('kecamatan'),
          eb.selectFrom('wilayah').select(eb.fn.countAll<number>().as('n')).where('pemda_id', '=', pemdaId).where('level', 'in', ['kelurahan', 'desa']).as('kelurahan'),
        ])
        .where('pd.id', '=', pemdaId)
        .executeTakeFirstOrThrow();
      return {
        opd: row.opd ?? 0,
        pegawai: row.pegawai ?? 0,
        jabatan: row.jabatan ?? 0,
        vacancies: row.vacancies ?? 0,
        kecamatan: row.kecamatan ?? 0,
        kelurahan: row.kelurahan ?? 0,
      };
    },

    /** Platform-wide list for the superadmin: the only query here that is not scoped to one Pemda. */
    listPemdasForPlatform(filter: { id?: string } = {}) {
      let query = db
        .selectFrom('pemda as pd')
        .select((eb) => [
          'pd.id',
          'pd.kode_wilayah',
          'pd.name',
          'pd.kind',
          'pd.province_name',
          'pd.synthetic',
          'pd.created_at',
          eb.selectFrom('opd as o').select(eb.fn.countAll<number>().as('n')).whereRef('o.pemda_id', '=', 'pd.id').as('opd_count'),
          eb.selectFrom('pegawai as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.pemda_id', '=', 'pd.id').where('p.active', '=', true).as('pegawai_count'),
          eb.selectFrom('app_user as u').select(eb.fn.countAll<number>().as('n')).whereRef('u.pemda_id', '=', 'pd.id').where('u.active', '=', true).as('user_count'),
        ])
        .orderBy('pd.kode_wilayah');
      if (filter.id) query = query.where('pd.id', '=', filter.id);
      return query.execute();
    },

    // ---- Wilayah ----
    listWilayah(pemdaId: string, filter: { level?: WilayahLevel | undefined; parent?: string | undefined }) {
      let query = db
        .selectFrom('wilayah')
        .select(['kode', 'level', 'name', 'parent_kode', 'centroid_lng', 'centroid_lat', sql<boolean>`geometry is not null`.as('has_boundary')])
        .where('pemda_id', '=', pemdaId);
      if (filter.level) query = query.where('level', '=', filter.level);
      if (filter.parent) query = query.where('parent_kode', '=', filter.parent);
      return query.orderBy('kode').execute();
    },

    findWilayah(pemdaId: string, kode: string) {
      return db.selectFrom('wilayah').select(['kode', 'level', 'name']).where('pemda_id', '=', pemdaId).where('kode', '=', kode).executeTakeFirst();
    },

    // ---- OPD ----
    findOpd(pemdaId: string, opdId: string): Promise<OpdRow | undefined> {
      return db.selectFrom('opd as o').select(opdColumns).where('o.pemda_id', '=', pemdaId).where('o.id', '=', opdId).executeTakeFirst();
    },

    childOpdIds(pemdaId: string, opdId: string): Promise<string[]> {
      return db
        .selectFrom('opd')
        .select('id')
        .where('pemda_id', '=', pemdaId)
        .where('parent_id', '=', opdId)
        .execute()
        .then((rows) => rows.map((row) => row.id));
    },

    async opdCodeTaken(pemdaId: string, code: string, exceptId?: string): Promise<boolean> {
      let query = db.selectFrom('opd').select('id').where('pemda_id', '=', pemdaId).where('code', '=', code);
      if (exceptId) query = query.where('id', '!=', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    /** The OPD and all its ancestors, walking parent_id up (a cycle guard stops at 100 levels). */
    async opdLineage(pemdaId: string, opdId: string): Promise<string[]> {
      const rows = await db
        .withRecursive('up(id, parent_id, depth)', (qc) =>
          qc
            .selectFrom('opd')
            .select(['id', 'parent_id', sql<number>`0`.as('depth')])
            .where('pemda_id', '=', pemdaId)
            .where('id', '=', opdId)
            .unionAll((eb) =>
              eb
                .selectFrom('opd as o')
                .innerJoin('up', 'up.parent_id', 'o.id')
                .select(['o.id', 'o.parent_id', sql<number>`up.depth + 1`.as('depth')])
                .where('o.pemda_id', '=', pemdaId)
                .where('up.depth', '<', 100),
            ),
        )
        .selectFrom('up')
        .select('id')
        .execute();
      return rows.map((row) => row.id);
    },

    /** OPDs with their counts and current head, for the directory and the OPD page. */
    opdSummaries(pemdaId: string, filter: { today: string; ids?: string[]; kind?: string | undefined; q?: string | undefined }) {
      const ids = filter.ids;
      let query = db
        .with('cur', (qc) => currentHolders(qc, pemdaId, filter.today))
        .with('jab', (qc) => {
          let inner = qc
            .selectFrom('jabatan as j')
            .leftJoin('cur', 'cur.jabatan_id', 'j.id')
            .select(['j.opd_id', sql<number>`count(*)`.as('jabatan_count'), sql<number>`count(*) filter (where cur.holder_kind is distinct from 'definitif')`.as('vacancy_count')])
            .where('j.pemda_id', '=', pemdaId)
            .where('j.active', '=', true)
            .groupBy('j.opd_id');
          if (ids) inner = inner.where('j.opd_id', 'in', ids);
          return inner;
        })
        .with('peg', (qc) => {
          let inner = qc
            .selectFrom('pegawai as p')
            .select(['p.opd_id', sql<number>`count(*)`.as('pegawai_count')])
            .where('p.pemda_id', '=', pemdaId)
            .where('p.active', '=', true)
            .groupBy('p.opd_id');
          if (ids) inner = inner.where('p.opd_id', 'in', ids);
          return inner;
        })
        .with('head', (qc) =>
          qc
            .selectFrom('jabatan as j')
            .innerJoin('cur', 'cur.jabatan_id', 'j.id')
            .distinctOn('j.opd_id')
            .select(['j.opd_id', 'cur.pegawai_name', 'cur.gelar_depan', 'cur.gelar_belakang'])
            .where('j.pemda_id', '=', pemdaId)
            .where('j.is_opd_head', '=', true)
            .where('j.active', '=', true)
            .orderBy('j.opd_id')
            .orderBy(sql`cur.holder_kind <> 'definitif'`)
            .orderBy('cur.start_date'),
        )
        .selectFrom('opd as o')
        .leftJoin('wilayah as w', (join) => join.onRef('w.pemda_id', '=', 'o.pemda_id').onRef('w.kode', '=', 'o.wilayah_kode'))
        .leftJoin('jab', 'jab.opd_id', 'o.id')
        .leftJoin('peg', 'peg.opd_id', 'o.id')
        .leftJoin('head', 'head.opd_id', 'o.id')
        .select([
          ...opdColumns,
          'w.name as wilayah_name',
          'jab.jabatan_count',
          'jab.vacancy_count',
          'peg.pegawai_count',
          'head.pegawai_name as head_name',
          'head.gelar_depan as head_gelar_depan',
          'head.gelar_belakang as head_gelar_belakang',
        ])
        .where('o.pemda_id', '=', pemdaId)
        .orderBy('o.sort_order')
        .orderBy('o.name')
        .orderBy('o.id');
      if (ids) query = query.where('o.id', 'in', ids);
      if (filter.kind) query = query.where('o.kind', '=', filter.kind);
      if (filter.q) {
        query = query.where(sql<SqlBool>`lower(o.name || ' ' || o.code || ' ' || coalesce(o.short_name, '')) like ${likeContains(filter.q.toLowerCase())}`);
      }
      return query.execute();
    },

    insertOpd(pemdaId: string, values: Omit<OpdRow, 'pemda_id' | 'id' | 'sort_order' | 'active'>): Promise<OpdRow> {
      return db.insertInto('opd').values({ pemda_id: pemdaId, ...values }).returning(['id', 'pemda_id', 'code', 'name', 'short_name', 'kind', 'parent_id', 'wilayah_kode', 'address', 'sort_order', 'active']).executeTakeFirstOrThrow();
    },

    async updateOpd(pemdaId: string, opdId: string, values: Omit<OpdRow, 'pemda_id' | 'id' | 'sort_order'>): Promise<void> {
      await db.updateTable('opd').set({ ...values, updated_at: new Date() }).where('pemda_id', '=', pemdaId).where('id', '=', opdId).execute();
    },

    // ---- Units ----
    listUnits(pemdaId: string, opdId: string): Promise<UnitRow[]> {
      return db.selectFrom('opd_unit as u').select(unitColumns).where('u.pemda_id', '=', pemdaId).where('u.opd_id', '=', opdId).orderBy('u.sort_order').orderBy('u.code').execute();
    },

    findUnit(pemdaId: string, unitId: string): Promise<UnitRow | undefined> {
      return db.selectFrom('opd_unit as u').select(unitColumns).where('u.pemda_id', '=', pemdaId).where('u.id', '=', unitId).executeTakeFirst();
    },

    async unitCodeTaken(pemdaId: string, code: string, exceptId?: string): Promise<boolean> {
      let query = db.selectFrom('opd_unit').select('id').where('pemda_id', '=', pemdaId).where('code', '=', code);
      if (exceptId) query = query.where('id', '!=', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    /** The unit and all its ancestors (for the cycle check when a unit moves). */
    async unitLineage(pemdaId: string, unitId: string): Promise<string[]> {
      const rows = await db
        .withRecursive('up(id, parent_id, depth)', (qc) =>
          qc
            .selectFrom('opd_unit')
            .select(['id', 'parent_id', sql<number>`0`.as('depth')])
            .where('pemda_id', '=', pemdaId)
            .where('id', '=', unitId)
            .unionAll((eb) =>
              eb
                .selectFrom('opd_unit as u')
                .innerJoin('up', 'up.parent_id', 'u.id')
                .select(['u.id', 'u.parent_id', sql<number>`up.depth + 1`.as('depth')])
                .where('u.pemda_id', '=', pemdaId)
                .where('up.depth', '<', 100),
            ),
        )
        .selectFrom('up')
        .select('id')
        .execute();
      return rows.map((row) => row.id);
    },

    insertUnit(pemdaId: string, values: Omit<UnitRow, 'pemda_id' | 'id' | 'sort_order'>): Promise<UnitRow> {
      return db.insertInto('opd_unit').values({ pemda_id: pemdaId, ...values }).returning(['id', 'pemda_id', 'opd_id', 'parent_id', 'code', 'name', 'kind', 'sort_order']).executeTakeFirstOrThrow();
    },

    async updateUnit(pemdaId: string, unitId: string, values: Pick<UnitRow, 'parent_id' | 'code' | 'name' | 'kind'>): Promise<void> {
      await db.updateTable('opd_unit').set(values).where('pemda_id', '=', pemdaId).where('id', '=', unitId).execute();
    },
  };
}

export type OrgRepository = ReturnType<typeof orgRepository>;
export type OpdSummaryRow = Awaited<ReturnType<OrgRepository['opdSummaries']>>[number];
export type WilayahRow = Awaited<ReturnType<OrgRepository['listWilayah']>>[number];
export type PlatformPemdaRow = Awaited<ReturnType<OrgRepository['listPemdasForPlatform']>>[number];
