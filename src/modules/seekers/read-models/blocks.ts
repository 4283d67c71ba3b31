/** Blocks as others see them: whether a seeker is blocked, and for screenings, by whom. */
import { actorOf } from "../../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { appliesTo, disclosureGrant, hitLetterFields } from "../../../protocol/engine.ts";
import { partsInForce } from "../../../protocol/parts.ts";
import type { DisclosureField, Scope } from "../../../protocol/profile.ts";
import { sameIdentity } from "../../matching/identity.ts";
import type { NormalisedPerson } from "../../matching/normalise.ts";
import { prepareBlockLookup } from "../block-lookups.ts";
import type { HitSeen, SeekersEnv } from "../env.ts";
import * as repo from "../repository.ts";
import type { BlockPart, BlockView, ParticipantBlockView, ScreeningPurpose } from "../schemas.ts";
import { loadSeeker } from "../seeker-data.ts";

/**
 * A seeker's blocks with the facts of their registrations (status, start and parts), asked of
 * the registrations module; a block whose registration is gone is none.
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
      parts: registration.parts,
    });
  }
  return blocks;
}

type BlockInForce = Awaited<ReturnType<typeof blocksWithRegistrations>>[number];

function isBlockInForce(b: BlockInForce, today: string): boolean {
  return (
    b.registrationStatus === "active" &&
    compareDates(b.registrationStart, today) <= 0 &&
    compareDates(b.startDate, today) <= 0 &&
    compareDates(b.endDate, today) > 0
  );
}

/**
 * The parts of a block still in force: each with its own end date and scope (003 §7; contract
 * §6 "Blocks per part"). This is the one place that lists them.
 */
function partsOf(
  b: BlockInForce,
  today: string,
): { until: string; scope: Scope; categories: readonly string[] }[] {
  return partsInForce(b.parts, today).map((p) => ({
    until: p.endDate,
    scope: p.scope,
    categories: p.categories,
  }));
}

/** Why a participant looks: required like a screening's (003 §13.3: only for the task). */
function participantPurpose(principal: Principal, purpose: ScreeningPurpose | undefined) {
  if (purpose === undefined && !principal.roles.includes("allocation_system")) {
    throw new AppError(
      "invalid_input",
      "Say why you look up this block: add ?purpose= with one of allocation, urgency, " +
        "direct_mediation or subject_request, as for a screening.",
      { code: "purpose_required", details: [{ path: "purpose", message: "required" }] },
    );
  }
  return purpose;
}

/**
 * GET /seekers/{n}/block (contract §6 "Blocks per part"). The allocation system gets each
 * part of each block in force with its end date and scope, and for an organisation-scoped
 * part the organisation(s) it applies to, so that a "uitsluiting corporatie" (003 §7 A, D) is
 * applied to that corporation's dwellings only (003 §13.3). A participant gets whether the
 * seeker is blocked, whether a block applies to its own organisation, and only the fields its
 * grant shows (003 §6 punt 6, §13.5). The look itself is logged with its purpose (001 §3.3).
 */
export async function getBlock(
  env: SeekersEnv,
  principal: Principal,
  meta: RequestMeta,
  seekerNumber: string,
  query: { purpose?: ScreeningPurpose | undefined } = {},
): Promise<BlockView> {
  const { db, clock, deps } = env;
  const purpose = participantPurpose(principal, query.purpose);
  const today = clock.today();
  const profile = await deps.organisations.profile();
  const granted = [];
  for (const b of await blocksWithRegistrations(env, seekerNumber)) {
    if (!isBlockInForce(b, today)) continue;
    const grant = disclosureGrant(
      profile,
      principal.organisationId,
      principal.roles,
      b.organisationId,
    );
    if (!grant) continue;
    for (const part of partsOf(b, today)) {
      const applies = appliesTo(
        { organisationId: b.organisationId, scope: part.scope },
        principal.organisationId,
      );
      granted.push({ block: b, part, grant, applies });
    }
  }
  const nameOf = async (id: string) => ({ id, name: (await deps.organisations.getName(id)) ?? "" });
  let view: BlockView;
  /** What a participant saw of a block: its hit letter tells the person no more (F7). */
  let seen: HitSeen[] = [];
  const allocationSystem = principal.roles.includes("allocation_system");
  if (allocationSystem) {
    const parts: BlockPart[] = [];
    for (const { block, part: p, grant } of granted) {
      const until = grant.fields.includes("until") ? { until: p.until } : {};
      parts.push(
        p.scope === "organisation"
          ? { ...until, scope: p.scope, organisations: [await nameOf(block.organisationId)] }
          : { ...until, scope: p.scope },
      );
    }
    view = granted.length > 0 ? { blocked: true, parts } : { blocked: false };
  } else {
    // The block part that concerns the caller most is the one shown: one that applies to it,
    // then the widest scope, then the latest end.
    const order = { national: 3, region: 2, organisation: 1 } as const;
    granted.sort(
      (a, b) =>
        Number(b.applies) - Number(a.applies) ||
        order[b.part.scope] - order[a.part.scope] ||
        compareDates(b.part.until, a.part.until),
    );
    const first = granted[0];
    const has = (f: DisclosureField) => first?.grant.fields.includes(f) === true;
    const shown: ParticipantBlockView = {
      blocked: first !== undefined,
      appliesToCaller: first?.applies === true && has("appliesToCaller"),
      ...(has("since") ? { since: first?.block.startDate } : {}),
      ...(has("until") ? { until: first?.part.until } : {}),
      ...(has("scope") ? { scope: first?.part.scope } : {}),
      ...(first && has("primarySource")
        ? { primarySource: await nameOf(first.block.organisationId) }
        : {}),
    };
    view = shown;
    if (first) {
      // The hit letter names the part the look-up found, as far as the caller's officers may
      // know it (003 §13.4, §13.5; D-953).
      const told = hitLetterFields(
        profile,
        first.grant,
        principal.organisationId,
        first.block.organisationId,
      );
      seen = [
        {
          registrationId: first.block.registrationId,
          appliesToCaller: told.has("appliesToCaller") ? first.applies : undefined,
          categories: told.has("categories") ? first.part.categories : undefined,
          since: told.has("since") ? first.block.startDate : undefined,
          until: told.has("until") ? first.part.until : undefined,
          scope: told.has("scope") ? first.part.scope : undefined,
          primarySourceId: first.block.organisationId,
        },
      ];
    }
  }
  // A participant's look-up is a screening by number (F7): counted by the misuse signals and,
  // when it finds a block, owing the person a hit letter. The allocation system's is audited.
  const lookup =
    !allocationSystem && purpose !== undefined
      ? await prepareBlockLookup(env, principal, meta, {
          seekerNumber,
          purpose,
          hits: seen,
        })
      : undefined;
  await db.transaction(async (tx) => {
    await lookup?.record(tx);
    await recordAudit(tx, clock, meta, {
      actor: actorOf(principal).audit,
      action: "seeker.block_checked",
      objectType: "seeker",
      objectId: seekerNumber,
      outcome: view.blocked ? "hit" : "no_hit",
      ...(purpose ? { details: { purpose } } : {}),
    });
  });
  await lookup?.produce(actorOf(principal), meta);
  return view;
}

/**
 * For screenings: is there a block in force on this registration, and is its seeker this
 * person? `same_seeker` when a block in force names this seeker number or a seeker who is
 * exactly this person (matching/identity.ts: every field both carry equal), `blocked` when
 * there is a block in force but its seeker is not established to be this person (a near match
 * is for the primary source to confirm, issue 24 part 4), `none` when there is no block.
 */
export async function confirmedFor(
  env: SeekersEnv,
  registrationId: string,
  person: NormalisedPerson,
  seekerNumber?: string,
): Promise<"same_seeker" | "blocked" | "none"> {
  const { db, clock } = env;
  const today = clock.today();
  const blocks = await repo.blocksOfRegistration(db, registrationId);
  let blocked = false;
  for (const b of blocks) {
    if (compareDates(b.startDate, today) > 0) continue;
    blocked = true;
    if (seekerNumber !== undefined && b.seekerNumber === seekerNumber) return "same_seeker";
    const row = await repo.findSeeker(db, b.seekerNumber);
    if (!row) continue;
    const seeker = await loadSeeker(env, row);
    if (sameIdentity(person, seeker.normalised)) return "same_seeker";
  }
  return blocked ? "blocked" : "none";
}
