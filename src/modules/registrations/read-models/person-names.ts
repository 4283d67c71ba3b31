import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { RegistrationsEnv } from "../env.ts";
import { personOf } from "../person-data.ts";
import { mayReadRegister } from "../policy.ts";
import * as repo from "../repository.ts";

/** Whom a registration is about, as a list row shows it. */
export interface PersonName {
  /** "H.W. de Vries" or "H.W. de Vries (Jansen)" with the birth name. */
  name: string;
  birthDate: string;
}

/** A person's name as a list shows it: initials, tussenvoegsel, surname, birth name in brackets. */
export function displayName(p: {
  initials: string;
  prefix?: string | undefined;
  surname: string;
  birthName?: string | undefined;
}): string {
  const main = [p.initials, p.prefix, p.surname].filter((s) => s && s.trim() !== "").join(" ");
  return p.birthName ? `${main} (${p.birthName})` : main;
}

/**
 * The names of the persons these registrations are about, for lists an officer works from (the
 * register, the worklist, issue 21 parts 6 and 7): only the caller's own organisation's
 * registrations (003 §6.3; others are left out, as if they did not exist), decrypted, and the
 * look is audited once per list as `registration.names_viewed` with the ids shown (design.md
 * §2.6). A principal who may not read the register (a querier) gets no names.
 */
export async function namesOf(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  ids: readonly string[],
): Promise<Map<string, PersonName>> {
  const out = new Map<string, PersonName>();
  const unique = [...new Set(ids)];
  if (unique.length === 0 || !mayReadRegister(principal)) return out;
  const rows = await repo.findOwnRegistrations(env.db, principal.organisationId, unique);
  for (const row of rows) {
    const person = await personOf(env, row);
    out.set(row.id, { name: displayName(person), birthDate: person.birthDate });
  }
  if (rows.length > 0) {
    await recordSuccess(env.db, env.clock, meta, principal, {
      action: "registration.names_viewed",
      objectType: "registration",
      objectId: null,
      details: { registrationIds: rows.map((r) => r.id) },
    });
  }
  return out;
}
