import type { Insertable, Kysely } from 'kysely';
import type { DemoSeedContext } from '..';
import type { DB } from '../../db/schema';
import { inTransaction, systemCtx } from '../../http/context';
import { writeAudit } from '../../platform/audit';
import { addDays, loadCalendar, startOfLocalDay } from '../../platform/calendar';
import { pointInGeometry, validateGeometry, type Geometry } from '../../platform/geo';
import { ensureSlaClasses, invalidateCatalogue, upsertService, DEFAULT_SLA_CLASSES } from './catalogue';
import { newComplaintCode } from './intake';
import { DEMO_IKM_UNITS, DEMO_SERVICES, FAMILY_NAMES, GIVEN_NAMES, STREETS } from './seed-content';
import type { ComplaintStatus, EventKind } from './tables';

/**
 * The demo Pemda's year of public complaints and IKM answers: the catalogue, about 2,400 complaints spread over
 * its kelurahan (points drawn inside their polygons), handled on time mostly, late sometimes, a few still overdue;
 * replies, re-routings, merged duplicates; and survey answers for eight service units. Deterministic for a given
 * day: every choice comes from the seeded random source.
 */
const COMPLAINTS = 2400;

function seededUuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function seededCode(rnd: () => number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `LPR-${Array.from({ length: 8 }, () => alphabet[Math.floor(rnd() * 32)]).join('')}`;
}

async function insertChunked<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    // Kysely cannot narrow a generic table name; the rows were typed against that table above.
    await db.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
  }
}

interface Shape {
  kode: string;
  kecamatan: string | null;
  geometry: Geometry;
  bbox: [number, number, number, number];
  weight: number;
}

function bboxOf(geometry: Geometry): [number, number, number, number] {
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates as number[][][]] : (geometry.coordinates as number[][][][]);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const polygon of rings) for (const [x, y] of (polygon[0] ?? []) as Array<[number, number]>) { xs.push(x); ys.push(y); }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export async function seedComplaintsDemo(seed: DemoSeedContext): Promise<void> {
  const { db, pemdaId } = seed;
  const rnd = seed.random;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const exists = await db.selectFrom('complaint_service').select('code').where('pemda_id', '=', pemdaId).limit(1).executeTakeFirst();
  if (exists) return;
  const opds = await db.selectFrom('opd').select(['id', 'code', 'name', 'kind', 'wilayah_kode']).where('pemda_id', '=', pemdaId).where('active', '=', true).execute();
  const opdByCode = new Map(opds.map((o) => [o.code, o]));
  const officeByWilayah = new Map(opds.filter((o) => o.wilayah_kode).map((o) => [o.wilayah_kode as string, o.id]));
  const fallbackOpd = opds.find((o) => o.kind === 'sekretariat') ?? opds[0];
  if (!fallbackOpd) return;
  const services = DEMO_SERVICES.filter((s) => s.opdCode === null || opdByCode.has(s.opdCode));
  const ctx = systemCtx(db, 'seed:complaints');
  await ensureSlaClasses(db, pemdaId);
  await inTransaction(ctx, async (tx) => {
    for (const [i, s] of services.entries()) {
      const { opdCode: _opd, weight: _w, texts: _t, replies: _r, ...rest } = s;
      await upsertService(tx, pemdaId, { ...rest, opdId: s.opdCode ? (opdByCode.get(s.opdCode)?.id ?? null) : null }, 'create');
      await tx.db.updateTable('complaint_service').set({ sort_order: i }).where('pemda_id', '=', pemdaId).where('code', '=', s.code).execute();
    }
  });
  invalidateCatalogue(pemdaId);

  const wilayah = await db.selectFrom('wilayah').select(['kode', 'parent_kode', 'geometry']).where('pemda_id', '=', pemdaId).where('level', 'in', ['kelurahan', 'desa']).orderBy('kode').execute();
  const shapes: Shape[] = [];
  for (const w of wilayah) {
    const geometry = validateGeometry(w.geometry);
    if (geometry) shapes.push({ kode: w.kode, kecamatan: w.parent_kode, geometry, bbox: bboxOf(geometry), weight: 0.3 + rnd() * 2.2 });
  }
  const totalWeight = shapes.reduce((a, s) => a + s.weight, 0);
  const pickShape = (): Shape | null => {
    if (shapes.length === 0) return null;
    let r = rnd() * totalWeight;
    for (const s of shapes) { r -= s.weight; if (r <= 0) return s; }
    return shapes[shapes.length - 1] as Shape;
  };
  const pointIn = (shape: Shape): [number, number] => {
    for (let i = 0; i < 200; i += 1) {
      const x = shape.bbox[0] + rnd() * (shape.bbox[2] - shape.bbox[0]);
      const y = shape.bbox[1] + rnd() * (shape.bbox[3] - shape.bbox[1]);
      if (pointInGeometry([x, y], shape.geometry)) return [x, y];
    }
    return [(shape.bbox[0] + shape.bbox[2]) / 2, (shape.bbox[1] + shape.bbox[3]) / 2];
  };
  const serviceWeight = services.reduce((a, s) => a + s.weight, 0);
  const pickService = () => {
    let r = rnd() * serviceWeight;
    for (const s of services) { r -= s.weight; if (r <= 0) return s; }
    return services[0] as (typeof services)[number];
  };
  const sla = new Map(DEFAULT_SLA_CLASSES.map((c) => [c.code, c]));
  const calendar = await loadCalendar(db, pemdaId);
  const timezone = calendar.timezone;
  const now = new Date();
  const today = calendar.today(now);
  const workingAt = (from: string, days: number, hour: number) => {
    const date = calendar.addWorkingDays(from, days);
    return { date, at: new Date(startOfLocalDay(date, timezone).getTime() + hour * 3_600_000) };
  };
  // Weaker OPDs answer late more often, so compliance differs between OPDs.
  const slowness = new Map(opds.map((o) => [o.id, rnd() * 0.5]));

  const complaints: Insertable<DB['complaint']>[] = [];
  const events: Insertable<DB['complaint_event']>[] = [];
  const usedCodes = new Set<string>();
  for (let i = 0; i < COMPLAINTS; i += 1) {
    const service = pickService();
    const shape = pickShape();
    const daysAgo = Math.floor(Math.pow(rnd(), 1.15) * 365);
    const receivedOn = addDays(today, -daysAgo);
    const created = new Date(startOfLocalDay(receivedOn, timezone).getTime() + (7 + rnd() * 13) * 3_600_000);
    if (created > now) continue;
    const klass = sla.get(service.slaClass) ?? (DEFAULT_SLA_CLASSES[0] as (typeof DEFAULT_SLA_CLASSES)[number]);
    let opdId = service.opdCode ? (opdByCode.get(service.opdCode)?.id ?? fallbackOpd.id) : fallbackOpd.id;
    if (service.territorial && shape) opdId = officeByWilayah.get(shape.kode) ?? (shape.kecamatan ? officeByWilayah.get(shape.kecamatan) : undefined) ?? opdId;
    const id = seededUuid(rnd);
    let code = seededCode(rnd);
    while (usedCodes.has(code)) code = newComplaintCode();
    usedCodes.add(code);
    const point = shape ? pointIn(shape) : null;
    const anonymous = rnd() < 0.35;
    const slow = (slowness.get(opdId) ?? 0) + rnd() * 0.6;
    const push = (kind: EventKind, status: ComplaintStatus, at: Date, body: string | null, isPublic = true, extra: { opd_from?: string; opd_to?: string } = {}) => {
      if (at <= now) events.push({ pemda_id: pemdaId, complaint_id: id, kind, public: isPublic, status, body, opd_from: extra.opd_from ?? null, opd_to: extra.opd_to ?? null, actor_user_id: null, created_at: at });
    };
    push('received', 'received', created, null, true, { opd_to: opdId });
    let status: ComplaintStatus = 'received';
    let verifiedAt: Date | null = null;
    let firstAt: Date | null = null;
    let closedAt: Date | null = null;
    let notes: string | null = null;
    let last = created;
    const verify = workingAt(receivedOn, Math.max(0, Math.round(slow * 4)), 9 + rnd() * 6);
    if (verify.at <= now) {
      verifiedAt = verify.at;
      status = 'verified';
      last = verify.at;
      push('verified', 'verified', verify.at, 'Pengaduan Anda telah diverifikasi dan diteruskan kepada perangkat daerah yang menangani.');
      if (rnd() < 0.06 && service.opdCode !== 'INSPEKTORAT') {
        const target = pick(opds);
        if (target.id !== opdId) {
          push('rerouted', 'verified', new Date(verify.at.getTime() + 3_600_000), `Dialihkan kepada ${target.name}: kewenangan ada pada perangkat daerah tersebut.`, true, { opd_from: opdId, opd_to: target.id });
          opdId = target.id;
        }
      }
      const respond = workingAt(verify.date, Math.max(1, Math.round(slow * 6)), 10 + rnd() * 5);
      if (respond.at <= now && rnd() < 0.97) {
        firstAt = respond.at;
        status = 'followed_up';
        last = respond.at;
        push('reply', 'followed_up', respond.at, pick(service.replies));
        const resolveDays = Math.max(1, Math.round(klass.resolveDays * (0.1 + slow * 0.9 + (rnd() < 0.08 ? 0.6 : 0))));
        const resolve = workingAt(receivedOn, resolveDays, 11 + rnd() * 5);
        const outcome = rnd();
        if (resolve.at <= now && resolve.at > respond.at) {
          closedAt = resolve.at;
          last = resolve.at;
          if (outcome < 0.9) {
            status = 'closed';
            notes = 'Selesai ditindaklanjuti.';
            push('closed', 'closed', resolve.at, 'Pengaduan telah selesai ditindaklanjuti. Terima kasih atas laporan Anda.');
          } else if (outcome < 0.96) {
            status = 'transferred';
            notes = 'Kewenangan instansi vertikal; dialihkan.';
            push('invalid', 'transferred', resolve.at, 'Permasalahan ini kewenangan instansi vertikal dan telah diteruskan kepada instansi tersebut.');
          } else {
            status = 'invalid';
            notes = 'Informasi tidak cukup untuk ditindaklanjuti.';
            push('invalid', 'invalid', resolve.at, 'Informasi tidak cukup untuk ditindaklanjuti; silakan lapor kembali dengan lokasi yang jelas.');
          }
        }
      }
    }
    const description = pick(service.texts).replace('{street}', pick(STREETS));
    const attributes: Record<string, string | string[]> = {};
    for (const a of service.attributes) {
      if (a.datatype === 'singlevaluelist') attributes[a.code] = pick(a.values).key;
      else if (a.datatype === 'multivaluelist') attributes[a.code] = [pick(a.values).key];
      else if (a.datatype === 'number') attributes[a.code] = String(Math.round(10 + rnd() * 90));
    }
    complaints.push({
      pemda_id: pemdaId,
      id,
      code,
      service_code: service.code,
      channel: rnd() < 0.8 ? 'web' : 'counter',
      client_id: null,
      status,
      status_notes: notes,
      description,
      attributes: JSON.stringify(attributes),
      lat: point ? Math.round(point[1] * 1e6) / 1e6 : null,
      lng: point ? Math.round(point[0] * 1e6) / 1e6 : null,
      address: `${pick(STREETS)}, ${shape ? 'Pangkal Pinang' : ''}`.trim(),
      address_id: null,
      kelurahan_kode: shape?.kode ?? null,
      kecamatan_kode: shape?.kecamatan ?? null,
      media_url: null,
      opd_id: opdId,
      reporter_name: anonymous ? null : `${pick(GIVEN_NAMES)} ${pick(FAMILY_NAMES)}`,
      reporter_contact: anonymous ? null : `08${Math.floor(100_000_000 + rnd() * 899_999_999)}`,
      reporter_email: null,
      device_id: null,
      account_id: null,
      anonymous,
      received_on: receivedOn,
      sla_class: klass.code,
      verify_due: calendar.addWorkingDays(receivedOn, klass.verifyDays),
      respond_due: calendar.addWorkingDays(receivedOn, klass.respondDays),
      resolve_due: calendar.addWorkingDays(receivedOn, klass.resolveDays),
      verified_at: verifiedAt,
      first_response_at: firstAt,
      closed_at: closedAt,
      merged_into: null,
      escalated_stage: null,
      created_at: created,
      updated_at: last,
    });
  }
  // A few duplicates merged into an earlier complaint of the same service.
  const open = complaints.filter((c) => c.status === 'received' || c.status === 'verified');
  for (const dup of open.slice(0, 12)) {
    const keeper = complaints.find((c) => c.service_code === dup.service_code && c.id !== dup.id && c.status !== 'merged' && (c.created_at as Date) < (dup.created_at as Date));
    if (!keeper) continue;
    dup.status = 'merged';
    dup.merged_into = keeper.id as string;
    dup.closed_at = new Date(Math.min(now.getTime(), (dup.created_at as Date).getTime() + 86_400_000));
    dup.status_notes = `Duplikat dari ${keeper.code}`;
    events.push({ pemda_id: pemdaId, complaint_id: dup.id as string, kind: 'merged', public: true, status: 'merged', body: `Pengaduan ini sama dengan ${keeper.code} dan digabung ke sana.`, opd_from: null, opd_to: null, actor_user_id: null, created_at: dup.closed_at });
  }
  // Keepers first: merged_into references them.
  complaints.sort((a, b) => (a.merged_into ? 1 : 0) - (b.merged_into ? 1 : 0));

  const units: Insertable<DB['ikm_unit']>[] = [];
  const responses: Insertable<DB['ikm_response']>[] = [];
  for (const u of DEMO_IKM_UNITS) {
    const opd = opdByCode.get(u.opdCode);
    if (!opd) continue;
    const unitId = seededUuid(rnd);
    units.push({ pemda_id: pemdaId, id: unitId, code: u.code, name: u.name, opd_id: opd.id, population: u.population });
    const quality = 2.6 + rnd() * 1.1;
    const count = 250 + Math.floor(rnd() * 450);
    for (let i = 0; i < count; i += 1) {
      const answer = (bias: number) => Math.max(1, Math.min(4, Math.round(quality + bias + (rnd() - 0.5) * 1.6)));
      const answers = [0.1, 0, -0.25, 0.35, 0, 0.05, 0.1, -0.2, -0.1].map(answer) as [number, number, number, number, number, number, number, number, number];
      responses.push({
        pemda_id: pemdaId,
        unit_id: unitId,
        answered_on: addDays(today, -Math.floor(rnd() * 365)),
        u1: answers[0], u2: answers[1], u3: answers[2], u4: answers[3], u5: answers[4], u6: answers[5], u7: answers[6], u8: answers[7], u9: answers[8],
        sex: rnd() < 0.5 ? 'L' : 'P',
        age_group: pick(['<20', '20-29', '30-39', '40-49', '50+']),
        education: pick(['sd', 'smp', 'sma', 'sma', 'd3', 's1', 's1', 's2']),
        occupation: pick(['pns', 'swasta', 'wirausaha', 'pelajar', 'lainnya']),
        complaint_id: null,
        suggestion: null,
      });
    }
  }

  await inTransaction(ctx, async (tx) => {
    await insertChunked(tx.db, 'complaint', complaints);
    await insertChunked(tx.db, 'complaint_event', events);
    await insertChunked(tx.db, 'ikm_unit', units);
    await insertChunked(tx.db, 'ikm_response', responses);
    await writeAudit(tx, { pemdaId, action: 'complaints.demo_seeded', entityType: 'pemda', entityId: pemdaId, detail: { services: services.length, complaints: complaints.length, events: events.length, ikmUnits: units.length, ikmResponses: responses.length } });
  });
  seed.log(`complaints: ${services.length} layanan, ${complaints.length} pengaduan, ${units.length} unit IKM, ${responses.length} jawaban survei`);
}
