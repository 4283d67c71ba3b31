/**
 * Who decides a registration (003 §12.1 "Vastleggende partij": "de daartoe aangewezen
 * geautoriseerd functionaris", §12.2 "voert de signalering handmatig op", §8 "bij twijfel …
 * van invoer af te zien"; issue 20 part 3): a named officer, in person or through their own
 * officer key; where the region puts a category under four eyes, a second, different officer
 * of the same participant too (D-840..D-842).
 */
import { actingPerson, hasRole, type Principal } from "../../platform/auth/access.ts";
import { AppError, protocolRule } from "../../platform/errors.ts";
import type { RegistrationsEnv } from "./env.ts";
import type { RegistrationRow } from "./repository.ts";

export const DECISION_SOURCE =
  "003 §12.1 (Vastleggende partij; naam van geautoriseerd functionaris), §12.2, §8";

/**
 * The named person deciding through this principal. An officer key that names no one (issued
 * before D-840) may not decide: 422 `named_officer_required`. A consortium admin's system key
 * names no one either: what it enters waits as a draft for an officer (undefined).
 */
export function decidingPerson(principal: Principal): string | undefined {
  const person = actingPerson(principal);
  if (person === undefined && hasRole(principal, ["officer"])) {
    throw protocolRule(
      "named_officer_required",
      "A registration is decided by a named officer: this officer key names no one. Ask the consortium for a key in the officer's name, or decide in the web application.",
      DECISION_SOURCE,
    );
  }
  return person;
}

/** The categories of these that the region puts under four eyes (D-842). */
export async function fourEyesOf(
  env: RegistrationsEnv,
  categories: readonly string[],
): Promise<string[]> {
  const required = await env.deps.organisations.fourEyesCategories();
  return categories.filter((c) => required.includes(c));
}

/**
 * Who may confirm a draft or a waiting change (D-841, D-842): an officer of the primary source,
 * in person or through their named key; not the consortium, which decides nothing for a
 * participant here.
 */
export function confirmingOfficer(principal: Principal, row: RegistrationRow): string {
  const person = decidingPerson(principal);
  if (
    person === undefined ||
    principal.organisationId !== row.organisationId ||
    !hasRole(principal, ["officer"])
  ) {
    throw new AppError(
      "forbidden",
      "Only a named officer of the primary source confirms a registration (003 §12.1).",
    );
  }
  return person;
}

/** 422 when the same officer would give the second look (four eyes, D-842). */
export function assertSecondOfficer(firstLook: string, person: string, categories: string[]) {
  if (firstLook === person) {
    throw protocolRule(
      "second_officer_required",
      `The region puts ${categories.join(", ") || "this change"} under four eyes: a second, different officer of the same participant confirms.`,
      `${DECISION_SOURCE}; region setting four eyes`,
      { categories },
    );
  }
}
