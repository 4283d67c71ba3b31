import { randomUUID } from "node:crypto";
import { type Actor, actorOf, SYSTEM } from "../../platform/audit/actor.ts";
import { type AuditActor, type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import { addDays, addMonths, compareDates, termEnd } from "../../platform/werkdagen.ts";
import { CASE_KINDS, type CaseKind } from "../../protocol/case-kinds.ts";
import type { DisclosureField, Profile } from "../../protocol/profile.ts";
import type { CaseFacts, LetterDuties, RemovalGround } from "../letters/ports.ts";
import type { Address, Person } from "../registrations/schemas.ts";
import type { RegistrationsService } from "../registrations/service.ts";
import type { ScreeningsService } from "../screenings/service.ts";
import * as repo from "./repository.ts";
import type { CaseDetail, CaseInput, CaseStatus, CaseSummary, DecisionInput } from "./schemas.ts";

/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const CASE_ENCRYPTED_COLUMNS = {
  table: "case_file",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["requester_ciphertext", "reasons_ciphertext", "hearing_report_ciphertext"],
};

const place = (id: string, column: string) => ({ table: "case_file", column, rowId: id });

/** Rights requests (AVG art. 15–18; 003 ch. 15; 001 §9.2–9.4). */
export const RIGHTS: readonly CaseKind[] = ["access", "rectification", "erasure", "restriction"];
/** Cases decided by the disputes committee (003 §16.4, ch. 24; 001 §10, §11). */
export const COMMITTEE_CASES: readonly CaseKind[] = ["appeal", "hardship"];
/** Cases about the registration itself: they need one. */
const NEEDS_REGISTRATION: readonly CaseKind[] = [
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "new_chance",
  "support_team",
  "consent",
];

/** The profile deadline keys of each step, per case type. */
function keysOf(type: CaseKind) {
  switch (type) {
    case "access":
    case "rectification":
    case "erasure":
    case "restriction":
      return { decision: `${type}_request_decision` };
    case "objection":
    case "complaint":
      return {
        acknowledgement: `${type}_acknowledgement`,
        decision: `${type}_decision`,
        removal: `upheld_${type}_removal`,
      };
    case "appeal":
      return {
        acknowledgement: "appeal_acknowledgement",
        decision: "appeal_decision",
        removal: "upheld_appeal_removal",
      };
    case "hardship":
      return { decision: "hardship_decision" };
    case "new_chance":
      return { decision: "new_chance_decision" };
    case "support_team":
      return {};
    case "consent":
      return { decision: "consent_reflection" };
  }
}

/** What each case type needs in the profile to exist at all (else 422: not in this protocol). */
function requiredKey(type: CaseKind): string {
  if (type === "support_team") return "support_tenancy_review";
  if (type === "consent") return "consent_reflection";
  return keysOf(type).decision ?? "";
}

/** The case types the region's protocol knows (the others are refused on registration). */
export function caseTypesInProfile(profile: Profile): CaseKind[] {
  return CASE_KINDS.filter((t) => Boolean(profile.deadlines[requiredKey(t)]));
}

interface Deps {
  organisations: {
    profile(): Promise<Profile>;
    getName(id: string): Promise<string | undefined>;
    letterheadOfKind(kind: "consortium" | "committee"): Promise<{ id: string } | undefined>;
    consortiumId(): Promise<string | undefined>;
    listPublicParticipants(): Promise<{ id: string }[]>;
  };
  registrations: RegistrationsService;
  letters: LetterDuties;
  screenings: () => ScreeningsService;
}

export type CasesService = ReturnType<typeof createCasesService>;

/** The kinds of request the public form and API accept (docs/decisions.md D-221). */
export const PUBLIC_REQUEST_TYPES = ["access", "rectification", "erasure", "objection"] as const;

export interface PublicRequestInput {
  organisationId: string;
  type: (typeof PUBLIC_REQUEST_TYPES)[number];
  person: Person;
  address?: Address | undefined;
  phone?: string | undefined;
  /** For an objection: the date of the letter it is against, when the person has it. */
  noticeDate?: string | undefined;
}

/** Public requests per client address per hour (per app instance: D-222). */
export const PUBLIC_REQUEST_LIMIT = { perAddress: 5, windowMs: 3_600_000 };

const PUBLIC_ACTOR: AuditActor = { type: "public", id: null, organisationId: null, role: null };

export function createCasesService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring">,
  deps: Deps,
) {
  const { database, clock, keyring } = ctx;
  const db = database.db;
  /** Client address → times of its recent public requests (the rate limit). */
  const publicRequests = new Map<string, number[]>();

  function due(profile: Profile, key: string, from: string) {
    const rule = profile.deadlines[key];
    if (!rule) return undefined;
    return { name: key, dueDate: termEnd(from, rule.term).date, source: rule.source };
  }

  async function addDeadline(
    tx: Db,
    profile: Profile,
    caseId: string,
    key: string | undefined,
    from: string,
  ) {
    if (!key) return;
    const d = due(profile, key, from);
    if (d) await repo.upsertDeadline(tx, { caseId, ...d });
  }

  async function event(
    tx: Db,
    caseId: string,
    actor: Actor,
    action: string,
    details: Record<string, unknown> = {},
  ) {
    await repo.insertEvent(tx, {
      id: randomUUID(),
      caseId,
      at: clock.now(),
      actorKind: actor.kind,
      actorId: actor.id,
      action,
      details,
    });
  }

  async function audit(
    tx: Db,
    meta: RequestMeta,
    actor: Actor,
    row: repo.CaseRow,
    action: string,
    details: Record<string, unknown> = {},
  ) {
    await recordAudit(tx, clock, meta, {
      actor: actor.audit,
      action: `case.${action}`,
      objectType: "case",
      objectId: row.id,
      outcome: "success",
      details: { type: row.type, ...details },
    });
  }

  /** Who may see a case: the responsible organisation, the primary source, the consortium. */
  async function visible(principal: Principal, id: string): Promise<repo.CaseRow> {
    const row = await repo.findCase(db, id);
    if (!row) throw notFound("case");
    if (hasRole(principal, ["consortium_admin"])) return row;
    if (hasRole(principal, ["committee"])) {
      // 001 Bijlage 2: the committee sees only the case files sent to it.
      if (row.organisationId === principal.organisationId) return row;
      throw notFound("case");
    }
    if (
      row.organisationId === principal.organisationId ||
      row.primarySourceId === principal.organisationId
    ) {
      return row;
    }
    throw notFound("case");
  }

  /** Who may act: the responsible organisation's officer / committee member, or the consortium. */
  async function actionable(principal: Principal, id: string): Promise<repo.CaseRow> {
    const row = await visible(principal, id);
    if (hasRole(principal, ["consortium_admin"])) return row;
    if (row.organisationId !== principal.organisationId) {
      throw new AppError(
        "forbidden",
        "Only the organisation that handles this case may act on it.",
      );
    }
    const committeeCase = COMMITTEE_CASES.includes(row.type as CaseKind);
    if (
      committeeCase !== hasRole(principal, ["committee"]) ||
      (!committeeCase && !hasRole(principal, ["officer"]))
    ) {
      throw new AppError(
        "forbidden",
        "Only the organisation that handles this case may act on it.",
      );
    }
    return row;
  }

  function finished(status: string) {
    return (repo.FINISHED as readonly string[]).includes(status);
  }

  async function summarise(rows: repo.CaseRow[]): Promise<CaseSummary[]> {
    const today = clock.today();
    const deadlines = await repo.deadlinesOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => {
      const own = deadlines.filter((d) => d.caseId === row.id);
      return {
        id: row.id,
        reference: row.reference,
        type: row.type as CaseKind,
        status: row.status as CaseStatus,
        organisationId: row.organisationId,
        registrationId: row.registrationId,
        parentCaseId: row.parentCaseId,
        receivedDate: row.receivedDate,
        outcome: row.outcome,
        decidedOn: row.decidedOn,
        deadlines: Object.fromEntries(own.map((d) => [d.name, d.dueDate])),
        overdue:
          !finished(row.status) &&
          own.some((d) => d.metOn === null && compareDates(d.dueDate, today) < 0),
      };
    });
  }

  async function summaryOf(id: string): Promise<CaseSummary> {
    return (await summarise([(await repo.findCase(db, id))!]))[0]!;
  }

  /** The case letter facts (letters module), sealed into the duty with the requester. */
  async function caseLetter(
    tx: Db,
    profile: Profile,
    row: repo.CaseRow,
    kind: "acknowledgement" | "decision" | "access_answer",
    sealed: { dutyId: string; ciphertext: string },
  ) {
    // The letter's term is the case step's own (else the content list's default key).
    const keys = keysOf(row.type as CaseKind);
    const deadlineKey = kind === "acknowledgement" ? keys.acknowledgement : keys.decision;
    return deps.letters.recordDuty(tx, profile, {
      organisationId: row.organisationId,
      registrationId: row.registrationId,
      caseId: row.id,
      kind,
      eventDate: row.receivedDate,
      ...(deadlineKey ? { deadlineKey } : {}),
      reason: row.type,
      sealed,
    });
  }

  async function sealCase(row: repo.CaseRow, facts: Partial<CaseFacts>) {
    const requester = row.requesterCiphertext
      ? (JSON.parse(
          await keyring.decrypt(
            row.organisationId,
            row.requesterCiphertext,
            place(row.id, "requester_ciphertext"),
          ),
        ) as { person?: Person; address?: Address })
      : {};
    // Only contract case types owe case letters (support team and consent write none).
    const letterType = row.type as CaseKind;
    return deps.letters.sealDutyData(row.organisationId, {
      ...(requester.person ? { person: requester.person } : {}),
      ...(requester.address ? { address: requester.address } : {}),
      case: {
        type: letterType,
        receivedDate: row.receivedDate,
        reference: row.reference,
        decisionDeadlineKey: keysOf(row.type as CaseKind).decision,
        ...facts,
      },
    });
  }

  function isWindowLate(
    profile: Profile,
    key: string,
    from: string | null | undefined,
    received: string,
  ) {
    if (!from) return false;
    const d = due(profile, key, from);
    return d !== undefined && compareDates(received, d.dueDate) > 0;
  }

  return {
    /**
     * Registers a received request, objection, complaint, appeal … (contract §3 POST /cases)
     * with its deadlines from the profile. An objection, complaint or restriction request
     * restricts the registration at once (AVG art. 18; 003 §12.1 "bezwaar lopend"): no hit,
     * match or block while it is pending. A late objection or appeal is declared
     * inadmissible (001 Bijlage 2 art. 5).
     */
    async createCase(principal: Principal, meta: RequestMeta, input: CaseInput) {
      const profile = await deps.organisations.profile();
      const type = input.type;
      const key = requiredKey(type);
      if (!profile.deadlines[key]) {
        throw protocolRule(
          "case_type_not_in_profile",
          `The protocol of this region (${profile.title}) has no procedure "${type}".`,
          `${profile.seed}: geen termijn of procedure voor ${type}`,
          { type },
        );
      }
      if (compareDates(input.receivedDate, clock.today()) > 0) {
        throw new AppError("invalid_input", "The received date cannot be after today.", {
          code: "received_in_future",
        });
      }
      // The committee registers an appeal against a case it has not seen yet: the person
      // names it (its reference is on the decision letter).
      const parent = !input.parentCaseId
        ? undefined
        : type === "appeal" && hasRole(principal, ["committee"])
          ? await repo.findCase(db, input.parentCaseId)
          : await visible(principal, input.parentCaseId);
      if (input.parentCaseId && !parent) throw notFound("case");
      const registrationId = input.registrationId ?? parent?.registrationId ?? null;
      if (!registrationId && NEEDS_REGISTRATION.includes(type)) {
        throw new AppError(
          "invalid_input",
          `A ${type} case concerns a registration: give registrationId.`,
          {
            code: "registration_required",
          },
        );
      }
      if (!registrationId && !input.person && !parent) {
        throw new AppError(
          "invalid_input",
          "Say whom the case is about: a registrationId, or the requester's person (and address).",
          { code: "requester_required" },
        );
      }
      const registration = registrationId
        ? await deps.registrations.findRow(registrationId)
        : undefined;
      if (registrationId && !registration) throw notFound("registration");
      const isConsortium = hasRole(principal, ["consortium_admin"]);
      const isCommittee = hasRole(principal, ["committee"]);
      if (
        registration &&
        !isConsortium &&
        !isCommittee &&
        registration.organisationId !== principal.organisationId
      ) {
        throw notFound("registration"); // 003 §6.3: only the primary source knows it
      }
      if (COMMITTEE_CASES.includes(type) !== isCommittee && !isConsortium) {
        throw new AppError(
          "forbidden",
          COMMITTEE_CASES.includes(type)
            ? "Appeals and hardship requests are registered by the disputes committee."
            : "The primary source registers this kind of case.",
        );
      }
      if (type === "appeal") {
        if (!parent || !["objection", "complaint"].includes(parent.type)) {
          throw protocolRule(
            "appeal_without_objection",
            "An appeal follows an objection or complaint: give its case as parentCaseId.",
            "003 §16.4; 001 §11 (Beroep op bezwaarschrift)",
          );
        }
        const parentDeadlines = await repo.deadlinesOf(db, [parent.id]);
        const decisionDue = parentDeadlines.find(
          (d) => d.name === keysOf(parent.type as CaseKind).decision,
        );
        const unanswered =
          parent.decidedOn === null &&
          decisionDue !== undefined &&
          compareDates(decisionDue.dueDate, input.receivedDate) < 0;
        if (parent.outcome !== "rejected" && parent.outcome !== "partly_upheld" && !unanswered) {
          throw protocolRule(
            "appeal_not_open",
            "An appeal is possible after a (partly) rejected objection or complaint, or when it was not answered in time.",
            "003 §16.4 (ongegrond of geen reactie binnen vier weken); 001 §11",
            { parentStatus: parent.status },
          );
        }
      }
      if (type === "support_team" && registrationId) {
        const earlier = (await repo.casesOfRegistration(db, registrationId)).filter(
          (c) => c.type === "support_team" && c.status !== "withdrawn",
        );
        if (earlier.length >= 2) {
          throw protocolRule(
            "support_team_limit",
            "At most two support-team requests per person within the term.",
            "001 Bijlage 1 Toelichting punt 2 (maximaal twee keer binnen de termijn van vijf jaar)",
          );
        }
      }
      // Admissibility: the windows the profile sets (001 Bijlage 2 art. 5; 003 §16.1).
      let inadmissible: string | undefined;
      if (
        type === "objection" &&
        isWindowLate(profile, "objection_window", input.noticeDate, input.receivedDate)
      ) {
        inadmissible = "objection_window";
      }
      if (
        type === "appeal" &&
        parent?.decidedOn &&
        isWindowLate(profile, "appeal_window", parent.decidedOn, input.receivedDate)
      ) {
        inadmissible = "appeal_window";
      }
      if (
        type === "complaint" &&
        parent?.decidedOn &&
        isWindowLate(profile, "complaint_window", parent.decidedOn, input.receivedDate)
      ) {
        inadmissible = "complaint_window";
      }
      const committee = COMMITTEE_CASES.includes(type)
        ? await deps.organisations.letterheadOfKind("committee")
        : undefined;
      if (COMMITTEE_CASES.includes(type) && !committee) {
        throw new AppError("conflict", "This region has no disputes committee yet.", {
          code: "no_committee",
        });
      }
      const organisationId =
        committee?.id ?? registration?.organisationId ?? principal.organisationId;
      const id = randomUUID();
      const requesterCiphertext = input.person
        ? await keyring.encrypt(
            organisationId,
            JSON.stringify({ person: input.person, address: input.address }),
            place(id, "requester_ciphertext"),
          )
        : null;
      const status: CaseStatus = inadmissible
        ? "inadmissible"
        : type === "consent"
          ? "reflection"
          : "received";
      const now = clock.now();
      const actor = actorOf(principal);
      await db.transaction(async (tx) => {
        await repo.insertCase(tx, {
          id,
          reference: `Z-${id.slice(0, 8).toUpperCase()}`,
          type,
          status,
          organisationId,
          primarySourceId: registration?.organisationId ?? parent?.primarySourceId ?? null,
          registrationId,
          parentCaseId: parent?.id ?? null,
          receivedDate: input.receivedDate,
          noticeDate: input.noticeDate ?? null,
          requesterCiphertext,
          facts: inadmissible ? { inadmissible } : {},
          createdAt: now,
          updatedAt: now,
        });
        if (!inadmissible) {
          const keys = keysOf(type);
          await addDeadline(tx, profile, id, keys.acknowledgement, input.receivedDate);
          // An appeal's decision term runs from its acknowledgement (001 §11); the rest from receipt.
          if (type !== "appeal")
            await addDeadline(tx, profile, id, keys.decision, input.receivedDate);
          if (type === "access")
            await addDeadline(tx, profile, id, "access_copies", input.receivedDate);
          if (["rectification", "erasure", "restriction"].includes(type)) {
            await addDeadline(tx, profile, id, "correction_execution", input.receivedDate);
          }
          if (registrationId) {
            const objectionLike = ["objection", "complaint", "appeal"].includes(type);
            const restrict =
              type === "restriction" || type === "rectification"
                ? type === "rectification"
                  ? "accuracy_contested"
                  : "rights_request"
                : objectionLike
                  ? "objection_pending"
                  : undefined;
            const applied = await deps.registrations.applyCaseState(
              tx,
              registrationId,
              meta,
              {
                ...(restrict ? { restrict } : {}),
                ...(objectionLike ? { objectionPending: true } : {}),
              },
              id,
            );
            if (applied.restricted) {
              await repo.updateCase(tx, id, { facts: { restrictedByCase: true } });
            }
          }
        }
        await event(tx, id, actor, inadmissible ? "received_inadmissible" : "received", {
          ...(inadmissible ? { window: inadmissible } : {}),
        });
        await audit(tx, meta, actor, { id, type } as repo.CaseRow, "received", {
          registrationId,
          ...(inadmissible ? { inadmissible } : {}),
        });
      });
      if (inadmissible) {
        // The person is told why, with the same decision letter (001 Bijlage 2 art. 5).
        const row = (await repo.findCase(db, id))!;
        const sealed = await sealCase(row, {
          outcome: "rejected",
          reasons: "Niet-ontvankelijk: ingediend na afloop van de termijn.",
        });
        let dutyId = "";
        await db.transaction(async (tx) => {
          ({ id: dutyId } = await caseLetter(tx, profile, row, "decision", sealed));
        });
        await deps.letters.produceAfterEvent(dutyId, actor, meta);
      }
      return summaryOf(id);
    },

    async listCases(
      principal: Principal,
      query: {
        overdue?: "true" | "false" | undefined;
        status?: CaseStatus | undefined;
        type?: CaseKind | undefined;
        registrationId?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const all = hasRole(principal, ["consortium_admin"]);
      const { rows, total } = await repo.listCases(db, {
        organisationId: all ? undefined : principal.organisationId,
        responsibleOnly: hasRole(principal, ["committee"]),
        overdueOn: query.overdue === "true" ? clock.today() : undefined,
        status: query.status,
        type: query.type,
        registrationId: query.registrationId,
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: await summarise(rows), page: query.page, pageSize: query.pageSize, total };
    },

    /**
     * The case id behind a printed reference ("Z-3F9A1C2B", as on letters and case pages;
     * the "Z-" and case are optional). Only a case the caller may see — except that the
     * disputes committee, registering an appeal, may name the objection or complaint the
     * person quotes from the decision letter (the same rule as `createCase` with
     * `parentCaseId`), and nothing else. Otherwise 404, never whether it exists.
     */
    async caseIdByReference(
      principal: Principal,
      reference: string,
      purpose: "view" | "appeal_parent" = "view",
    ): Promise<string> {
      const hex = /^(?:Z-?)?([0-9A-F]{8})$/i.exec(reference.trim().replace(/\s+/g, ""))?.[1];
      if (!hex) {
        throw new AppError("invalid_input", "A case reference looks like Z-3F9A1C2B.", {
          code: "reference_invalid",
        });
      }
      const row = await repo.findCaseByReference(db, `Z-${hex.toUpperCase()}`);
      if (!row) throw notFound("case");
      if (
        purpose === "appeal_parent" &&
        hasRole(principal, ["committee"]) &&
        ["objection", "complaint"].includes(row.type)
      ) {
        return row.id;
      }
      return (await visible(principal, row.id)).id;
    },

    async getCase(principal: Principal, meta: RequestMeta, id: string): Promise<CaseDetail> {
      const row = await visible(principal, id);
      const [summary] = await summarise([row]);
      const today = clock.today();
      const deadlines = await repo.deadlinesOf(db, [id]);
      const events = await repo.eventsOf(db, id);
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "case.viewed",
        objectType: "case",
        objectId: id,
        outcome: "success",
      });
      return {
        ...summary!,
        noticeDate: row.noticeDate,
        identityVerifiedOn: row.identityVerifiedOn,
        identityMethod: row.identityMethod,
        acknowledgedOn: row.acknowledgedOn,
        executedOn: row.executedOn,
        reasons: row.reasonsCiphertext
          ? await keyring.decrypt(
              row.organisationId,
              row.reasonsCiphertext,
              place(id, "reasons_ciphertext"),
            )
          : null,
        facts: row.facts as Record<string, unknown>,
        deadlineDetails: deadlines.map((d) => ({
          name: d.name,
          dueDate: d.dueDate,
          source: d.source,
          metOn: d.metOn,
          overdue: d.metOn === null && !finished(row.status) && compareDates(d.dueDate, today) < 0,
        })),
        events: events.map((e) => ({
          at: e.at.toISOString(),
          action: e.action,
          actor: { kind: e.actorKind, id: e.actorId },
          details: e.details as Record<string, unknown>,
        })),
      };
    },

    /** Identity verified (and how) before anything is disclosed (AVG art. 12 lid 6). */
    async verifyIdentity(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      input: { method: string; date: string },
    ) {
      const row = await actionable(principal, id);
      const actor = actorOf(principal);
      await db.transaction(async (tx) => {
        await repo.updateCase(tx, id, {
          identityVerifiedOn: input.date,
          identityMethod: input.method,
          updatedAt: clock.now(),
        });
        await event(tx, id, actor, "identity_verified", { method: input.method, date: input.date });
        await audit(tx, meta, actor, row, "identity_verified", { method: input.method });
      });
      return summaryOf(id);
    },

    /** The acknowledgement of receipt (003 §16.2; 001 §11): a letter, and the appeal's decision term starts. */
    async acknowledge(principal: Principal, meta: RequestMeta, id: string) {
      const row = await actionable(principal, id);
      const keys = keysOf(row.type as CaseKind);
      if (!keys.acknowledgement) {
        throw new AppError("conflict", "This kind of case has no acknowledgement step.", {
          code: "no_acknowledgement_step",
        });
      }
      if (row.status !== "received") {
        throw new AppError(
          "conflict",
          `This case is ${row.status}: it can no longer be acknowledged.`,
          { code: "case_not_open" },
        );
      }
      const profile = await deps.organisations.profile();
      const today = clock.today();
      const actor = actorOf(principal);
      const sealed = await sealCase(row, {});
      let dutyId = "";
      await db.transaction(async (tx) => {
        await repo.updateCase(tx, id, {
          status: "acknowledged",
          acknowledgedOn: today,
          updatedAt: clock.now(),
        });
        await repo.meetDeadlines(tx, id, [keys.acknowledgement!], today);
        if (row.type === "appeal") await addDeadline(tx, profile, id, keys.decision, today);
        ({ id: dutyId } = await caseLetter(tx, profile, row, "acknowledgement", sealed));
        await event(tx, id, actor, "acknowledged");
        await audit(tx, meta, actor, row, "acknowledged");
      });
      await deps.letters.produceAfterEvent(dutyId, actor, meta);
      return summaryOf(id);
    },

    /** A hearing (optional), with its report kept encrypted (001 Bijlage 2 art. 14–16). */
    async recordHearing(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      input: { date: string; report?: string | undefined },
    ) {
      const row = await actionable(principal, id);
      if (finished(row.status) || row.status === "decided") {
        throw new AppError("conflict", `This case is ${row.status}: no hearing any more.`, {
          code: "case_not_open",
        });
      }
      const report = input.report
        ? await keyring.encrypt(
            row.organisationId,
            input.report,
            place(id, "hearing_report_ciphertext"),
          )
        : null;
      const actor = actorOf(principal);
      await db.transaction(async (tx) => {
        await repo.updateCase(tx, id, {
          hearingReportCiphertext: report,
          facts: {
            ...(row.facts as object),
            hearingDate: input.date,
            hearingReport: report !== null,
          },
          updatedAt: clock.now(),
        });
        await event(tx, id, actor, "hearing_held", { date: input.date, report: report !== null });
        await audit(tx, meta, actor, row, "hearing_recorded");
      });
      return summaryOf(id);
    },

    /** Challenge (wraking) or recusal (verschoning) of a committee member (001 Bijlage 2 art. 10–11). */
    async recordChallenge(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      input: { kind: string; member: string; outcome: string; date: string },
    ) {
      const row = await actionable(principal, id);
      if (!COMMITTEE_CASES.includes(row.type as CaseKind)) {
        throw new AppError(
          "conflict",
          "Challenge and recusal concern the disputes committee's cases.",
          { code: "not_a_committee_case" },
        );
      }
      const actor = actorOf(principal);
      const challenges = [...((row.facts as { challenges?: unknown[] }).challenges ?? []), input];
      await db.transaction(async (tx) => {
        await repo.updateCase(tx, id, {
          facts: { ...(row.facts as object), challenges },
          updatedAt: clock.now(),
        });
        await event(tx, id, actor, input.kind, { outcome: input.outcome, date: input.date });
        await audit(tx, meta, actor, row, input.kind, { outcome: input.outcome });
      });
      return summaryOf(id);
    },

    /**
     * The decision (contract §3 POST /cases/{id}/decision), always with reasons. Upheld or
     * partly upheld: carried out on the registration — an erasure, new chance or hardship
     * removal at once; an objection, complaint or appeal schedules the removal or correction
     * within the profile's term (the registration stays restricted meanwhile, so it gives no
     * hit); a rejection lifts the case's restriction. The person gets the decision letter.
     */
    async decide(principal: Principal, meta: RequestMeta, id: string, input: DecisionInput) {
      const row = await actionable(principal, id);
      const type = row.type as CaseKind;
      if (!["received", "acknowledged"].includes(row.status)) {
        throw new AppError("conflict", `This case is ${row.status}: it cannot be decided now.`, {
          code: "case_not_open",
        });
      }
      if (type === "consent") {
        throw new AppError(
          "conflict",
          "A consent takes effect after its reflection period; it is not decided.",
          { code: "no_decision_step" },
        );
      }
      const keys = keysOf(type);
      if (keys.acknowledgement && row.status !== "acknowledged") {
        throw protocolRule(
          "acknowledgement_first",
          "Send the acknowledgement of receipt before deciding.",
          "003 §16.2; 001 §11 (Ingekomen bezwaarschrift)",
        );
      }
      const favourable = input.outcome !== "rejected";
      if (RIGHTS.includes(type) && favourable && !row.identityVerifiedOn) {
        throw protocolRule(
          "identity_not_verified",
          "Record how the requester's identity was verified before granting (and disclosing) anything.",
          "AVG art. 12 lid 6; 003 §15; 001 §9.2",
        );
      }
      if (type === "hardship" && input.newEndDate && row.registrationId) {
        const reg = await deps.registrations.findRow(row.registrationId);
        if (reg && compareDates(input.newEndDate, reg.endDate) >= 0) {
          throw protocolRule(
            "hardship_only_favourable",
            "The hardship clause can only shorten a term, never extend it.",
            "003 hoofdstuk 24; 001 §10",
          );
        }
      }
      if (type === "support_team" && !input.supportTeam) {
        throw new AppError(
          "invalid_input",
          "A support-team decision says whether a home and support are offered (supportTeam).",
          { code: "support_team_outcome_required" },
        );
      }
      if (input.supportTeam && type !== "support_team") {
        throw new AppError("invalid_input", "supportTeam belongs to support-team cases only.", {
          code: "field_not_for_case_type",
        });
      }
      const profile = await deps.organisations.profile();
      let feeCents: number | undefined;
      if (input.feePages !== undefined) {
        feeCents = await this.feeFor(profile, row, input.feePages);
      }
      const today = clock.today();
      const actor = actorOf(principal);
      const reasons = await keyring.encrypt(
        row.organisationId,
        input.reasons,
        place(id, "reasons_ciphertext"),
      );
      const sealed = ["support_team"].includes(type)
        ? undefined
        : await sealCase(row, { outcome: input.outcome, reasons: input.reasons });
      const restrictedByCase =
        (row.facts as { restrictedByCase?: boolean }).restrictedByCase === true;
      const facts: Record<string, unknown> = { ...(row.facts as object) };
      if (feeCents !== undefined) facts.feeCents = feeCents;
      if (input.members) facts.members = input.members;
      if (input.supportTeam) facts.supportTeam = input.supportTeam;
      if (input.newEndDate) facts.newEndDate = input.newEndDate;
      let removeNow: RemovalGround | undefined;
      if (favourable && row.registrationId) {
        if (type === "erasure" || type === "new_chance")
          removeNow = type === "new_chance" ? "new_chance" : "objection_upheld";
        if (type === "hardship" && !input.newEndDate) removeNow = "objection_upheld";
      }
      const consortiumId = await deps.organisations.consortiumId();
      let dutyId = "";
      await db.transaction(async (tx) => {
        let status: CaseStatus = "decided";
        await repo.meetDeadlines(tx, id, [keys.decision ?? ""], today);
        if (row.registrationId) {
          const objectionLike = ["objection", "complaint", "appeal"].includes(type);
          if (objectionLike) {
            await deps.registrations.applyCaseState(
              tx,
              row.registrationId,
              meta,
              {
                objectionPending: false,
                objectionOutcome: input.outcome,
                // Upheld: no hit while the removal is carried out; rejected: the restriction ends.
                ...(favourable
                  ? { restrict: "objection_pending" as const }
                  : restrictedByCase
                    ? { lift: true }
                    : {}),
              },
              id,
            );
            if (favourable) await addDeadline(tx, profile, id, keys.removal, today);
            else if (type !== "appeal") {
              await addDeadline(
                tx,
                profile,
                id,
                profile.deadlines.appeal_window ? "appeal_window" : undefined,
                today,
              );
            }
          }
          if (type === "restriction") {
            if (!favourable && restrictedByCase)
              await deps.registrations.applyCaseState(
                tx,
                row.registrationId,
                meta,
                { lift: true },
                id,
              );
            status = "executed";
          }
          if (type === "rectification") {
            if (!favourable && restrictedByCase)
              await deps.registrations.applyCaseState(
                tx,
                row.registrationId,
                meta,
                { lift: true },
                id,
              );
            if (!favourable) status = "closed";
          }
          if (type === "hardship" && favourable && input.newEndDate) {
            await deps.registrations.applyCaseState(
              tx,
              row.registrationId,
              meta,
              { endDate: input.newEndDate },
              id,
            );
            status = "executed";
          }
          if (type === "support_team" && input.supportTeam) {
            if (input.supportTeam.house) {
              status = "probation";
              await addDeadline(tx, profile, id, "support_tenancy_review", today);
            } else {
              status = "closed";
              await deps.letters.recordDuty(tx, profile, {
                organisationId: row.organisationId,
                registrationId: row.registrationId,
                caseId: id,
                kind: "continuation",
                eventDate: today,
                reason: "support_team_refused_rehousing",
              });
            }
          }
        }
        if (!favourable && ["access", "erasure", "new_chance", "hardship"].includes(type))
          status = "closed";
        if (type === "access" && favourable) status = "executed";
        await repo.updateCase(tx, id, {
          status,
          outcome: input.outcome,
          reasonsCiphertext: reasons,
          decidedOn: today,
          facts,
          updatedAt: clock.now(),
        });
        if (sealed) {
          ({ id: dutyId } = await caseLetter(
            tx,
            profile,
            { ...row, status },
            type === "access" && favourable ? "access_answer" : "decision",
            sealed,
          ));
        }
        await event(tx, id, actor, "decided", {
          outcome: input.outcome,
          ...(feeCents !== undefined ? { feeCents } : {}),
        });
        await audit(tx, meta, actor, row, "decided", { outcome: input.outcome });
        // 003 ch. 15: the consortium is informed of a granted request.
        if (favourable && RIGHTS.includes(type)) {
          await recordAudit(tx, clock, meta, {
            actor: actor.audit,
            action: "case.consortium_informed",
            objectType: "case",
            objectId: id,
            outcome: "success",
            details: { type, consortium: consortiumId ?? null },
          });
        }
      });
      if (dutyId) await deps.letters.produceAfterEvent(dutyId, actor, meta);
      if (removeNow && row.registrationId) {
        await this.execute(principal, meta, id, "removed", removeNow);
      }
      return summaryOf(id);
    },

    /**
     * Carries out an upheld decision on the registration (003 §16.3, §12.4; 001 §3.4): the
     * registration is erased (the removal letter goes) or it was corrected by the officer.
     */
    async execute(
      principal: Principal | null,
      meta: RequestMeta,
      id: string,
      action: "removed" | "corrected",
      ground: RemovalGround = "objection_upheld",
    ) {
      const row = principal ? await visible(principal, id) : (await repo.findCase(db, id))!;
      if (
        principal &&
        !hasRole(principal, ["consortium_admin"]) &&
        !(
          hasRole(principal, ["officer"]) &&
          (row.primarySourceId === principal.organisationId ||
            row.organisationId === principal.organisationId)
        )
      ) {
        throw new AppError("forbidden", "The primary source carries out the decision.");
      }
      if (row.outcome === "rejected" || row.outcome === null) {
        throw new AppError("conflict", "Only an upheld decision is carried out.", {
          code: "nothing_to_execute",
        });
      }
      if (!["decided", "executed"].includes(row.status) || row.executedOn) {
        throw new AppError("conflict", `This case is ${row.status}: nothing left to carry out.`, {
          code: "nothing_to_execute",
        });
      }
      const actor = principal ? actorOf(principal) : SYSTEM;
      const today = clock.today();
      const keys = keysOf(row.type as CaseKind);
      if (action === "removed" && row.registrationId) {
        await deps.registrations.eraseForCase(row.registrationId, id, ground, actor, meta);
      }
      await db.transaction(async (tx) => {
        if (action === "corrected" && row.registrationId) {
          await deps.registrations.applyCaseState(tx, row.registrationId, meta, { lift: true }, id);
        }
        await repo.meetDeadlines(
          tx,
          id,
          [keys.removal ?? "", "correction_execution"].filter(Boolean),
          today,
        );
        await repo.updateCase(tx, id, {
          status: "executed",
          executedOn: today,
          updatedAt: clock.now(),
        });
        await event(
          tx,
          id,
          actor,
          action === "removed" ? "registration_removed" : "registration_corrected",
        );
        await audit(tx, meta, actor, row, "executed", { action });
      });
      return summaryOf(id);
    },

    /** 001 §9.5: more than once per half year, EUR 0.23 a page, at most EUR 5 (an option). */
    async feeFor(profile: Profile, row: repo.CaseRow, pages: number): Promise<number> {
      if (profile.id !== "keurmerk-2013" || row.type !== "access") {
        throw protocolRule(
          "fee_not_allowed",
          "A fee may only be asked for a repeated access request under 001.",
          "001 §9.5",
        );
      }
      const halfYearAgo = addMonths(row.receivedDate, -6);
      const earlier = row.registrationId
        ? (await repo.casesOfRegistration(db, row.registrationId)).filter(
            (c) =>
              c.id !== row.id &&
              c.type === "access" &&
              compareDates(c.receivedDate, halfYearAgo) > 0 &&
              compareDates(c.receivedDate, row.receivedDate) <= 0,
          )
        : [];
      if (earlier.length === 0) {
        throw protocolRule(
          "fee_not_allowed",
          "A fee is only allowed for a second request within half a year.",
          "001 §9.5",
        );
      }
      return Math.min(pages * 23, 500);
    },

    /** The access answer's content (AVG art. 15): the data, purposes, recipients, source, and who screened. */
    async accessReport(principal: Principal, meta: RequestMeta, id: string) {
      const row = await actionable(principal, id);
      if (row.type !== "access")
        throw new AppError("conflict", "Only an access request has an access report.", {
          code: "not_an_access_request",
        });
      if (!row.identityVerifiedOn) {
        throw protocolRule(
          "identity_not_verified",
          "Record how the requester's identity was verified before anything is disclosed.",
          "AVG art. 12 lid 6; 003 §15; 001 §9.2",
        );
      }
      const view = row.registrationId
        ? await deps.registrations.viewForCase(row.registrationId)
        : undefined;
      let person: Person | undefined = view?.person;
      if (!person && row.requesterCiphertext) {
        person = (
          JSON.parse(
            await keyring.decrypt(
              row.organisationId,
              row.requesterCiphertext,
              place(id, "requester_ciphertext"),
            ),
          ) as { person?: Person }
        ).person;
      }
      const profile = await deps.organisations.profile();
      const screenings = person ? await deps.screenings().screeningsOf(person) : [];
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "case.access_report",
        objectType: "case",
        objectId: id,
        outcome: "success",
      });
      return {
        caseId: id,
        registration: view ? (view as unknown as Record<string, unknown>) : null,
        purposes: [
          `${profile.title}: het voorkomen van herhaling van ernstig ongewenst huurgedrag in de regio (${profile.seed})`,
        ],
        recipients: view
          ? [
              "de deelnemers van de regio, alleen na een bevestigde match of volgens het protocol",
              "het samenwerkingsverband",
            ]
          : [],
        source: view ? view.primarySource.name : null,
        screenings,
      };
    },

    /** The consent's reflection period (001 §5.5): withdrawn before it ends, it never counts. */
    async withdraw(principal: Principal, meta: RequestMeta, id: string) {
      const row = await visible(principal, id);
      if (finished(row.status) && row.status !== "effective") {
        throw new AppError("conflict", `This case is ${row.status}.`, { code: "case_not_open" });
      }
      const actor = actorOf(principal);
      await db.transaction(async (tx) => {
        if (
          row.registrationId &&
          (row.facts as { restrictedByCase?: boolean }).restrictedByCase &&
          row.status !== "decided"
        ) {
          await deps.registrations.applyCaseState(
            tx,
            row.registrationId,
            meta,
            { lift: true, objectionPending: false },
            id,
          );
        }
        await repo.updateCase(tx, id, { status: "withdrawn", updatedAt: clock.now() });
        await event(tx, id, actor, "withdrawn");
        await audit(tx, meta, actor, row, "withdrawn");
      });
      return summaryOf(id);
    },

    /** Support team probation (001 Bijlage 1 Toelichting 3 A): one extension of six months. */
    async extendProbation(principal: Principal, meta: RequestMeta, id: string) {
      const row = await actionable(principal, id);
      if (row.status !== "probation")
        throw new AppError("conflict", "Only a running probation can be extended.", {
          code: "not_on_probation",
        });
      if ((row.facts as { extended?: boolean }).extended) {
        throw protocolRule(
          "probation_extended_once",
          "The probation year can be extended once, by six months.",
          "001 Bijlage 1 Toelichting punt 3 A",
        );
      }
      const [current] = (await repo.deadlinesOf(db, [id])).filter(
        (d) => d.name === "support_tenancy_review",
      );
      const actor = actorOf(principal);
      await db.transaction(async (tx) => {
        await repo.upsertDeadline(tx, {
          caseId: id,
          name: "support_tenancy_review",
          dueDate: addMonths(current!.dueDate, 6),
          source: current!.source,
        });
        await repo.updateCase(tx, id, {
          facts: { ...(row.facts as object), extended: true },
          updatedAt: clock.now(),
        });
        await event(tx, id, actor, "probation_extended");
        await audit(tx, meta, actor, row, "probation_extended");
      });
      return summaryOf(id);
    },

    /** End of probation: removal when the conditions were met, else continuation with its letter (001 §9.1 B). */
    async endProbation(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      result: "conditions_met" | "conditions_not_met",
    ) {
      const row = await actionable(principal, id);
      if (row.status !== "probation")
        throw new AppError("conflict", "This case is not on probation.", {
          code: "not_on_probation",
        });
      const actor = actorOf(principal);
      const today = clock.today();
      const profile = await deps.organisations.profile();
      if (result === "conditions_met" && row.registrationId) {
        await deps.registrations.eraseForCase(
          row.registrationId,
          id,
          "support_team_rehousing",
          actor,
          meta,
        );
      }
      let dutyId = "";
      await db.transaction(async (tx) => {
        await repo.meetDeadlines(tx, id, ["support_tenancy_review"], today);
        if (result === "conditions_not_met" && row.registrationId) {
          ({ id: dutyId } = await deps.letters.recordDuty(tx, profile, {
            organisationId: row.organisationId,
            registrationId: row.registrationId,
            caseId: id,
            kind: "continuation",
            eventDate: today,
            reason: "conditions_not_met",
          }));
        }
        await repo.updateCase(tx, id, {
          status: "closed",
          facts: { ...(row.facts as object), probationResult: result },
          updatedAt: clock.now(),
        });
        await event(tx, id, actor, "probation_ended", { result });
        await audit(tx, meta, actor, row, "probation_ended", { result });
      });
      if (dutyId) await deps.letters.produceAfterEvent(dutyId, actor, meta);
      return summaryOf(id);
    },

    /** Fields a written consent adds for other participants (001 §5.5), once its reflection ended. */
    async consentFields(
      registrationId: string,
      profile: Profile,
    ): Promise<readonly DisclosureField[]> {
      if (!profile.disclosure.consent.allowed) return [];
      const today = clock.today();
      for (const c of await repo.casesOfRegistration(db, registrationId)) {
        if (c.type !== "consent" || !["reflection", "effective"].includes(c.status)) continue;
        const [d] = (await repo.deadlinesOf(db, [c.id])).filter(
          (x) => x.name === "consent_reflection",
        );
        if (d && compareDates(d.dueDate, today) < 0) return profile.disclosure.consent.fields;
      }
      return [];
    },

    /**
     * Cases received in [from, to] and how their deadlines went (001 §6.1, 003 §22): counts only.
     */
    async statistics(from: string, to: string) {
      const today = clock.today();
      const { rows } = await repo.listCases(db, {
        page: 1,
        pageSize: 1_000_000,
        receivedFrom: from,
        receivedTo: to,
      });
      const deadlines = await repo.deadlinesOf(
        db,
        rows.map((r) => r.id),
      );
      const byType: Record<string, Record<string, number>> = {};
      for (const r of rows) {
        byType[r.type] ??= { received: 0 };
        const t = byType[r.type]!;
        t.received = (t.received ?? 0) + 1;
        const key = r.outcome ?? r.status;
        t[key] = (t[key] ?? 0) + 1;
      }
      const performance = { met: 0, metLate: 0, open: 0, overdue: 0 };
      for (const d of deadlines) {
        if (d.metOn) {
          if (compareDates(d.metOn, d.dueDate) <= 0) performance.met++;
          else performance.metLate++;
        } else if (compareDates(d.dueDate, today) < 0) performance.overdue++;
        else performance.open++;
      }
      return { received: rows.length, byType, deadlines: performance };
    },

    /**
     * The daily `deadlines` job: reminders for deadlines due within three days, consents
     * whose reflection ended, and upheld decisions whose removal term has come without
     * execution — the registration is then removed by the system (003 §12.4: "Het systeem
     * assisteert de primaire bron door de signalering automatisch te verwijderen").
     */
    async runDeadlines(today: string) {
      let reminders = 0;
      let removals = 0;
      let consents = 0;
      const meta = { requestId: null, clientAddress: null };
      for (const { deadline, caseRow } of await repo.deadlinesToRemind(
        db,
        today,
        addDays(today, 3),
      )) {
        await db.transaction(async (tx) => {
          await repo.markReminded(tx, caseRow.id, deadline.name, today);
          await event(tx, caseRow.id, SYSTEM, "deadline_reminder", {
            deadline: deadline.name,
            dueDate: deadline.dueDate,
          });
          await recordAudit(tx, clock, meta, {
            actor: SYSTEM.audit,
            action: "case.deadline_reminder",
            objectType: "case",
            objectId: caseRow.id,
            outcome: "success",
            details: {
              deadline: deadline.name,
              dueDate: deadline.dueDate,
              organisationId: caseRow.organisationId,
            },
          });
        });
        reminders++;
      }
      for (const { caseRow } of await repo.consentsToActivate(db, today)) {
        await db.transaction(async (tx) => {
          await repo.updateCase(tx, caseRow.id, { status: "effective", updatedAt: clock.now() });
          await repo.meetDeadlines(tx, caseRow.id, ["consent_reflection"], today);
          await event(tx, caseRow.id, SYSTEM, "consent_effective");
          await audit(tx, meta, SYSTEM, caseRow, "consent_effective");
        });
        consents++;
      }
      removals = await this.carryOutDueRemovals(today);
      return { reminders, consents, removals };
    },

    /**
     * Upheld objections, complaints and appeals whose removal term has come without execution:
     * the registration is removed now (003 §12.4, §16.3; 001 §3.4). Both the `deadlines` and
     * the `retention` job call it; it is idempotent.
     */
    async carryOutDueRemovals(today: string): Promise<number> {
      const meta = { requestId: null, clientAddress: null };
      let removals = 0;
      for (const { caseRow } of await repo.removalsDue(db, today)) {
        if (caseRow.outcome !== "rejected") {
          await this.execute(null, meta, caseRow.id, "removed");
          removals++;
        }
      }
      return removals;
    },

    /**
     * Closed cases whose retention has passed (docs/retention.md): the case, its deadlines,
     * timeline, duties and letters are deleted; a receipt without personal data stays in the
     * audit log. Each case in its own transaction.
     */
    async eraseExpiredCases(today: string, retentionMonths: number): Promise<string[]> {
      const cutoff = addMonths(today, -retentionMonths);
      const erased: string[] = [];
      const meta = { requestId: null, clientAddress: null };
      for (const row of await repo.finishedBefore(db, cutoff)) {
        await db.transaction(async (tx) => {
          await deps.letters.eraseCaseLetters(tx, row.id);
          await repo.deleteCase(tx, row.id);
          await recordAudit(tx, clock, meta, {
            actor: SYSTEM.audit,
            action: "case.erased",
            objectType: "case",
            objectId: row.id,
            outcome: "success",
            details: { rule: "case_retention", type: row.type, retentionMonths },
          });
        });
        erased.push(row.id);
      }
      return erased;
    },

    /** Which of these cases still exist. */
    async existingIds(ids: string[]): Promise<string[]> {
      return repo.existingIds(db, ids);
    },

    /**
     * A request from the public form or API (issue #10): the person names a participant and
     * asks for access, rectification, erasure or objection. The case is recorded for that
     * organisation with the requester's own details (encrypted) and no registration: identity
     * is verified by the organisation before anything is disclosed, and the organisation links
     * the registration itself. The answer is only the reference — never whether the person is
     * registered. Rate-limited per client address (PUBLIC_REQUEST_LIMIT); audited.
     */
    async createPublicRequest(meta: RequestMeta, input: PublicRequestInput) {
      const now = clock.now();
      const key = meta.clientAddress ?? "-";
      const since = now.getTime() - PUBLIC_REQUEST_LIMIT.windowMs;
      const recent = (publicRequests.get(key) ?? []).filter((t) => t > since);
      if (recent.length >= PUBLIC_REQUEST_LIMIT.perAddress) {
        publicRequests.set(key, recent);
        await recordAudit(db, clock, meta, {
          actor: PUBLIC_ACTOR,
          action: "case.public_request_refused",
          objectType: "case",
          outcome: "refused",
          details: { rule: "rate_limited" },
        });
        throw new AppError("rate_limited", "Too many requests from this address; try later.", {
          code: "public_request_limited",
        });
      }
      recent.push(now.getTime());
      publicRequests.set(key, recent);
      if (publicRequests.size > 10_000) {
        for (const [k, times] of publicRequests)
          if (!times.some((t) => t > since)) publicRequests.delete(k);
      }
      const participants = await deps.organisations.listPublicParticipants();
      const organisation = participants.find((p) => p.id === input.organisationId);
      if (!organisation) {
        throw new AppError("invalid_input", "Choose one of the participants.", {
          code: "not_a_participant",
        });
      }
      const profile = await deps.organisations.profile();
      const type = input.type;
      if (!profile.deadlines[requiredKey(type)]) {
        throw protocolRule(
          "case_type_not_in_profile",
          `The protocol of this region (${profile.title}) has no procedure "${type}".`,
          `${profile.seed}: geen termijn of procedure voor ${type}`,
          { type },
        );
      }
      const id = randomUUID();
      const receivedDate = clock.today();
      const requesterCiphertext = await keyring.encrypt(
        organisation.id,
        JSON.stringify({
          person: input.person,
          address: input.address,
          ...(input.phone ? { phone: input.phone } : {}),
          channel: "public",
        }),
        place(id, "requester_ciphertext"),
      );
      const reference = `Z-${id.slice(0, 8).toUpperCase()}`;
      const actor: Actor = { kind: "system", id: null, audit: PUBLIC_ACTOR };
      await db.transaction(async (tx) => {
        await repo.insertCase(tx, {
          id,
          reference,
          type,
          status: "received",
          organisationId: organisation.id,
          primarySourceId: null,
          registrationId: null,
          parentCaseId: null,
          receivedDate,
          noticeDate: input.noticeDate ?? null,
          requesterCiphertext,
          facts: { channel: "public" },
          createdAt: now,
          updatedAt: now,
        });
        const keys = keysOf(type);
        await addDeadline(tx, profile, id, keys.acknowledgement, receivedDate);
        await addDeadline(tx, profile, id, keys.decision, receivedDate);
        if (type === "access") await addDeadline(tx, profile, id, "access_copies", receivedDate);
        if (type === "rectification" || type === "erasure") {
          await addDeadline(tx, profile, id, "correction_execution", receivedDate);
        }
        await event(tx, id, actor, "received", { channel: "public" });
        await recordAudit(tx, clock, meta, {
          actor: { ...PUBLIC_ACTOR, organisationId: organisation.id },
          action: "case.received",
          objectType: "case",
          objectId: id,
          outcome: "success",
          details: { type, channel: "public" },
        });
      });
      return { reference, receivedDate };
    },

    /**
     * Links a case received without a registration (a public request, D-221) to the
     * registration it is about, once the organisation has found it: only its own (the primary
     * source's), only once. An objection or rectification then restricts the registration at
     * once, as if it had been named on receipt (003 §12.1; AVG art. 18).
     */
    async linkRegistration(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      registrationId: string,
    ) {
      const row = await visible(principal, id);
      if (row.registrationId) {
        throw new AppError("conflict", "This case is already linked to a registration.", {
          code: "case_already_linked",
        });
      }
      const registration = await deps.registrations.findRow(registrationId);
      if (!registration || registration.organisationId !== row.organisationId) {
        throw notFound("registration"); // 003 §6.3: only the primary source knows it
      }
      const type = row.type as CaseKind;
      const open = ["received", "acknowledged"].includes(row.status);
      const actor = actorOf(principal);
      await db.transaction(async (tx) => {
        await repo.updateCase(tx, id, {
          registrationId,
          primarySourceId: registration.organisationId,
          updatedAt: clock.now(),
        });
        const objectionLike = ["objection", "complaint"].includes(type);
        const restrict =
          type === "rectification"
            ? "accuracy_contested"
            : type === "restriction"
              ? "rights_request"
              : objectionLike
                ? "objection_pending"
                : undefined;
        if (open && (restrict || objectionLike)) {
          const applied = await deps.registrations.applyCaseState(
            tx,
            registrationId,
            meta,
            {
              ...(restrict ? { restrict } : {}),
              ...(objectionLike ? { objectionPending: true } : {}),
            },
            id,
          );
          if (applied.restricted) {
            await repo.updateCase(tx, id, {
              facts: { ...((row.facts as Record<string, unknown>) ?? {}), restrictedByCase: true },
            });
          }
        }
        await event(tx, id, actor, "registration_linked");
        await audit(tx, meta, actor, row, "registration_linked", { registrationId });
      });
      return summaryOf(id);
    },

    /** Replays an erasure journalled after a backup (retention/journal.ts). */
    async replayErasure(id: string): Promise<boolean> {
      const row = await repo.findCase(db, id);
      if (!row) return false;
      await db.transaction(async (tx) => {
        await deps.letters.eraseCaseLetters(tx, id);
        await repo.deleteCase(tx, id);
      });
      return true;
    },
  };
}
