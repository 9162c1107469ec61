import { ALL_TENANT, definePolicy, PEMDA_WIDE } from '../../platform/policy';

/**
 * Organisation data is readable by every account of the Pemda (a directory of OPDs and positions). Personal
 * contact data of pegawai (phone, e-mail, birth date) only for Pemda-wide roles and the heads/operators of the
 * pegawai's own OPD. Changes belong to admin_pemda and BKPSDM.
 */
export const OrgActions = definePolicy({
  'org.read': { roles: ALL_TENANT },
  'org.pegawai.contact': {
    roles: [...PEMDA_WIDE, 'kepala_opd', 'operator_opd'],
    check: (actor, resource) => ['kepala_opd', 'operator_opd'].includes(actor.role) ? resource.opdId === actor.opdId : true,
  },
  'org.manage': { roles: ['admin_pemda', 'bkpsdm'] },
  'org.import': { roles: ['admin_pemda', 'bkpsdm'] },
  'pemda.read': { roles: ALL_TENANT },
  'pemda.manage': { roles: ['admin_pemda'] },
  'platform.pemda.manage': { roles: ['superadmin'] },
});
