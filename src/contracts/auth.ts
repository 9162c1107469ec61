import { z } from 'zod';
import { ZPlainText } from './common';
import { ZRole, ZTenantRole } from './roles';

export const ZLoginRequest = z.object({
  email: z.string().trim().max(254),
  password: z.string().min(1).max(200),
  totp: z.string().trim().regex(/^\d{6}$/).optional(),
  pemdaCode: z.string().regex(/^\d{2}\.\d{2}$/).optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionStage = z.enum(['full', 'totp_enroll', 'password_change']);

export const ZMe = z.object({
  kind: z.enum(['user', 'platform']),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  stage: ZSessionStage,
  /** An authenticator is confirmed on the account (a set-up in progress does not count). */
  totpEnabled: z.boolean(),
  opdId: z.string().nullable(),
  opdName: z.string().nullable(),
  pegawaiId: z.string().nullable(),
  pemda: z
    .object({ id: z.string(), kodeWilayah: z.string(), name: z.string(), kind: z.enum(['kota', 'kabupaten']), synthetic: z.boolean() })
    .nullable(),
  abilities: z.array(z.string()),
});
export type TMe = z.infer<typeof ZMe>;

export const ZLoginResponse = z.object({ stage: ZSessionStage, me: ZMe });

export const ZTotpSetupResponse = z.object({ uri: z.string(), secret: z.string(), qrSvg: z.string() });
export const ZTotpActivateRequest = z.object({ code: z.string().trim().regex(/^\d{6}$/) });
export const ZPasswordChangeRequest = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZTenantRole,
  opdId: z.string().nullable(),
  opdName: z.string().nullable(),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserCreateRequest = z.object({
  email: z.email().max(254),
  name: ZPlainText(200),
  role: ZTenantRole,
  opdId: z.uuid().nullable().optional(),
  pegawaiId: z.uuid().nullable().optional(),
});
/** The first admin of a Pemda, created by the platform operator: role admin_pemda, temporary password, TOTP at first sign-in. */
export const ZPlatformAdminCreateRequest = z.object({ email: z.email().max(254), name: ZPlainText(200) });
export const ZUserUpdateRequest = z.object({
  name: ZPlainText(200).optional(),
  role: ZTenantRole.optional(),
  opdId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export const ZUserCreatedResponse = z.object({ user: ZUser, temporaryPassword: z.string() });
