import { defineErrors } from '../../http/errors';

export const ComplaintErrors = defineErrors({
  COMPLAINT_NOT_FOUND: { status: 404, id: 'Pengaduan tidak ditemukan.', en: 'Complaint not found.' },
  COMPLAINT_SERVICE_UNKNOWN: { status: 400, id: 'Jenis layanan {code} tidak dikenal.', en: 'Unknown service {code}.' },
  COMPLAINT_SERVICE_NOT_FOUND: { status: 404, id: 'Jenis layanan tidak ditemukan.', en: 'Service not found.' },
  COMPLAINT_SERVICE_EXISTS: { status: 409, id: 'Kode layanan {code} sudah dipakai.', en: 'Service code {code} is already used.' },
  COMPLAINT_SLA_UNKNOWN: { status: 400, id: 'Kelas tenggat {code} tidak dikenal.', en: 'Unknown deadline class {code}.' },
  COMPLAINT_SLA_EXISTS: { status: 409, id: 'Kode kelas tenggat {code} sudah dipakai.', en: 'Deadline class code {code} is already used.' },
  COMPLAINT_SLA_ORDER: { status: 400, id: 'Tenggat harus berurutan: verifikasi ≤ tindak lanjut pertama ≤ penyelesaian.', en: 'Deadlines must be in order: verification ≤ first follow-up ≤ resolution.' },
  OPEN311_CLIENT_NOT_FOUND: { status: 404, id: 'Aplikasi klien Open311 tidak ditemukan.', en: 'Open311 client application not found.' },
  COMPLAINT_OPD_UNKNOWN: { status: 400, id: 'Perangkat daerah tidak dikenal.', en: 'Unknown agency (OPD).' },
  COMPLAINT_DESCRIPTION_REQUIRED: { status: 400, id: 'Uraian pengaduan wajib diisi.', en: 'The description is required.' },
  COMPLAINT_DESCRIPTION_TOO_LONG: {
    status: 400,
    id: 'Uraian pengaduan terlalu panjang: {length} karakter, maksimal 4.000 karakter. Persingkat uraian Anda.',
    en: 'The description is too long: {length} characters, at most 4,000. Please shorten it.',
  },
  COMPLAINT_LOCATION_REQUIRED: { status: 400, id: 'Lokasi wajib diisi: pilih titik di peta, gunakan GPS, atau tulis alamat.', en: 'A location is required: tap the map, use GPS, or type an address.' },
  COMPLAINT_LOCATION_OUTSIDE: { status: 400, id: 'Titik lokasi berada di luar wilayah {pemda}.', en: 'The location is outside {pemda}.' },
  COMPLAINT_LOCATION_INVALID: { status: 400, id: 'Koordinat lokasi tidak valid (lat dan long harus dikirim berdua).', en: 'Invalid coordinates (send both lat and long).' },
  COMPLAINT_ATTRIBUTE_REQUIRED: { status: 400, id: 'Isian {code} wajib diisi.', en: 'Attribute {code} is required.' },
  COMPLAINT_ATTRIBUTE_INVALID: { status: 400, id: 'Isian {code} tidak valid.', en: 'Attribute {code} is not valid.' },
  COMPLAINT_TOO_MANY_PHOTOS: { status: 400, id: 'Paling banyak {max} foto.', en: 'At most {max} photos.' },
  COMPLAINT_STATE_CONFLICT: { status: 409, id: 'Pengaduan berstatus {status}: tindakan ini tidak dapat dilakukan.', en: 'The complaint is {status}: this action is not possible.' },
  COMPLAINT_MERGE_SELF: { status: 400, id: 'Pengaduan tidak dapat digabung dengan dirinya sendiri atau dengan pengaduan yang sudah digabung.', en: 'A complaint cannot be merged into itself or into a merged complaint.' },
  COMPLAINT_REROUTE_SAME: { status: 400, id: 'Pengaduan sudah ditangani perangkat daerah tersebut.', en: 'The complaint is already handled by that agency.' },
  COMPLAINT_CONTACT_INVALID: { status: 400, id: 'Kontak harus berupa nomor telepon atau alamat e-mail yang valid.', en: 'The contact must be a valid phone number or e-mail address.' },
  IKM_UNIT_NOT_FOUND: { status: 404, id: 'Unit layanan tidak ditemukan.', en: 'Service unit not found.' },
  IKM_UNIT_EXISTS: { status: 409, id: 'Kode unit layanan {code} sudah dipakai.', en: 'Unit code {code} is already used.' },
  IKM_PERIOD_INVALID: { status: 400, id: 'Periode tidak valid: gunakan YYYY, YYYY-MM, YYYY-Q1..Q4 atau YYYY-S1/S2.', en: 'Invalid period: use YYYY, YYYY-MM, YYYY-Q1..Q4 or YYYY-S1/S2.' },
});

/** Open311 GeoReport v2 errors, served as the spec's error list (<errors><error><code/><description/>). */
export const Open311Errors = defineErrors({
  OPEN311_JURISDICTION_REQUIRED: { status: 400, id: 'jurisdiction_id wajib diisi: layanan ini melayani lebih dari satu Pemda.', en: 'jurisdiction_id was not provided: this endpoint serves several jurisdictions.' },
  OPEN311_JURISDICTION_NOT_FOUND: { status: 404, id: 'jurisdiction_id {jurisdiction} tidak ditemukan.', en: 'jurisdiction_id {jurisdiction} was not found.' },
  OPEN311_API_KEY_INVALID: { status: 403, id: 'api_key tidak ada atau tidak valid.', en: 'Missing or invalid api_key.' },
  OPEN311_SERVICE_CODE_REQUIRED: { status: 400, id: 'service_code wajib diisi.', en: 'service_code was not provided.' },
  OPEN311_SERVICE_NOT_FOUND: { status: 404, id: 'service_code {code} tidak ditemukan.', en: 'service_code {code} was not found.' },
  OPEN311_REQUEST_NOT_FOUND: { status: 404, id: 'service_request_id {id} tidak ditemukan.', en: 'service_request_id {id} was not found.' },
  OPEN311_TOKEN_NOT_FOUND: { status: 404, id: 'Token {token} tidak ditemukan.', en: 'Token {token} was not found.' },
  OPEN311_DATE_INVALID: { status: 400, id: '{field} harus tanggal-waktu w3 dengan zona waktu, mis. 2026-01-01T00:00:00+07:00.', en: '{field} must be a w3 datetime with a time zone, e.g. 2026-01-01T00:00:00Z.' },
  OPEN311_DATE_SPAN: { status: 400, id: 'Rentang start_date sampai end_date paling lama 90 hari.', en: 'start_date to end_date may not span more than 90 days.' },
  OPEN311_STATUS_INVALID: { status: 400, id: 'status harus open atau closed.', en: 'status must be open or closed.' },
  OPEN311_NOT_FOUND: { status: 404, id: 'Alamat Open311 tidak dikenal. Format yang didukung: .xml dan .json.', en: 'Unknown Open311 path. Supported formats: .xml and .json.' },
  OPEN311_BAD_REQUEST: { status: 400, id: 'Permintaan tidak valid: {reason}', en: 'Bad request: {reason}' },
  OPEN311_RATE_LIMITED: { status: 429, id: 'Terlalu banyak permintaan dari alamat ini. Coba lagi nanti.', en: 'Too many requests from this address. Try again later.' },
});
