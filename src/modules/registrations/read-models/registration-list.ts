import type { Principal } from "../../../platform/auth/access.ts";
import type { OrganisationAccess } from "../../organisations/ports.ts";
import type { RegistrationsEnv } from "../env.ts";
import { assertMayReadRegister } from "../policy.ts";
import * as repo from "../repository.ts";
import { summary } from "../views.ts";

/** The caller's organisation's registrations, a page at a time, ordered by end date. */
export async function listRegistrations(
  env: RegistrationsEnv,
  principal: Principal,
  query: Omit<repo.ListFilter, "organisationId" | "today">,
) {
  assertMayReadRegister(principal);
  const { rows, total } = await repo.listRegistrations(env.db, {
    ...query,
    organisationId: principal.organisationId,
    today: env.clock.today(),
  });
  const names = new Map<string, Promise<OrganisationAccess | undefined>>();
  return {
    items: await Promise.all(rows.map((row) => summary(env, row, names, principal))),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
