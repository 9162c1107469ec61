import { COMPLAINT_STATUS_LABELS, type TComplaintStatus } from '../../../contracts/complaints';
import type { CatalogueEntry } from './catalogue';
import type { EventKind } from './tables';
import { toXml, type XmlNode, type XmlValue } from './xml';

/**
 * Presenters for Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) and mySociety's servicerequestupdates
 * extension. Field names, order and types follow the spec; codes and ids are strings; dates are w3 datetimes
 * with the Pemda's UTC offset.
 */
export type Format = 'xml' | 'json';
export const SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';
export const CHANGESET = '2026-01-01T00:00:00+07:00';

const OFFSETS: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

/** 2026-03-01T10:15:30+07:00: the instant in the Pemda's zone, seconds precision (w3 note). */
export function w3(instant: Date, timezone: string): string {
  const offset = OFFSETS[timezone] ?? '+07:00';
  const hours = Number(offset.slice(0, 3));
  const shifted = new Date(instant.getTime() + hours * 3_600_000);
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

/** The end of a local due date, as a w3 datetime (expected_datetime). */
export function endOfLocalDay(date: string, timezone: string): string {
  return `${date}T23:59:59${OFFSETS[timezone] ?? '+07:00'}`;
}

/** Our statuses on the spec's two (GeoReport v2: open = reported, closed = resolved). */
export function open311Status(status: TComplaintStatus): 'open' | 'closed' {
  return status === 'received' || status === 'verified' || status === 'in_progress' || status === 'followed_up' ? 'open' : 'closed';
}

/** The mySociety extension's richer statuses for the update feed. */
export function updateStatus(status: TComplaintStatus, kind: EventKind): string {
  if (kind === 'rerouted') return 'internal_referral';
  switch (status) {
    case 'received':
      return 'open';
    case 'verified':
      return 'investigating';
    case 'in_progress':
      return 'in_progress';
    case 'followed_up':
      return 'action_scheduled';
    case 'closed':
      return 'fixed';
    case 'invalid':
      return 'no_further_action';
    case 'transferred':
      return 'not_councils_responsibility';
    case 'merged':
      return 'duplicate';
    default:
      return 'closed';
  }
}

export function statusText(status: TComplaintStatus): string {
  return COMPLAINT_STATUS_LABELS[status].id;
}

export interface Rendered {
  contentType: string;
  body: string;
}

export function render(format: Format, root: string, item: string | null, value: XmlNode | XmlNode[]): Rendered {
  if (format === 'json') return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
  const xmlValue: XmlValue = Array.isArray(value) ? { $list: item ?? 'item', items: value } : value;
  return { contentType: 'text/xml; charset=utf-8', body: toXml(root, xmlValue) };
}

export function renderErrors(format: Format, errors: Array<{ code: number; description: string }>): Rendered {
  return render(format, 'errors', 'error', errors.map((e) => ({ code: e.code, description: e.description })));
}

export function discovery(format: Format, baseUrl: string, contact: string): Rendered {
  const endpoint = { specification: SPEC_URL, url: baseUrl, changeset: CHANGESET, type: 'production' };
  if (format === 'json') {
    return render('json', 'discovery', null, { changeset: CHANGESET, contact, key_service: `${baseUrl} (pamong open311 key create NAME)`, endpoints: [{ ...endpoint, formats: ['text/xml', 'application/json'] }] } as unknown as XmlNode);
  }
  return render('xml', 'discovery', null, {
    changeset: CHANGESET,
    contact,
    key_service: `${baseUrl} (pamong open311 key create NAME)`,
    endpoints: { $list: 'endpoint', items: [{ ...endpoint, formats: { $list: 'format', items: ['text/xml', 'application/json'] } }] },
  });
}

export function serviceNode(service: CatalogueEntry): XmlNode {
  return {
    service_code: service.code,
    service_name: service.name,
    description: service.description,
    metadata: service.attributes.length > 0,
    type: 'realtime',
    keywords: service.keywords.join(', '),
    group: service.group,
  };
}

export function serviceDefinition(format: Format, service: CatalogueEntry): Rendered {
  const attributes = [...service.attributes]
    .sort((a, b) => a.order - b.order)
    .map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatypeDescription,
      order: a.order,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    }));
  if (format === 'json') return render('json', 'service_definition', null, { service_code: service.code, attributes } as unknown as XmlNode);
  return render('xml', 'service_definition', null, {
    service_code: service.code,
    attributes: {
      $list: 'attribute',
      items: attributes.map((a) => ({ ...a, values: { $list: 'value', items: a.values } })),
    },
  });
}

export interface RequestRow {
  code: string;
  status: TComplaintStatus;
  statusNotes: string | null;
  serviceName: string;
  serviceCode: string;
  description: string;
  agency: string;
  serviceNotice: string | null;
  createdAt: Date;
  updatedAt: Date;
  resolveDue: string;
  address: string | null;
  addressId: string | null;
  lat: number | null;
  lng: number | null;
  mediaUrl: string | null;
}

/** One request in the order of the spec's response table; numbers stay numbers (lat, long). */
export function requestNode(row: RequestRow, timezone: string): XmlNode {
  const open = open311Status(row.status) === 'open';
  return {
    service_request_id: row.code,
    status: open311Status(row.status),
    status_notes: row.statusNotes ?? statusText(row.status),
    service_name: row.serviceName,
    service_code: row.serviceCode,
    description: row.description,
    agency_responsible: row.agency,
    service_notice: row.serviceNotice,
    requested_datetime: w3(row.createdAt, timezone),
    updated_datetime: w3(row.updatedAt, timezone),
    expected_datetime: open ? endOfLocalDay(row.resolveDue, timezone) : null,
    address: row.address,
    address_id: row.addressId,
    zipcode: null,
    lat: row.lat,
    long: row.lng,
    media_url: row.mediaUrl,
  };
}
