import { defineNotificationKinds } from '../../platform/notifications';

export const CoordinationNotifications = defineNotificationKinds({
  'coordination.directive_issued': { id: 'Arahan baru untuk OPD saya', en: 'New directive for my OPD' },
  'coordination.followup_review': { id: 'Tindak lanjut menunggu pemeriksaan atau keputusan', en: 'Follow-up waiting for review or a decision' },
  'coordination.followup_reviewed': { id: 'Tindak lanjut diterima, dikembalikan atau diputuskan', en: 'Follow-up accepted, returned or decided' },
  'coordination.reminder': { id: 'Pengingat tenggat arahan', en: 'Directive due-date reminders' },
  'coordination.silent_opd': { id: 'OPD tidak melapor (diam)', en: 'OPD silent (no reports)' },
  'coordination.daily_digest': { id: 'Ringkasan harian pimpinan', en: "Leader's daily digest" },
  'coordination.meeting_invite': { id: 'Undangan rapat', en: 'Meeting invitation' },
});
