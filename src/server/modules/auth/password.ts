import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP 2023 minimum (19 MiB, 2 passes, 1 lane).
// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified when the account does not exist so both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('pamong-dummy-password');
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

const COMMON = new Set(['password123', '1234567890', 'qwertyuiop', 'pamong12345', 'admin12345', 'bismillah123']);

/** Returns a reason key when the password is too weak, or null. */
export function weakPasswordReason(password: string, email: string): 'too_short' | 'too_common' | 'contains_email' | null {
  if (password.length < 10) return 'too_short';
  if (COMMON.has(password.toLowerCase())) return 'too_common';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'contains_email';
  return null;
}
