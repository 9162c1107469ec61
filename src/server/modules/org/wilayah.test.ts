import { describe, expect, it } from 'vitest';
import { timezoneOfProvince } from './wilayah';

describe('timezoneOfProvince', () => {
  it('puts the four seed regions in their real time zones', () => {
    expect(timezoneOfProvince('19')).toBe('Asia/Jakarta'); // Bangka Belitung: Pangkal Pinang
    expect(timezoneOfProvince('61')).toBe('Asia/Jakarta'); // Kalimantan Barat: Singkawang
    expect(timezoneOfProvince('53')).toBe('Asia/Makassar'); // NTT: Kupang
    expect(timezoneOfProvince('73')).toBe('Asia/Makassar'); // Sulawesi Selatan: Pangkep
    expect(timezoneOfProvince('64')).toBe('Asia/Makassar'); // Kalimantan Timur
    expect(timezoneOfProvince('81')).toBe('Asia/Jayapura'); // Maluku
    expect(timezoneOfProvince('94')).toBe('Asia/Jayapura'); // Papua
  });
});
