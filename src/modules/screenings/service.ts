import { randomUUID } from "node:crypto";
import { actorOf } from "../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { bindUseCases } from "../../platform/use-cases.ts";
import { todayInAmsterdam } from "../../platform/werkdagen.ts";
import { disclosureGrant } from "../../protocol/engine.ts";
import { matchFingerprint, nameValue, subjectValue } from "../matching/blind-keys.ts";
import { type MatchPerson, normalisePerson } from "../matching/normalise.ts";
import { matchScore } from "../matching/score.ts";
import type { HitDutyInput } from "../seekers/ports.ts";
import {
  type CandidateRow,
  candidateRow,
  confirmationDue,
  identityBasis,
  pendingCandidateRow,
} from "./candidates.ts";
import type { ScreeningsDeps, ScreeningsEnv } from "./env.ts";
import { prepareHitDuties } from "./hit-duties.ts";
import { disclose, hitLetterFacts, withConsent } from "./policy.ts";
import { ownScreenings } from "./read-models/own-screenings.ts";
import {
  getScreeningCandidate,
  listScreeningCandidates,
} from "./read-models/screening-candidates.ts";
import { getScreeningResult } from "./read-models/screening-result.ts";
import * as repo from "./repository.ts";
import type { ScreeningAnswer, ScreeningInput, ScreeningResult } from "./schemas.ts";
import { decideScreeningCandidate } from "./use-cases/decide-screening-candidate.ts";

/**
 * The typed person of a confirmation task, under the primary source's data key until the
 * decision (listed in modules/index.ts ENCRYPTED_COLUMNS; issue 24 part 4).
 */
export const SCREENING_CANDIDATE_ENCRYPTED_COLUMNS = {
  table: "screening_candidate",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["person_ciphertext"],
};

/** The window over which one user's screenings are counted for the burst signal. */
const BURST_WINDOW_MS = 60 * 60 * 1000;

export type ScreeningsService = ReturnType<typeof createScreeningsService>;

export function createScreeningsService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring">,
  deps: ScreeningsDeps,
) {
  const { database, clock, keyring } = ctx;
  const db = database.db;
  const env: ScreeningsEnv = { db, clock, keyring, deps };

  return {
    // Issue 24 part 4: a screening's answer read again, and the primary source's confirmation
    // tasks of near matches (candidates.ts).
    ...bindUseCases(env, {
      screeningResult: getScreeningResult,
      screeningCandidates: listScreeningCandidates,
      screeningCandidate: getScreeningCandidate,
      decideScreeningCandidate,
    }),

    /** The hit duty, shared with the block look-up (seekers, F7): hit-duties.ts. */
    prepareHitDuties: (input: HitDutyInput) => prepareHitDuties(deps.letters, input),

    /** The caller's own screenings, newest first, without the person (issue 21 part 10). */
    ownScreenings: (principal: Principal, page: { page: number; pageSize: number }) =>
      ownScreenings(db, principal, page),

    /** Screenings in [from, before) without any personal data, for oversight (issue 6). */
    async screeningsBetween(from: Date, before: Date) {
      return (await repo.screeningsBetween(db, from, before)).map((r) => ({
        id: r.id,
        organisationId: r.organisationId,
        actorId: r.actorId,
        actorKind: r.actorKind,
        purpose: r.purpose,
        hit: r.hit,
        subjectRef: r.subjectRef,
        nameRef: r.nameRef,
        createdAt: r.createdAt,
      }));
    },

    /**
     * Which organisations screened this person, when, for what and with what result (a
     * product decision for the access answer, AVG art. 15 lid 1 onder c: recipients).
     */
    async screeningsOf(person: MatchPerson) {
      const ref = await keyring.subjectRef(subjectValue(person));
      const rows = await repo.screeningsOfSubject(db, ref);
      return Promise.all(
        rows.map(async (r) => ({
          organisation: {
            id: r.organisationId,
            name: (await deps.organisations.getName(r.organisationId)) ?? "",
          },
          date: todayInAmsterdam(r.createdAt),
          purpose: r.purpose,
          hit: r.hit,
        })),
      );
    },

    /**
     * POST /screenings (contract §3; 003 §13; 001 §5.2). The same engine as matching finds
     * the registrations in effect that are this person; each is disclosed only as far as the
     * profile lets the caller's role see it — for other participants under aedes-2021 and kkr
     * only through a block the primary source confirmed. The screening is written to the audit
     * log (who, organisation, address, purpose, hit or not, pseudonymous subject reference) in
     * the same transaction as its duty to inform, before the answer leaves.
     */
    async screen(
      principal: Principal,
      meta: RequestMeta,
      input: ScreeningInput,
    ): Promise<ScreeningAnswer> {
      const profile = await deps.organisations.profile();
      const settings = await deps.organisations.settings();
      const person = normalisePerson(input.person);
      const today = clock.today();
      /** One result per part in force; `letter`: what the hit letter tells of the first part. */
      const results: { result: ScreeningResult; letter?: HitDutyInput["hits"][number] }[] = [];
      const candidates = (await deps.registrations.candidatesFor(input.person)).map((c) => ({
        ...c,
        normalised: normalisePerson(c.person),
      }));
      const scoring = await deps.seekers.scoringFor([
        person,
        ...candidates.map((c) => c.normalised),
      ]);
      const fingerprint = await matchFingerprint(keyring, person);
      /** On what each registration found rests (candidates.ts); pending ones are tasks. */
      const found: CandidateRow[] = [];
      const id = randomUUID();
      let due: string | undefined;
      for (const c of candidates) {
        const match = matchScore(person, c.normalised, scoring);
        if (!match) continue;
        const grant = disclosureGrant(
          profile,
          principal.organisationId,
          principal.roles,
          c.row.organisationId,
        );
        if (!grant) continue;
        // Issue 24 part 4: another participant learns of a registration only on an exact or a
        // confirmed identity; a near match is "mogelijke treffer" and a task for the primary
        // source (003 §6 punten 3–5; design.md §2.7).
        const basis = await identityBasis(env, {
          principal,
          grant,
          candidate: c,
          person,
          seekerNumber: input.person.seekerNumber,
          fingerprint,
        });
        if (basis === "hidden" || basis === "rejected") continue;
        const row = {
          screeningId: id,
          querierOrganisationId: principal.organisationId,
          candidate: c,
          score: match.score,
          fingerprint,
        };
        if (basis === "pending") {
          due ??= confirmationDue(profile, today);
          const subject = { person: input.person, address: input.address ?? null };
          found.push(await pendingCandidateRow(env, { ...row, subject, dueDate: due }));
          continue;
        }
        found.push(candidateRow(env, row, basis));
        const consent =
          c.row.organisationId === principal.organisationId
            ? []
            : await deps.cases().consentFields(c.row.id, profile);
        const shown = await disclose(
          withConsent(grant, consent),
          c,
          principal.organisationId,
          (id) => deps.organisations.getName(id),
          today,
          (row) => deps.registrations.decisionMakers(row, principal),
        );
        for (const [i, { part, result }] of shown.entries()) {
          // One letter per registration hit, about the part that concerns the caller most (003
          // §13.4: the part the hit rests on; D-953).
          const letter =
            i === 0
              ? hitLetterFacts(profile, grant, consent, principal.organisationId, c, part)
              : undefined;
          results.push({ result, ...(letter ? { letter } : {}) });
        }
      }
      const hit = results.length > 0;
      const subjectRef = await keyring.subjectRef(subjectValue(person));
      const nameRef = await keyring.subjectRef(nameValue(person), "name");
      // 001 §9.1 D, 003 §13.4: the person is told of a hit (hit-duties.ts).
      const hitDuties = await prepareHitDuties(deps.letters, {
        profile,
        organisationId: principal.organisationId,
        person: input.person,
        address: input.address ?? null,
        purpose: input.purpose,
        today,
        hits: results.flatMap((r) => (r.letter ? [r.letter] : [])),
      });
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.insertScreening(tx, {
          id,
          organisationId: principal.organisationId,
          actorKind: principal.kind,
          actorId: principal.id,
          role: principal.roles.join(","),
          purpose: input.purpose,
          hit,
          resultCount: results.length,
          subjectRef,
          nameRef,
          createdAt: now,
        });
        await repo.insertCandidates(tx, found);
        await hitDuties.record(tx);
        // Misuse signal (001 §3.3; issue 5): more screenings by one user within an hour than
        // the region expects raises an oversight event, once, when the threshold is crossed.
        const recent = await repo.countByActorSince(
          tx,
          principal.id,
          new Date(now.getTime() - BURST_WINDOW_MS),
        );
        if (recent === settings.screeningBurstPerHour + 1) {
          await recordSuccess(tx, clock, meta, principal, {
            action: "oversight.signal",
            objectType: "screening",
            objectId: id,
            details: {
              signal: "screening_burst",
              count: recent,
              windowMinutes: BURST_WINDOW_MS / 60_000,
              threshold: settings.screeningBurstPerHour,
            },
          });
        }
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "screening.performed",
          objectType: "screening",
          objectId: id,
          outcome: hit ? "hit" : "no_hit",
          subjectRef,
          details: {
            purpose: input.purpose,
            results: results.length,
            ...(due ? { pendingConfirmation: true } : {}),
          },
        });
      });
      await hitDuties.produce(actorOf(principal), meta);
      return {
        id,
        hit,
        pending: due !== undefined,
        ...(due ? { confirmationDue: due } : {}),
        results: results.map((r) => r.result),
      };
    },
  };
}
