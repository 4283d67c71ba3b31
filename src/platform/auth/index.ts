/** Authentication primitives: passwords, TOTP, recovery codes, tokens and API keys. */
export {
  ARGON2_PARAMETERS,
  type Argon2HashParameters,
  checkPasswordPolicy,
  equaliseLoginTiming,
  generateOneTimePassword,
  hashPassword,
  isPasswordPolicyCode,
  needsRehash,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_SCORE,
  type PasswordContext,
  type PasswordPolicyCode,
  type PasswordPolicyResult,
  parseArgon2Hash,
  passwordPolicyMessage,
  verifyPassword,
} from "./password.ts";
export { demoPassword, isPublishedPassword } from "./published-passwords.ts";
export {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
} from "./recovery-codes.ts";
export {
  type ApiKeyEnvironment,
  hashToken,
  type NewApiKey,
  newApiKey,
  newCsrfToken,
  newSessionToken,
  parseApiKey,
  safeEqual,
} from "./tokens.ts";
export {
  createTotpSecret,
  TOTP_DIGITS,
  TOTP_ISSUER,
  TOTP_PERIOD_SECONDS,
  type TotpVerification,
  totpCodeAt,
  totpQrSvg,
  totpStep,
  totpUri,
  verifyTotp,
} from "./totp.ts";
