import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, TENANT_ROLES, type Role } from '../../src/contracts/roles';
import { hashPassword } from '../../src/server/modules/auth/password';
import { createPlatformSession } from '../../src/server/modules/auth/session';
import { buildOpd, buildPegawai, buildPemda, buildUser } from '../factories';
import { createTestApp, type TestApp } from '../support/app';

/**
 * Every route against every role. The expected matrix is written out here by hand, on purpose: changing who may
 * do what must be done twice (policy and this table), so an accidental widening fails the build.
 * A module that adds a policy action adds its row here.
 */
const TENANT: readonly Role[] = TENANT_ROLES;
const PEMDA_WIDE: readonly Role[] = ['kepala_daerah', 'sekda', 'admin_pemda', 'bkpsdm', 'inspektorat'];
const EXPECTED: Record<string, readonly Role[] | 'public'> = {
  'system.health': 'public',
  'auth.login': 'public',
  'auth.self': ROLES,
  'users.manage': ['admin_pemda'],
  'platform.users.manage': ['superadmin'],
  'metrics.read': TENANT,
  'flags.read': PEMDA_WIDE,
  'audit.read': ['admin_pemda', 'inspektorat'],
  'org.read': TENANT,
  'org.manage': ['admin_pemda', 'bkpsdm'],
  'org.import': ['admin_pemda', 'bkpsdm'],
  'pemda.read': TENANT,
  'pemda.manage': ['admin_pemda'],
  'platform.pemda.manage': ['superadmin'],
  'budget.read': [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'],
  'budget.pemda.read': PEMDA_WIDE,
  'budget.plan.manage': ['admin_pemda'],
  'budget.realisasi.write': ['admin_pemda', 'kepala_opd', 'operator_opd'],
  'budget.revenue.write': ['admin_pemda'],
  'budget.iku.write': ['admin_pemda', 'kepala_opd', 'operator_opd'],
  'budget.postpone.propose': ['admin_pemda', 'kepala_daerah', 'sekda'],
  'budget.postpone.decide': ['kepala_daerah', 'sekda'],
  'indicators.read': TENANT,
  'indicators.manage': ['admin_pemda', 'kepala_opd', 'operator_opd'],
  'indicators.enter': ['admin_pemda', 'kepala_opd', 'operator_opd'],
  'indicators.walidata': ['admin_pemda', 'kepala_opd'],
  'interventions.manage': ['admin_pemda', 'kepala_opd', 'operator_opd'],
  'opendata.read': 'public',
  'calendar.read': TENANT,
  'calendar.manage': ['admin_pemda'],
  'notifications.self': TENANT,
  'coordination.read': [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'],
  'coordination.leader': PEMDA_WIDE,
  'coordination.directive.issue': ['kepala_daerah', 'sekda', 'kepala_opd'],
  'coordination.directive.review': ['kepala_daerah', 'sekda', 'kepala_opd'],
  'coordination.followup.write': ['kepala_opd', 'operator_opd'],
  'coordination.meeting.manage': ['kepala_daerah', 'sekda', 'admin_pemda'],
  'coordination.checkin': TENANT,
  'coordination.report.write': ['kepala_opd', 'operator_opd'],
  'coordination.delegation.manage': ['kepala_daerah', 'sekda'],
  'coordination.admin': ['admin_pemda'],
  'complaints.read': [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'],
  'complaints.handle': ['kepala_opd', 'operator_opd', 'sekda', 'admin_pemda'],
  'complaints.coordinate': ['sekda', 'admin_pemda'],
  'complaints.catalogue.manage': ['admin_pemda'],
  'complaints.open311.manage': ['admin_pemda'],
  'ikm.read': [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'],
  'ikm.manage': ['admin_pemda'],
  'neutrality.read': TENANT,
  'neutrality.calendar.manage': ['admin_pemda', 'bkpsdm'],
  'neutrality.settings.manage': ['admin_pemda'],
  'neutrality.pledge.sign': TENANT,
  'neutrality.pledge.progress': [...PEMDA_WIDE, 'kepala_opd'],
  'neutrality.campaign.manage': ['admin_pemda', 'bkpsdm'],
  'neutrality.report.internal': TENANT,
  'neutrality.report.enter': ['inspektorat', 'bkpsdm'],
  'neutrality.case.read': ['inspektorat', 'bkpsdm', 'kepala_daerah', 'sekda', 'kepala_opd'],
  'neutrality.case.handle': ['inspektorat', 'bkpsdm'],
  'neutrality.case.decide': ['kepala_daerah', 'sekda'],
  'neutrality.identity.view': PEMDA_WIDE,
  'neutrality.identity.reveal': ['inspektorat', 'bkpsdm'],
  'neutrality.sanction.read': ['inspektorat', 'bkpsdm', 'kepala_daerah', 'sekda'],
  'neutrality.stats.read': PEMDA_WIDE,
  'staffing.read': PEMDA_WIDE,
  'staffing.propose': ['bkpsdm'],
  'staffing.decide': ['kepala_daerah', 'sekda'],
  'staffing.execute': ['bkpsdm'],
  'staffing.quota.manage': ['admin_pemda', 'bkpsdm'],
  'attendance.self': TENANT,
  'attendance.read': ['kepala_daerah', 'sekda', 'admin_pemda', 'bkpsdm', 'kepala_opd', 'operator_opd'],
  'attendance.manage': ['admin_pemda', 'bkpsdm'],
  'attendance.roster': ['admin_pemda', 'bkpsdm', 'kepala_opd', 'operator_opd'],
  'attendance.leave.decide': ['bkpsdm', 'kepala_opd'],
  'discipline.read': ['kepala_daerah', 'sekda', 'bkpsdm', 'inspektorat', 'kepala_opd'],
  'discipline.manage': ['bkpsdm', 'inspektorat'],
  'discipline.decide': ['kepala_daerah', 'sekda', 'kepala_opd'],
  'tpp.read': ['kepala_daerah', 'sekda', 'admin_pemda', 'bkpsdm', 'kepala_opd', 'operator_opd'],
  'tpp.manage': ['bkpsdm'],
};

/** Path parameters that name a resource: filled with a resource of ANOTHER Pemda in the cross-tenant check. */
type Foreign = Record<string, string>;

let t: TestApp;
let home: { id: string };
let foreign: Foreign;
let platformUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  home = await buildPemda(t.database.db);
  const other = await buildPemda(t.database.db);
  const opd = await buildOpd(t.database.db, other.id);
  const pegawai = await buildPegawai(t.database.db, other.id, opd.id);
  const user = await buildUser(t.database.db, other.id, 'operator_opd', { opdId: opd.id });
  const unit = await t.database.db.insertInto('opd_unit').values({ pemda_id: other.id, opd_id: opd.id, parent_id: null, code: 'X-UNIT-1', name: 'Bidang X', kind: 'bidang' }).returning('id').executeTakeFirstOrThrow();
  const jabatan = await t.database.db
    .insertInto('jabatan')
    .values({ pemda_id: other.id, code: 'X-JAB-1', name: 'Kepala Bidang X', kind: 'administrator', kelas_jabatan: 11, opd_id: opd.id, unit_id: unit.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const holder = await t.database.db
    .insertInto('jabatan_holder')
    .values({ pemda_id: other.id, pegawai_id: pegawai.id, jabatan_id: jabatan.id, start_date: '2024-01-02', end_date: null, sk_number: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  foreign = { opdId: opd.id, pegawaiId: pegawai.id, userId: user.id, unitId: unit.id, jabatanId: jabatan.id, holderId: holder.id };
  const platform = await t.database.db.insertInto('platform_user').values({ email: 'root@pamong.test', name: 'Root', password_hash: await hashPassword('Root-Password-123') }).returning('id').executeTakeFirstOrThrow();
  platformUserId = platform.id;
});
afterAll(async () => t?.close());

async function sessionFor(role: Role): Promise<string> {
  if (role === 'superadmin') return createPlatformSession(t.database.db, platformUserId, 'full');
  const needsOpd = role === 'kepala_opd' || role === 'operator_opd' || role === 'pegawai';
  const opdId = needsOpd ? (await buildOpd(t.database.db, home.id)).id : null;
  return (await buildUser(t.database.db, home.id, role, { opdId })).cookie;
}

const ZERO_UUID = '00000000-0000-4000-8000-000000000000';
function fillParams(url: string, values: Record<string, string> = {}): string {
  return url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? (name === 'kind' ? 'pegawai' : name === 'code' ? 'XYZ' : ZERO_UUID));
}

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/v1') && r.url !== '/api/v1/openapi.json');

async function snapshot(): Promise<string> {
  const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(t.database.db);
  const counts: string[] = [];
  for (const { table_name } of tables.rows) {
    if (table_name === 'user_session' || table_name === 'platform_session') continue;
    const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)}`.execute(t.database.db);
    counts.push(`${table_name}=${row.rows[0]?.n}`);
  }
  const head = await sql<{ seq: number }>`SELECT coalesce(sum(seq), 0)::int AS seq FROM audit_head`.execute(t.database.db);
  return `${counts.join(',')};audit=${head.rows[0]?.seq}`;
}

describe('access matrix', () => {
  it('knows every action used by a route', () => {
    const unknown = [...new Set(apiRoutes().map((r) => r.action).filter((a): a is string => !!a && !(a in EXPECTED)))];
    expect(unknown, 'add these actions to EXPECTED in access-matrix.test.ts').toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(10);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const failures: string[] = [];
    for (const route of apiRoutes()) {
      if (route.public) continue;
      const res = await t.request({ method: route.method as 'GET', url: fillParams(route.url), payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      if (res.statusCode !== 401) failures.push(`${route.method} ${route.url} -> ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('allows exactly the expected roles on every route', { timeout: 180_000 }, async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      // One session per role; a route that may end the session (logout) gets its own.
      const shared = await sessionFor(role);
      for (const route of apiRoutes()) {
        if (route.public || !route.action) continue;
        const expected = EXPECTED[route.action];
        if (!expected || expected === 'public') continue;
        const cookie = route.url.endsWith('/logout') ? await sessionFor(role) : shared;
        const res = await t.request({ method: route.method as 'GET', url: fillParams(route.url), cookie, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
        const allowed = expected.includes(role);
        const denied = res.statusCode === 403;
        if (allowed && (denied || res.statusCode === 401)) failures.push(`${role} should be allowed ${route.method} ${route.url} but got ${res.statusCode}`);
        if (!allowed && !denied) failures.push(`${role} should be denied ${route.method} ${route.url} but got ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 for another Pemda's resources and changes nothing", { timeout: 180_000 }, async () => {
    const failures: string[] = [];
    const cookies = new Map<Role, string>();
    for (const role of TENANT_ROLES) cookies.set(role, await sessionFor(role));
    const before = await snapshot();
    for (const route of apiRoutes()) {
      const params = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      if (route.public || !route.action || !params.some((p) => p in foreign)) continue;
      const expected = EXPECTED[route.action];
      const role = Array.isArray(expected) ? expected.find((r) => r !== 'superadmin') : undefined;
      if (!role) continue;
      const cookie = cookies.get(role);
      const isRead = route.method === 'GET';
      const res = await t.request({ method: route.method as 'GET', url: fillParams(route.url, foreign), cookie, payload: isRead ? undefined : {} });
      // A write with an empty body may stop at validation (400) before the lookup; either way nothing may happen.
      const ok = isRead || route.method === 'PATCH' ? res.statusCode === 404 : res.statusCode === 404 || res.statusCode === 400;
      if (!ok) failures.push(`${role} ${route.method} ${route.url} on another Pemda -> ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
