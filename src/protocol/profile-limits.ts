/**
 * What a profile limits beyond the engine's registration rules (issue 20 parts 6, 7 and 9):
 * the protocol version a decision is taken under, the person fields a registration may store,
 * and the categories a region must switch on before use. Pure functions over the profile's
 * data; the modules apply them.
 */
import type { RuleViolation } from "./engine.ts";
import { PERSON_FIELD_NAMES, type PersonFieldName, type Profile } from "./profile.ts";

/**
 * The identifier of the protocol version a registration or case is decided under: the
 * protocol text's edition and the profile's revision, in plain Dutch, e.g. "versie 1.4 van 13
 * december 2021, Woonsignaal-revisie 1". Stored on every registration and case at creation
 * (003 ch. 23; D-760); the migration that introduced it wrote the same words.
 */
export function protocolVersionOf(profile: Profile): string {
  return `${profile.edition}, Woonsignaal-revisie ${profile.revision.number}`;
}

/**
 * A stored protocol version for a letter or page: "Protocol Meldpunt Keurmerk
 * Verhuurdersbelangen (versie van 10 februari 2013, Woonsignaal-revisie 2)".
 */
export function protocolVersionText(profile: Profile, stored: string): string {
  return `${profile.title} (${stored})`;
}

/** The person fields a body gives that the profile does not allow a registration to store. */
export function personFieldsRefused(
  profile: Profile,
  person: Readonly<Record<string, unknown>>,
): PersonFieldName[] {
  const allowed = new Set<string>(profile.personFields.value);
  return PERSON_FIELD_NAMES.filter((f) => person[f] !== undefined && !allowed.has(f));
}

/** The profile's categories that are off until the region switches them on (000 PSY). */
export function optInCategories(profile: Profile) {
  return profile.categories.filter((c) => c.regionOptIn !== undefined);
}

/**
 * The categories the region actually uses: every category without an opt-in, and those with
 * one that the region switched on.
 */
export function categoriesInUse(profile: Profile, switchedOn: readonly string[]) {
  return profile.categories.filter((c) => !c.regionOptIn || switchedOn.includes(c.code));
}

/**
 * Refusals for categories the region has not switched on (422 naming the article and the
 * setting, D-766).
 */
export function optInViolations(
  profile: Profile,
  categories: readonly string[],
  switchedOn: readonly string[],
): RuleViolation[] {
  return optInCategories(profile)
    .filter((c) => categories.includes(c.code) && !switchedOn.includes(c.code))
    .map((c) => ({
      rule: "category_not_switched_on",
      message:
        `Category ${c.code} ("${c.title}") is switched off in this region: it needs a legal ` +
        "basis the region has not recorded (special category data, AVG art. 9). The consortium " +
        "admin can switch it on with that legal basis in the region's category setting " +
        `(PUT /api/v1/region/categories/${c.code}).`,
      source: c.regionOptIn!.source,
      details: { category: c.code, setting: `categories.${c.code}` },
    }));
}
