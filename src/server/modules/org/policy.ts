import { ALL_TENANT, definePolicy, PEMDA_WIDE } from '../../platform/policy';

/**
 * Organisation data is readable by every account of the Pemda (a directory of OPDs and positions). Personal
 * contact data of pegawai (phone, e-mail, birth date) only for Pemda-wide roles, the heads/operators of the
 * pegawai's own OPD, and the pegawai themselves (UU PDP 27/2022 art. 7: the data subject may see their own data).
 * Changes belong to admin_pemda and BKPSDM; the Pemda profile (heads, boundaries) to admin_pemda.
 */
export const OrgActions = definePolicy({
  'org.read': { roles: ALL_TENANT },
  'org.pegawai.contact': {
    roles: [...PEMDA_WIDE, 'kepala_opd', 'operator_opd', 'pegawai'],
    check: (actor, resource) => {
      if (actor.role === 'pegawai') return actor.pegawaiId !== null && resource.pegawaiId === actor.pegawaiId;
      if (actor.role === 'kepala_opd' || actor.role === 'operator_opd') return resource.opdId === actor.opdId;
      return true;
    },
  },
  'org.manage': { roles: ['admin_pemda', 'bkpsdm'] },
  'org.import': { roles: ['admin_pemda', 'bkpsdm'] },
  'pemda.read': { roles: ALL_TENANT },
  'pemda.manage': { roles: ['admin_pemda'] },
  'platform.pemda.manage': { roles: ['superadmin'] },
});
