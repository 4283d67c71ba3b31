import { randomUUID } from "node:crypto";
import { type Actor, actorOf, SYSTEM } from "../../platform/audit/actor.ts";
import {
  type AuditActor,
  eventsAbout,
  type RequestMeta,
  recordAudit,
} from "../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Keyring } from "../../platform/crypto/index.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import { addMonths, compareDates, todayInAmsterdam } from "../../platform/werkdagen.ts";
import {
  type Evaluation,
  evaluateRegistration,
  type RuleViolation,
} from "../../protocol/engine.ts";
import type { Profile } from "../../protocol/profile.ts";
import type {
  LetterSubject,
  PreparedRemoval,
  RegistrationLetters,
  RemovalGround,
} from "../letters/ports.ts";
import { blindBlockingKeys } from "../matching/blind-keys.ts";
import { BLOCKING_KINDS } from "../matching/blocking.ts";
import type { MatchPerson } from "../matching/normalise.ts";
import type { OrganisationAccess } from "../organisations/service.ts";
import type { ParsedRow } from "./csv-import.ts";
import * as repo from "./repository.ts";
import type {
  Address,
  Person,
  RegistrationInput,
  RegistrationPatch,
  RegistrationSummary,
  RegistrationView,
} from "./schemas.ts";

/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const REGISTRATION_ENCRYPTED_COLUMNS = {
  table: "registration",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["person_ciphertext", "address_ciphertext"],
};

const personPlace = (id: string) => ({
  table: "registration",
  column: "person_ciphertext",
  rowId: id,
});
const addressPlace = (id: string) => ({
  table: "registration",
  column: "address_ciphertext",
  rowId: id,
});

const PARTICIPANT_KINDS = new Set(["housing_corporation", "private_landlord", "municipality"]);

/**
 * The blind indexes of a person: the matching module's blocking keys (birth date, swapped
 * date, year + phonetic surname, initial + phonetic surname, month-day + phonetic surname),
 * each as a keyed HMAC, so candidates are found without decrypting anyone (issue 5).
 */
export function blindIndexesOf(keyring: Keyring, person: Person) {
  return blindBlockingKeys(keyring, person);
}

function refuse(violations: RuleViolation[]): AppError {
  const first = violations[0]!;
  return new AppError("protocol_rule", first.message, {
    code: first.rule,
    details: { rule: first.rule, source: first.source, violations },
  });
}

/** A registration's status as the outside sees it: expired once its end date has come. */
function effectiveStatus(row: repo.RegistrationRow, today: string): RegistrationSummary["status"] {
  return compareDates(row.endDate, today) <= 0 ? "expired" : row.status;
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;

interface Deps {
  organisations: {
    profile(): Promise<Profile>;
    accessOf(id: string): Promise<OrganisationAccess | undefined>;
    consortiumId(): Promise<string | undefined>;
  };
  letters: RegistrationLetters;
  /**
   * Called after a registration was created or changed in a way matching cares about
   * (person data, dates, status), once its transaction has committed: the seekers module
   * matches it against the house seekers (issue 5). Errors are logged, never thrown at the
   * caller whose change has already been saved.
   */
  afterChange?: ((registrationId: string) => Promise<void>)[];
  /** The erasure journal (retention/journal.ts): erasures are recorded once committed. */
  journal?: { record(kind: "registration", ids: readonly string[]): void };
}

/** Why a registration is erased: the audit receipt's rule, actor and ground. */
export interface ErasureReason {
  type: "manual" | "withdrawal" | "exclusion" | "case" | "retention" | "replay";
  by: AuditActor | null;
  caseId?: string;
  /** Why, for the annual report's "ended by reason" (001 §6.1; 003 §22). */
  ground?: RemovalGround;
}

/** A registration that may produce a hit, match or block, with its person decrypted. */
export interface Candidate {
  row: repo.RegistrationRow;
  person: Person;
}

export function createRegistrationsService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  deps: Deps,
) {
  const { database, clock, keyring, logger } = ctx;
  const db = database.db;
  /** Change notifications started outside a request (kkr activation), until they settle. */
  const background = new Set<Promise<void>>();

  async function changed(id: string) {
    for (const hook of deps.afterChange ?? []) {
      try {
        await hook(id);
      } catch (err) {
        logger.error({ err, registrationId: id }, "matching after a registration change failed");
      }
    }
  }

  /** For changes made inside another module's transaction: run once that has committed. */
  function changedLater(id: string) {
    const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => changed(id))
      .finally(() => background.delete(p));
    background.add(p);
  }
  /** Removal letters prepared for a departing participant, between prepare and delivery. */
  const terminationLetters = new Map<string, Map<string, PreparedRemoval | null>>();

  async function summary(
    row: repo.RegistrationRow,
    names?: Map<string, Promise<OrganisationAccess | undefined>>,
  ): Promise<RegistrationSummary> {
    // A list names each primary source once, not once per row.
    let lookup = names?.get(row.organisationId);
    if (!lookup) {
      lookup = deps.organisations.accessOf(row.organisationId);
      names?.set(row.organisationId, lookup);
    }
    const source = await lookup;
    return {
      id: row.id,
      status: effectiveStatus(row, clock.today()),
      categories: row.categories,
      criteria: row.criteria,
      placementDate: row.placementDate,
      startDate: row.startDate,
      endDate: row.endDate,
      termMonths: row.termMonths,
      scope: row.scope,
      claimCents: row.claimCents,
      restrictionReason: row.restrictionReason,
      objectionPending: row.objectionPending,
      objectionOutcome: row.objectionOutcome,
      primarySource: { id: row.organisationId, name: source?.name ?? "" },
      enteredBy: { kind: row.enteredByKind, id: row.enteredBy },
    };
  }

  async function personOf(row: repo.RegistrationRow): Promise<Person> {
    return JSON.parse(
      await keyring.decrypt(row.organisationId, row.personCiphertext, personPlace(row.id)),
    ) as Person;
  }

  async function fullView(row: repo.RegistrationRow): Promise<RegistrationView> {
    const person = await personOf(row);
    const address = row.addressCiphertext
      ? (JSON.parse(
          await keyring.decrypt(row.organisationId, row.addressCiphertext, addressPlace(row.id)),
        ) as Address)
      : null;
    return { ...(await summary(row)), person, address };
  }

  async function subjectOf(row: repo.RegistrationRow): Promise<LetterSubject> {
    const view = await fullView(row);
    return {
      organisationId: row.organisationId,
      status: row.status,
      person: view.person,
      address: view.address,
      facts: {
        id: row.id,
        categories: row.categories,
        criteria: row.criteria,
        placementDate: row.placementDate,
        startDate: row.startDate,
        endDate: row.endDate,
        termMonths: row.termMonths,
        scope: row.scope,
        claimCents: row.claimCents,
        objectionPending: row.objectionPending,
        objectionOutcome: row.objectionOutcome,
        enteredOn: todayInAmsterdam(row.createdAt),
      },
    };
  }

  /** The primary source's officers and queriers see it; consortium admins see every one. */
  async function visible(principal: Principal, id: string) {
    const row = await repo.findRegistration(db, id);
    if (!row) throw notFound("registration");
    if (
      row.organisationId !== principal.organisationId &&
      !hasRole(principal, ["consortium_admin"])
    ) {
      throw notFound("registration"); // 003 §6.3: only the primary source sees it
    }
    return row;
  }

  /** Only the primary source's officers (and the consortium admin) change or erase (003 §14.1). */
  async function changeable(principal: Principal, id: string) {
    const row = await visible(principal, id);
    const own = row.organisationId === principal.organisationId && hasRole(principal, ["officer"]);
    if (!own && !hasRole(principal, ["consortium_admin"])) {
      throw new AppError(
        "forbidden",
        "Only the primary source's officers may change this registration.",
      );
    }
    return row;
  }

  async function primarySourceFor(principal: Principal, onBehalfOf: string | undefined) {
    const id = onBehalfOf ?? principal.organisationId;
    if (
      onBehalfOf &&
      onBehalfOf !== principal.organisationId &&
      !hasRole(principal, ["consortium_admin"])
    ) {
      throw new AppError(
        "forbidden",
        "Only the consortium may register on behalf of another participant.",
      );
    }
    const access = await deps.organisations.accessOf(id);
    if (!access) throw notFound("organisation");
    if (!PARTICIPANT_KINDS.has(access.kind) || access.refusal) {
      throw new AppError(
        "protocol_rule",
        "A registration needs a participant with access as its primary source.",
        {
          code: "primary_source_not_participant",
          details: {
            rule: "primary_source_not_participant",
            source: "003 §12.1 (vastleggende partij), §14.1",
            hint: "a consortium admin registers on behalf of a participant with ?onBehalfOf=<organisation id>",
          },
        },
      );
    }
    return id;
  }

  /** Erases a registration for a stated reason, writing its removal letter first. */
  async function eraseWithLetter(
    id: string,
    why: ErasureReason,
    actor: Actor,
    meta: RequestMeta,
  ): Promise<boolean> {
    const row = await repo.findRegistration(db, id);
    if (!row) return false;
    const prepared = await deps.letters.prepareRemovalLetter({
      registrationId: id,
      subject: await subjectOf(row),
      ground: why.ground ?? "erased_by_primary_source",
      actor,
    });
    await db.transaction(async (tx) => {
      await service.eraseInTransaction(tx, row, meta, why, { prepared, actor });
    });
    deps.journal?.record("registration", [id]);
    await deps.letters.deliverPrepared(prepared, actor, meta);
    return true;
  }

  async function encryptPerson(
    organisationId: string,
    id: string,
    person: Person,
    address: Address | undefined | null,
  ) {
    return {
      personCiphertext: await keyring.encrypt(
        organisationId,
        JSON.stringify(person),
        personPlace(id),
      ),
      addressCiphertext: address
        ? await keyring.encrypt(organisationId, JSON.stringify(address), addressPlace(id))
        : null,
    };
  }

  const service = {
    /**
     * Places a person on the list (003 ch. 5, 7, 8; 001 §3.2, Bijlage 1). The profile's
     * rules decide; any refusal names its rule and article (422). The person's letter is owed
     * from today (003 ch. 10; 001 §3.4, §9.1).
     */
    async createRegistration(
      principal: Principal,
      meta: RequestMeta,
      input: RegistrationInput,
      options: { onBehalfOf?: string | undefined } = {},
    ): Promise<RegistrationSummary> {
      const organisationId = await primarySourceFor(principal, options.onBehalfOf);
      const profile = await deps.organisations.profile();
      const today = clock.today();
      const evaluation = evaluateRegistration(profile, input, today);
      if (!evaluation.ok) throw refuse(evaluation.violations);
      const id = randomUUID();
      // Encryption and blind indexes first: nothing may use another connection inside the
      // transaction (PGlite has one; D-009).
      const encrypted = await encryptPerson(organisationId, id, input.person, input.address);
      const indexes = await blindIndexesOf(keyring, input.person);
      const now = clock.now();
      let dutyId = "";
      await db.transaction(async (tx) => {
        await repo.insertRegistration(tx, {
          id,
          organisationId,
          status: evaluation.initialStatus,
          categories: input.categories,
          criteria: input.criteria,
          placementDate: input.placementDate,
          startDate: evaluation.startDate,
          endDate: evaluation.endDate,
          termMonths: evaluation.termMonths,
          scope: evaluation.scope,
          claimCents: input.claimCents ?? null,
          ...encrypted,
          enteredByKind: principal.kind,
          enteredBy: principal.id,
          createdAt: now,
          updatedAt: now,
        });
        await repo.replaceBlindIndexes(tx, id, indexes);
        ({ id: dutyId } = await deps.letters.recordDuty(tx, profile, {
          organisationId,
          registrationId: id,
          kind: "placement",
          eventDate: today,
          deadlineKey: "placement_letter",
        }));
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "registration.created",
          objectType: "registration",
          objectId: id,
          outcome: "success",
          details: { primarySource: organisationId, categories: input.categories },
        });
      });
      // The placement letter right away (e-mailed when an address is known; with kkr's notice
      // first, sending it activates the registration). A letter that fails stays on the worklist.
      await deps.letters.produceAfterEvent(dutyId, actorOf(principal), meta);
      await changed(id);
      return summary((await repo.findRegistration(db, id))!);
    },

    /**
     * The initial load (001 §4.3): every row is checked with the same rules as the API; a dry
     * run reports each row's outcome; a real run writes all rows in one transaction, or none
     * when any row is refused.
     */
    async importRegistrations(
      principal: Principal,
      meta: RequestMeta,
      rows: ParsedRow[],
      options: { dryRun: boolean; onBehalfOf?: string | undefined },
    ) {
      const organisationId = await primarySourceFor(principal, options.onBehalfOf);
      const profile = await deps.organisations.profile();
      const today = clock.today();
      const outcomes = rows.map((row) => {
        if (!row.input) return { line: row.line, outcome: "refused" as const, errors: row.errors };
        const evaluation = evaluateRegistration(profile, row.input, today);
        if (!evaluation.ok) {
          return {
            line: row.line,
            outcome: "refused" as const,
            errors: evaluation.violations.map((v) => ({
              code: v.rule,
              message: v.message,
              source: v.source,
            })),
          };
        }
        return {
          line: row.line,
          outcome: "valid" as const,
          errors: [],
          input: row.input,
          evaluation,
        };
      });
      const refused = outcomes.filter((o) => o.outcome === "refused").length;
      const report = {
        dryRun: options.dryRun,
        imported: 0,
        refused,
        rows: outcomes.map(({ line, outcome, errors }) => ({ line, outcome, errors })),
      };
      if (options.dryRun || refused > 0 || rows.length === 0) return report;
      const prepared: {
        id: string;
        input: RegistrationInput;
        evaluation: Evaluation;
        encrypted: Awaited<ReturnType<typeof encryptPerson>>;
        indexes: Awaited<ReturnType<typeof blindIndexesOf>>;
      }[] = [];
      for (const o of outcomes) {
        if (o.outcome !== "valid") continue;
        const id = randomUUID();
        prepared.push({
          id,
          input: o.input,
          evaluation: o.evaluation,
          encrypted: await encryptPerson(organisationId, id, o.input.person, o.input.address),
          indexes: await blindIndexesOf(keyring, o.input.person),
        });
      }
      const now = clock.now();
      await db.transaction(async (tx) => {
        for (const p of prepared) {
          if (!p.evaluation.ok) continue;
          await repo.insertRegistration(tx, {
            id: p.id,
            organisationId,
            status: p.evaluation.initialStatus,
            categories: p.input.categories,
            criteria: p.input.criteria,
            placementDate: p.input.placementDate,
            startDate: p.evaluation.startDate,
            endDate: p.evaluation.endDate,
            termMonths: p.evaluation.termMonths,
            scope: p.evaluation.scope,
            claimCents: p.input.claimCents ?? null,
            ...p.encrypted,
            enteredByKind: principal.kind,
            enteredBy: principal.id,
            createdAt: now,
            updatedAt: now,
          });
          await repo.replaceBlindIndexes(tx, p.id, p.indexes);
          await deps.letters.recordDuty(tx, profile, {
            organisationId,
            registrationId: p.id,
            kind: "placement",
            eventDate: today,
            deadlineKey: "placement_letter",
          });
          await recordAudit(tx, clock, meta, {
            actor: actorOf(principal).audit,
            action: "registration.created",
            objectType: "registration",
            objectId: p.id,
            outcome: "success",
            details: {
              primarySource: organisationId,
              categories: p.input.categories,
              import: true,
            },
          });
        }
      });
      for (const p of prepared) await changed(p.id);
      return { ...report, imported: prepared.length };
    },

    async getRegistration(
      principal: Principal,
      meta: RequestMeta,
      id: string,
    ): Promise<RegistrationView> {
      const row = await visible(principal, id);
      const view = await fullView(row);
      // Reading a person's data is itself logged (design.md §2.6: every look is logged).
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "registration.viewed",
        objectType: "registration",
        objectId: id,
        outcome: "success",
      });
      return view;
    },

    /**
     * The history of a registration (issue #10: who changed what, when) from the audit log:
     * actions, actors and changed field names — never values. Only those who may see the
     * registration see its history; looks at it are themselves in the history.
     */
    async historyOf(principal: Principal, id: string) {
      await visible(principal, id);
      const events = await eventsAbout(db, "registration", id);
      return events.map((e) => ({
        occurredAt: e.occurredAt.toISOString(),
        actor: { type: e.actorType, id: e.actorId, role: e.role },
        action: e.action,
        outcome: e.outcome,
        fields: Array.isArray((e.details as { fields?: unknown } | null)?.fields)
          ? ((e.details as { fields: unknown[] }).fields.map(String) as string[])
          : [],
      }));
    },

    async listRegistrations(
      principal: Principal,
      query: Omit<repo.ListFilter, "organisationId" | "today">,
    ) {
      const { rows, total } = await repo.listRegistrations(db, {
        ...query,
        organisationId: principal.organisationId,
        today: clock.today(),
      });
      const names = new Map<string, Promise<OrganisationAccess | undefined>>();
      return {
        items: await Promise.all(rows.map((row) => summary(row, names))),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /** Changes a registration; the rules are applied again to the result (same as creating). */
    async updateRegistration(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      patch: RegistrationPatch,
    ) {
      const row = await changeable(principal, id);
      const current = await fullView(row);
      const next: RegistrationInput = {
        person: patch.person ?? current.person,
        ...(patch.address !== undefined || current.address
          ? { address: patch.address ?? current.address ?? undefined }
          : {}),
        categories: patch.categories ?? row.categories,
        criteria: patch.criteria ?? row.criteria,
        placementDate: patch.placementDate ?? row.placementDate,
        ...(patch.claimCents !== undefined || row.claimCents !== null
          ? { claimCents: patch.claimCents ?? row.claimCents ?? undefined }
          : {}),
        ...(patch.termMonths !== undefined
          ? { termMonths: patch.termMonths }
          : { termMonths: row.termMonths }),
      };
      if (next.address === undefined) delete next.address;
      if (next.claimCents === undefined) delete next.claimCents;
      const profile = await deps.organisations.profile();
      const evaluation = evaluateRegistration(profile, next, clock.today());
      if (!evaluation.ok) throw refuse(evaluation.violations);
      const encrypted = await encryptPerson(row.organisationId, id, next.person, next.address);
      const indexes = await blindIndexesOf(keyring, next.person);
      await db.transaction(async (tx) => {
        await repo.updateRegistration(tx, id, {
          categories: next.categories,
          criteria: next.criteria,
          placementDate: next.placementDate,
          startDate: evaluation.startDate,
          endDate: evaluation.endDate,
          termMonths: evaluation.termMonths,
          scope: evaluation.scope,
          claimCents: next.claimCents ?? null,
          ...encrypted,
          updatedAt: clock.now(),
        });
        await repo.replaceBlindIndexes(tx, id, indexes);
        // Who, when and which fields — never their values (issue 4).
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "registration.updated",
          objectType: "registration",
          objectId: id,
          outcome: "success",
          details: {
            fields: [
              ...Object.keys(patch).filter((k) => k !== "person" && k !== "address"),
              ...(patch.person ? Object.keys(patch.person).map((k) => `person.${k}`) : []),
              ...(patch.address ? Object.keys(patch.address).map((k) => `address.${k}`) : []),
            ],
          },
        });
      });
      // 003 ch. 10: an address or e-mail that becomes known later means the letter goes now.
      const contactChanged =
        JSON.stringify(next.address ?? null) !== JSON.stringify(current.address ?? null) ||
        (next.person.email ?? null) !== (current.person.email ?? null);
      if (contactChanged && (next.address || next.person.email)) {
        await deps.letters.contactKnown(id, actorOf(principal), meta);
      }
      await changed(id);
      return summary((await repo.findRegistration(db, id))!);
    },

    /**
     * Erases the registration and its personal data; an audit receipt without personal data
     * remains. The removal letter (001 §9.1 C; 003 §12.4) is written first, while the data
     * still exist, and kept only until it is sent or documented.
     */
    async eraseRegistration(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      ground: RemovalGround = "erased_by_primary_source",
    ) {
      const row = await changeable(principal, id);
      const actor = actorOf(principal);
      const prepared = await deps.letters.prepareRemovalLetter({
        registrationId: id,
        subject: await subjectOf(row),
        ground,
        actor,
      });
      await db.transaction(async (tx) => {
        await this.eraseInTransaction(
          tx,
          row,
          meta,
          { type: "manual", by: actorOf(principal).audit, ground },
          { prepared, actor },
        );
      });
      deps.journal?.record("registration", [id]);
      await deps.letters.deliverPrepared(prepared, actor, meta);
    },

    /** Shared by manual erasure, withdrawal and (later) retention: the row goes, a receipt stays. */
    async eraseInTransaction(
      tx: Db,
      row: repo.RegistrationRow,
      meta: RequestMeta,
      why: ErasureReason,
      removal: { prepared: PreparedRemoval | null; actor: Actor } = {
        prepared: null,
        actor: SYSTEM,
      },
    ) {
      await repo.deleteRegistration(tx, row.id);
      // Letters about it are personal data too: their content goes, the receipts stay.
      await deps.letters.recordErasure(
        tx,
        { registrationId: row.id, organisationId: row.organisationId, prepared: removal.prepared },
        removal.actor,
        meta,
      );
      await recordAudit(tx, clock, meta, {
        actor: why.by ?? { type: "system", id: null, organisationId: null, role: null },
        action: "registration.erased",
        objectType: "registration",
        objectId: row.id,
        outcome: "success",
        details: {
          rule: why.type,
          primarySource: row.organisationId,
          categories: row.categories,
          ground:
            why.ground ??
            (why.type === "withdrawal" || why.type === "exclusion"
              ? "participant_left"
              : why.type === "replay"
                ? "replayed_after_restore"
                : "erased_by_primary_source"),
          ...(why.caseId ? { caseId: why.caseId } : {}),
        },
      });
    },

    /**
     * Before a participant leaves: each person it registered is owed the removal letter
     * (001 §7.3 with §3.4; 003 §17). Its data keys are shredded with the departure, so the
     * letters are written now, while the data can still be read, and sent by the consortium.
     */
    async prepareTerminationLetters(organisationId: string) {
      const sender = await deps.organisations.consortiumId();
      const prepared = new Map<string, PreparedRemoval | null>();
      for (const id of await repo.idsOfOrganisation(db, organisationId)) {
        const row = await repo.findRegistration(db, id);
        if (!row) continue;
        prepared.set(
          id,
          await deps.letters.prepareRemovalLetter({
            registrationId: id,
            subject: await subjectOf(row),
            ground: "participant_left",
            actor: SYSTEM,
            ...(sender ? { senderOrganisationId: sender } : {}),
          }),
        );
      }
      terminationLetters.set(organisationId, prepared);
    },

    /** 003 §17, §20; 001 §7.2–7.3: a participant that leaves takes its registrations with it. */
    async eraseAllOfOrganisation(tx: Db, organisationId: string, reason: "withdrawn" | "excluded") {
      const prepared = terminationLetters.get(organisationId);
      for (const id of await repo.idsOfOrganisation(tx, organisationId)) {
        const row = await repo.findRegistration(tx, id);
        if (row) {
          await this.eraseInTransaction(
            tx,
            row,
            { requestId: null, clientAddress: null },
            {
              type: reason === "withdrawn" ? "withdrawal" : "exclusion",
              by: null,
            },
            { prepared: prepared?.get(id) ?? null, actor: SYSTEM },
          );
        }
      }
    },

    /** After the departure: e-mail the removal letters where an address is known. */
    async deliverTerminationLetters(organisationId: string) {
      const prepared = terminationLetters.get(organisationId);
      // The departure has committed: its registrations are gone for good.
      deps.journal?.record("registration", [...(prepared?.keys() ?? [])]);
      terminationLetters.delete(organisationId);
      for (const letter of prepared?.values() ?? []) {
        await deps.letters.deliverPrepared(letter, SYSTEM, {
          requestId: null,
          clientAddress: null,
        });
      }
    },

    /**
     * A claim paid or settled (003 §12.4 category D; 001 Bijlage 1 W2): the registration is
     * removed at once when the profile's removal rule holds for every category it has (the
     * profile's rule for several categories), with the removal letter. Refused with the rule
     * and its article otherwise.
     */
    async settleClaim(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      input: {
        kind: "paid_in_full" | "settled" | "half_paid_with_arrangement";
        date: string;
        paidFraction?: number | undefined;
        arrangementKept?: boolean | undefined;
      },
    ) {
      const row = await changeable(principal, id);
      const profile = await deps.organisations.profile();
      const trigger = `claim_${input.kind}` as const;
      if (compareDates(input.date, clock.today()) > 0) {
        throw new AppError("invalid_input", "The payment date cannot be after today.", {
          code: "date_in_future",
        });
      }
      const categories = row.categories.map((c) => profile.categories.find((x) => x.code === c)!);
      for (const category of categories) {
        const rule = category.removal.find((r) => r.trigger === trigger);
        if (!rule) {
          throw protocolRule(
            "removal_rule_not_applicable",
            `Under ${profile.title} a ${input.kind.replaceAll("_", " ")} claim does not end a registration in category ${category.code}.`,
            profile.registrationRules.earlyRemovalWithSeveralCategories.source,
            { category: category.code, trigger },
          );
        }
        if (rule.onlyWhenSoleGroup && categories.some((c) => c.group !== rule.onlyWhenSoleGroup)) {
          throw protocolRule(
            "removal_rule_not_applicable",
            `This removal applies only when ${rule.onlyWhenSoleGroup} is the registration's only category group.`,
            rule.source,
            { trigger },
          );
        }
        if (trigger === "claim_half_paid_with_arrangement") {
          const fraction = Number(rule.params?.paidFractionAtLeast ?? 0.5);
          const within = Number(rule.params?.withinFractionOfTerm ?? 0.5);
          const deadline = addMonths(row.startDate, Math.floor(row.termMonths * within));
          if ((input.paidFraction ?? 0) < fraction || input.arrangementKept !== true) {
            throw protocolRule(
              "half_payment_conditions_not_met",
              `At least ${fraction * 100}% paid and a payment arrangement that is kept are both needed.`,
              rule.source,
              {
                paidFraction: input.paidFraction ?? null,
                arrangementKept: input.arrangementKept ?? null,
              },
            );
          }
          if (compareDates(input.date, deadline) > 0) {
            throw protocolRule(
              "half_payment_too_late",
              `The half must be paid within half the term (by ${deadline}).`,
              rule.source,
              { deadline },
            );
          }
        }
      }
      await eraseWithLetter(
        id,
        { type: "manual", by: actorOf(principal).audit, ground: trigger },
        actorOf(principal),
        meta,
      );
      return { id, erased: true, ground: trigger };
    },

    /**
     * Restriction (AVG art. 18; 003 §15.5): kept, but no hit, match or block while it lasts —
     * for example while accuracy is contested or an objection is pending.
     */
    async restrict(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      reason: NonNullable<repo.RegistrationRow["restrictionReason"]>,
    ) {
      const row = await changeable(principal, id);
      if (row.status === "restricted") {
        throw new AppError("conflict", "This registration is already restricted.");
      }
      await db.transaction(async (tx) => {
        await repo.updateRegistration(tx, id, {
          status: "restricted",
          restrictionReason: reason,
          ...(reason === "objection_pending" ? { objectionPending: true } : {}),
          updatedAt: clock.now(),
        });
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "registration.restricted",
          objectType: "registration",
          objectId: id,
          outcome: "success",
          details: { reason },
        });
      });
      return summary((await repo.findRegistration(db, id))!);
    },

    async liftRestriction(principal: Principal, meta: RequestMeta, id: string) {
      const row = await changeable(principal, id);
      if (row.status !== "restricted") {
        throw new AppError("conflict", "This registration is not restricted.");
      }
      await db.transaction(async (tx) => {
        await repo.updateRegistration(tx, id, {
          status: "active",
          restrictionReason: null,
          updatedAt: clock.now(),
        });
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "registration.restriction_lifted",
          objectType: "registration",
          objectId: id,
          outcome: "success",
        });
      });
      await changed(id);
      return summary((await repo.findRegistration(db, id))!);
    },

    /**
     * For the letters module only (it checks access itself): the registration's person,
     * address and facts, decrypted; undefined when it does not exist (any more).
     */
    async letterSubject(id: string): Promise<LetterSubject | undefined> {
      const row = await repo.findRegistration(db, id);
      return row ? subjectOf(row) : undefined;
    },

    /**
     * Two-step placement (kkr: twoStepPlacement): the registration takes effect once its
     * notice is sent or documented. In the letters module's transaction.
     */
    async activateAfterNotice(tx: Db, id: string, meta: RequestMeta): Promise<boolean> {
      const row = await repo.findRegistration(tx, id);
      if (row?.status !== "pending_notice") return false;
      await repo.updateRegistration(tx, id, { status: "active", updatedAt: clock.now() });
      await recordAudit(tx, clock, meta, {
        actor: SYSTEM.audit,
        action: "registration.activated",
        objectType: "registration",
        objectId: id,
        outcome: "success",
        details: { rule: "two_step_placement", reason: "notice_given" },
      });
      changedLater(id);
      return true;
    },

    /**
     * For the cases module (which checks access itself): erases a registration because a case
     * says so — an upheld objection, complaint or appeal, a granted erasure request, an accepted
     * new chance — writing the removal letter first (001 §9.1 C; 003 §12.4).
     */
    async eraseForCase(
      id: string,
      caseId: string,
      ground: RemovalGround,
      actor: Actor,
      meta: RequestMeta,
    ): Promise<boolean> {
      return eraseWithLetter(id, { type: "case", by: actor.audit, caseId, ground }, actor, meta);
    },

    /**
     * For the retention job (issue 9): the term has ended, a claim was settled … — the
     * registration is erased with its removal letter, in its own transaction (a job that stops
     * half-way leaves every registration either erased or untouched).
     */
    async eraseForRetention(id: string, ground: RemovalGround, meta: RequestMeta) {
      return eraseWithLetter(id, { type: "retention", by: null, ground }, SYSTEM, meta);
    },

    /** Ids of registrations whose (exclusive) end date has come. */
    async idsEnded(today: string): Promise<string[]> {
      return repo.idsEndedBy(db, today);
    },

    /** Ids of an organisation's registrations (a departed participant's leftovers). */
    async idsOf(organisationId: string): Promise<string[]> {
      return repo.idsOfOrganisation(db, organisationId);
    },

    /** Which of these registrations still exist. */
    async existingIds(ids: string[]): Promise<string[]> {
      return repo.existingIds(db, ids);
    },

    /** Replays an erasure journalled after a backup (retention/journal.ts): gone again. */
    async replayErasure(id: string, meta: RequestMeta): Promise<boolean> {
      const row = await repo.findRegistration(db, id);
      if (!row) return false;
      await db.transaction((tx) =>
        this.eraseInTransaction(tx, row, meta, { type: "replay", by: null }),
      );
      return true;
    },

    /**
     * For the cases module, in the case's transaction: restriction while a request or an
     * objection is pending (AVG art. 18; 003 §15.5, §12.1 "bezwaar lopend"), its end, and the
     * objection's status and outcome as the registration shows them.
     */
    async applyCaseState(
      tx: Db,
      id: string,
      meta: RequestMeta,
      change: {
        restrict?: NonNullable<repo.RegistrationRow["restrictionReason"]>;
        lift?: boolean;
        objectionPending?: boolean;
        objectionOutcome?: repo.RegistrationRow["objectionOutcome"];
        endDate?: string;
      },
      caseId: string,
    ): Promise<{ restricted: boolean; lifted: boolean }> {
      const row = await repo.findRegistration(tx, id);
      if (!row) return { restricted: false, lifted: false };
      const values: Partial<repo.RegistrationRow> = {};
      let restricted = false;
      let lifted = false;
      if (change.restrict && row.status === "active") {
        values.status = "restricted";
        values.restrictionReason = change.restrict;
        restricted = true;
      }
      if (change.lift && row.status === "restricted") {
        values.status = "active";
        values.restrictionReason = null;
        lifted = true;
      }
      if (change.objectionPending !== undefined) values.objectionPending = change.objectionPending;
      if (change.objectionOutcome !== undefined) values.objectionOutcome = change.objectionOutcome;
      if (change.endDate !== undefined && compareDates(change.endDate, row.endDate) < 0) {
        values.endDate = change.endDate; // hardship: only ever in the person's favour
      }
      if (Object.keys(values).length === 0) return { restricted, lifted };
      await repo.updateRegistration(tx, id, { ...values, updatedAt: clock.now() });
      await recordAudit(tx, clock, meta, {
        actor: SYSTEM.audit,
        action: "registration.case_applied",
        objectType: "registration",
        objectId: id,
        outcome: "success",
        details: { caseId, fields: Object.keys(values) },
      });
      if (lifted || values.endDate) changedLater(id);
      return { restricted, lifted };
    },

    /** The registration with its person, for a case's access answer (AVG art. 15). */
    async viewForCase(id: string): Promise<RegistrationView | undefined> {
      const row = await repo.findRegistration(db, id);
      return row ? fullView(row) : undefined;
    },

    /** Resolves once change notifications started in the background have finished. */
    async settled(): Promise<void> {
      while (background.size > 0) await Promise.all([...background]);
    },

    /**
     * Candidate retrieval (issue 5): the registrations in effect that share a blind index with
     * this person, decrypted for scoring in memory. No access check: the screenings and seekers
     * modules decide what anyone may learn from them.
     */
    async candidatesFor(person: MatchPerson): Promise<Candidate[]> {
      const keys = await blindBlockingKeys(keyring, person);
      const rows = (await repo.findByBlindKeys(db, keys)).filter((r) => this.isEffective(r));
      return Promise.all(rows.map(async (row) => ({ row, person: await personOf(row) })));
    },

    /** One registration with its person decrypted, when it exists and is in effect. */
    async effectiveCandidate(id: string): Promise<Candidate | undefined> {
      const row = await repo.findRegistration(db, id);
      if (!row || !this.isEffective(row)) return undefined;
      return { row, person: await personOf(row) };
    },

    /** Ids of the registrations in effect today (the seekers' initial load matches them all). */
    async effectiveIds(): Promise<string[]> {
      return repo.effectiveIds(db, clock.today());
    },

    /** The registration row (no personal data decrypted), for other modules' checks. */
    async findRow(id: string): Promise<repo.RegistrationRow | undefined> {
      return repo.findRegistration(db, id);
    },

    /**
     * Recomputes blind indexes written under an earlier blocking scheme (session 1 stored
     * other kinds), or all of them with `all` (after a change of the phonetic rules, see
     * matching/blocking.ts BLOCKING_SCHEME_VERSION). Run at start-up; cheap when nothing is
     * stale. Each registration is rewritten in its own short transaction.
     */
    async reindexBlindIndexes(options: { all?: boolean } = {}): Promise<number> {
      const ids = options.all
        ? await repo.allIds(db)
        : await repo.idsWithStaleBlindIndexes(db, BLOCKING_KINDS);
      let done = 0;
      for (const id of ids) {
        const row = await repo.findRegistration(db, id);
        if (!row) continue;
        const indexes = await blindIndexesOf(keyring, await personOf(row));
        await db.transaction((tx) => repo.replaceBlindIndexes(tx, id, indexes));
        done++;
      }
      for (const id of ids) await changed(id);
      return done;
    },

    /**
     * Active registrations that may produce a hit, match or block: not restricted, not
     * pending notice where the profile wants notice first, not past their end date.
     */
    isEffective(row: repo.RegistrationRow): boolean {
      const today = clock.today();
      return (
        row.status === "active" &&
        compareDates(row.startDate, today) <= 0 && // E.IX/e.i may start later (003 ch. 5)
        compareDates(row.endDate, today) > 0 // the end date is exclusive (profile registrationRules)
      );
    },
  };
  return service;
}
