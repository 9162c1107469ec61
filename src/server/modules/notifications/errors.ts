import { defineErrors } from '../../http/errors';

export const NotificationErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { status: 404, id: 'Notifikasi tidak ditemukan.', en: 'Notification not found.' },
  NOTIFICATION_KIND_UNKNOWN: { status: 400, id: 'Jenis notifikasi {kind} tidak dikenal.', en: 'Unknown notification kind {kind}.' },
});
