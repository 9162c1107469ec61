import { defineNotificationKinds } from '../../platform/notifications';

export const NeutralityNotifications = defineNotificationKinds({
  'neutrality.case_new': { id: 'Laporan netralitas baru', en: 'New neutrality report' },
  'neutrality.case_update': { id: 'Perkembangan kasus netralitas', en: 'Neutrality case update' },
  'neutrality.case_deadline': { id: 'Tenggat tahap kasus netralitas', en: 'Neutrality case stage deadline' },
  'neutrality.reveal': { id: 'Permintaan pembukaan identitas pelapor', en: 'Reporter identity reveal request' },
  'neutrality.pledge_reminder': { id: 'Pengingat ikrar netralitas', en: 'Neutrality pledge reminder' },
});
