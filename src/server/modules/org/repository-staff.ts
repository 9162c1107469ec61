import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { currentHolders, holderNotEnded, likeContains } from './repository';
import type { JabatanHolderTable, JabatanTable, PegawaiTable } from './tables';

/**
 * Queries about positions (jabatan), pegawai and who held which position (jabatan_holder). Every function takes
 * the Pemda id first and filters by it before anything else.
 */
type Db = Kysely<DB>;

export type JabatanRow = Omit<JabatanTable, 'id' | 'is_opd_head' | 'active' | 'created_at' | 'updated_at'> & {
  id: string;
  is_opd_head: boolean;
  active: boolean;
};
export type PegawaiRow = Omit<PegawaiTable, 'id' | 'active' | 'synthetic' | 'search_text' | 'created_at' | 'updated_at'> & {
  id: string;
  active: boolean;
  synthetic: boolean;
};
export type PegawaiValues = Omit<PegawaiRow, 'pemda_id' | 'id' | 'synthetic'>;
export type HolderRow = Omit<JabatanHolderTable, 'id' | 'kind' | 'created_at'> & { id: string; kind: 'definitif' | 'plt' | 'plh' };

const jabatanColumns = ['j.id', 'j.pemda_id', 'j.code', 'j.name', 'j.kind', 'j.kelas_jabatan', 'j.opd_id', 'j.unit_id', 'j.is_opd_head', 'j.active'] as const;
const pegawaiColumns = [
  'p.id',
  'p.pemda_id',
  'p.nip',
  'p.name',
  'p.gelar_depan',
  'p.gelar_belakang',
  'p.status',
  'p.golongan',
  'p.sex',
  'p.birth_date',
  'p.phone',
  'p.email',
  'p.opd_id',
  'p.office',
  'p.active',
  'p.synthetic',
] as const;
const holderColumns = ['h.id', 'h.pemda_id', 'h.pegawai_id', 'h.jabatan_id', 'h.kind', 'h.start_date', 'h.end_date', 'h.sk_number'] as const;

export interface JabatanFilter {
  today: string;
  ids?: string[];
  opdId?: string | undefined;
  kind?: JabatanTable['kind'] | undefined;
  vacant?: boolean | undefined;
  /** Lists show active positions only; a single position is shown whatever its state. */
  activeOnly: boolean;
  afterCode?: string | undefined;
  limit?: number | undefined;
}

export interface PegawaiSearch {
  /** Lower-case words that must all appear in search_text (name and NIP), via the trigram index. */
  words: string[];
  /** A NIP prefix (digits only), via the (pemda_id, nip) index. */
  nipPrefix: string | null;
  opdId?: string | undefined;
  status?: PegawaiTable['status'] | undefined;
  includeInactive: boolean;
  after: { name: string; id: string } | null;
  limit: number;
}

/** The smallest digit string above every string starting with `prefix` ('1985' → '1986', '1989' → '199'). */
export function nipPrefixUpperBound(prefix: string): string | null {
  const trimmed = prefix.replace(/9+$/, '');
  if (trimmed === '') return null;
  return trimmed.slice(0, -1) + String(Number(trimmed.slice(-1)) + 1);
}

export function staffRepository(db: Db) {
  return {
    // ---- Jabatan ----
    findJabatan(pemdaId: string, jabatanId: string, options: { forUpdate?: boolean } = {}): Promise<JabatanRow | undefined> {
      const query = db.selectFrom('jabatan as j').select(jabatanColumns).where('j.pemda_id', '=', pemdaId).where('j.id', '=', jabatanId);
      return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
    },

    async jabatanCodeTaken(pemdaId: string, code: string, exceptId?: string): Promise<boolean> {
      let query = db.selectFrom('jabatan').select('id').where('pemda_id', '=', pemdaId).where('code', '=', code);
      if (exceptId) query = query.where('id', '!=', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    findOpdHeadJabatan(pemdaId: string, opdId: string, exceptId?: string) {
      let query = db
        .selectFrom('jabatan')
        .select(['id', 'name'])
        .where('pemda_id', '=', pemdaId)
        .where('opd_id', '=', opdId)
        .where('is_opd_head', '=', true)
        .where('active', '=', true);
      if (exceptId) query = query.where('id', '!=', exceptId);
      return query.executeTakeFirst();
    },

    /** Positions with their current holder (definitif first, else Plt/Plh), in code order for keyset paging. */
    jabatanWithHolders(pemdaId: string, filter: JabatanFilter) {
      let query = db
        .with('cur', (qc) => currentHolders(qc, pemdaId, filter.today))
        .selectFrom('jabatan as j')
        .leftJoin('cur', 'cur.jabatan_id', 'j.id')
        .select([
          ...jabatanColumns,
          'cur.holder_id',
          'cur.pegawai_id as holder_pegawai_id',
          'cur.pegawai_name as holder_name',
          'cur.gelar_depan as holder_gelar_depan',
          'cur.gelar_belakang as holder_gelar_belakang',
          'cur.nip as holder_nip',
          'cur.holder_kind',
          'cur.start_date as holder_start_date',
          'cur.end_date as holder_end_date',
          'cur.sk_number as holder_sk_number',
        ])
        .where('j.pemda_id', '=', pemdaId)
        .orderBy('j.code');
      if (filter.ids) query = query.where('j.id', 'in', filter.ids);
      if (filter.activeOnly) query = query.where('j.active', '=', true);
      if (filter.opdId) query = query.where('j.opd_id', '=', filter.opdId);
      if (filter.kind) query = query.where('j.kind', '=', filter.kind);
      if (filter.vacant === true) query = query.where(sql<SqlBool>`cur.holder_kind is distinct from 'definitif'`);
      if (filter.vacant === false) query = query.where('cur.holder_kind', '=', 'definitif');
      if (filter.afterCode) query = query.where('j.code', '>', filter.afterCode);
      if (filter.limit) query = query.limit(filter.limit);
      return query.execute();
    },

    insertJabatan(pemdaId: string, values: Omit<JabatanRow, 'pemda_id' | 'id' | 'active'>): Promise<{ id: string }> {
      return db.insertInto('jabatan').values({ pemda_id: pemdaId, ...values }).returning('id').executeTakeFirstOrThrow();
    },

    async updateJabatan(pemdaId: string, jabatanId: string, values: Omit<JabatanRow, 'pemda_id' | 'id'>): Promise<void> {
      await db.updateTable('jabatan').set({ ...values, updated_at: new Date() }).where('pemda_id', '=', pemdaId).where('id', '=', jabatanId).execute();
    },

    // ---- Holders ----
    findHolder(pemdaId: string, holderId: string): Promise<HolderRow | undefined> {
      return db.selectFrom('jabatan_holder as h').select(holderColumns).where('h.pemda_id', '=', pemdaId).where('h.id', '=', holderId).executeTakeFirst();
    },

    /** Holders of a position that have not ended by `from` (they would overlap a term starting then). */
    holdersOfJabatan(pemdaId: string, jabatanId: string, from: string) {
      return db
        .selectFrom('jabatan_holder as h')
        .select(holderColumns)
        .where('h.pemda_id', '=', pemdaId)
        .where('h.jabatan_id', '=', jabatanId)
        .where(holderNotEnded('h', from))
        .orderBy('h.start_date')
        .execute();
    },

    /** The pegawai's definitif holdings not ended by `from`, i.e. the position(s) a new appointment replaces. */
    definitifHoldingsOf(pemdaId: string, pegawaiId: string, from: string) {
      return db
        .selectFrom('jabatan_holder as h')
        .innerJoin('jabatan as j', (join) => join.onRef('j.pemda_id', '=', 'h.pemda_id').onRef('j.id', '=', 'h.jabatan_id'))
        .select([...holderColumns, 'j.name as jabatan_name'])
        .where('h.pemda_id', '=', pemdaId)
        .where('h.pegawai_id', '=', pegawaiId)
        .where('h.kind', '=', 'definitif')
        .where(holderNotEnded('h', from))
        .execute();
    },

    insertHolder(pemdaId: string, values: Omit<HolderRow, 'pemda_id' | 'id' | 'end_date'>): Promise<HolderRow> {
      return db
        .insertInto('jabatan_holder')
        .values({ pemda_id: pemdaId, ...values, end_date: null })
        .returning(['id', 'pemda_id', 'pegawai_id', 'jabatan_id', 'kind', 'start_date', 'end_date', 'sk_number'])
        .executeTakeFirstOrThrow();
    },

    async endHolder(pemdaId: string, holderId: string, endDate: string): Promise<void> {
      await db.updateTable('jabatan_holder').set({ end_date: endDate }).where('pemda_id', '=', pemdaId).where('id', '=', holderId).execute();
    },

    /** A holder with the names a screen needs (pegawai, position, OPD). */
    holderDetail(pemdaId: string, holderId: string) {
      return db
        .selectFrom('jabatan_holder as h')
        .innerJoin('pegawai as p', (join) => join.onRef('p.pemda_id', '=', 'h.pemda_id').onRef('p.id', '=', 'h.pegawai_id'))
        .select([...holderColumns, 'p.name as pegawai_name', 'p.gelar_depan', 'p.gelar_belakang', 'p.nip'])
        .where('h.pemda_id', '=', pemdaId)
        .where('h.id', '=', holderId)
        .executeTakeFirst();
    },

    // ---- Pegawai ----
    /**
     * The search behind GET /pegawai. Must stay index-driven at 50,000 pegawai: words use the pg_trgm GIN index
     * pegawai_search_trgm, a NIP prefix the (pemda_id, nip) index, and no search the (pemda_id, name, id) index.
     */
    searchPegawaiQuery(pemdaId: string, search: PegawaiSearch) {
      let query = db
        .selectFrom('pegawai as p')
        .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'p.pemda_id').onRef('o.id', '=', 'p.opd_id'))
        .select(['p.id', 'p.nip', 'p.name', 'p.gelar_depan', 'p.gelar_belakang', 'p.status', 'p.golongan', 'p.opd_id', 'o.name as opd_name'])
        .where('p.pemda_id', '=', pemdaId);
      for (const word of search.words) query = query.where('p.search_text', 'like', likeContains(word));
      if (search.nipPrefix) {
        query = query.where('p.nip', '>=', search.nipPrefix);
        const upper = nipPrefixUpperBound(search.nipPrefix);
        if (upper) query = query.where('p.nip', '<', upper);
      }
      if (search.opdId) query = query.where('p.opd_id', '=', search.opdId);
      if (search.status) query = query.where('p.status', '=', search.status);
      if (!search.includeInactive) query = query.where('p.active', '=', true);
      const after = search.after;
      if (after) query = query.where((eb) => eb(eb.refTuple('p.name', 'p.id'), '>', eb.tuple(after.name, after.id)));
      return query.orderBy('p.name').orderBy('p.id').limit(search.limit);
    },

    /** The position each pegawai holds today: definitif first, else Plt/Plh (one row per pegawai). */
    currentJabatanOf(pemdaId: string, pegawaiIds: string[], today: string) {
      if (pegawaiIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('jabatan_holder as h')
        .innerJoin('jabatan as j', (join) => join.onRef('j.pemda_id', '=', 'h.pemda_id').onRef('j.id', '=', 'h.jabatan_id'))
        .distinctOn('h.pegawai_id')
        .select(['h.pegawai_id', 'h.kind', 'j.name as jabatan_name'])
        .where('h.pemda_id', '=', pemdaId)
        .where('h.pegawai_id', 'in', pegawaiIds)
        .where('h.start_date', '<=', today)
        .where(holderNotEnded('h', today))
        .orderBy('h.pegawai_id')
        .orderBy(sql`h.kind <> 'definitif'`)
        .orderBy('h.start_date', 'desc')
        .execute();
    },

    findPegawai(pemdaId: string, pegawaiId: string) {
      return db
        .selectFrom('pegawai as p')
        .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'p.pemda_id').onRef('o.id', '=', 'p.opd_id'))
        .select([...pegawaiColumns, 'o.name as opd_name'])
        .where('p.pemda_id', '=', pemdaId)
        .where('p.id', '=', pegawaiId)
        .executeTakeFirst();
    },

    pegawaiHistory(pemdaId: string, pegawaiId: string) {
      return db
        .selectFrom('jabatan_holder as h')
        .innerJoin('jabatan as j', (join) => join.onRef('j.pemda_id', '=', 'h.pemda_id').onRef('j.id', '=', 'h.jabatan_id'))
        .innerJoin('opd as o', (join) => join.onRef('o.pemda_id', '=', 'j.pemda_id').onRef('o.id', '=', 'j.opd_id'))
        .select([...holderColumns, 'j.name as jabatan_name', 'o.name as opd_name'])
        .where('h.pemda_id', '=', pemdaId)
        .where('h.pegawai_id', '=', pegawaiId)
        .orderBy('h.start_date', 'desc')
        .orderBy('h.id')
        .execute();
    },

    async nipTaken(pemdaId: string, nip: string, exceptId?: string): Promise<boolean> {
      let query = db.selectFrom('pegawai').select('id').where('pemda_id', '=', pemdaId).where('nip', '=', nip);
      if (exceptId) query = query.where('id', '!=', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    insertPegawai(pemdaId: string, values: PegawaiValues): Promise<{ id: string }> {
      return db.insertInto('pegawai').values({ pemda_id: pemdaId, ...values }).returning('id').executeTakeFirstOrThrow();
    },

    async updatePegawai(pemdaId: string, pegawaiId: string, values: Partial<PegawaiValues>): Promise<void> {
      await db.updateTable('pegawai').set({ ...values, updated_at: new Date() }).where('pemda_id', '=', pemdaId).where('id', '=', pegawaiId).execute();
    },
  };
}

export type StaffRepository = ReturnType<typeof staffRepository>;
export type JabatanWithHolderRow = Awaited<ReturnType<StaffRepository['jabatanWithHolders']>>[number];
export type PegawaiDetailRow = NonNullable<Awaited<ReturnType<StaffRepository['findPegawai']>>>;
export type PegawaiHistoryRow = Awaited<ReturnType<StaffRepository['pegawaiHistory']>>[number];
export type PegawaiSearchRow = Awaited<ReturnType<ReturnType<StaffRepository['searchPegawaiQuery']>['execute']>>[number];
export type HolderDetailRow = NonNullable<Awaited<ReturnType<StaffRepository['holderDetail']>>>;
