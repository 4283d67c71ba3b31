import { createHash, randomInt } from "node:crypto";

/**
 * Recovery codes: one-use codes that replace the TOTP code when the phone is lost.
 *
 * A code is 12 letters in three groups, `abcd-efgh-jkmn`, from the 23 lowercase letters
 * without i, l and o (which read as 1, 1 and 0 on paper): 12 × log2(23) ≈ 54 bits each.
 *
 * Stored as SHA-256 of the normalised code. A fast hash is right here, unlike for passwords:
 * a code is 54 random bits chosen by us, not by a person, so there is no dictionary to try
 * and guessing one from a stolen hash means ~2^53 SHA-256 computations for each code; login
 * attempts are rate-limited besides. A slow hash would only cost us time at every check.
 */

const ALPHABET = "abcdefghjkmnpqrstuvwxyz";
const GROUPS = 3;
const GROUP_LENGTH = 4;
export const RECOVERY_CODE_COUNT = 10;

function newRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/** `n` distinct codes, shown to the user once; store only their `hashRecoveryCode`. */
export function generateRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  if (!Number.isSafeInteger(n) || n < 1 || n > 100) {
    throw new RangeError("between 1 and 100 recovery codes");
  }
  const codes = new Set<string>();
  while (codes.size < n) codes.add(newRecoveryCode());
  return [...codes];
}

/**
 * What the user typed, as it was generated minus the dashes: lowercase, without spaces and
 * dashes (any kind, as phones turn "-" into "–"), so " ABCD EFGH-jkmn " is accepted.
 */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s\p{Pd}]+/gu, "");
}

/** SHA-256 hex of the normalised code (see the comment at the top for why a fast hash). */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code), "utf8").digest("hex");
}
