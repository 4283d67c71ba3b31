import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { fourEyesRequired, type Principal } from "../../../platform/auth/access.ts";
import { checkOfficerCap, kindOf } from "../accounts.ts";
import type { IdentityEnv } from "../env.ts";
import { revokeKeysOfFormerOfficer } from "../named-officer.ts";
import { checkRolesFit, manageableUser } from "../policy.ts";
import * as repo from "../repository.ts";
import type { UpdateUserInput } from "../schemas.ts";
import { userView } from "../views.ts";

/** Changes an account's roles, name or status; a role change or disabling ends its sessions. */
export async function updateUser(
  env: IdentityEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  input: UpdateUserInput,
) {
  const { db, clock } = env;
  const user = await manageableUser(env, principal, id);
  const rolesBefore = (await repo.rolesOf(db, [id])).get(id) ?? [];
  const rolesAfter = input.roles ?? rolesBefore;
  if (input.roles) checkRolesFit(await kindOf(env, user.organisationId), input.roles);
  // F16: auditor access comes back only through a second consortium admin — giving an account
  // the auditor role or enabling a disabled auditor is refused here; an approved reset
  // (auditor request of kind reset) enables the account again.
  const gainsAuditor = rolesAfter.includes("auditor") && !rolesBefore.includes("auditor");
  const enablesAuditor =
    rolesAfter.includes("auditor") && input.status === "active" && user.status !== "active";
  if (gainsAuditor || enablesAuditor) throw fourEyesRequired();
  // The cap counts active officers: giving the role, or re-enabling an officer, both count.
  const becomesActiveOfficer =
    rolesAfter.includes("officer") &&
    (input.roles !== undefined || (input.status === "active" && user.status !== "active"));
  if (becomesActiveOfficer && (input.status ?? user.status) === "active") {
    await checkOfficerCap(env, user.organisationId, rolesAfter, user.id);
  }
  await db.transaction(async (tx) => {
    const values = {
      ...(input.displayName ? { displayName: input.displayName } : {}),
      ...(input.status ? { status: input.status } : {}),
    };
    if (Object.keys(values).length > 0) await repo.updateUser(tx, id, values);
    if (input.roles) await repo.setRoles(tx, id, [...input.roles], clock.now());
    // A role change or a disabled account ends every session at once (issue 3).
    if (input.roles || input.status === "disabled")
      await repo.revokeSessionsOfUser(tx, id, clock.now());
    // A person who is disabled or loses the officer role loses their officer keys (D-840).
    if (input.status === "disabled" || !rolesAfter.includes("officer"))
      await revokeKeysOfFormerOfficer(tx, id, clock.now());
    await recordSuccess(tx, clock, meta, principal, {
      action: input.roles ? "user.roles_changed" : "user.updated",
      objectType: "user",
      objectId: id,
      details: { fields: Object.keys(input), ...(input.roles ? { roles: input.roles } : {}) },
    });
  });
  const [view] = await userView(env, [(await repo.findUser(db, id))!]);
  return view!;
}
