import type { Principal } from "../../platform/auth/access.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { RuleViolation } from "../../protocol/engine.ts";
import type { RegistrationsEnv } from "./env.ts";
import { mayRegisterOnBehalfOf } from "./policy.ts";

const PARTICIPANT_KINDS = new Set(["housing_corporation", "private_landlord", "municipality"]);

/**
 * The organisation a new registration belongs to: the caller's own, or (consortium admins
 * only) the participant named by `onBehalfOf`, which must be a participant with access.
 */
export async function primarySourceFor(
  env: RegistrationsEnv,
  principal: Principal,
  onBehalfOf: string | undefined,
) {
  const id = onBehalfOf ?? principal.organisationId;
  if (onBehalfOf && !mayRegisterOnBehalfOf(principal, onBehalfOf)) {
    throw new AppError(
      "forbidden",
      "Only the consortium may register on behalf of another participant.",
    );
  }
  const access = await env.deps.organisations.accessOf(id);
  if (!access) throw notFound("organisation");
  if (!PARTICIPANT_KINDS.has(access.kind) || access.refusal) {
    throw new AppError(
      "protocol_rule",
      "A registration needs a participant with access as its primary source.",
      {
        code: "primary_source_not_participant",
        details: {
          rule: "primary_source_not_participant",
          source: "003 §12.1 (vastleggende partij), §14.1",
          hint: "a consortium admin registers on behalf of a participant with ?onBehalfOf=<organisation id>",
        },
      },
    );
  }
  return id;
}

/** A refused registration: 422 naming the first broken rule and its article, with all of them. */
export function refuse(violations: RuleViolation[]): AppError {
  const first = violations[0]!;
  return new AppError("protocol_rule", first.message, {
    code: first.rule,
    details: { rule: first.rule, source: first.source, violations },
  });
}
