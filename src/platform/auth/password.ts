import { randomBytes, randomInt } from "node:crypto";
import { createRequire } from "node:module";
import { hash as argon2Hash, argon2id, verify as argon2Verify } from "argon2";
import type { Language } from "../i18n.ts";
import { passwordPolicyMessages } from "./password-messages.ts";
import { isPublishedPassword, PUBLISHED_PASSWORD_WORDS } from "./published-passwords.ts";

/**
 * Passwords: argon2id hashing, the password policy, and one-time activation passwords.
 *
 * Hashing follows OWASP's Password Storage Cheat Sheet: argon2id with m = 19 MiB (19456 KiB),
 * t = 2, p = 1, a 16-byte random salt and a 32-byte tag, stored as a PHC string
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`). `needsRehash` tells the login flow to
 * re-hash (with the plain password it has just verified) when a stored hash is weaker.
 *
 * Passwords are NFC-normalised before hashing and verifying, so the same password typed as
 * precomposed "é" on one device and as "e" + combining accent on another still matches
 * (NIST SP 800-63B §5.1.1.2 asks for normalisation of Unicode passwords).
 */

export const ARGON2_PARAMETERS = Object.freeze({
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  hashLength: 32,
});

/** Argon2 version 1.3, the current one. */
const ARGON2_VERSION = 0x13;

/**
 * Input longer than this (UTF-16 code units) is refused by `hashPassword` and fails
 * `verifyPassword` without hashing, so that nobody can make the server hash megabytes.
 * Far above the policy's 128 code points, so no password that the policy allowed is cut.
 */
const MAX_INPUT_LENGTH = 1024;

export async function hashPassword(plain: string): Promise<string> {
  if (plain.length > MAX_INPUT_LENGTH) throw new RangeError("password input too long to hash");
  return argon2Hash(plain.normalize("NFC"), {
    type: argon2id,
    version: ARGON2_VERSION,
    memoryCost: ARGON2_PARAMETERS.memoryCost,
    timeCost: ARGON2_PARAMETERS.timeCost,
    parallelism: ARGON2_PARAMETERS.parallelism,
    hashLength: ARGON2_PARAMETERS.hashLength,
  });
}

/**
 * True only when `plain` matches `hash`. A stored value that is not an argon2 PHC string
 * (corrupt, empty, another algorithm) gives false rather than an exception: fail closed.
 */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  if (plain.length > MAX_INPUT_LENGTH) return false;
  if (parseArgon2Hash(hash) === null) return false;
  try {
    return await argon2Verify(hash, plain.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a `verifyPassword` call, for a login whose account does not exist
 * (or has no password): without it, the response time tells an attacker which e-mail
 * addresses have an account. Always resolves; the result carries no information.
 */
export async function equaliseLoginTiming(plain: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  await verifyPassword(await dummyHash, plain);
}

export interface Argon2HashParameters {
  type: "argon2id" | "argon2i" | "argon2d";
  version: number;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  /** Length in bytes of the stored tag. */
  hashLength: number;
}

const PHC =
  /^\$(argon2id|argon2i|argon2d)\$(?:v=(\d+)\$)?([a-z]=\d+(?:,[a-z]=\d+)*)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * The parameters of an argon2 PHC string, or null when it is not one. The parameters are read
 * by name: the reference implementation writes `m=…,t=…,p=…`, but the `argon2` package
 * (0.45) writes `m=…,p=…,t=…`.
 */
export function parseArgon2Hash(hash: string): Argon2HashParameters | null {
  const match = PHC.exec(hash);
  if (match === null) return null;
  const [, type, version, parameterList, , tag] = match;
  const parameters = new Map<string, number>();
  for (const pair of parameterList!.split(",")) {
    const [key, value] = pair.split("=");
    if (parameters.has(key!)) return null;
    parameters.set(key!, Number(value));
  }
  const m = parameters.get("m");
  const t = parameters.get("t");
  const p = parameters.get("p");
  if (m === undefined || t === undefined || p === undefined || parameters.size !== 3) return null;
  return {
    type: type as Argon2HashParameters["type"],
    // Hashes of argon2 1.0 (0x10) carry no `v=`.
    version: version === undefined ? 0x10 : Number(version),
    memoryCost: m,
    timeCost: t,
    parallelism: p,
    hashLength: Buffer.from(tag!, "base64").length,
  };
}

/**
 * True when the stored hash is weaker than what `hashPassword` makes now: another argon2
 * variant, an older version, less memory, fewer passes or a shorter tag; also for anything
 * that is not an argon2 hash at all. Higher parameters than ours are left alone.
 */
export function needsRehash(hash: string): boolean {
  const parameters = parseArgon2Hash(hash);
  if (parameters === null) return true;
  return (
    parameters.type !== "argon2id" ||
    parameters.version < ARGON2_VERSION ||
    parameters.memoryCost < ARGON2_PARAMETERS.memoryCost ||
    parameters.timeCost < ARGON2_PARAMETERS.timeCost ||
    parameters.hashLength < ARGON2_PARAMETERS.hashLength
  );
}

// --- Policy --------------------------------------------------------------------------------

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_POLICY_CODES = [
  "password_too_short",
  "password_too_long",
  "password_common",
  "password_contains_identity",
  "password_weak",
  "password_reused",
] as const;
export type PasswordPolicyCode = (typeof PASSWORD_POLICY_CODES)[number];

export function isPasswordPolicyCode(code: string): code is PasswordPolicyCode {
  return (PASSWORD_POLICY_CODES as readonly string[]).includes(code);
}

export type PasswordPolicyResult = { ok: true } | { ok: false; code: PasswordPolicyCode };

export interface PasswordContext {
  email?: string;
  name?: string;
}

/** The refusal's text in one language (platform/auth/password-messages.ts). */
export function passwordPolicyMessage(code: PasswordPolicyCode, language: Language): string {
  const texts = passwordPolicyMessages[language];
  switch (code) {
    case "password_too_short":
      return texts.password_too_short(PASSWORD_MIN_LENGTH);
    case "password_too_long":
      return texts.password_too_long(PASSWORD_MAX_LENGTH);
    default:
      return texts[code];
  }
}

function refuse(code: PasswordPolicyCode): PasswordPolicyResult {
  return { ok: false, code };
}

/** Words that no password may contain, whoever chooses it (compared in lowercase). */
const SERVICE_WORDS = ["woonsignaal"];

/** Name parts and e-mail local parts shorter than this are not looked for in passwords. */
const MIN_IDENTITY_LENGTH = 4;

let commonPasswords: Set<string> | undefined;

/**
 * The list of common and breached passwords that @zxcvbn-ts/language-common ships
 * (`dictionary["passwords-common"]`, about 49,000 entries, all lowercase). Loaded on first use
 * only, with `require`, so that importing this module costs nothing and the check stays
 * synchronous.
 */
function commonPasswordSet(): Set<string> {
  if (commonPasswords === undefined) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require("@zxcvbn-ts/language-common") as {
      dictionary: { "passwords-common": readonly string[] };
    };
    commonPasswords = new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  }
  return commonPasswords;
}

/** Digits, punctuation, symbols and spaces at the end: "Password123!!" → "password". */
const TRAILING_DECORATION = /[\p{N}\p{P}\p{S}\s]+$/u;

/**
 * A password is "common" when, in lowercase, it is an entry of the list, or it becomes one
 * once the digits, punctuation, symbols and spaces at its end are taken off ("Password123!",
 * "dragon2024!!!!!"): the usual way of stretching a listed password past a length rule,
 * and the first thing cracking tools try. Only the end is stripped; that keeps the rule
 * simple to explain and leaves passphrases alone.
 */
function isCommon(lower: string): boolean {
  const list = commonPasswordSet();
  if (list.has(lower)) return true;
  const stripped = lower.replace(TRAILING_DECORATION, "");
  return stripped.length > 0 && list.has(stripped);
}

/** A name's parts: "Annemarie van der Berg" → annemarie, van, der, berg (input lowercase). */
function nameParts(name: string): string[] {
  return name.split(/[\s\-'’.]+/u).filter((part) => part.length > 0);
}

/** The strings a password may not contain for this person, lowercase and NFC. */
function identityWords(context: PasswordContext | undefined): string[] {
  const words = [...SERVICE_WORDS];
  const email = context?.email?.normalize("NFC").toLowerCase().trim();
  if (email) {
    const at = email.lastIndexOf("@");
    const local = at >= 0 ? email.slice(0, at) : email;
    if ([...local].length >= MIN_IDENTITY_LENGTH) words.push(local);
  }
  const name = context?.name?.normalize("NFC").toLowerCase().trim();
  if (name) {
    // The whole name, and each part long enough to matter ("de", "van der" are not looked for).
    const parts = nameParts(name);
    for (const part of [parts.join(""), ...parts]) {
      if ([...part].length >= MIN_IDENTITY_LENGTH && !words.includes(part)) words.push(part);
    }
  }
  return words;
}

/** The least zxcvbn score (0–4) a password needs: 3 is "safely unguessable", ≥ 10^8 guesses. */
export const PASSWORD_MIN_SCORE = 3;

type Estimator = { check(password: string, userInputs?: string[]): { score: number } };
let estimator: Estimator | undefined;

/**
 * zxcvbn-ts with the common (passwords, diceware, keyboard graphs) and the Dutch dictionaries
 * (@zxcvbn-ts/language-nl-be: common words, first names, surnames, Wikipedia) and the
 * service's published words. Built on first use only (about 0.1 s), with `require`, so that
 * importing this module costs nothing and the check stays synchronous.
 */
function strengthEstimator(): Estimator {
  if (estimator === undefined) {
    const require = createRequire(import.meta.url);
    const { ZxcvbnFactory } = require("@zxcvbn-ts/core") as {
      ZxcvbnFactory: new (options: object) => Estimator;
    };
    const common = require("@zxcvbn-ts/language-common") as {
      dictionary: Record<string, string[]>;
      adjacencyGraphs: object;
    };
    const dutch = require("@zxcvbn-ts/language-nl-be") as {
      dictionary: Record<string, string[]>;
    };
    estimator = new ZxcvbnFactory({
      dictionary: {
        ...common.dictionary,
        ...dutch.dictionary,
        userInputs: [...SERVICE_WORDS, ...PUBLISHED_PASSWORD_WORDS],
      },
      graphs: common.adjacencyGraphs,
    });
  }
  return estimator;
}

/** The person's own data for the estimate: e-mail address, domain and their parts, the name's parts. */
function personalInputs(context: PasswordContext | undefined): string[] {
  const inputs: string[] = [];
  const email = context?.email?.normalize("NFC").toLowerCase().trim();
  if (email) inputs.push(email, ...email.split("@"), ...email.split(/[@.]/u));
  const name = context?.name?.normalize("NFC").toLowerCase().trim();
  if (name) {
    const parts = nameParts(name);
    inputs.push(name, parts.join(""), ...parts);
  }
  return inputs.filter((input) => input.length >= 2);
}

/**
 * The password policy of NIST SP 800-63B §5.1.1.2 and OWASP's authentication cheat sheet:
 * - length 12 to 128, counted in Unicode code points after NFC normalisation (so an emoji or
 *   an "é" counts as one character); every character is allowed, spaces included;
 * - no composition rules (no "one capital, one digit"): they make passwords worse;
 * - refuse passwords from a list of common and leaked ones (see `isCommon`);
 * - refuse passwords containing the service name, the e-mail address's local part or the
 *   user's name (parts of at least 4 characters), compared case-insensitively;
 * - refuse the demo region's published passwords and anything built the same way
 *   (published-passwords.ts), as leaked ones;
 * - refuse what zxcvbn-ts scores below PASSWORD_MIN_SCORE, with the Dutch and common
 *   dictionaries, the published words and the person's own data (F10): "aaaaaaaaaaaa",
 *   "qwertyuiopas", twelve spaces.
 * Refusing the current password again is the caller's part (it needs the stored hash).
 *
 * A refusal carries its stable code only; its text, in the reader's language, comes from the
 * one catalogue (password-messages.ts) through `passwordPolicyMessage(code, language)`.
 */
export function checkPasswordPolicy(
  plain: string,
  context?: PasswordContext,
): PasswordPolicyResult {
  const normalised = plain.normalize("NFC");
  // Cheap bound first, so that a megabyte of input is not spread into an array.
  if (normalised.length > PASSWORD_MAX_LENGTH * 2) return refuse("password_too_long");
  const length = [...normalised].length;
  if (length < PASSWORD_MIN_LENGTH) return refuse("password_too_short");
  if (length > PASSWORD_MAX_LENGTH) return refuse("password_too_long");
  const lower = normalised.toLowerCase();
  if (isCommon(lower) || isPublishedPassword(lower)) return refuse("password_common");
  if (identityWords(context).some((word) => lower.includes(word))) {
    return refuse("password_contains_identity");
  }
  const { score } = strengthEstimator().check(normalised, personalInputs(context));
  if (score < PASSWORD_MIN_SCORE) return refuse("password_weak");
  return { ok: true };
}

// --- One-time passwords --------------------------------------------------------------------

/**
 * Letters and digits without the look-alikes 0/O/o, 1/I/l/i: an administrator may have to
 * read the password out over the phone. 55 symbols, 20 characters ≈ 115 bits.
 */
const ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";
const ONE_TIME_LENGTH = 20;

/**
 * A random activation password for an administrator's reset: the user must replace it at
 * first login. It passes the length and common-password rules of `checkPasswordPolicy`, and
 * cannot spell "woonsignaal" (the alphabet has no "o" or "i").
 */
export function generateOneTimePassword(): string {
  let out = "";
  for (let i = 0; i < ONE_TIME_LENGTH; i++) {
    out += ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)];
  }
  return out;
}
