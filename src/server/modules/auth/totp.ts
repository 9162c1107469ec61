import { Secret, TOTP } from 'otpauth';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'Pamong', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/** Accepts the current code and one step either side for clock drift (RFC 6238 §5.2). */
export function verifyTotp(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secret, 'check').validate({ token: code, window: 1 }) !== null;
}

export function currentTotp(secret: string): string {
  return totpFor(secret, 'check').generate();
}
