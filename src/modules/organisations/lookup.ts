import type { Principal } from "../../platform/auth/access.ts";
import { notFound } from "../../platform/errors.ts";
import type { OrganisationsEnv } from "./env.ts";
import { canSee } from "./policy.ts";
import * as repo from "./repository.ts";

/** The organisation `id` if this caller may see it (policy.ts canSee); not found otherwise. */
export async function getVisible(env: OrganisationsEnv, principal: Principal, id: string) {
  const row = await repo.findOrganisation(env.db, id);
  if (!row || !canSee(principal, id)) throw notFound("organisation");
  return row;
}
