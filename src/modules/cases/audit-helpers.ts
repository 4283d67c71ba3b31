import { randomUUID } from "node:crypto";
import type { Actor } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Db } from "../../platform/db/database.ts";
import type { CasesEnv } from "./env.ts";
import * as repo from "./repository.ts";

/** A step on the case's timeline. */
export async function recordCaseEvent(
  env: CasesEnv,
  tx: Db,
  caseId: string,
  actor: Actor,
  action: string,
  details: Record<string, unknown> = {},
) {
  await repo.insertEvent(tx, {
    id: randomUUID(),
    caseId,
    at: env.clock.now(),
    actorKind: actor.kind,
    actorId: actor.id,
    action,
    details,
  });
}

/** The audit record of a step on a case (`case.<action>`, with the case type). */
export async function auditCase(
  env: CasesEnv,
  tx: Db,
  meta: RequestMeta,
  actor: Actor,
  row: repo.CaseRow,
  action: string,
  details: Record<string, unknown> = {},
) {
  await recordSuccess(tx, env.clock, meta, actor, {
    action: `case.${action}`,
    objectType: "case",
    objectId: row.id,
    details: { type: row.type, ...details },
  });
}
