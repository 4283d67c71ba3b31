import { randomUUID } from "node:crypto";
import { type AuditActor, type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { OrganisationsEnv } from "../env.ts";
import { checkLettingAgent } from "../participant-agent.ts";
import { checkCommitteeAddress, checkKind } from "../policy.ts";
import { profile, region } from "../read-models/region.ts";
import * as repo from "../repository.ts";
import type { OrganisationInput } from "../schemas.ts";
import { columnsOf, view } from "../views.ts";

/** One way to add an organisation: by the set-up commands and by a consortium admin alike. */
export async function addOrganisation(
  env: OrganisationsEnv,
  actor: AuditActor,
  meta: RequestMeta,
  input: OrganisationInput & { id?: string },
) {
  const { db, clock } = env;
  const p = await profile(env);
  checkKind(p, input.kind);
  checkLettingAgent(p, input.kind, input.lettingAgent);
  checkCommitteeAddress(input.kind, input.address);
  const r = await region(env);
  const id = input.id ?? randomUUID();
  const now = clock.now();
  await db.transaction(async (tx) => {
    await repo.insertOrganisation(tx, {
      id,
      regionId: r.id,
      name: input.name,
      kind: input.kind,
      status: "active",
      createdAt: now,
      updatedAt: now,
      ...columnsOf(input),
    });
    await recordAudit(tx, clock, meta, {
      actor,
      action: "organisation.created",
      objectType: "organisation",
      objectId: id,
      outcome: "success",
      details: { kind: input.kind },
    });
  });
  return view((await repo.findOrganisation(db, id))!);
}
