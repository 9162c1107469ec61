import { defineErrors } from '../../http/errors';

export const CalendarErrors = defineErrors({
  HOLIDAY_NOT_FOUND: { status: 404, id: 'Hari libur tidak ditemukan.', en: 'Holiday not found.' },
  HOLIDAY_YEAR: { status: 400, id: 'Tahun {year} di luar jangkauan kalender (2000–2100).', en: 'Year {year} is outside the calendar range (2000–2100).' },
  HOLIDAY_EXISTS: { status: 409, id: 'Hari libur "{name}" pada {date} sudah tercatat.', en: 'Holiday "{name}" on {date} is already recorded.' },
});
