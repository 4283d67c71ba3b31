import { randomUUID } from "node:crypto";
import { actorOf } from "../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { todayInAmsterdam } from "../../platform/werkdagen.ts";
import { disclosureGrant } from "../../protocol/engine.ts";
import type { DisclosureField, Profile } from "../../protocol/profile.ts";
import type { ScreeningLetters } from "../letters/ports.ts";
import { nameValue, subjectValue } from "../matching/blind-keys.ts";
import { type MatchPerson, normalisePerson } from "../matching/normalise.ts";
import { matchScore } from "../matching/score.ts";
import type { RegionSettings } from "../organisations/schemas.ts";
import type { Candidate, RegistrationsForScreenings } from "../registrations/ports.ts";
import type { HitDutyInput, SeekerScreening } from "../seekers/ports.ts";
import { prepareHitDuties } from "./hit-duties.ts";
import { disclose, withConsent } from "./policy.ts";
import { ownScreenings } from "./read-models/own-screenings.ts";
import * as repo from "./repository.ts";
import type { ScreeningAnswer, ScreeningInput, ScreeningResult } from "./schemas.ts";

interface Deps {
  organisations: {
    profile(): Promise<Profile>;
    settings(): Promise<RegionSettings>;
    getName(id: string): Promise<string | undefined>;
  };
  registrations: RegistrationsForScreenings;
  seekers: SeekerScreening;
  letters: ScreeningLetters;
  /** Written consent (001 §5.5) adds fields for other participants once its reflection ended. */
  /** Cases' CaseConsents port, written out: cases depends on screenings, not the reverse. */
  cases: () => {
    consentFields(registrationId: string, profile: Profile): Promise<readonly DisclosureField[]>;
  };
}

/** The window over which one user's screenings are counted for the burst signal. */
const BURST_WINDOW_MS = 60 * 60 * 1000;

export type ScreeningsService = ReturnType<typeof createScreeningsService>;

export function createScreeningsService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring">,
  deps: Deps,
) {
  const { database, clock, keyring } = ctx;
  const db = database.db;

  return {
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
      /** One result per part in force; `first`: the part the person's hit letter tells of. */
      const results: { candidate: Candidate; result: ScreeningResult; first: boolean }[] = [];
      const candidates = (await deps.registrations.candidatesFor(input.person)).map((c) => ({
        ...c,
        normalised: normalisePerson(c.person),
      }));
      const scoring = await deps.seekers.scoringFor([
        person,
        ...candidates.map((c) => c.normalised),
      ]);
      for (const c of candidates) {
        if (!matchScore(person, c.normalised, scoring)) continue;
        const grant = disclosureGrant(
          profile,
          principal.organisationId,
          principal.roles,
          c.row.organisationId,
        );
        if (!grant) continue;
        if (
          grant.requiresConfirmedMatch &&
          !(await deps.seekers.confirmedFor(c.row.id, person, input.person.seekerNumber))
        ) {
          continue; // 003 §6 punten 3–5: nothing shows before the primary source confirmed
        }
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
        );
        for (const [i, result] of shown.entries()) {
          results.push({ candidate: c, result, first: i === 0 });
        }
      }
      const hit = results.length > 0;
      const id = randomUUID();
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
        // One letter per registration hit, telling of the part that concerns the caller most.
        hits: results
          .filter((r) => r.first)
          .map((r) => ({
            registrationId: r.candidate.row.id,
            appliesToCaller: r.result.appliesToCaller,
            since: r.result.since,
            until: r.result.until,
            scope: r.result.scope,
            primarySourceId: r.candidate.row.organisationId,
          })),
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
          details: { purpose: input.purpose, results: results.length },
        });
      });
      await hitDuties.produce(actorOf(principal), meta);
      return { id, hit, results: results.map((r) => r.result) };
    },
  };
}
