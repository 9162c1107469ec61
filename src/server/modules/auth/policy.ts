import { definePolicy } from '../../platform/policy';

export const AuthActions = definePolicy({
  'auth.login': { roles: [], public: true },
  'auth.self': {
    roles: ['superadmin', 'kepala_daerah', 'sekda', 'admin_pemda', 'bkpsdm', 'inspektorat', 'kepala_opd', 'operator_opd', 'pegawai'],
  },
  'users.manage': { roles: ['admin_pemda'] },
  /** The platform operator gives a new Pemda its first admin (afterwards the Pemda's admins manage accounts). */
  'platform.users.manage': { roles: ['superadmin'] },
});
