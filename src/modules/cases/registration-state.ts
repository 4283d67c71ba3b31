import type { RequestMeta } from "../../platform/audit/audit.ts";
import type { Db } from "../../platform/db/database.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import type { CasesEnv } from "./env.ts";

/** What a case puts on the registration it is about: a restriction ground, an objection. */
export interface CaseStateOnRegistration {
  restrict: "accuracy_contested" | "rights_request" | "objection_pending" | undefined;
  objectionLike: boolean;
}

/**
 * The state a case of `type` puts on its registration: a rectification contests accuracy, a
 * restriction request restricts, and the kinds in `objectionKinds` mark an objection pending.
 */
export function caseStateOnRegistration(
  type: CaseKind,
  objectionKinds: readonly string[],
): CaseStateOnRegistration {
  const objectionLike = objectionKinds.includes(type);
  const restrict =
    type === "rectification"
      ? "accuracy_contested"
      : type === "restriction"
        ? "rights_request"
        : objectionLike
          ? "objection_pending"
          : undefined;
  return { restrict, objectionLike };
}

/**
 * Puts that state on the registration, in the case's transaction (the registrations module
 * applies it); true when the registration was restricted by it.
 */
export async function applyToRegistration(
  env: CasesEnv,
  tx: Db,
  meta: RequestMeta,
  caseId: string,
  registrationId: string,
  { restrict, objectionLike }: CaseStateOnRegistration,
): Promise<boolean> {
  const applied = await env.deps.registrations.applyCaseState(
    tx,
    registrationId,
    meta,
    {
      ...(restrict ? { restrict } : {}),
      ...(objectionLike ? { objectionPending: true } : {}),
    },
    caseId,
  );
  return applied.restricted;
}
