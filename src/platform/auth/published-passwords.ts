import { ROLES } from "./roles.ts";

/**
 * The demo region's passwords are public (README, `demo-seed --json`), so nobody may choose one
 * as a real password, nor one built the same way (F10). The formula and its recogniser live
 * here side by side: the demo seed builds its passwords with `demoPassword`, the password
 * policy refuses whatever `isPublishedPassword` recognises.
 */
const DEMO_PASSWORD_SUFFIX = "-demo-2026";

/** A demo account's password: "<Organisation>-<role>-demo-2026". */
export function demoPassword(organisationWord: string, role: string): string {
  return `${organisationWord}-${role}${DEMO_PASSWORD_SUFFIX}`;
}

/** True for every password the demo formula makes, whatever its organisation word or case. */
export function isPublishedPassword(plain: string): boolean {
  return plain.toLowerCase().endsWith(DEMO_PASSWORD_SUFFIX);
}

/** Words of the published passwords, for the strength estimate's dictionary. */
export const PUBLISHED_PASSWORD_WORDS: readonly string[] = [
  "demo",
  DEMO_PASSWORD_SUFFIX.slice(1),
  ...ROLES,
];
