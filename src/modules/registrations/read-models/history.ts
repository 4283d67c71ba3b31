import { eventsAbout } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { RegistrationsEnv } from "../env.ts";
import { visibleRegistration } from "../policy.ts";

/**
 * The history of a registration (issue #10: who changed what, when) from the audit log:
 * actions, actors and changed field names — never values. Only those who may see the
 * registration see its history; looks at it are themselves in the history.
 */
export async function historyOf(env: RegistrationsEnv, principal: Principal, id: string) {
  await visibleRegistration(env.db, principal, id);
  const events = await eventsAbout(env.db, "registration", id);
  return events.map((e) => ({
    occurredAt: e.occurredAt.toISOString(),
    actor: { type: e.actorType, id: e.actorId, role: e.role },
    action: e.action,
    outcome: e.outcome,
    fields: Array.isArray((e.details as { fields?: unknown } | null)?.fields)
      ? ((e.details as { fields: unknown[] }).fields.map(String) as string[])
      : [],
  }));
}
