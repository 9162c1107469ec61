import { describe, expect, test } from 'vitest';
import { isActive, NAV, visibleNav } from './nav';

describe('nav registry', () => {
  test('paths are unique and absolute', () => {
    const paths = NAV.map((item) => item.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path.startsWith('/')).toBe(true);
  });

  test('every entry has both languages', () => {
    for (const item of NAV) {
      expect(item.label.id, item.path).not.toBe('');
      expect(item.label.en, item.path).not.toBe('');
    }
  });

  test('entries need their ability', () => {
    const pegawai = visibleNav(NAV, ['org.read']).map((i) => i.path);
    expect(pegawai).toContain('/opd');
    expect(pegawai).not.toContain('/pengguna');
    expect(pegawai).not.toContain('/impor');
    const admin = visibleNav(NAV, ['org.read', 'users.manage', 'org.import', 'audit.read', 'pemda.manage']).map((i) => i.path);
    expect(admin).toEqual(expect.arrayContaining(['/pengguna', '/impor', '/audit', '/pengaturan']));
    expect(visibleNav(NAV, []).map((i) => i.path)).toEqual(['/']);
  });

  test('active entry', () => {
    const home = NAV[0]!;
    const opd = NAV.find((i) => i.path === '/opd')!;
    expect(isActive(home, '/')).toBe(true);
    expect(isActive(home, '/opd')).toBe(false);
    expect(isActive(opd, '/opd/123')).toBe(true);
    expect(isActive(opd, '/opdx')).toBe(false);
  });
});
