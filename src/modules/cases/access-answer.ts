/**
 * The access answer for the joint register (003 Definities "gezamenlijke
 * verwerkingsverantwoordelijken", §15.2; AVG art. 15, art. 26 lid 3). Whichever participant
 * receives the request answers for the whole region: the matching engine (the scoring
 * screenings use) finds every registration held about the requester, the handling officer
 * confirms or rejects each candidate, and the answer lists the confirmed ones with their own
 * primary source, the participant's own screenings, and the actual recipients (CJEU
 * C-154/21). Shared by the candidates read model, the confirm step and the decision.
 */
import { protocolRule } from "../../platform/errors.ts";
import { compareDates, termEnd } from "../../platform/werkdagen.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { AccessFacts, AccessRegistration } from "../letters/ports.ts";
import type { Letterhead } from "../organisations/ports.ts";
import type { Person } from "../registrations/schemas.ts";
import type { CasesEnv } from "./env.ts";
import * as repo from "./repository.ts";
import { readRequester } from "./requester.ts";
import { type ScoredRegistration, scoreRequester } from "./requester-candidates.ts";
import { needsSourceCheck, type SourceCheck, sourceChecksOf } from "./source-checks.ts";

export type CandidateDecision = "confirmed" | "rejected";

export interface AccessCandidate extends ScoredRegistration {
  /** The registration the case was filed on or linked to counts as confirmed. */
  decision: CandidateDecision | "pending";
  /**
   * The primary source's check (D-1040): null when none is needed (its own registration, the
   * case's registration, an exact identity). Only a candidate with no check or a confirmed one
   * is shown to the handling officer; one its primary source rejected counts as rejected.
   */
  check: SourceCheck | null;
}

/** Whether the handling officer may see this candidate (no check needed, or confirmed). */
export function shown(c: AccessCandidate): boolean {
  return c.check === null || c.check.status === "confirmed";
}

/** Candidates are judged only while the request is open: before the answer is given. */
export function candidatesOpen(row: repo.CaseRow): boolean {
  return row.status === "received" || row.status === "acknowledged";
}

/** The decisions stored on the case (facts.accessCandidates: registration id → decision). */
export function storedDecisions(row: repo.CaseRow): Record<string, CandidateDecision> {
  return (
    (row.facts as { accessCandidates?: Record<string, CandidateDecision> }).accessCandidates ?? {}
  );
}

/** Whom the access request is about: the requester as they gave themselves, else the registration. */
export async function requesterOf(env: CasesEnv, row: repo.CaseRow): Promise<Person | undefined> {
  const data = await readRequester(env, row);
  if (data.person) return data.person;
  if (row.registrationId) {
    return (await env.deps.registrations.letterSubject(row.registrationId))?.person as
      | Person
      | undefined;
  }
  return undefined;
}

/**
 * The registrations held anywhere in the region that the engine scores as this person (the
 * region's threshold and surname counts, as screenings score), with the comparison the
 * officer judges and any decision already taken. The case's own registration is always one.
 */
export async function accessCandidatesOf(
  env: CasesEnv,
  row: repo.CaseRow,
): Promise<AccessCandidate[]> {
  const person = await requesterOf(env, row);
  if (!person) return [];
  const decisions = storedDecisions(row);
  const scored = await scoreRequester(env, person, row.registrationId);
  const checks = await openSourceChecks(env, row, scored);
  return scored.map((c) => {
    const check = needsSourceCheck(row, c)
      ? (checks.find((k) => k.registrationId === c.registrationId) ?? null)
      : null;
    const own = c.registrationId === row.registrationId ? "confirmed" : undefined;
    return {
      ...c,
      check,
      decision:
        own ??
        (check?.status === "rejected" ? "rejected" : (decisions[c.registrationId] ?? "pending")),
    };
  });
}

/**
 * Gives every candidate that needs its primary source's check a pending one while the request
 * is open (on receipt of a public request, else at the first look); answers the checks as stored.
 */
async function openSourceChecks(
  env: CasesEnv,
  row: repo.CaseRow,
  scored: readonly ScoredRegistration[],
): Promise<SourceCheck[]> {
  const checks = sourceChecksOf(row);
  if (!candidatesOpen(row)) return checks;
  const profile = await env.deps.organisations.profile();
  const added = newSourceChecks(profile, env.clock.today(), row, scored);
  if (added.length === 0) return checks;
  const facts = { ...(row.facts as object), sourceChecks: [...checks, ...added] };
  await repo.updateCase(env.db, row.id, { facts });
  row.facts = facts;
  return sourceChecksOf(row);
}

/**
 * The checks still to be asked of the candidates' primary sources: due one working day on
 * (profile `screening_confirmation`, as a screening's confirmation task, D-1012).
 */
export function newSourceChecks(
  profile: Profile,
  today: string,
  row: Pick<repo.CaseRow, "facts" | "organisationId" | "registrationId">,
  scored: readonly ScoredRegistration[],
): SourceCheck[] {
  const checks = sourceChecksOf(row);
  const missing = scored.filter(
    (c) => needsSourceCheck(row, c) && !checks.some((k) => k.registrationId === c.registrationId),
  );
  if (missing.length === 0) return [];
  const rule = profile.deadlines.screening_confirmation;
  const due = termEnd(today, rule?.term ?? { workingDays: 1 }).date;
  return missing.map((c) => ({
    registrationId: c.registrationId,
    organisationId: c.primarySourceId,
    status: "pending" as const,
    due,
  }));
}

/**
 * Who received data about the person from these registrations: the screenings with a hit by
 * any participant other than the registration's primary source, and the blocks seen (from
 * `since` on), earliest first, with the organisation's id and name.
 */
export async function actualRecipients(
  env: CasesEnv,
  person: Person,
  registrations: readonly { id: string; organisationId: string }[],
  since?: string,
): Promise<
  { organisationId: string; organisation: string; date: string; how: "screening" | "block" }[]
> {
  if (registrations.length === 0) return [];
  const sources = new Set(registrations.map((r) => r.organisationId));
  const out: {
    organisationId: string;
    organisation: string;
    date: string;
    how: "screening" | "block";
  }[] = [];
  for (const s of await env.deps.screenings().screeningsOf(person)) {
    if (!s.hit || sources.has(s.organisation.id)) continue;
    out.push({
      organisationId: s.organisation.id,
      organisation: s.organisation.name,
      date: s.date,
      how: "screening",
    });
  }
  for (const r of registrations) {
    for (const v of await env.deps.seekers().blockViewsOf(r.id)) {
      if (v.organisationId === r.organisationId) continue;
      out.push({
        organisationId: v.organisationId,
        organisation: (await env.deps.organisations.getName(v.organisationId)) ?? "",
        date: v.date,
        how: "block",
      });
    }
  }
  return out
    .filter((x) => !since || compareDates(x.date, since) >= 0)
    .sort((a, b) => compareDates(a.date, b.date));
}

/**
 * What the access answer discloses, composed at the decision: refused with a 422 while any
 * region-wide candidate waits for the handling officer's confirmation.
 */
export async function composeAccessAnswer(env: CasesEnv, row: repo.CaseRow): Promise<AccessFacts> {
  const candidates = await accessCandidatesOf(env, row);
  const today = env.clock.today();
  // A check still in its term holds the answer back; one past its term does not: the person
  // gets the answer in time, without the unconfirmed registration, and is told a check runs
  // (D-1041).
  const checking = candidates.filter((c) => c.check?.status === "pending");
  if (checking.some((c) => compareDates(c.check!.due, today) >= 0)) {
    throw protocolRule(
      "access_candidates_awaiting_source",
      `${checking.length} registration(s) elsewhere in the region may be about this person; their primary source checks this (until ${checking.map((c) => c.check!.due).sort()[0]}) before the access answer is produced.`,
      "003 §6 punt 3, §15.2; AVG art. 15, art. 26 lid 3",
    );
  }
  const pending = candidates.filter((c) => shown(c) && c.decision === "pending");
  if (pending.length > 0) {
    throw protocolRule(
      "access_candidates_unconfirmed",
      `${pending.length} registration(s) elsewhere in the region may be about this person: confirm or reject each (GET /cases/{id}/access-candidates) before the access answer is produced.`,
      "003 §15.2; AVG art. 15, art. 26 lid 3",
    );
  }
  const person = await requesterOf(env, row);
  const registrations: AccessRegistration[] = [];
  for (const c of candidates.filter((x) => shown(x) && x.decision === "confirmed")) {
    const subject = await env.deps.registrations.letterSubject(c.registrationId);
    if (!subject) continue;
    const letterhead = await env.deps.organisations.letterhead(subject.organisationId);
    registrations.push({
      primarySource: {
        id: subject.organisationId,
        name: letterhead?.name ?? "",
        address: letterhead ? addressOf(letterhead) : [],
      },
      person: subject.person,
      address: subject.address,
      facts: subject.facts,
    });
  }
  const screenings = person ? await env.deps.screenings().screeningsOf(person) : [];
  const recipients = person
    ? await actualRecipients(
        env,
        person,
        registrations.map((r) => ({ id: r.facts.id, organisationId: r.primarySource.id })),
      )
    : [];
  // The hit letters the answering organisation owed after its own screenings (001 §3.3).
  const own = screenings.filter((s) => s.organisation.id === row.organisationId);
  const letters = person
    ? await env.deps.letters.hitLettersAbout(
        row.organisationId,
        person,
        own.filter((s) => s.hit).map((s) => s.date),
      )
    : [];
  return {
    registrations,
    ownScreenings: own.map((s) => {
      const letter = s.hit ? letters.findIndex((l) => l.date === s.date) : -1;
      const sentOn = letter >= 0 ? letters.splice(letter, 1)[0]!.sentOn : null;
      return {
        date: s.date,
        purpose: s.purpose as AccessFacts["ownScreenings"][number]["purpose"],
        hit: s.hit,
        ...(s.hit ? { hitLetterSentOn: sentOn } : {}),
      };
    }),
    recipients: recipients.map(({ organisation, date, how }) => ({ organisation, date, how })),
    screeningsInRegion: screenings.length,
    stillChecked: checking.length,
  };
}

function addressOf(o: Letterhead): string[] {
  if (!o.address) return [];
  return [
    `${o.address.street} ${o.address.houseNumber}`,
    `${o.address.postcode} ${o.address.city}`,
  ];
}
