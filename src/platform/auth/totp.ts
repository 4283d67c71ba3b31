import { generateSecret, generateSync, generateURI, verifySync } from "otplib";
import QRCode from "qrcode";

/**
 * TOTP (RFC 6238) second factor with otplib 13: HMAC-SHA-1, 6 digits, 30-second steps, the
 * only combination every authenticator app supports. Secrets are base32 strings of 20 random
 * bytes (160 bits, the RFC 4226 recommendation).
 *
 * otplib 13 notes (it is a rewrite of v12, whose `authenticator` object is gone):
 * - the functional API (`generateSync`, `verifySync`, `generateURI`, `generateSecret`) takes
 *   the time as `epoch` in SECONDS, not a Date or milliseconds;
 * - the drift window is `epochTolerance`, also in seconds, not a number of steps; with
 *   `epochTolerance` equal to the period the checked steps are exactly current − 1 to
 *   current + 1, wherever in its step `epoch` falls;
 * - `verifySync` returns `{ valid, delta, timeStep, epoch }`, not a boolean;
 * - its replay guard `afterTimeStep` THROWS when the value is above the last step of the
 *   window (e.g. after the server clock went back), and it cannot tell "replayed" from
 *   "wrong", so `verifyTotp` decides those cases itself;
 * - secrets shorter than 16 bytes are refused with an exception (guardrails);
 * - it only checks the code's length, so the digits-only check is ours.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ISSUER = "Woonsignaal";
const SECRET_BYTES = 20;

const OPTIONS = {
  algorithm: "sha1",
  digits: TOTP_DIGITS,
  period: TOTP_PERIOD_SECONDS,
} as const;

/** A new base32 TOTP secret of 160 bits (32 characters, no padding). */
export function createTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** The otpauth:// URI that enrolment shows as a QR code (and as text, for manual entry). */
export function totpUri(options: { secret: string; accountName: string; issuer?: string }): string {
  return generateURI({
    ...OPTIONS,
    issuer: options.issuer ?? TOTP_ISSUER,
    label: options.accountName,
    secret: options.secret,
  });
}

/** The URI as an SVG QR code, to embed in the enrolment page. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M" });
}

/** The RFC 6238 time step of an instant: floor(unix seconds / 30). */
export function totpStep(now: Date): number {
  return Math.floor(epochSeconds(now) / TOTP_PERIOD_SECONDS);
}

/** The code an authenticator app shows at `now` (for tests and the demo). */
export function totpCodeAt(secret: string, now: Date): string {
  return generateSync({ ...OPTIONS, secret, epoch: epochSeconds(now) });
}

export type TotpVerification =
  | { ok: true; step: number }
  | { ok: false; reason: "malformed" | "invalid" | "replayed" };

/**
 * Checks a code typed by the user at `now`.
 *
 * - Spaces are removed ("123 456" is how apps show codes); what is left must be 6 digits,
 *   else `malformed`.
 * - Codes of the current step and one step either side are accepted (clock drift, and the
 *   time it takes to type).
 * - On success, `step` is the matched time step: the caller stores it as `lastUsedStep` and
 *   passes it on the next verification, which then refuses any code of that step or an
 *   earlier one as `replayed` (RFC 6238 §5.2: a code is accepted at most once). The caller
 *   must store it atomically with the login, so that two concurrent requests with the same
 *   code cannot both succeed.
 *
 * Pure given `now`. Throws only when the secret itself is unusable (not base32, too short).
 */
export function verifyTotp(options: {
  secret: string;
  code: string;
  now: Date;
  lastUsedStep?: number | null;
}): TotpVerification {
  const code = options.code.replace(/\s+/g, "");
  if (!/^[0-9]{6}$/.test(code)) return { ok: false, reason: "malformed" };

  const epoch = epochSeconds(options.now);
  const base = {
    ...OPTIONS,
    secret: options.secret,
    token: code,
    epoch,
    epochTolerance: TOTP_PERIOD_SECONDS,
  };
  const lastUsed = options.lastUsedStep ?? null;
  if (lastUsed !== null && !Number.isSafeInteger(lastUsed)) {
    throw new TypeError("lastUsedStep must be an integer time step");
  }
  // otplib refuses a negative `afterTimeStep`; no step before 0 exists anyway.
  const lastStep = lastUsed !== null && lastUsed >= 0 ? lastUsed : null;
  const currentStep = totpStep(options.now);

  // Look first among the steps after the last used one (all of the window when there is no
  // earlier use); skipped when the last use is at or after the window's end, as otplib then
  // throws instead of answering.
  if (lastStep === null || lastStep <= currentStep) {
    const fresh = verifySync(lastStep === null ? base : { ...base, afterTimeStep: lastStep });
    if (fresh.valid) {
      // Always a TOTP result here, but otplib types it as TOTP | HOTP (which has no timeStep).
      return { ok: true, step: "timeStep" in fresh ? fresh.timeStep : currentStep + fresh.delta };
    }
    if (lastStep === null) return { ok: false, reason: "invalid" };
  }
  // …then tell a replay (a right code of an already used step) from a wrong code.
  return verifySync(base).valid
    ? { ok: false, reason: "replayed" }
    : { ok: false, reason: "invalid" };
}

function epochSeconds(now: Date): number {
  const ms = now.getTime();
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError("TOTP needs a valid time after 1970");
  return Math.floor(ms / 1000);
}
