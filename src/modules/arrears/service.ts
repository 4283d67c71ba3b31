/**
 * Vroegsignalering and prevention (issue #11): the landlord's side of seed 002 (monthly
 * signals of rent arrears to the municipality, feedback, schuldenrust) and seed 004 (the
 * measures that prevent arrears). Independent of the register: this module never calls the
 * registrations, seekers or screenings modules, and they never call it (design.md §2.8; a
 * test checks the imports).
 */

import { randomUUID } from "node:crypto";
import { actorOf } from "../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit, SYSTEM_ACTOR } from "../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import {
  decryptField,
  type EncryptedColumn,
  fieldAad,
  fieldKeyVersion,
} from "../../platform/crypto/index.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  isIsoDate,
} from "../../platform/werkdagen.ts";
import type { OrganisationAccess } from "../organisations/service.ts";
import {
  type AgreementTerms,
  type Assessment,
  assessSignal,
  DEFAULT_MIN_DAYS_LATE,
  type EventType,
  monthsInArrears,
} from "./eligibility.ts";
import {
  feedbackLinesOf,
  type LineError,
  type ParsedFeedback,
  type ParsedPositions,
} from "./import.ts";
import { arrangementStatus, EARLY_WARNING_RULES, earlyWarnings } from "./prevention.ts";
import * as repo from "./repository.ts";
import type {
  Address,
  AgreementInput,
  ArrangementInput,
  ArrearsPerson,
  EventInput,
  FeedbackInput,
  MeasureInput,
  PAUSE_REASONS,
} from "./schemas.ts";
import { REPORTING_POINTS, type SignalRecord } from "./signal-format.ts";

/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const ARREARS_ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    table: "arrears_tenancy",
    idColumn: "id",
    organisationColumn: "organisation_id",
    columns: ["person_ciphertext", "address_ciphertext"],
  },
  {
    table: "arrears_delivery",
    idColumn: "id",
    organisationColumn: "organisation_id",
    columns: ["document_ciphertext"],
  },
  {
    table: "arrears_agreement",
    idColumn: "id",
    organisationColumn: "organisation_id",
    columns: ["contacts_ciphertext"],
  },
];

const place = (table: string, column: string, rowId: string) => ({ table, column, rowId });
const personPlace = (id: string) => place("arrears_tenancy", "person_ciphertext", id);
const addressPlace = (id: string) => place("arrears_tenancy", "address_ciphertext", id);
const documentPlace = (id: string) => place("arrears_delivery", "document_ciphertext", id);
const contactsPlace = (id: string) => place("arrears_agreement", "contacts_ciphertext", id);

/** The tenant's identification and contact details as stored (one encrypted JSON document). */
interface StoredPerson {
  person: ArrearsPerson;
  phone?: string | undefined;
}

/** The delivered file's content (encrypted in arrears_delivery.document_ciphertext). */
export interface DeliveryDocument {
  format: string;
  municipalityCode: string;
  month: string;
  reportingPoint: "ris" | "vps";
  landlord: { name: string; kvk: string | null };
  signals: SignalRecord[];
}

/** schuldenrust: collection suspended 30 days after the tenant accepted help (002 step 3). */
export const SCHULDENRUST_DAYS = 30;
/** The pause button (004 "Pauze-knop") pauses collection for at most this many days (D-109). */
export const MAX_PAUSE_DAYS = 92;
/** Retention (docs/retention.md "Vroegsignalering"). */
export const RETENTION_MONTHS_AFTER_ARREARS = 12;
export const POSITION_HISTORY_MONTHS = 13;

const LANDLORD_KINDS = new Set<OrganisationAccess["kind"]>([
  "housing_corporation",
  "private_landlord",
]);

export type ArrearsService = ReturnType<typeof createArrearsService>;

interface Deps {
  organisations: {
    accessOf(id: string): Promise<OrganisationAccess | undefined>;
    registryFacts(id: string): Promise<{ name: string; kvkNumber: string | null } | undefined>;
  };
}

type Recorder = { recordedByKind: "user" | "api_key" | "system"; recordedBy: string | null };
const recorder = (p: Principal): Recorder => ({ recordedByKind: p.kind, recordedBy: p.id });

function terms(a: repo.AgreementRow | undefined): AgreementTerms | undefined {
  return a
    ? { status: a.status, minDaysLate: a.minDaysLate, minAmountCents: a.minAmountCents }
    : undefined;
}

/** The event types of a bit mask (repo.EVENT_BITS), dated on `date` (inside the episode). */
function eventsOfMask(mask: number, date: string): { type: EventType; date: string }[] {
  return (Object.entries(repo.EVENT_BITS) as [EventType, number][])
    .filter(([, bit]) => (mask & bit) !== 0)
    .map(([type]) => ({ type, date }));
}

function lastDayOfMonth(month: string) {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

export function createArrearsService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  deps: Deps,
) {
  const { database, clock, keyring } = ctx;
  const db = database.db;

  /** The landlord a request acts for: the caller's organisation, or ?onBehalfOf for the consortium. */
  async function landlordFor(principal: Principal, onBehalfOf: string | undefined) {
    if (
      onBehalfOf &&
      onBehalfOf !== principal.organisationId &&
      !hasRole(principal, ["consortium_admin"])
    ) {
      throw new AppError("forbidden", "Only the consortium may act on behalf of another landlord.");
    }
    const id = onBehalfOf ?? principal.organisationId;
    const access = await deps.organisations.accessOf(id);
    if (!access) throw notFound("organisation");
    if (!LANDLORD_KINDS.has(access.kind) || access.refusal) {
      // 002 "Wettelijke verplichting": the duty and the data are the landlord's (verhuurder).
      throw protocolRule(
        "landlord_required",
        "Arrears belong to a landlord with access; act for one.",
        "002 Wettelijke verplichting",
        { hint: "a consortium admin acts for a landlord with ?onBehalfOf=<organisation id>" },
      );
    }
    return id;
  }

  async function tenancyOf(organisationId: string, ref: string) {
    const row = await repo.findTenancy(db, organisationId, ref);
    if (!row) throw notFound("tenancy");
    return row;
  }

  /** Decrypts many values of one organisation without a query per value (the monthly run). */
  async function bulkDecrypter(organisationId: string, ciphertexts: Iterable<string>) {
    const keys = new Map<number, Buffer>();
    for (const ct of ciphertexts) {
      const v = fieldKeyVersion(ct);
      if (!keys.has(v)) keys.set(v, await keyring.decryptKeyFor(organisationId, v));
    }
    return (ct: string, at: { table: string; column: string; rowId: string }) =>
      decryptField(keys.get(fieldKeyVersion(ct))!, ct, fieldAad({ organisationId, ...at }));
  }

  /** Every fact the eligibility rules need, for all of a landlord's tenancies in arrears. */
  async function selectionFacts(organisationId: string, signalDate: string) {
    const agreements = await repo.listAgreements(db, organisationId);
    const latest = await repo.latestAsOf(db, organisationId);
    const tenancies = await repo.tenanciesInArrears(database, organisationId);
    const masks = await repo.episodeEventTypes(database, organisationId, signalDate);
    const last = await repo.lastSignals(database, organisationId);
    const holds = await repo.openHolds(db, organisationId, signalDate);
    const agreementOf = new Map(agreements.map((a) => [a.municipalityCode, a]));
    const schuldenrust = new Set(
      holds
        .filter(
          (h) => h.hold.kind === "schuldenrust" && compareDates(h.hold.startDate, signalDate) <= 0,
        )
        .map((h) => h.hold.tenancyId),
    );
    const assessed = tenancies.map((t) => {
      const assessment = assessSignal(
        {
          arrearsCents: t.arrearsCents,
          monthlyRentCents: t.monthlyRentCents,
          oldestUnpaidDueDate: t.oldestUnpaidDueDate,
          arrearsBeganOn: t.arrearsBeganOn,
          asOf: t.asOf,
          latestAsOf: latest ?? t.asOf,
          // The SQL kept only events within the episode; their dates are not needed again.
          events: eventsOfMask(masks.get(t.id) ?? 0, t.arrearsBeganOn ?? signalDate),
          lastSignal: last.get(t.id),
          onSchuldenrust: schuldenrust.has(t.id),
        },
        terms(agreementOf.get(t.municipalityCode)),
        signalDate,
      );
      return { tenancy: t, assessment };
    });
    return { agreementOf, assessed, holds };
  }

  function holdView(h: repo.HoldRow) {
    return {
      id: h.id,
      kind: h.kind,
      reason: h.reason,
      startDate: h.startDate,
      until: h.until,
      endedOn: h.endedOn,
      endReason: h.endReason,
    };
  }

  async function arrangementView(a: repo.ArrangementRow, instalments?: repo.InstalmentRow[]) {
    const rows = instalments ?? (await repo.instalmentsOf(db, [a.id]));
    const status = arrangementStatus(rows, clock.today());
    return {
      id: a.id,
      agreedOn: a.agreedOn,
      totalCents: a.totalCents,
      ...status,
      paidCents: rows.reduce((s, i) => s + i.paidCents, 0),
      instalments: rows.map((i) => ({
        seq: i.seq,
        dueDate: i.dueDate,
        amountCents: i.amountCents,
        paidCents: i.paidCents,
        paidOn: i.paidOn,
      })),
    };
  }

  function publicAssessment(a: Assessment) {
    return {
      eligible: a.eligible,
      repeated: a.repeated,
      daysLate: a.daysLate,
      monthsInArrears: a.monthsInArrears,
      reasons: a.reasons,
    };
  }

  return {
    // ---- agreements ----------------------------------------------------------------------

    /** The agreement with a municipality (002 "Overeenkomst met gemeente nodig"). */
    async putAgreement(
      principal: Principal,
      meta: RequestMeta,
      municipalityCode: string,
      input: AgreementInput,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      if (input.deliveryWindow && input.deliveryWindow.fromDay > input.deliveryWindow.toDay) {
        throw new AppError("invalid_input", "deliveryWindow: fromDay is after toDay.", {
          code: "invalid_delivery_window",
        });
      }
      const existing = await repo.findAgreement(db, organisationId, municipalityCode);
      const id = existing?.id ?? randomUUID();
      const contacts =
        input.contactPerson || input.signatory
          ? await keyring.encrypt(
              organisationId,
              JSON.stringify({ contactPerson: input.contactPerson, signatory: input.signatory }),
              contactsPlace(id),
            )
          : (existing?.contactsCiphertext ?? null);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await repo.upsertAgreement(tx, {
          id,
          organisationId,
          municipalityCode,
          status: input.status,
          reportingPoint: input.reportingPoint,
          // Default lateness 30 days (contract §3); a municipality may set its own threshold.
          minDaysLate: input.minDaysLate ?? DEFAULT_MIN_DAYS_LATE,
          minAmountCents: input.minAmountCents ?? null,
          signedOn: input.signedOn ?? (input.status === "signed" ? clock.today() : null),
          deliveryFromDay: input.deliveryWindow?.fromDay ?? null,
          deliveryToDay: input.deliveryWindow?.toDay ?? null,
          contactsCiphertext: contacts,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        });
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.agreement_saved",
          objectType: "arrears_agreement",
          objectId: id,
          outcome: "success",
          details: { municipalityCode, status: input.status, reportingPoint: input.reportingPoint },
        });
      });
      return this.agreementView((await repo.findAgreement(db, organisationId, municipalityCode))!);
    },

    async agreementView(a: repo.AgreementRow) {
      const contacts = a.contactsCiphertext
        ? JSON.parse(
            await keyring.decrypt(a.organisationId, a.contactsCiphertext, contactsPlace(a.id)),
          )
        : {};
      return {
        municipalityCode: a.municipalityCode,
        status: a.status,
        reportingPoint: a.reportingPoint,
        minDaysLate: a.minDaysLate,
        minAmountCents: a.minAmountCents,
        signedOn: a.signedOn,
        deliveryWindow:
          a.deliveryFromDay !== null && a.deliveryToDay !== null
            ? { fromDay: a.deliveryFromDay, toDay: a.deliveryToDay }
            : null,
        contactPerson: contacts.contactPerson ?? null,
        signatory: contacts.signatory ?? null,
        signalsAllowed: a.status === "signed",
      };
    },

    async listAgreements(principal: Principal, options: { onBehalfOf?: string | undefined } = {}) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const rows = await repo.listAgreements(db, organisationId);
      return { items: await Promise.all(rows.map((a) => this.agreementView(a))) };
    },

    // ---- positions ----------------------------------------------------------------------

    /**
     * The monthly position (CSV or JSON, already parsed line by line). Good lines are written
     * in one transaction; bad lines are reported and written not at all.
     */
    async importPositions(
      principal: Principal,
      meta: RequestMeta,
      asOf: string,
      parsed: ParsedPositions,
      /** dryRun: every check, nothing written (the import page's "check only"). */
      options: { onBehalfOf?: string | undefined; dryRun?: boolean } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      if (compareDates(asOf, clock.today()) > 0) {
        throw new AppError("invalid_input", "asOf: the position date lies in the future.", {
          code: "as_of_in_future",
        });
      }
      const errors: LineError[] = [...parsed.errors];
      const states = await repo.tenancyStates(
        db,
        organisationId,
        parsed.lines.map((l) => l.item.tenancyRef),
      );
      const accepted = parsed.lines.filter((l) => {
        const s = states.get(l.item.tenancyRef);
        if (s && compareDates(asOf, s.asOf) < 0) {
          errors.push({
            line: l.line,
            code: "position_older_than_current",
            message: `a newer position (${s.asOf}) is already on file for this tenancy`,
          });
          return false;
        }
        return true;
      });
      // Encryption before the transaction (D-009).
      const encrypt = await keyring.encrypterFor(organisationId);
      const now = clock.now();
      const tenancies: Parameters<typeof repo.upsertTenancies>[1] = [];
      const positions: Parameters<typeof repo.upsertPositions>[1] = [];
      const events: Parameters<typeof repo.insertEvents>[1] = [];
      const ended: string[] = [];
      const arrearsOf = new Map<string, number>();
      let notStored = 0;
      for (const l of accepted) {
        const { item } = l;
        const s = states.get(item.tenancyRef);
        const inArrears = item.arrearsCents > 0;
        if (!s && !inArrears) {
          // Data minimisation (D-103): a tenancy without arrears and without a file is not stored.
          notStored++;
          continue;
        }
        const id = s?.id ?? randomUUID();
        let began = s?.arrearsBeganOn ?? null;
        let endedOn = s?.arrearsEndedOn ?? null;
        if (inArrears) {
          const continuing = s && s.arrearsCents > 0 && s.arrearsBeganOn && s.asOf !== asOf;
          const sameDayUpdate = s && s.asOf === asOf && s.arrearsCents > 0 && s.arrearsBeganOn;
          if (!continuing && !sameDayUpdate) began = item.oldestUnpaidDueDate!;
          endedOn = null;
        } else if (s && s.arrearsCents > 0) {
          endedOn = asOf;
          ended.push(id);
        }
        const stored: StoredPerson = { person: item.person, phone: item.phone };
        tenancies.push({
          id,
          organisationId,
          tenancyRef: item.tenancyRef,
          municipalityCode: l.municipalityCode,
          municipalityDerived: l.municipalityDerived,
          monthlyRentCents: item.monthlyRentCents,
          arrearsCents: item.arrearsCents,
          oldestUnpaidDueDate: inArrears ? item.oldestUnpaidDueDate! : null,
          asOf,
          arrearsBeganOn: began,
          arrearsEndedOn: endedOn,
          personCiphertext: encrypt(JSON.stringify(stored), personPlace(id)),
          addressCiphertext: encrypt(JSON.stringify(item.address), addressPlace(id)),
          createdAt: now,
          updatedAt: now,
        });
        positions.push({
          tenancyId: id,
          organisationId,
          asOf,
          monthlyRentCents: item.monthlyRentCents,
          arrearsCents: item.arrearsCents,
          oldestUnpaidDueDate: inArrears ? item.oldestUnpaidDueDate! : null,
          lastPaymentDate: item.lastPaymentDate ?? null,
        });
        arrearsOf.set(id, item.arrearsCents);
        for (const e of item.events ?? []) {
          events.push({
            id: randomUUID(),
            organisationId,
            tenancyId: id,
            type: e.type,
            date: e.date,
            channel: e.type === "contact_attempt" ? (e.channel ?? null) : null,
            ...recorder(principal),
            createdAt: now,
          });
        }
      }
      // 002 step 3 / convenant: during schuldenrust the new rent is expected to be paid; a
      // position that shows more arrears than when the hold began ends the hold early.
      const holdsToEnd = (await repo.openHolds(db, organisationId, asOf)).filter((h) => {
        const current = arrearsOf.get(h.hold.tenancyId);
        return (
          h.hold.kind === "schuldenrust" &&
          current !== undefined &&
          compareDates(h.hold.startDate, asOf) < 0 &&
          current > h.hold.arrearsCentsAtStart
        );
      });
      if (options.dryRun) {
        errors.sort((a, b) => a.line - b.line);
        return {
          imported: accepted.length,
          rejected: new Set(errors.map((e) => e.line)).size,
          errors,
          dryRun: true,
        };
      }
      await db.transaction(async (tx) => {
        await repo.upsertTenancies(tx, tenancies);
        await repo.upsertPositions(tx, positions);
        await repo.insertEvents(tx, events);
        await repo.markSignalsEpisodeEnded(tx, ended, asOf);
        for (const h of holdsToEnd) await repo.endHold(tx, h.hold.id, asOf, "new_rent_unpaid");
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.positions_imported",
          objectType: "arrears_position",
          outcome: "success",
          details: {
            landlord: organisationId,
            asOf,
            lines: parsed.total,
            imported: accepted.length,
            rejected: parsed.total - accepted.length,
            notStored,
            holdsEnded: holdsToEnd.length,
          },
        });
      });
      errors.sort((a, b) => a.line - b.line);
      return {
        imported: accepted.length,
        rejected: new Set(errors.map((e) => e.line)).size,
        errors,
      };
    },

    // ---- precondition events ------------------------------------------------------------

    async recordEvent(
      principal: Principal,
      meta: RequestMeta,
      tenancyRef: string,
      input: EventInput,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const tenancy = await tenancyOf(organisationId, tenancyRef);
      if (compareDates(input.date, clock.today()) > 0) {
        throw new AppError("invalid_input", "date: lies in the future.", {
          code: "date_in_future",
        });
      }
      if (input.channel && input.type !== "contact_attempt") {
        throw new AppError("invalid_input", "channel: only for a contact attempt.", {
          code: "channel_not_applicable",
        });
      }
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await repo.insertEvents(tx, [
          {
            id,
            organisationId,
            tenancyId: tenancy.id,
            type: input.type,
            date: input.date,
            channel: input.channel ?? null,
            ...recorder(principal),
            createdAt: clock.now(),
          },
        ]);
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.event_recorded",
          objectType: "arrears_tenancy",
          objectId: tenancy.id,
          outcome: "success",
          details: { type: input.type, date: input.date },
        });
      });
      return { tenancyRef, type: input.type, date: input.date, channel: input.channel ?? null };
    },

    // ---- the monthly signals ------------------------------------------------------------

    /**
     * The `arrears-signals` job: for every landlord with a signed agreement, one delivery per
     * municipality with the tenants eligible on `signalDate` (002 "Vroegsignalering in de
     * praktijk" step 1: signals monthly). A municipality already delivered this month is
     * skipped, so a re-run is harmless.
     */
    async runMonthlySignals(signalDate: string) {
      const summary = {
        landlords: 0,
        deliveries: 0,
        signals: 0,
        repeated: 0,
        notEligible: {} as Record<string, number>,
      };
      for (const organisationId of await repo.organisationsWithSignedAgreements(db)) {
        const access = await deps.organisations.accessOf(organisationId);
        if (!access || access.refusal) continue;
        summary.landlords++;
        const r = await this.produceDeliveries(organisationId, signalDate);
        summary.deliveries += r.deliveries;
        summary.signals += r.signals;
        summary.repeated += r.repeated;
        for (const [k, v] of Object.entries(r.notEligible)) {
          summary.notEligible[k] = (summary.notEligible[k] ?? 0) + v;
        }
      }
      return summary;
    },

    async produceDeliveries(organisationId: string, signalDate: string) {
      const month = signalDate.slice(0, 7);
      const { agreementOf, assessed } = await selectionFacts(organisationId, signalDate);
      const delivered = await repo.deliveredMunicipalities(db, organisationId, month);
      const notEligible: Record<string, number> = {};
      const byMunicipality = new Map<string, typeof assessed>();
      for (const a of assessed) {
        if (!a.assessment.eligible) {
          for (const r of a.assessment.reasons) {
            const k = r.missing ? `${r.code}:${r.missing}` : r.code;
            notEligible[k] = (notEligible[k] ?? 0) + 1;
          }
          continue;
        }
        if (delivered.has(a.tenancy.municipalityCode)) continue;
        const list = byMunicipality.get(a.tenancy.municipalityCode) ?? [];
        list.push(a);
        byMunicipality.set(a.tenancy.municipalityCode, list);
      }
      const result = { deliveries: 0, signals: 0, repeated: 0, notEligible };
      if (byMunicipality.size === 0) return result;
      const facts = await deps.organisations.registryFacts(organisationId);
      const landlord = { name: facts?.name ?? "", kvk: facts?.kvkNumber ?? null };
      const cipher = await repo.ciphertextsIn(database, organisationId, [...byMunicipality.keys()]);
      const decrypt = await bulkDecrypter(
        organisationId,
        [...cipher.values()].flatMap((c) => [c.personCiphertext, c.addressCiphertext]),
      );
      const encrypt = await keyring.encrypterFor(organisationId);
      const deliveries: Parameters<typeof repo.insertDelivery>[1][] = [];
      const signals: Parameters<typeof repo.insertSignals>[1] = [];
      const now = clock.now();
      for (const [municipalityCode, list] of byMunicipality) {
        const agreement = agreementOf.get(municipalityCode)!;
        const deliveryId = randomUUID();
        const records: SignalRecord[] = [];
        for (const { tenancy: t, assessment } of list) {
          const c = cipher.get(t.id)!;
          const stored = JSON.parse(decrypt(c.personCiphertext, personPlace(t.id))) as StoredPerson;
          const address = JSON.parse(decrypt(c.addressCiphertext, addressPlace(t.id))) as Address;
          records.push({
            tenancyRef: t.tenancyRef,
            initials: stored.person.initials,
            prefix: stored.person.prefix ?? null,
            surname: stored.person.surname,
            birthDate: stored.person.birthDate ?? null,
            street: address.street,
            houseNumber: address.houseNumber,
            houseNumberAddition: address.houseNumberAddition ?? null,
            postcode: address.postcode,
            city: address.city,
            phone: stored.phone ?? null,
            email: stored.person.email ?? null,
            arrearsCents: t.arrearsCents,
            monthsInArrears: assessment.monthsInArrears,
            arrearsBeganOn: t.arrearsBeganOn!,
            signalDate,
            repeated: assessment.repeated,
            landlordName: landlord.name,
            landlordKvk: landlord.kvk,
          });
          signals.push({
            id: randomUUID(),
            deliveryId,
            organisationId,
            tenancyId: t.id,
            tenancyRef: t.tenancyRef,
            municipalityCode,
            arrearsBeganOn: t.arrearsBeganOn!,
            arrearsCents: t.arrearsCents,
            monthsInArrears: assessment.monthsInArrears,
            signalDate,
            repeated: assessment.repeated,
          });
          if (assessment.repeated) result.repeated++;
        }
        const document: DeliveryDocument = {
          format: REPORTING_POINTS[agreement.reportingPoint].format,
          municipalityCode,
          month,
          reportingPoint: agreement.reportingPoint,
          landlord,
          signals: records,
        };
        const deliverBy =
          agreement.deliveryToDay !== null &&
          isIsoDate(`${month}-${String(agreement.deliveryToDay).padStart(2, "0")}`)
            ? `${month}-${String(agreement.deliveryToDay).padStart(2, "0")}`
            : lastDayOfMonth(month);
        deliveries.push({
          id: deliveryId,
          organisationId,
          municipalityCode,
          month,
          signalDate,
          reportingPoint: agreement.reportingPoint,
          deliverBy,
          documentCiphertext: encrypt(JSON.stringify(document), documentPlace(deliveryId)),
          createdAt: now,
        });
        result.deliveries++;
        result.signals += records.length;
      }
      await db.transaction(async (tx) => {
        for (const d of deliveries) await repo.insertDelivery(tx, d);
        await repo.insertSignals(tx, signals);
        await recordAudit(
          tx,
          clock,
          { requestId: null, clientAddress: null },
          {
            actor: SYSTEM_ACTOR,
            action: "arrears.signals_delivered",
            objectType: "arrears_delivery",
            outcome: "success",
            details: {
              landlord: organisationId,
              month,
              deliveries: deliveries.map((d) => ({
                id: d.id,
                municipalityCode: d.municipalityCode,
                signals: signals.filter((s) => s.deliveryId === d.id).length,
              })),
            },
          },
        );
      });
      return result;
    },

    async listDeliveries(
      principal: Principal,
      options: { month?: string | undefined; onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const deliveries = await repo.listDeliveries(db, organisationId, options.month);
      const signals = await repo.signalsOfDeliveries(
        db,
        deliveries.map((d) => d.id),
      );
      return {
        items: deliveries.map((d) => ({
          id: d.id,
          municipalityCode: d.municipalityCode,
          month: d.month,
          signalDate: d.signalDate,
          reportingPoint: d.reportingPoint,
          deliverBy: d.deliverBy,
          signals: signals
            .filter((s) => s.deliveryId === d.id)
            .map((s) => ({
              tenancyRef: s.tenancyRef,
              arrearsCents: s.arrearsCents,
              monthsInArrears: s.monthsInArrears,
              arrearsBeganOn: s.arrearsBeganOn,
              signalDate: s.signalDate,
              repeated: s.repeated,
            })),
        })),
      };
    },

    /** The delivery's file content with the personal data (its reading is audited). */
    async getDeliveryDocument(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      options: { onBehalfOf?: string | undefined } = {},
    ): Promise<{ document: DeliveryDocument; delivery: repo.DeliveryRow }> {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const delivery = await repo.findDelivery(db, id);
      if (!delivery || delivery.organisationId !== organisationId) throw notFound("delivery");
      const document = JSON.parse(
        await keyring.decrypt(organisationId, delivery.documentCiphertext, documentPlace(id)),
      ) as DeliveryDocument;
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "arrears.delivery_read",
        objectType: "arrears_delivery",
        objectId: id,
        outcome: "success",
        details: { municipalityCode: delivery.municipalityCode, signals: document.signals.length },
      });
      return { document, delivery };
    },

    async getDeliveryCsv(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const { document, delivery } = await this.getDeliveryDocument(principal, meta, id, options);
      const adapter = REPORTING_POINTS[delivery.reportingPoint];
      return {
        fileName: adapter.fileName(delivery.municipalityCode, delivery.month),
        csv: adapter.csv(document.signals),
      };
    },

    // ---- feedback and collection holds --------------------------------------------------

    /**
     * The municipality's outcomes (002 step 3): `help_accepted` starts schuldenrust, 30 days
     * from the feedback date; any other outcome lets regular collection go on (002 step 4).
     */
    async recordFeedback(
      principal: Principal,
      meta: RequestMeta,
      input: FeedbackInput,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      return this.importFeedback(
        principal,
        meta,
        input.municipalityCode,
        feedbackLinesOf(input.items),
        options,
      );
    },

    /**
     * Feedback already parsed line by line (JSON items or a CSV file, import.ts). Every line is
     * checked on its own; the good lines are written in one transaction, a bad line not at all
     * and reported with its line number (the same rule as the position import).
     */
    async importFeedback(
      principal: Principal,
      meta: RequestMeta,
      municipalityCode: string,
      parsed: ParsedFeedback,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const input = { municipalityCode };
      const today = clock.today();
      const states = await repo.tenancyStates(
        db,
        organisationId,
        parsed.lines.map((l) => l.item.tenancyRef),
      );
      const errors: LineError[] = [...parsed.errors];
      const feedback: Parameters<typeof repo.insertFeedback>[1][] = [];
      const holds: Parameters<typeof repo.insertHold>[1][] = [];
      const now = clock.now();
      for (const { line, item } of parsed.lines) {
        const s = states.get(item.tenancyRef);
        if (!s) {
          errors.push({ line, code: "unknown_tenancy", message: "no tenancy with this reference" });
          continue;
        }
        if (compareDates(item.date, today) > 0) {
          errors.push({ line, code: "date_in_future", message: "date: lies in the future" });
          continue;
        }
        const signal = (await repo.signalsOfTenancy(db, s.id))
          .filter((x) => x.municipalityCode === input.municipalityCode)
          .at(-1);
        if (!signal) {
          errors.push({
            line,
            code: "not_signalled",
            message: "this tenancy was not signalled to this municipality",
          });
          continue;
        }
        if (compareDates(item.date, signal.signalDate) < 0) {
          errors.push({ line, code: "feedback_before_signal", message: "date: before the signal" });
          continue;
        }
        const feedbackId = randomUUID();
        feedback.push({
          id: feedbackId,
          organisationId,
          signalId: signal.id,
          tenancyId: s.id,
          municipalityCode: input.municipalityCode,
          outcome: item.outcome,
          date: item.date,
          ...recorder(principal),
          createdAt: now,
        });
        if (item.outcome === "help_accepted") {
          const open = (await repo.holdsOf(db, s.id)).some(
            (h) =>
              h.kind === "schuldenrust" &&
              !h.endedOn &&
              compareDates(h.startDate, item.date) <= 0 &&
              compareDates(item.date, h.until) <= 0,
          );
          if (!open) {
            holds.push({
              id: randomUUID(),
              organisationId,
              tenancyId: s.id,
              kind: "schuldenrust",
              reason: "help_accepted",
              startDate: item.date,
              // 002 step 3: collection suspended for 30 days after help was accepted.
              until: addDays(item.date, SCHULDENRUST_DAYS),
              arrearsCentsAtStart: s.arrearsCents,
              feedbackId,
              ...recorder(principal),
              createdAt: now,
            });
          }
        }
      }
      let recorded = 0;
      await db.transaction(async (tx) => {
        const kept = new Set<string>();
        for (const f of feedback) if (await repo.insertFeedback(tx, f)) kept.add(f.id!);
        recorded = kept.size;
        for (const h of holds) if (kept.has(h.feedbackId!)) await repo.insertHold(tx, h);
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.feedback_recorded",
          objectType: "arrears_feedback",
          outcome: "success",
          details: {
            landlord: organisationId,
            municipalityCode: input.municipalityCode,
            lines: parsed.total,
            recorded,
            rejected: new Set(errors.map((e) => e.line)).size,
            outcomes: feedback.map((f) => f.outcome),
          },
        });
      });
      errors.sort((a, b) => a.line - b.line);
      return {
        recorded,
        duplicates: feedback.length - recorded,
        rejected: new Set(errors.map((e) => e.line)).size,
        errors,
      };
    },

    /** For the collection system: may it act now? (002 step 3 schuldenrust; 004 pause button) */
    async collectionHold(
      principal: Principal,
      tenancyRef: string,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const tenancy = await tenancyOf(organisationId, tenancyRef);
      const today = clock.today();
      const holds = await repo.holdsOf(db, tenancy.id);
      const active = holds
        .filter(
          (h) =>
            !h.endedOn &&
            compareDates(h.startDate, today) <= 0 &&
            compareDates(today, h.until) <= 0,
        )
        .sort((a, b) => compareDates(b.until, a.until));
      const first = active[0];
      if (first) {
        return {
          onHold: true,
          until: first.until,
          reason: first.kind === "schuldenrust" ? "help_accepted" : `pause_${first.reason}`,
        };
      }
      const endedEarly = holds.find(
        (h) =>
          h.endReason === "new_rent_unpaid" &&
          h.endedOn !== null &&
          daysBetween(h.endedOn, today) <= SCHULDENRUST_DAYS,
      );
      return endedEarly
        ? { onHold: false, reason: "hold_ended_new_rent_unpaid" }
        : { onHold: false };
    },

    /** 004 "Pauze-knop": collection paused for a chosen period, with a reason code. */
    async pauseCollection(
      principal: Principal,
      meta: RequestMeta,
      tenancyRef: string,
      input: { from: string; until: string; reason: (typeof PAUSE_REASONS)[number] },
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const tenancy = await tenancyOf(organisationId, tenancyRef);
      if (compareDates(input.until, input.from) < 0) {
        throw new AppError("invalid_input", "until: before from.", { code: "invalid_period" });
      }
      if (daysBetween(input.from, input.until) > MAX_PAUSE_DAYS) {
        throw protocolRule(
          "pause_too_long",
          `A pause lasts at most ${MAX_PAUSE_DAYS} days; record a new one to extend it.`,
          "004 Pauze-knop (decision D-109)",
        );
      }
      const hold = {
        id: randomUUID(),
        organisationId,
        tenancyId: tenancy.id,
        kind: "pause" as const,
        reason: input.reason,
        startDate: input.from,
        until: input.until,
        arrearsCentsAtStart: tenancy.arrearsCents,
        ...recorder(principal),
        createdAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.insertHold(tx, hold);
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.collection_paused",
          objectType: "arrears_tenancy",
          objectId: tenancy.id,
          outcome: "success",
          details: { from: input.from, until: input.until, reason: input.reason },
        });
      });
      return holdView({ ...hold, endedOn: null, endReason: null, feedbackId: null });
    },

    /** Ends the pauses (not schuldenrust, which is the municipality's) of a tenancy today. */
    async endPause(
      principal: Principal,
      meta: RequestMeta,
      tenancyRef: string,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const tenancy = await tenancyOf(organisationId, tenancyRef);
      const today = clock.today();
      const open = (await repo.holdsOf(db, tenancy.id)).filter(
        (h) => h.kind === "pause" && !h.endedOn && compareDates(today, h.until) <= 0,
      );
      if (open.length === 0)
        throw new AppError("conflict", "There is no pause to end.", { code: "no_pause" });
      await db.transaction(async (tx) => {
        for (const h of open) await repo.endHold(tx, h.id, today, "ended_by_landlord");
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.pause_ended",
          objectType: "arrears_tenancy",
          objectId: tenancy.id,
          outcome: "success",
        });
      });
    },

    // ---- prevention measures (004) -------------------------------------------------------

    async recordMeasure(
      principal: Principal,
      meta: RequestMeta,
      tenancyRef: string,
      input: MeasureInput,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const tenancy = await tenancyOf(organisationId, tenancyRef);
      const { kind, date, ...details } = input;
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await repo.insertMeasure(tx, {
          id,
          organisationId,
          tenancyId: tenancy.id,
          kind,
          date,
          details,
          ...recorder(principal),
          createdAt: clock.now(),
        });
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.measure_recorded",
          objectType: "arrears_tenancy",
          objectId: tenancy.id,
          outcome: "success",
          details: { kind, date },
        });
      });
      return { id, kind, date, details, recordedBy: recorder(principal) };
    },

    /** 004 "Maatwerk betalingsregelingen": a schedule of instalments; its status follows by itself. */
    async createArrangement(
      principal: Principal,
      meta: RequestMeta,
      tenancyRef: string,
      input: ArrangementInput,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const tenancy = await tenancyOf(organisationId, tenancyRef);
      const sorted = [...input.instalments].sort((a, b) => compareDates(a.dueDate, b.dueDate));
      if (sorted.some((i) => compareDates(i.dueDate, input.agreedOn) < 0)) {
        throw new AppError("invalid_input", "instalments: a due date before the agreement.", {
          code: "instalment_before_agreement",
        });
      }
      const id = randomUUID();
      const row = {
        id,
        organisationId,
        tenancyId: tenancy.id,
        agreedOn: input.agreedOn,
        totalCents: sorted.reduce((s, i) => s + i.amountCents, 0),
        ...recorder(principal),
        createdAt: clock.now(),
      };
      const instalments = sorted.map((i, n) => ({
        arrangementId: id,
        seq: n + 1,
        dueDate: i.dueDate,
        amountCents: i.amountCents,
        paidCents: 0,
        paidOn: null,
      }));
      await db.transaction(async (tx) => {
        await repo.insertArrangement(tx, row, instalments);
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.arrangement_created",
          objectType: "arrears_arrangement",
          objectId: id,
          outcome: "success",
          details: { instalments: instalments.length, totalCents: row.totalCents },
        });
      });
      return arrangementView(row, instalments);
    },

    /** A payment on an arrangement, applied to the oldest open instalments first. */
    async recordPayment(
      principal: Principal,
      meta: RequestMeta,
      arrangementId: string,
      input: { date: string; amountCents: number },
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const arrangement = await repo.findArrangement(db, arrangementId);
      if (!arrangement || arrangement.organisationId !== organisationId)
        throw notFound("arrangement");
      const instalments = await repo.instalmentsOf(db, [arrangementId]);
      const open = instalments.reduce((s, i) => s + (i.amountCents - i.paidCents), 0);
      if (input.amountCents > open) {
        throw protocolRule(
          "payment_exceeds_arrangement",
          "The payment is more than what remains of the arrangement.",
          "004 Maatwerk betalingsregelingen",
          { openCents: open },
        );
      }
      let rest = input.amountCents;
      const changes: { seq: number; paidCents: number }[] = [];
      for (const i of instalments) {
        if (rest === 0) break;
        const due = i.amountCents - i.paidCents;
        if (due <= 0) continue;
        const pay = Math.min(due, rest);
        rest -= pay;
        i.paidCents += pay;
        i.paidOn = input.date;
        changes.push({ seq: i.seq, paidCents: i.paidCents });
      }
      await db.transaction(async (tx) => {
        for (const c of changes) {
          await repo.updateInstalment(tx, arrangementId, c.seq, {
            paidCents: c.paidCents,
            paidOn: input.date,
          });
        }
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "arrears.arrangement_payment",
          objectType: "arrears_arrangement",
          objectId: arrangementId,
          outcome: "success",
          details: { amountCents: input.amountCents, date: input.date },
        });
      });
      return arrangementView(arrangement, instalments);
    },

    // ---- the file, the worklist, early warnings, dashboard ------------------------------

    /**
     * The landlord's tenancies on file, a page at a time: references, amounts and states only
     * (no personal data, so the list is not audited; the file is). Search by reference.
     */
    async listTenancies(
      principal: Principal,
      query: {
        search?: string | undefined;
        filter?: repo.TenancyFilter | undefined;
        page: number;
        pageSize: number;
      },
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const today = clock.today();
      const { total, rows } = await repo.listTenancies(
        database,
        organisationId,
        { search: query.search, filter: query.filter, today },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      const arrangements = (await repo.arrangementsOfOrganisation(db, organisationId)).filter((a) =>
        rows.some((r) => r.id === a.arrangement.tenancyId),
      );
      const instalments = await repo.instalmentsOf(
        db,
        arrangements.map((a) => a.arrangement.id),
      );
      return {
        total,
        items: rows.map((r) => {
          const statuses = arrangements
            .filter((a) => a.arrangement.tenancyId === r.id)
            .map(
              (a) =>
                arrangementStatus(
                  instalments.filter((i) => i.arrangementId === a.arrangement.id),
                  today,
                ).status,
            );
          return {
            tenancyRef: r.tenancyRef,
            municipalityCode: r.municipalityCode,
            monthlyRentCents: r.monthlyRentCents,
            arrearsCents: r.arrearsCents,
            monthsInArrears: monthsInArrears(r.arrearsCents, r.monthlyRentCents),
            daysLate: r.oldestUnpaidDueDate
              ? Math.max(0, daysBetween(r.oldestUnpaidDueDate, today))
              : 0,
            asOf: r.asOf,
            onHold: r.onHold,
            arrangement: statuses.includes("broken")
              ? ("broken" as const)
              : statuses.includes("on_track")
                ? ("on_track" as const)
                : statuses.length > 0
                  ? ("kept" as const)
                  : null,
          };
        }),
      };
    },

    /** The tenancy's whole file, with the person; reading it is audited. */
    async getTenancy(
      principal: Principal,
      meta: RequestMeta,
      tenancyRef: string,
      options: { onBehalfOf?: string | undefined } = {},
    ) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const t = await tenancyOf(organisationId, tenancyRef);
      const stored = JSON.parse(
        await keyring.decrypt(organisationId, t.personCiphertext, personPlace(t.id)),
      ) as StoredPerson;
      const address = JSON.parse(
        await keyring.decrypt(organisationId, t.addressCiphertext, addressPlace(t.id)),
      ) as Address;
      const today = clock.today();
      const { assessed } = await selectionFacts(organisationId, today);
      const assessment = assessed.find((a) => a.tenancy.id === t.id)?.assessment;
      const [positions, events, signals, feedback, holds, measures, arrangements] = [
        await repo.positionsOf(db, t.id),
        await repo.eventsOf(db, t.id),
        await repo.signalsOfTenancy(db, t.id),
        await repo.feedbackOfTenancy(db, t.id),
        await repo.holdsOf(db, t.id),
        await repo.measuresOf(db, t.id),
        await repo.arrangementsOfTenancy(db, t.id),
      ];
      const instalments = await repo.instalmentsOf(
        db,
        arrangements.map((a) => a.id),
      );
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "arrears.tenancy_viewed",
        objectType: "arrears_tenancy",
        objectId: t.id,
        outcome: "success",
      });
      return {
        tenancyRef: t.tenancyRef,
        municipalityCode: t.municipalityCode,
        municipalityDerived: t.municipalityDerived,
        person: stored.person,
        phone: stored.phone ?? null,
        address,
        monthlyRentCents: t.monthlyRentCents,
        arrearsCents: t.arrearsCents,
        monthsInArrears: monthsInArrears(t.arrearsCents, t.monthlyRentCents),
        oldestUnpaidDueDate: t.oldestUnpaidDueDate,
        arrearsBeganOn: t.arrearsBeganOn,
        arrearsEndedOn: t.arrearsEndedOn,
        asOf: t.asOf,
        signal: assessment ? publicAssessment(assessment) : null,
        positions: positions.map((p) => ({
          asOf: p.asOf,
          arrearsCents: p.arrearsCents,
          monthlyRentCents: p.monthlyRentCents,
          oldestUnpaidDueDate: p.oldestUnpaidDueDate,
          lastPaymentDate: p.lastPaymentDate,
        })),
        events: events.map((e) => ({
          type: e.type,
          date: e.date,
          channel: e.channel,
          recordedBy: { kind: e.recordedByKind, id: e.recordedBy },
        })),
        signals: signals.map((s) => ({
          municipalityCode: s.municipalityCode,
          signalDate: s.signalDate,
          arrearsCents: s.arrearsCents,
          monthsInArrears: s.monthsInArrears,
          repeated: s.repeated,
        })),
        feedback: feedback.map((f) => ({
          municipalityCode: f.municipalityCode,
          outcome: f.outcome,
          date: f.date,
        })),
        holds: holds.map(holdView),
        measures: measures.map((m) => ({
          kind: m.kind,
          date: m.date,
          details: m.details,
          recordedBy: { kind: m.recordedByKind, id: m.recordedBy },
        })),
        arrangements: await Promise.all(
          arrangements.map((a) =>
            arrangementView(
              a,
              instalments.filter((i) => i.arrangementId === a.id),
            ),
          ),
        ),
      };
    },

    /** What a person should do now (design.md §2.4: duties are dated worklist items). */
    async worklist(principal: Principal, options: { onBehalfOf?: string | undefined } = {}) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const today = clock.today();
      const { assessed, agreementOf, holds } = await selectionFacts(organisationId, today);
      const items: {
        tenancyRef: string;
        municipalityCode: string;
        task: string;
        source: string;
        details: Record<string, unknown>;
      }[] = [];
      for (const { tenancy: t, assessment: a } of assessed) {
        const base = { tenancyRef: t.tenancyRef, municipalityCode: t.municipalityCode };
        if (a.eligible) {
          items.push({
            ...base,
            task: "signal_due",
            source: "002 stap 1",
            details: { daysLate: a.daysLate, repeated: a.repeated },
          });
          continue;
        }
        const codes = new Set(a.reasons.map((r) => r.code));
        if (
          codes.has("not_late_enough") ||
          codes.has("no_arrears") ||
          codes.has("on_collection_hold")
        )
          continue;
        if (codes.has("tenant_refused")) {
          items.push({
            ...base,
            task: "tenant_refused",
            source: "Bgs art. 2; 002 stap 4",
            details: { daysLate: a.daysLate },
          });
          continue;
        }
        const missing = a.reasons
          .filter((r) => r.code === "precondition_missing")
          .map((r) => r.missing);
        if (missing.length > 0) {
          items.push({
            ...base,
            task: "preconditions_missing",
            source: "Bgs art. 2; 002",
            details: { missing, daysLate: a.daysLate },
          });
        }
        if (codes.has("no_agreement") || codes.has("agreement_not_signed")) {
          items.push({
            ...base,
            task: "agreement_needed",
            source: "002 Overeenkomst met gemeente nodig",
            details: { agreementStatus: agreementOf.get(t.municipalityCode)?.status ?? null },
          });
        }
      }
      for (const h of holds) {
        if (compareDates(h.hold.startDate, today) > 0) continue;
        items.push({
          tenancyRef: h.tenancyRef,
          municipalityCode: h.municipalityCode,
          task: h.hold.kind === "schuldenrust" ? "collection_hold" : "collection_paused",
          source: h.hold.kind === "schuldenrust" ? "002 stap 3" : "004 Pauze-knop",
          details: { until: h.hold.until, reason: h.hold.reason },
        });
      }
      for (const h of await repo.holdsEndedSince(db, organisationId, addDays(today, -60))) {
        if (h.hold.endReason !== "new_rent_unpaid") continue;
        items.push({
          tenancyRef: h.tenancyRef,
          municipalityCode: h.municipalityCode,
          task: "hold_ended_early",
          source: "002 stap 3 (convenant: new rent paid during schuldenrust)",
          details: { endedOn: h.hold.endedOn, reason: "new_rent_unpaid" },
        });
      }
      for (const f of await repo.recentFeedback(db, organisationId, addDays(today, -30))) {
        if (f.feedback.outcome === "help_accepted") continue;
        items.push({
          tenancyRef: f.tenancyRef,
          municipalityCode: f.feedback.municipalityCode,
          task: "feedback_received",
          source: "002 stap 4: regular collection continues",
          details: { outcome: f.feedback.outcome, date: f.feedback.date },
        });
      }
      const arrangements = await repo.arrangementsOfOrganisation(db, organisationId);
      const instalments = await repo.instalmentsOf(
        db,
        arrangements.map((a) => a.arrangement.id),
      );
      for (const a of arrangements) {
        const s = arrangementStatus(
          instalments.filter((i) => i.arrangementId === a.arrangement.id),
          today,
        );
        if (s.status === "broken") {
          items.push({
            tenancyRef: a.tenancyRef,
            municipalityCode: a.municipalityCode,
            task: "arrangement_broken",
            source: "004 Maatwerk betalingsregelingen",
            details: { arrangementId: a.arrangement.id, instalmentsMissed: s.instalmentsMissed },
          });
        }
      }
      items.sort(
        (x, y) => x.task.localeCompare(y.task) || x.tenancyRef.localeCompare(y.tenancyRef),
      );
      return { today, items };
    },

    /**
     * 004 "Data-analyse en alert zijn op specifieke huurders": tenants whose payments drift,
     * with the rule that raised each alert. A list for a person to call — it decides nothing.
     */
    async earlyWarnings(principal: Principal, options: { onBehalfOf?: string | undefined } = {}) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const today = clock.today();
      const rows = await repo.recentPositions(database, organisationId);
      const arrangements = await repo.arrangementsOfOrganisation(db, organisationId);
      const instalments = await repo.instalmentsOf(
        db,
        arrangements.map((a) => a.arrangement.id),
      );
      const broken = new Set(
        arrangements
          .filter(
            (a) =>
              arrangementStatus(
                instalments.filter((i) => i.arrangementId === a.arrangement.id),
                today,
              ).status === "broken",
          )
          .map((a) => a.arrangement.tenancyId),
      );
      const byTenancy = new Map<string, typeof rows>();
      for (const r of rows) {
        const list = byTenancy.get(r.tenancy_id) ?? [];
        list.push(r);
        byTenancy.set(r.tenancy_id, list);
      }
      const items = [];
      for (const [tenancyId, list] of byTenancy) {
        const fired = earlyWarnings(
          list.map((r) => ({
            asOf: r.as_of,
            arrearsCents: Number(r.arrears_cents),
            monthlyRentCents: Number(r.monthly_rent_cents),
            lastPaymentDate: r.last_payment_date,
          })),
          broken.has(tenancyId),
        );
        if (fired.length === 0) continue;
        items.push({
          tenancyRef: list[0]!.tenancy_ref,
          municipalityCode: list[0]!.municipality_code,
          alerts: fired.map((f) => ({
            ...f,
            ...EARLY_WARNING_RULES.find((r) => r.rule === f.rule)!,
          })),
        });
      }
      items.sort(
        (a, b) => b.alerts.length - a.alerts.length || a.tenancyRef.localeCompare(b.tenancyRef),
      );
      return {
        note: "A reason to call, never a decision; never used for the register (design.md §2.8).",
        rules: EARLY_WARNING_RULES,
        items,
      };
    },

    /** Counts and trends for a landlord; no names, no references (issue #11 dashboard). */
    async dashboard(principal: Principal, options: { onBehalfOf?: string | undefined } = {}) {
      const organisationId = await landlordFor(principal, options.onBehalfOf);
      const today = clock.today();
      const since = addMonths(today, -12);
      const tenancies = await repo.tenanciesInArrears(database, organisationId);
      const age = { "1-29": 0, "30-59": 0, "60-89": 0, "90+": 0 };
      const amount = { "<500": 0, "500-999": 0, "1000-2499": 0, "2500+": 0 };
      for (const t of tenancies) {
        const d = t.oldestUnpaidDueDate
          ? Math.max(0, daysBetween(t.oldestUnpaidDueDate, today))
          : 0;
        age[d < 30 ? "1-29" : d < 60 ? "30-59" : d < 90 ? "60-89" : "90+"]++;
        const e = t.arrearsCents / 100;
        amount[e < 500 ? "<500" : e < 1000 ? "500-999" : e < 2500 ? "1000-2499" : "2500+"]++;
      }
      const holds = await repo.openHolds(db, organisationId, today);
      const active = holds.filter((h) => compareDates(h.hold.startDate, today) <= 0);
      const arrangements = await repo.arrangementsOfOrganisation(db, organisationId);
      const instalments = await repo.instalmentsOf(
        db,
        arrangements.map((a) => a.arrangement.id),
      );
      const arrangementCounts = { on_track: 0, kept: 0, broken: 0 };
      for (const a of arrangements) {
        arrangementCounts[
          arrangementStatus(
            instalments.filter((i) => i.arrangementId === a.arrangement.id),
            today,
          ).status
        ]++;
      }
      return {
        today,
        inArrears: {
          tenancies: tenancies.length,
          totalCents: tenancies.reduce((s, t) => s + t.arrearsCents, 0),
          byDaysLate: age,
          byAmountEuros: amount,
        },
        trend: (await repo.positionTrend(database, organisationId, since)).map((r) => ({
          asOf: r.as_of,
          inArrears: Number(r.in_arrears),
          arrearsCents: Number(r.arrears_cents),
        })),
        signals: (await repo.signalTrend(database, organisationId, since)).map((r) => ({
          month: r.month,
          signals: Number(r.signals),
          repeated: Number(r.repeated),
        })),
        outcomes: Object.fromEntries(
          (await repo.outcomeCounts(database, organisationId, since)).map((r) => [
            r.outcome,
            Number(r.count),
          ]),
        ),
        holdsActive: {
          schuldenrust: active.filter((h) => h.hold.kind === "schuldenrust").length,
          pause: active.filter((h) => h.hold.kind === "pause").length,
        },
        arrangements: arrangementCounts,
        measures: Object.fromEntries(
          (await repo.measureCounts(db, organisationId, since)).map((r) => [
            r.kind,
            Number(r.count),
          ]),
        ),
      };
    },

    // ---- retention ----------------------------------------------------------------------

    /**
     * Erases arrears data whose time is up (docs/retention.md "Vroegsignalering"): a tenancy
     * and everything about it 12 months after its arrears ended (or after the last position
     * that mentioned it); signals and feedback 12 months after the arrears they reported
     * ended; position history after 13 months. Delivered files are rewritten without the
     * erased signals, or erased when none is left. Called by the daily `retention` job.
     */
    async eraseExpiredArrears(today: string) {
      const cutoff = addMonths(today, -RETENTION_MONTHS_AFTER_ARREARS);
      const expiring = await repo.expiringSignals(db, cutoff);
      const goneByDelivery = new Map<string, Set<string>>();
      for (const s of expiring) {
        const set = goneByDelivery.get(s.deliveryId) ?? new Set<string>();
        set.add(s.id);
        goneByDelivery.set(s.deliveryId, set);
      }
      // Rewrite the affected files before the transaction (decrypt/encrypt, D-009).
      const rewrites: { id: string; documentCiphertext: string }[] = [];
      const drop: string[] = [];
      const remainingSignals = await repo.signalsOfDeliveries(db, [...goneByDelivery.keys()]);
      for (const [deliveryId, gone] of goneByDelivery) {
        const remaining = remainingSignals.filter(
          (s) => s.deliveryId === deliveryId && !gone.has(s.id),
        );
        if (remaining.length === 0) {
          drop.push(deliveryId);
          continue;
        }
        const d = (await repo.findDelivery(db, deliveryId))!;
        const doc = JSON.parse(
          await keyring.decrypt(d.organisationId, d.documentCiphertext, documentPlace(d.id)),
        ) as DeliveryDocument;
        const keep = new Set(remaining.map((s) => s.tenancyRef));
        doc.signals = doc.signals.filter((s) => keep.has(s.tenancyRef));
        rewrites.push({
          id: d.id,
          documentCiphertext: await keyring.encrypt(
            d.organisationId,
            JSON.stringify(doc),
            documentPlace(d.id),
          ),
        });
      }
      const result = {
        tenancies: 0,
        signals: expiring.length,
        deliveriesErased: drop.length,
        deliveriesRewritten: rewrites.length,
        positions: 0,
      };
      await db.transaction(async (tx) => {
        for (const id of drop) await repo.deleteDelivery(tx, id);
        for (const r of rewrites) await repo.updateDeliveryDocument(tx, r.id, r.documentCiphertext);
        await repo.deleteSignals(
          tx,
          expiring.map((s) => s.id),
        );
        result.tenancies = await repo.deleteExpiredTenancies(tx, cutoff);
        result.positions = await repo.deletePositionsBefore(
          tx,
          addMonths(today, -POSITION_HISTORY_MONTHS),
        );
        await recordAudit(
          tx,
          clock,
          { requestId: null, clientAddress: null },
          {
            actor: SYSTEM_ACTOR,
            action: "arrears.retention",
            objectType: "arrears_tenancy",
            outcome: "success",
            details: { today, cutoff, ...result },
          },
        );
      });
      return result;
    },

    /** A landlord that leaves takes its arrears data with it (in the termination transaction). */
    async eraseAllOfOrganisation(tx: Db, organisationId: string) {
      await repo.deleteAllOfOrganisation(tx, organisationId);
    },
  };
}
