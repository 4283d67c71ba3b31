/**
 * The profile's limits a registration body must keep beyond the engine's rules (issue 20):
 * only the person fields the profile names (001 §4.2; 400 naming the field, D-761) and only
 * categories the region uses (000 PSY off until switched on; 422 naming the article and the
 * setting, D-766). Checked before anything is written, by every way in (API, page, import).
 */
import { AppError } from "../../platform/errors.ts";
import {
  optInViolations,
  type Profile,
  personFieldsRefused,
  type RuleViolation,
} from "../../protocol/index.ts";
import type { RegistrationsEnv } from "./env.ts";
import type { Person } from "./schemas.ts";

/** 400 `person_field_not_in_profile` when the person holds a field the profile does not store. */
export function personFieldError(profile: Profile, person: Person | undefined): AppError | null {
  if (!person) return null;
  const refused = personFieldsRefused(profile, person);
  if (refused.length === 0) return null;
  return new AppError(
    "unknown_field",
    `Under ${profile.title} a registration may not store these person fields: ` +
      `${refused.join(", ")} (${profile.personFields.source}).`,
    {
      code: "person_field_not_in_profile",
      details: {
        rule: "person_field_not_in_profile",
        source: profile.personFields.source,
        fields: refused.map((f) => `person.${f}`),
        allowed: [...profile.personFields.value],
      },
    },
  );
}

/** The region-opt-in refusals for these categories (empty when all are in use). */
export async function optInRefusals(
  env: RegistrationsEnv,
  profile: Profile,
  categories: readonly string[],
): Promise<RuleViolation[]> {
  if (!profile.categories.some((c) => c.regionOptIn && categories.includes(c.code))) return [];
  return optInViolations(profile, categories, await env.deps.organisations.categoriesSwitchedOn());
}
