import { z } from 'zod';

/** Roles inside a Pemda, plus the platform superadmin who manages Pemdas. Camat and lurah are kepala_opd of their OPD. */
export const TENANT_ROLES = [
  'kepala_daerah',
  'sekda',
  'admin_pemda',
  'bkpsdm',
  'inspektorat',
  'kepala_opd',
  'operator_opd',
  'pegawai',
] as const;
export const ROLES = ['superadmin', ...TENANT_ROLES] as const;

export const ZRole = z.enum(ROLES);
export const ZTenantRole = z.enum(TENANT_ROLES);
export type Role = z.infer<typeof ZRole>;
export type TenantRole = z.infer<typeof ZTenantRole>;

/** Roles whose accounts must use a TOTP second factor. */
export const TOTP_REQUIRED_ROLES: ReadonlySet<Role> = new Set(['superadmin', 'kepala_daerah', 'sekda', 'admin_pemda']);

/** Roles tied to one OPD: their view is scoped to it. */
export const OPD_ROLES: ReadonlySet<Role> = new Set(['kepala_opd', 'operator_opd', 'pegawai']);

export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  superadmin: { id: 'Superadmin platform', en: 'Platform superadmin' },
  kepala_daerah: { id: 'Kepala Daerah', en: 'Regional head' },
  sekda: { id: 'Sekretaris Daerah', en: 'Regional secretary' },
  admin_pemda: { id: 'Admin Pemda', en: 'Pemda administrator' },
  bkpsdm: { id: 'BKPSDM', en: 'Personnel agency (BKPSDM)' },
  inspektorat: { id: 'Inspektorat', en: 'Inspectorate' },
  kepala_opd: { id: 'Kepala OPD', en: 'Head of OPD' },
  operator_opd: { id: 'Operator OPD', en: 'OPD operator' },
  pegawai: { id: 'Pegawai', en: 'Civil servant' },
};
