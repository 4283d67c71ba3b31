/** Blocks as others see them: whether a seeker is blocked, and for screenings, by whom. */
import { actorOf } from "../../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { disclosureGrant } from "../../../protocol/engine.ts";
import type { NormalisedPerson } from "../../matching/normalise.ts";
import { scoreNormalised } from "../../matching/score.ts";
import type { SeekersEnv } from "../env.ts";
import * as repo from "../repository.ts";
import type { BlockView } from "../schemas.ts";
import { scoringFor } from "../scoring.ts";
import { loadSeeker } from "../seeker-data.ts";

/**
 * A seeker's blocks with the facts of their registrations (end date, scope, status and
 * start), asked of the registrations module; a block whose registration is gone is none.
 */
async function blocksWithRegistrations(env: SeekersEnv, seekerNumber: string) {
  const blocks = [];
  for (const b of await repo.blocksOfSeeker(env.db, seekerNumber)) {
    const registration = await env.deps.registrations.findRow(b.registrationId);
    if (!registration) continue;
    blocks.push({
      id: b.id,
      registrationId: b.registrationId,
      organisationId: b.organisationId,
      startDate: b.startDate,
      registrationStatus: registration.status,
      registrationStart: registration.startDate,
      endDate: registration.endDate,
      scope: registration.scope,
    });
  }
  return blocks;
}

function isBlockInForce(
  b: Awaited<ReturnType<typeof blocksWithRegistrations>>[number],
  today: string,
): boolean {
  return (
    b.registrationStatus === "active" &&
    compareDates(b.registrationStart, today) <= 0 &&
    compareDates(b.startDate, today) <= 0 &&
    compareDates(b.endDate, today) > 0
  );
}

/**
 * GET /seekers/{n}/block: what other participants and the allocation system see — whether
 * the seeker is blocked, and only the fields the profile grants the caller's role. The look
 * itself is logged (001 §3.3).
 */
export async function getBlock(
  env: SeekersEnv,
  principal: Principal,
  meta: RequestMeta,
  seekerNumber: string,
): Promise<BlockView> {
  const { db, clock, deps } = env;
  const today = clock.today();
  const profile = await deps.organisations.profile();
  const blocks = (await blocksWithRegistrations(env, seekerNumber)).filter((b) =>
    isBlockInForce(b, today),
  );
  // The block that reaches furthest decides what is shown; a wider scope first.
  const order = { national: 3, region: 2, organisation: 1 } as const;
  blocks.sort((a, b) => order[b.scope] - order[a.scope] || compareDates(b.endDate, a.endDate));
  const view: BlockView = { blocked: false };
  for (const b of blocks) {
    const grant = disclosureGrant(
      profile,
      principal.organisationId,
      principal.roles,
      b.organisationId,
    );
    if (!grant) continue;
    view.blocked = true;
    if (grant.fields.includes("since")) view.since = b.startDate;
    if (grant.fields.includes("until")) view.until = b.endDate;
    if (grant.fields.includes("scope")) view.scope = b.scope;
    if (grant.fields.includes("primarySource")) {
      view.primarySource = {
        id: b.organisationId,
        name: (await deps.organisations.getName(b.organisationId)) ?? "",
      };
    }
    break;
  }
  await recordAudit(db, clock, meta, {
    actor: actorOf(principal).audit,
    action: "seeker.block_checked",
    objectType: "seeker",
    objectId: seekerNumber,
    outcome: view.blocked ? "hit" : "no_hit",
  });
  return view;
}

/**
 * For screenings: is there a block in force on this registration for a seeker who is this
 * person (the same seeker number, or a match under the region's threshold)?
 */
export async function confirmedFor(
  env: SeekersEnv,
  registrationId: string,
  person: NormalisedPerson,
  seekerNumber?: string,
) {
  const { db, clock } = env;
  const today = clock.today();
  const blocks = await repo.blocksOfRegistration(db, registrationId);
  for (const b of blocks) {
    if (compareDates(b.startDate, today) > 0) continue;
    if (seekerNumber !== undefined && b.seekerNumber === seekerNumber) return true;
    const row = await repo.findSeeker(db, b.seekerNumber);
    if (!row) continue;
    const seeker = await loadSeeker(env, row);
    const scoring = await scoringFor(env, [person, seeker.normalised]);
    if (scoreNormalised(person, seeker.normalised, scoring).decision === "match") {
      return true;
    }
  }
  return false;
}
