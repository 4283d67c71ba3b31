import type { Principal } from "../auth/access.ts";
import { type AuditActor, SYSTEM_ACTOR } from "./audit.ts";

/**
 * Who acts: a principal (a person's session or a system's API key), or the system itself (a
 * job, an automatic e-mail). `audit` is how the audit log records it. The one mapping from a
 * principal to an actor; services take an Actor where the system may act too.
 */
export interface Actor {
  kind: "user" | "api_key" | "system";
  id: string | null;
  audit: AuditActor;
}

export const SYSTEM: Actor = { kind: "system", id: null, audit: SYSTEM_ACTOR };

export function actorOf(principal: Principal): Actor {
  return {
    kind: principal.kind,
    id: principal.id,
    audit: {
      type: principal.kind === "user" ? "user" : "api_key",
      id: principal.id,
      organisationId: principal.organisationId,
      role: principal.roles.join(","),
    },
  };
}
