/**
 * What a profile limits beyond the engine's registration rules (issue 20 parts 7 and 9): the
 * person fields a registration may store, and the categories a region must switch on before
 * use (the protocol version of part 6 is in version.ts). Pure functions over the profile's
 * data; the modules apply them.
 */
import type { RuleViolation } from "./engine.ts";
import { PERSON_FIELD_NAMES, type PersonFieldName, type Profile } from "./profile.ts";

/** The person fields a body gives that the profile does not allow a registration to store. */
export function personFieldsRefused(
  profile: Profile,
  person: Readonly<Record<string, unknown>>,
): PersonFieldName[] {
  const allowed = new Set<string>(profile.personFields.value);
  return PERSON_FIELD_NAMES.filter((f) => person[f] !== undefined && !allowed.has(f));
}

/**
 * Whether a registration of these categories keeps the claim amount it was decided with: not
 * when a category's profile says the amount decides the term only (001 W2, D-761).
 */
export function claimKept(profile: Profile, categories: readonly string[]): boolean {
  return !profile.categories.some(
    (c) => categories.includes(c.code) && c.claim.amountKept?.value === false,
  );
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
