import { defineErrors } from '../../http/errors';

export const AuthErrors = defineErrors({
  AUTH_INVALID_CREDENTIALS: { status: 401, id: 'Email atau kata sandi salah.', en: 'Wrong e-mail or password.' },
  AUTH_TOTP_REQUIRED: { status: 401, id: 'Masukkan kode 6 digit dari aplikasi autentikator.', en: 'Enter the 6-digit code from your authenticator app.' },
  AUTH_TOTP_INVALID: { status: 401, id: 'Kode autentikator salah atau kedaluwarsa.', en: 'The authenticator code is wrong or expired.' },
  AUTH_LOCKED: { status: 423, id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit.', en: 'Account temporarily locked after too many failed attempts. Try again in {minutes} minutes.' },
  AUTH_PEMDA_REQUIRED: { status: 400, id: 'Email ini terdaftar di lebih dari satu Pemda; pilih kode Pemda.', en: 'This e-mail exists in more than one Pemda; give the Pemda code.' },
  AUTH_STAGE_TOTP_ENROLL: { status: 403, id: 'Aktifkan autentikasi dua langkah (TOTP) terlebih dahulu.', en: 'Set up two-step verification (TOTP) first.' },
  AUTH_STAGE_PASSWORD_CHANGE: { status: 403, id: 'Ganti kata sandi sementara Anda terlebih dahulu.', en: 'Change your temporary password first.' },
  AUTH_WRONG_PASSWORD: { status: 400, id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  AUTH_WEAK_PASSWORD_TOO_SHORT: { status: 400, id: 'Kata sandi minimal 10 karakter.', en: 'The password needs at least 10 characters.' },
  AUTH_WEAK_PASSWORD_TOO_COMMON: { status: 400, id: 'Kata sandi terlalu umum.', en: 'The password is too common.' },
  AUTH_WEAK_PASSWORD_CONTAINS_EMAIL: { status: 400, id: 'Kata sandi tidak boleh memuat alamat email.', en: 'The password must not contain the e-mail address.' },
  AUTH_TOTP_NOT_STARTED: { status: 400, id: 'Mulai pengaturan TOTP terlebih dahulu.', en: 'Start the TOTP setup first.' },
  USER_NOT_FOUND: { status: 404, id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  USER_EMAIL_TAKEN: { status: 409, id: 'Email {email} sudah dipakai pengguna lain di Pemda ini.', en: 'E-mail {email} is already used in this Pemda.' },
  USER_OPD_REQUIRED: { status: 400, id: 'Peran {role} harus terikat pada satu OPD.', en: 'Role {role} must belong to one OPD.' },
  USER_SELF_DEACTIVATE: { status: 400, id: 'Anda tidak dapat menonaktifkan akun sendiri.', en: 'You cannot deactivate your own account.' },
});
