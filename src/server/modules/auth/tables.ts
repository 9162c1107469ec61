import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../db/schema';
import type { Role } from '../../../contracts/roles';

export type SessionStage = 'full' | 'totp_enroll' | 'password_change';

export interface AppUserTable {
  pemda_id: string;
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: Exclude<Role, 'superadmin'>;
  opd_id: string | null;
  pegawai_id: string | null;
  totp_secret: string | null;
  /** Sealed secret of a set-up not yet confirmed (the factor in use stays totp_secret meanwhile). */
  totp_pending_secret: string | null;
  totp_enabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
}

export interface UserSessionTable {
  pemda_id: string;
  id: string;
  user_id: string;
  stage: SessionStage;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Generated<Timestamp>;
}

export interface PlatformUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  totp_secret: string | null;
  /** Sealed secret of a set-up not yet confirmed (the factor in use stays totp_secret meanwhile). */
  totp_pending_secret: string | null;
  totp_enabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface PlatformSessionTable {
  id: string;
  user_id: string;
  stage: SessionStage;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Generated<Timestamp>;
}

export interface AuthTables {
  app_user: AppUserTable;
  user_session: UserSessionTable;
  platform_user: PlatformUserTable;
  platform_session: PlatformSessionTable;
}
