/**
 * A named, authorised functionaris behind every officer API key (003 §12.1 "naam van
 * geautoriseerd functionaris", §12.2 "voert de signalering handmatig op", §19; issue 20 part 3,
 * D-840). An officer key belongs to one active account of the same organisation that holds the
 * officer role and has made the declaration; it stops working, and is revoked, when that
 * person is disabled or loses the role.
 */
import type { Role } from "../../platform/auth/roles.ts";
import type { Db } from "../../platform/db/database.ts";
import { protocolRule } from "../../platform/errors.ts";
import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";
import { principalForUser } from "./sessions.ts";

const SOURCE = "003 §12.1 (naam van geautoriseerd functionaris), §12.2, §19";

/** Why this account cannot carry an officer key, or null when it can. */
async function ineligibility(
  env: IdentityEnv,
  organisationId: string,
  userId: string,
): Promise<string | null> {
  const user = await repo.findUser(env.db, userId).catch(() => undefined);
  if (!user || user.organisationId !== organisationId) {
    return "The named officer must be an account of the key's own organisation.";
  }
  const person = await principalForUser(env, user);
  if (!person) return "The named officer's account is disabled.";
  if (!person.roles.includes("officer")) return "The named officer does not hold the officer role.";
  if (person.declarationRequired) {
    return "The named officer has not made the declaration yet: sign in once and accept it.";
  }
  return null;
}

/**
 * What an officer key must name (422 `named_officer_required` / `named_officer_not_eligible`);
 * a key of any other role names nobody (422 `named_officer_only_for_officer_keys`).
 */
export async function checkNamedOfficer(
  env: IdentityEnv,
  input: { organisationId: string; role: Role; officerId?: string | undefined },
) {
  if (input.role !== "officer") {
    if (input.officerId === undefined) return;
    throw protocolRule(
      "named_officer_only_for_officer_keys",
      "Only an officer key belongs to a named officer; leave officerId out for this role.",
      SOURCE,
      { field: "officerId" },
    );
  }
  if (input.officerId === undefined) {
    throw protocolRule(
      "named_officer_required",
      "An officer key belongs to a named officer: give officerId, the account of the person who decides with it.",
      SOURCE,
      { field: "officerId" },
    );
  }
  const why = await ineligibility(env, input.organisationId, input.officerId);
  if (why) {
    throw protocolRule("named_officer_not_eligible", why, SOURCE, { field: "officerId" });
  }
}

/** Whether the named officer of this key may still act through it (authentication). */
export async function officerStillEligible(
  env: IdentityEnv,
  key: { organisationId: string; userId: string | null },
): Promise<boolean> {
  return key.userId === null || (await ineligibility(env, key.organisationId, key.userId)) === null;
}

/** Inside the caller's transaction: a person who stops being an officer loses their keys. */
export async function revokeKeysOfFormerOfficer(db: Db, userId: string, now: Date) {
  return repo.revokeApiKeysOfUser(db, userId, now);
}

/**
 * The named person behind each actor: an account is itself, an officer key its officer (an
 * older key without one has none). Names for any caller: the registrations module decides who
 * may read them (its own organisation and the auditor, D-843).
 */
export async function namedPeople(
  env: IdentityEnv,
  actors: readonly { kind: "user" | "api_key"; id: string }[],
): Promise<Map<string, { id: string; name: string; organisationId: string } | null>> {
  const people = new Map<string, { id: string; name: string; organisationId: string } | null>();
  for (const a of actors) {
    if (people.has(a.id)) continue;
    let userId: string | null = a.id;
    if (a.kind === "api_key") userId = (await repo.findApiKey(env.db, a.id))?.userId ?? null;
    const user = userId ? await repo.findUser(env.db, userId).catch(() => undefined) : undefined;
    people.set(
      a.id,
      user ? { id: user.id, name: user.displayName, organisationId: user.organisationId } : null,
    );
  }
  return people;
}
