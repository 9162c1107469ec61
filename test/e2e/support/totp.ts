import { HOTP, Secret, TOTP, URI } from 'otpauth';

/**
 * TOTP codes for end-to-end journeys (the admin enrols TOTP on first login). Accepts either the base32
 * secret shown next to the QR code or the whole otpauth:// URI.
 */
export interface TotpOptions {
  /** Milliseconds since the epoch; defaults to now. */
  timestamp?: number;
  period?: number;
  digits?: number;
  algorithm?: string;
}

function toTotp(secretOrUri: string, options: TotpOptions): TOTP {
  const value = secretOrUri.trim();
  if (value.toLowerCase().startsWith('otpauth://')) {
    const otp = URI.parse(value);
    if (otp instanceof HOTP) throw new Error('expected an otpauth://totp/ URI, got a HOTP one');
    return otp;
  }
  return new TOTP({
    secret: Secret.fromBase32(value.replace(/[\s-]/g, '').toUpperCase()),
    period: options.period ?? 30,
    digits: options.digits ?? 6,
    algorithm: options.algorithm ?? 'SHA1',
  });
}

/** The current code for a base32 secret (or otpauth:// URI). */
export function totpCode(secretOrUri: string, options: TotpOptions = {}): string {
  const totp = toTotp(secretOrUri, options);
  return totp.generate(options.timestamp === undefined ? {} : { timestamp: options.timestamp });
}

/**
 * A code that differs from `previous` (servers refuse a code that was already used): waits for the next
 * time step when needed. Also waits when fewer than `minRemainingMs` are left in the current step, so the
 * code does not expire while the form is being submitted.
 */
export async function freshTotpCode(
  secretOrUri: string,
  previous?: string,
  { minRemainingMs = 3000, ...options }: TotpOptions & { minRemainingMs?: number } = {},
): Promise<string> {
  const period = toTotp(secretOrUri, options).period;
  for (;;) {
    const remaining = TOTP.remaining({ period });
    const code = totpCode(secretOrUri, options);
    if (code !== previous && remaining >= minRemainingMs) return code;
    await new Promise((resolve) => setTimeout(resolve, remaining + 50));
  }
}
