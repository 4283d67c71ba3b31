import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Config } from "../../config.ts";
import { type Actor, actorOf, SYSTEM } from "../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import { renderPdf } from "../../platform/pdf/pdf.ts";
import { compareDates, termEnd, todayInAmsterdam } from "../../platform/werkdagen.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { Letterhead } from "../organisations/service.ts";
import {
  type ContinuationGround,
  type Language,
  type LetterKind,
  letterContent,
  type RemovalGround,
  SKIP_REASONS,
  type SkipReason,
} from "./content.ts";
import {
  createMailer,
  createRegionMailer,
  describeMailError,
  type Mailer,
  type SmtpServer,
} from "./mail.ts";
import * as repo from "./repository.ts";
import { type letter, notificationDuty } from "./tables.ts";
import {
  type CaseFacts,
  composeLetter,
  type HitFacts,
  type LetterAddress,
  type LetterPerson,
  personName,
  type RegistrationFacts,
} from "./templates.ts";

/** This module's encrypted columns (listed in modules/index.ts ENCRYPTED_COLUMNS). */
export const LETTER_ENCRYPTED_COLUMNS = {
  table: "letter",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["pdf_ciphertext"],
};
export const DUTY_ENCRYPTED_COLUMNS = {
  table: "notification_duty",
  idColumn: "id",
  organisationColumn: "organisation_id",
  columns: ["recipient_ciphertext"],
};

const pdfPlace = (id: string) => ({ table: "letter", column: "pdf_ciphertext", rowId: id });
const dutyPlace = (id: string) => ({
  table: "notification_duty",
  column: "recipient_ciphertext",
  rowId: id,
});

export type DutyKind = LetterKind;

/** What the registrations module tells letters about a registration (decrypted, no access check). */
export interface LetterSubject {
  organisationId: string;
  status: "pending_notice" | "active" | "restricted";
  person: LetterPerson;
  address: LetterAddress | null;
  facts: RegistrationFacts;
}

export interface RegistrationsForLetters {
  letterSubject(id: string): Promise<LetterSubject | undefined>;
  /** Two-step placement (kkr): pending_notice → active, in the caller's transaction. */
  activateAfterNotice(tx: Db, id: string, meta: RequestMeta): Promise<boolean>;
}

export interface OrganisationsForLetters {
  profile(): Promise<Profile>;
  letterhead(id: string): Promise<Letterhead | undefined>;
  letterheadOfKind(kind: "consortium" | "committee"): Promise<Letterhead | undefined>;
  /** The region's own SMTP server (region settings), when an admin has set one. */
  mailServer(): Promise<(SmtpServer & { version: string }) | undefined>;
}

/**
 * What a duty keeps about its addressee when no readable registration holds it (a hit letter:
 * the querying organisation's own data of the candidate and what the screening disclosed; a
 * case letter: the case). Stored encrypted in the duty.
 */
export interface DutyData {
  person?: LetterPerson;
  address?: LetterAddress | null;
  language?: Language;
  hit?: HitFacts & { primarySourceId: string };
  case?: CaseFacts;
}

const NO_META: RequestMeta = { requestId: null, clientAddress: null };
const READERS = ["officer", "consortium_admin"] as const;

export interface LetterView {
  id: string;
  organisationId: string;
  registrationId: string | null;
  caseId: string | null;
  dutyId: string | null;
  kind: string;
  language: Language;
  status: repo.LetterRow["status"];
  channel: repo.LetterRow["channel"];
  letterDate: string;
  title: string;
  pdfBytes: number;
  pdfSha256: string;
  contentAvailable: boolean;
  deliveryError: string | null;
  createdAt: string;
  sentAt: string | null;
  sentOn: string | null;
  documentedAt: string | null;
  actedBy: { kind: string; id: string | null } | null;
}

export interface DutyView {
  id: string;
  organisationId: string;
  registrationId: string | null;
  caseId: string | null;
  kind: string;
  status: repo.DutyStatus;
  deadlineKey: string | null;
  eventDate: string | null;
  dueDate: string;
  overdue: boolean;
  source: string;
  reason: string | null;
  skipReason: string | null;
  closedAt: string | null;
  reopenedAt: string | null;
}

function letterView(row: repo.LetterRow): LetterView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    registrationId: row.registrationId,
    caseId: row.caseId,
    dutyId: row.dutyId,
    kind: row.kind,
    language: row.language,
    status: row.status,
    channel: row.channel,
    letterDate: row.letterDate,
    title: row.title,
    pdfBytes: row.pdfBytes,
    pdfSha256: row.pdfSha256,
    contentAvailable: row.pdfCiphertext !== null,
    deliveryError: row.deliveryError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    sentOn: row.sentOn,
    documentedAt: row.documentedAt?.toISOString() ?? null,
    actedBy: row.actedByKind ? { kind: row.actedByKind, id: row.actedBy } : null,
  };
}

function mailText(title: string, sender: string, lang: Language, name: string): string {
  return lang === "nl"
    ? `Beste ${name},\n\nIn de bijlage vindt u een brief van ${sender}: "${title}".\n\n` +
        "Deze e-mail is automatisch verzonden. Heeft u vragen, of wilt u bezwaar maken? In de brief staat hoe en waar.\n\n" +
        `Met vriendelijke groet,\n${sender}\n`
    : `Dear ${name},\n\nPlease find attached a letter from ${sender}: "${title}".\n\n` +
        "This e-mail was sent automatically. If you have questions or wish to object, the letter says how and where.\n\n" +
        `Kind regards,\n${sender}\n`;
}

/** A letter built but not yet stored: the caller stores it (in its own transaction). */
export interface BuiltLetter {
  row: typeof letter.$inferInsert;
  pdf: Buffer;
  to: string | null;
  senderName: string;
  recipientName: string;
}

/** A removal letter prepared before the registration's data are erased (see recordErasure). */
export interface PreparedRemoval {
  duty: typeof notificationDuty.$inferInsert;
  letter: BuiltLetter;
}

/**
 * Notification duties and letters (design.md §2.4: a person's rights are deadlines the system
 * keeps). Every event that owes the person a letter records a duty with the profile's deadline;
 * `produceLetter` writes the letter (content list of content.ts, rendered by pdfmake), e-mails
 * it when an e-mail address is known, or leaves it for the post; with no address at all it is
 * documented (003 ch. 10) and produced again once an address becomes known.
 */
export function createLettersService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger"> & {
    config: Pick<Config, "publicBaseUrl" | "smtpUrl" | "mailFrom" | "outboxDir" | "isProduction">;
  },
  deps: { organisations: OrganisationsForLetters; registrations: () => RegistrationsForLetters },
) {
  const { database, clock, keyring, logger, config } = ctx;
  const db = database.db;
  /** From the environment (SMTP_URL, or the outbox outside production): the fallback. */
  const environmentMailer: Mailer = createMailer(config);
  let regionMailer: { version: string; mailer: Mailer } | undefined;

  /**
   * The mailer for the next message: the region's SMTP server when one is set (rebuilt when
   * its settings change), otherwise the environment's. Settings that cannot be read (the
   * password's key destroyed) fall back to the environment, loudly. Never call it inside a
   * transaction (it reads the region settings, D-009).
   */
  async function currentMailer(): Promise<Mailer> {
    let server: (SmtpServer & { version: string }) | undefined;
    try {
      server = await deps.organisations.mailServer();
    } catch (err) {
      logger.error(
        { error: (err as Error).message },
        "the region's SMTP settings cannot be read; e-mail uses the environment's settings",
      );
      return environmentMailer;
    }
    if (!server) return environmentMailer;
    if (regionMailer?.version !== server.version) {
      regionMailer = { version: server.version, mailer: createRegionMailer(server) };
    }
    return regionMailer.mailer;
  }

  function contentOf(profile: Profile, kind: string) {
    const content = letterContent(profile.id, kind as LetterKind);
    if (!content) {
      throw protocolRule(
        "letter_not_in_profile",
        `The protocol ${profile.title} has no ${kind} letter.`,
        `${profile.seed} (profile ${profile.id})`,
      );
    }
    return content;
  }

  function canRead(principal: Principal, organisationId: string) {
    if (!hasRole(principal, READERS)) return false;
    return principal.organisationId === organisationId || hasRole(principal, ["consortium_admin"]);
  }

  async function visibleLetter(principal: Principal, id: string) {
    const row = await repo.findLetter(db, id);
    if (!row || !canRead(principal, row.organisationId)) throw notFound("letter");
    return row;
  }

  async function visibleDuty(principal: Principal, id: string) {
    const row = await repo.findDuty(db, id);
    if (!row || !canRead(principal, row.organisationId)) throw notFound("duty");
    return row;
  }

  function scopeOf(principal: Principal): string[] | undefined {
    return hasRole(principal, ["consortium_admin"]) ? undefined : [principal.organisationId];
  }

  async function dutyData(duty: repo.DutyRow): Promise<DutyData> {
    if (!duty.recipientCiphertext) return {};
    return JSON.parse(
      await keyring.decrypt(duty.organisationId, duty.recipientCiphertext, dutyPlace(duty.id)),
    ) as DutyData;
  }

  /**
   * Builds a letter for a duty: gathers the data (the registration through its service, or the
   * duty's own sealed addressee), composes the profile's content list and renders the PDF.
   * Stores nothing. `subject` replaces the registration's data when it is about to be erased.
   */
  async function buildLetter(
    profile: Profile,
    duty: typeof notificationDuty.$inferInsert,
    options: {
      language?: Language | undefined;
      actor: Actor;
      subject?: LetterSubject;
      data?: DutyData;
    },
  ): Promise<BuiltLetter> {
    const kind = duty.kind as LetterKind;
    contentOf(profile, kind);
    const data =
      options.data ??
      (duty.recipientCiphertext ? await dutyData(duty as repo.DutyRow) : ({} as DutyData));
    const subject =
      options.subject ??
      (duty.registrationId && !data.person
        ? await deps.registrations().letterSubject(duty.registrationId)
        : undefined);
    const person = data.person ?? subject?.person;
    if (!person) {
      throw new AppError("conflict", "Nobody to write to: the registration no longer exists.", {
        code: "letter_without_addressee",
      });
    }
    const address = data.person ? (data.address ?? null) : (subject?.address ?? null);
    const sender = await deps.organisations.letterhead(duty.organisationId);
    if (!sender) throw notFound("organisation");
    const primarySourceId = data.hit?.primarySourceId ?? subject?.organisationId;
    const primarySource =
      primarySourceId && primarySourceId !== sender.id
        ? await deps.organisations.letterhead(primarySourceId)
        : sender;
    const language = options.language ?? data.language ?? "nl";
    const letterId = randomUUID();
    const letterDate = clock.today();
    const doc = composeLetter({
      profile,
      kind,
      language,
      letterDate,
      reference: letterId,
      publicBaseUrl: config.publicBaseUrl,
      sender,
      primarySource,
      register: await deps.organisations.letterheadOfKind("consortium"),
      committee: await deps.organisations.letterheadOfKind("committee"),
      person,
      address,
      // The querying organisation of a hit never learns the registration itself (003 §13.5).
      registration: kind === "hit" ? null : (subject?.facts ?? null),
      hit: data.hit,
      removal:
        kind === "removal"
          ? {
              ground: (duty.reason ?? "erased_by_primary_source") as RemovalGround,
              date: duty.eventDate ?? letterDate,
            }
          : undefined,
      continuation:
        kind === "continuation" && duty.reason
          ? { ground: duty.reason as ContinuationGround }
          : undefined,
      case: data.case,
      placementLetterSentOn:
        duty.registrationId && kind === "decision"
          ? await repo.placementLetterSentOn(db, duty.registrationId)
          : null,
    });
    const pdf = await renderPdf(doc, letterDate);
    const mailer = await currentMailer();
    const to = person.email && mailer.kind !== "none" ? person.email : null;
    const channel = to ? "email" : address ? "post" : "none";
    return {
      pdf: pdf.bytes,
      to,
      senderName: sender.name,
      recipientName: personName(person),
      row: {
        id: letterId,
        organisationId: duty.organisationId,
        registrationId: duty.registrationId ?? null,
        caseId: duty.caseId ?? null,
        dutyId: duty.id,
        kind,
        language,
        status: "draft",
        channel,
        letterDate,
        title: doc.title,
        pdfCiphertext: await keyring.encrypt(
          duty.organisationId,
          pdf.bytes.toString("base64"),
          pdfPlace(letterId),
        ),
        pdfSha256: pdf.sha256,
        pdfBytes: pdf.bytes.length,
        createdAt: clock.now(),
        createdByKind: options.actor.kind,
        createdBy: options.actor.id,
      },
    };
  }

  async function storeLetter(tx: Db, built: BuiltLetter, actor: Actor, meta: RequestMeta) {
    if (built.row.dutyId) await repo.deleteDraftsOfDuty(tx, built.row.dutyId);
    await repo.insertLetter(tx, built.row);
    await recordAudit(tx, clock, meta, {
      actor: actor.audit,
      action: "letter.produced",
      objectType: "letter",
      objectId: built.row.id!,
      outcome: "success",
      details: { kind: built.row.kind, channel: built.row.channel, duty: built.row.dutyId },
    });
  }

  /**
   * Marks a draft sent or documented, fulfils (or documents) its duty, and where the profile
   * wants notice first (kkr) activates the registration; all in one transaction. A letter that
   * is no longer a draft answers 409: sent and documented letters never change.
   */
  async function finalise(
    letterRow: repo.LetterRow,
    outcome: { status: "sent"; sentOn: string } | { status: "documented" },
    actor: Actor,
    meta: RequestMeta,
  ) {
    const profile = await deps.organisations.profile();
    const now = clock.now();
    await db.transaction(async (tx) => {
      const changed = await repo.updateDraft(tx, letterRow.id, {
        status: outcome.status,
        actedByKind: actor.kind,
        actedBy: actor.id,
        deliveryError: null,
        ...(outcome.status === "sent"
          ? { sentAt: now, sentOn: outcome.sentOn }
          : { documentedAt: now }),
      });
      if (!changed) {
        throw new AppError(
          "conflict",
          "This letter was already sent or documented; it cannot change.",
          {
            code: "letter_final",
          },
        );
      }
      // The removal letter is the last copy of an erased registration's data: it goes once out.
      if (letterRow.kind === "removal") await repo.eraseContent(tx, letterRow.id, now);
      if (letterRow.dutyId) {
        await repo.updateDuty(
          tx,
          letterRow.dutyId,
          {
            status: outcome.status === "sent" ? "fulfilled" : "documented",
            closedAt: now,
            closedByKind: actor.kind,
            closedBy: actor.id,
          },
          ["open"],
        );
      }
      if (
        letterRow.kind === "placement" &&
        letterRow.registrationId &&
        profile.twoStepPlacement.value
      ) {
        await deps.registrations().activateAfterNotice(tx, letterRow.registrationId, meta);
      }
      await recordAudit(tx, clock, meta, {
        actor: actor.audit,
        action: outcome.status === "sent" ? "letter.sent" : "letter.documented",
        objectType: "letter",
        objectId: letterRow.id,
        outcome: "success",
        details: { kind: letterRow.kind, channel: letterRow.channel, duty: letterRow.dutyId },
      });
    });
  }

  /** E-mails a stored draft; on failure the letter stays a draft for the post, with the reason. */
  async function email(built: BuiltLetter, actor: Actor, meta: RequestMeta): Promise<boolean> {
    if (!built.to) return false;
    try {
      const mailer = await currentMailer();
      await mailer.send({
        to: built.to,
        fromName: built.senderName,
        subject: built.row.title,
        text: mailText(
          built.row.title,
          built.senderName,
          built.row.language ?? "nl",
          built.recipientName,
        ),
        attachment: {
          filename: `brief-${built.row.kind}-${built.row.letterDate}.pdf`,
          content: built.pdf,
        },
        letterId: built.row.id!,
      });
    } catch (err) {
      logger.warn(
        { letterId: built.row.id, error: (err as Error).message },
        "letter e-mail failed; the letter waits for the post",
      );
      await repo.updateDraft(db, built.row.id!, { deliveryError: "email_failed" });
      return false;
    }
    const row = await repo.findLetter(db, built.row.id!);
    if (row) await finalise(row, { status: "sent", sentOn: clock.today() }, actor, meta);
    return true;
  }

  async function produce(
    duty: repo.DutyRow,
    options: { language?: Language | undefined; actor: Actor; meta: RequestMeta },
  ): Promise<repo.LetterRow> {
    const profile = await deps.organisations.profile();
    const built = await buildLetter(profile, duty, options);
    await db.transaction(async (tx) => storeLetter(tx, built, options.actor, options.meta));
    await email(built, options.actor, options.meta);
    return (await repo.findLetter(db, built.row.id!))!;
  }

  return {
    /**
     * Where the development/test outbox writes e-mails (undefined when the environment has
     * SMTP or no e-mail; a region SMTP server set in the settings takes precedence over it).
     */
    get outboxDir(): string | undefined {
      return environmentMailer.kind === "outbox" ? config.outboxDir : undefined;
    },

    /**
     * Sends a test message through the mailer letters would use now (consortium admin, from
     * the region settings page): answers where it went, or throws `mail_test_failed` with the
     * server's error. Audited either way, without the address or any password.
     */
    async sendTestMail(
      principal: Principal,
      meta: RequestMeta,
      to: string,
    ): Promise<{ source: Mailer["source"]; kind: "smtp" | "outbox"; messageId: string }> {
      if (!hasRole(principal, ["consortium_admin"])) {
        throw new AppError("forbidden", "Only a consortium admin may send a test e-mail.");
      }
      const mailer = await currentMailer();
      const audit = (outcome: "success" | "failed", details: Record<string, unknown>) =>
        recordAudit(db, clock, meta, {
          actor: actorOf(principal).audit,
          action: "region.mail_test",
          objectType: "region",
          objectId: null,
          outcome,
          details: { source: mailer.source, kind: mailer.kind, ...details },
        });
      if (mailer.kind === "none") {
        await audit("failed", { error: "no_mail_configured" });
        throw new AppError(
          "conflict",
          "No e-mail is configured: set the region's SMTP server (or SMTP_URL).",
          { code: "mail_not_configured" },
        );
      }
      try {
        const { messageId } = await mailer.send({
          to,
          fromName: "Woonsignaal",
          subject: "Woonsignaal: testbericht / test message",
          text:
            "Dit is een testbericht van Woonsignaal: de e-mailinstellingen van de regio werken.\n\n" +
            "This is a test message from Woonsignaal: the region's e-mail settings work.\n",
          letterId: `test-${randomUUID()}`,
        });
        await audit("success", {});
        return { source: mailer.source, kind: mailer.kind, messageId };
      } catch (err) {
        const failure = describeMailError(err);
        await audit("failed", { error: failure.code });
        throw new AppError(
          "conflict",
          `The mail server refused: ${failure.code} ${failure.reply}`,
          {
            code: "mail_test_failed",
            details: failure,
          },
        );
      }
    },

    /**
     * Seals a duty's addressee (and hit or case facts) with the owing organisation's data key.
     * Call it BEFORE the transaction that records the duty (D-009) and pass the result in.
     */
    /** Erases a closed case's duties and letters (retention, issue 9), in its transaction. */
    async eraseCaseLetters(tx: Db, caseId: string): Promise<number> {
      return repo.deleteCaseLetters(tx, caseId);
    },

    /**
     * Letters owed for events in [from, to] and how many went out within their deadline
     * (001 §6.1, 003 §22 annual report): counts only.
     */
    async statistics(from: string, to: string) {
      const today = clock.today();
      const byKind: Record<
        string,
        {
          owed: number;
          withinDeadline: number;
          late: number;
          open: number;
          overdue: number;
          skipped: number;
          cancelled: number;
        }
      > = {};
      for (const d of await repo.dutiesForReport(db, from, to)) {
        byKind[d.kind] ??= {
          owed: 0,
          withinDeadline: 0,
          late: 0,
          open: 0,
          overdue: 0,
          skipped: 0,
          cancelled: 0,
        };
        const k = byKind[d.kind]!;
        k.owed++;
        if (d.status === "open") {
          k.open++;
          if (compareDates(d.dueDate, today) < 0) k.overdue++;
        } else if (d.status === "cancelled") k.cancelled++;
        else if (d.status === "skipped") k.skipped++;
        else if (d.closedAt && compareDates(todayInAmsterdam(d.closedAt), d.dueDate) <= 0)
          k.withinDeadline++;
        else k.late++;
      }
      return byKind;
    },

    async sealDutyData(organisationId: string, data: DutyData) {
      const dutyId = randomUUID();
      return {
        dutyId,
        ciphertext: await keyring.encrypt(organisationId, JSON.stringify(data), dutyPlace(dutyId)),
      };
    },

    /**
     * Records a duty in the caller's transaction; the due date follows the profile's deadline.
     * The caller passes the profile it already holds: inside a transaction nothing may query
     * through another connection (PGlite has one; see docs/decisions.md D-009).
     */
    async recordDuty(
      tx: Db,
      profile: Profile,
      input: {
        organisationId: string;
        registrationId: string | null;
        kind: DutyKind;
        /** The day of the event that owes the letter; the term runs from the day after. */
        eventDate: string;
        /** Default: the content list's key for this kind (e.g. placement_letter). */
        deadlineKey?: string;
        caseId?: string | null;
        /** A fixed code: the removal or continuation ground, the case type. */
        reason?: string | null;
        sealed?: { dutyId: string; ciphertext: string };
      },
    ): Promise<{ id: string; dueDate: string }> {
      const content = contentOf(profile, input.kind);
      const deadlineKey = input.deadlineKey ?? content.deadlineKey;
      const deadline = profile.deadlines[deadlineKey];
      if (!deadline) {
        throw new Error(`profile ${profile.id} has no deadline "${deadlineKey}"`);
      }
      const id = input.sealed?.dutyId ?? randomUUID();
      const dueDate = termEnd(input.eventDate, deadline.term).date;
      await repo.insertDuty(tx, {
        id,
        organisationId: input.organisationId,
        registrationId: input.registrationId,
        caseId: input.caseId ?? null,
        kind: input.kind,
        deadlineKey,
        eventDate: input.eventDate,
        dueDate,
        source: deadline.source,
        reason: input.reason ?? null,
        recipientCiphertext: input.sealed?.ciphertext ?? null,
        status: "open",
        createdAt: clock.now(),
      });
      return { id, dueDate };
    },

    /**
     * Produces the letter for an open duty right after the event that owes it (called after
     * the event's transaction). Never throws: a letter that cannot be made now stays an open
     * duty on the worklist, and the event itself stands.
     */
    async produceAfterEvent(dutyId: string, actor: Actor = SYSTEM, meta: RequestMeta = NO_META) {
      try {
        const duty = await repo.findDuty(db, dutyId);
        if (duty?.status === "open") await produce(duty, { actor, meta });
      } catch (err) {
        logger.error({ err, dutyId }, "letter could not be produced; the duty stays open");
      }
    },

    /** `produceLetter(duty)`: (re)produces the letter for an open duty, e.g. in English. */
    async produceLetter(
      principal: Principal,
      meta: RequestMeta,
      dutyId: string,
      options: { language?: Language | undefined } = {},
    ): Promise<LetterView> {
      const duty = await visibleDuty(principal, dutyId);
      if (duty.status !== "open") {
        throw new AppError(
          "conflict",
          duty.status === "documented"
            ? "This duty is documented; it reopens when an address becomes known."
            : "This duty is closed.",
          { code: "duty_not_open" },
        );
      }
      return letterView(
        await produce(duty, { language: options.language, actor: actorOf(principal), meta }),
      );
    },

    /** Produces letters for open duties that have none yet (e.g. after a CSV import), oldest first. */
    async produceMissingLetters(principal: Principal, meta: RequestMeta, limit: number) {
      if (!hasRole(principal, READERS))
        throw new AppError("forbidden", "Your role does not allow this.");
      const duties = await repo.openDutiesWithoutLetter(db, scopeOf(principal), limit);
      let produced = 0;
      let failed = 0;
      for (const duty of duties) {
        try {
          await produce(duty, { actor: actorOf(principal), meta });
          produced++;
        } catch (err) {
          failed++;
          logger.warn({ dutyId: duty.id, error: (err as Error).message }, "letter not produced");
        }
      }
      return { produced, failed };
    },

    /**
     * 003 ch. 10: "Indien de primaire bron op een later moment de beschikking krijgt over het
     * e-mail- of postadres van de betrokkene, zal hij de betrokkene alsnog informeren." Called
     * when a registration's address or e-mail is added or changed: documented duties reopen
     * with a new deadline and every unsent letter is produced again (and e-mailed when it can).
     */
    async contactKnown(registrationId: string, actor: Actor = SYSTEM, meta: RequestMeta = NO_META) {
      const profile = await deps.organisations.profile();
      const subject = await deps.registrations().letterSubject(registrationId);
      if (!subject || (!subject.address && !subject.person.email)) return;
      const duties = (await repo.dutiesOfRegistration(db, registrationId)).filter(
        (d) =>
          d.organisationId === subject.organisationId &&
          d.recipientCiphertext === null &&
          (d.status === "open" || d.status === "documented"),
      );
      for (const duty of duties) {
        try {
          if (duty.status === "documented") {
            const content = letterContent(profile.id, duty.kind as LetterKind);
            const key =
              content?.lateAddressDeadlineKey ?? duty.deadlineKey ?? content?.deadlineKey ?? "";
            const rule = profile.deadlines[key];
            const today = clock.today();
            await db.transaction(async (tx) => {
              await repo.updateDuty(
                tx,
                duty.id,
                {
                  status: "open",
                  reopenedAt: clock.now(),
                  closedAt: null,
                  closedBy: null,
                  closedByKind: null,
                  ...(rule
                    ? {
                        dueDate: termEnd(today, rule.term).date,
                        deadlineKey: key,
                        source: rule.source,
                      }
                    : {}),
                },
                ["documented"],
              );
              await recordAudit(tx, clock, meta, {
                actor: actor.audit,
                action: "duty.reopened",
                objectType: "notification_duty",
                objectId: duty.id,
                outcome: "success",
                details: { kind: duty.kind, rule: "address_known", source: rule?.source ?? null },
              });
            });
          } else {
            const letters = await repo.lettersOfDuty(db, duty.id);
            if (letters.some((l) => l.status === "sent")) continue;
          }
          const fresh = (await repo.findDuty(db, duty.id))!;
          await produce(fresh, { actor, meta });
        } catch (err) {
          logger.error(
            { err, dutyId: duty.id },
            "letter after a new address could not be produced",
          );
        }
      }
    },

    /**
     * Prepares the removal letter (001 §9.1 C; 003 §12.4) while the registration's data still
     * exist: call BEFORE the erasing transaction (rendering and encryption use other
     * connections, D-009), then pass the result to `recordErasure` inside it and call
     * `deliverPrepared` after it.
     */
    async prepareRemovalLetter(input: {
      registrationId: string;
      subject: LetterSubject;
      ground: RemovalGround;
      actor: Actor;
      /**
       * Who sends it, when not the primary source: a participant that leaves loses its keys
       * at once, so the consortium sends those letters (001 §7.3 with §3.4; 003 §17).
       */
      senderOrganisationId?: string;
    }): Promise<PreparedRemoval | null> {
      const profile = await deps.organisations.profile();
      const content = letterContent(profile.id, "removal");
      if (!content) return null;
      const rule = profile.deadlines[content.deadlineKey];
      if (!rule) return null;
      const today = clock.today();
      const duty: typeof notificationDuty.$inferInsert = {
        id: randomUUID(),
        organisationId: input.senderOrganisationId ?? input.subject.organisationId,
        registrationId: input.registrationId,
        kind: "removal",
        deadlineKey: content.deadlineKey,
        eventDate: today,
        dueDate: termEnd(today, rule.term).date,
        source: rule.source,
        reason: input.ground,
        status: "open",
        createdAt: clock.now(),
      };
      try {
        const letter = await buildLetter(profile, duty, {
          actor: input.actor,
          subject: input.subject,
        });
        return { duty, letter };
      } catch (err) {
        logger.error({ err }, "removal letter could not be prepared");
        return null;
      }
    },

    /**
     * In the erasing transaction: the registration's open duties are cancelled, every letter
     * about it loses its content (a receipt without personal data stays), and the prepared
     * removal letter with its duty is stored.
     */
    async recordErasure(
      tx: Db,
      input: { registrationId: string; organisationId: string; prepared: PreparedRemoval | null },
      actor: Actor,
      meta: RequestMeta,
    ) {
      await repo.forgetRegistration(tx, input.organisationId, input.registrationId, clock.now());
      if (input.prepared) {
        await repo.insertDuty(tx, input.prepared.duty);
        await storeLetter(tx, input.prepared.letter, actor, meta);
      }
    },

    /** After the erasing transaction: e-mail the removal letter where an address is known. */
    async deliverPrepared(prepared: PreparedRemoval | null, actor: Actor, meta: RequestMeta) {
      if (!prepared) return;
      try {
        await email(prepared.letter, actor, meta);
      } catch (err) {
        logger.error({ err }, "removal letter could not be e-mailed");
      }
    },

    // ---- the officer's actions ------------------------------------------------------------

    /** An officer posted the letter (or had it delivered with the bailiff's documents, 003 ch. 10). */
    async markSent(principal: Principal, meta: RequestMeta, id: string, sentOn: string) {
      const row = await visibleLetter(principal, id);
      if (row.status !== "draft") {
        throw new AppError(
          "conflict",
          "This letter was already sent or documented; it cannot change.",
          {
            code: "letter_final",
          },
        );
      }
      if (row.channel === "none") {
        throw protocolRule(
          "letter_has_no_address",
          "This letter was drawn up without an address. Add the address to the registration: the letter is then produced again with it; or document this one.",
          "003 hoofdstuk 10",
        );
      }
      const today = clock.today();
      if (compareDates(sentOn, row.letterDate) < 0 || compareDates(sentOn, today) > 0) {
        throw new AppError(
          "invalid_input",
          `The posting date must lie between the letter's date (${row.letterDate}) and today.`,
          { code: "sent_on_out_of_range" },
        );
      }
      await finalise(row, { status: "sent", sentOn }, actorOf(principal), meta);
      return letterView((await repo.findLetter(db, id))!);
    },

    /** 003 ch. 10: no e-mail or postal address known: the dated letter is kept in the system. */
    async markDocumented(principal: Principal, meta: RequestMeta, id: string) {
      const row = await visibleLetter(principal, id);
      if (row.status !== "draft") {
        throw new AppError(
          "conflict",
          "This letter was already sent or documented; it cannot change.",
          {
            code: "letter_final",
          },
        );
      }
      if (row.channel !== "none") {
        throw protocolRule(
          "address_known",
          "An address is known for this letter: send it (by post or e-mail) instead of documenting it.",
          "003 hoofdstuk 10 (alleen als er geen e-mail- of postadres bekend is)",
        );
      }
      await finalise(row, { status: "documented" }, actorOf(principal), meta);
      return letterView((await repo.findLetter(db, id))!);
    },

    /**
     * Skips a duty where the protocol allows it: the person demonstrably already knows (003
     * ch. 10 slot; 001 §3.3, §9.1). The reason is a fixed code, never free text; who and when
     * are recorded. In doubt the letter is sent.
     */
    async skipDuty(principal: Principal, meta: RequestMeta, id: string, reason: SkipReason) {
      const duty = await visibleDuty(principal, id);
      const profile = await deps.organisations.profile();
      const content = contentOf(profile, duty.kind);
      if (!content.skippable.includes(reason)) {
        throw protocolRule(
          "letter_not_skippable",
          content.skippable.length === 0
            ? `A ${duty.kind} letter may never be skipped under ${profile.title}.`
            : `A ${duty.kind} letter may be skipped only for: ${content.skippable.join(", ")}.`,
          content.skipSource ?? content.source,
          { allowed: content.skippable },
        );
      }
      if (duty.status !== "open") {
        throw new AppError("conflict", "Only an open duty can be skipped.", {
          code: "duty_not_open",
        });
      }
      const actor = actorOf(principal);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const changed = await repo.updateDuty(
          tx,
          id,
          {
            status: "skipped",
            skipReason: reason,
            closedAt: now,
            closedByKind: actor.kind,
            closedBy: actor.id,
          },
          ["open"],
        );
        if (!changed)
          throw new AppError("conflict", "Only an open duty can be skipped.", {
            code: "duty_not_open",
          });
        for (const l of await repo.lettersOfDuty(tx, id)) {
          if (l.status === "draft") {
            await repo.updateDraft(tx, l.id, { status: "skipped" });
            await repo.eraseContent(tx, l.id, now);
          }
        }
        if (duty.kind === "placement" && duty.registrationId && profile.twoStepPlacement.value) {
          await deps.registrations().activateAfterNotice(tx, duty.registrationId, meta);
        }
        await recordAudit(tx, clock, meta, {
          actor: actor.audit,
          action: "duty.skipped",
          objectType: "notification_duty",
          objectId: id,
          outcome: "success",
          details: { kind: duty.kind, reason, source: content.skipSource ?? content.source },
        });
      });
      return this.dutyView((await repo.findDuty(db, id))!);
    },

    // ---- reading ----------------------------------------------------------------------------

    dutyView(row: repo.DutyRow): DutyView {
      return {
        id: row.id,
        organisationId: row.organisationId,
        registrationId: row.registrationId,
        caseId: row.caseId,
        kind: row.kind,
        status: row.status,
        deadlineKey: row.deadlineKey,
        eventDate: row.eventDate,
        dueDate: row.dueDate,
        overdue: row.status === "open" && compareDates(row.dueDate, clock.today()) < 0,
        source: row.source,
        reason: row.reason,
        skipReason: row.skipReason,
        closedAt: row.closedAt?.toISOString() ?? null,
        reopenedAt: row.reopenedAt?.toISOString() ?? null,
      };
    },

    async listDuties(
      principal: Principal,
      query: {
        overdue?: boolean | undefined;
        status?: repo.DutyStatus | undefined;
        registrationId?: string | undefined;
        organisationId?: string | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const own = scopeOf(principal);
      const organisationIds = own ?? (query.organisationId ? [query.organisationId] : undefined);
      const { rows, total } = await repo.listDuties(db, {
        organisationIds,
        registrationId: query.registrationId,
        status: query.status,
        overdueOn: query.overdue ? clock.today() : undefined,
        page: query.page,
        pageSize: query.pageSize,
      });
      return {
        items: rows.map((r) => this.dutyView(r)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async listLetters(
      principal: Principal,
      query: {
        registrationId?: string | undefined;
        dutyId?: string | undefined;
        /** The letters a case produced (its case page). */
        caseId?: string | undefined;
        status?: repo.LetterRow["status"] | undefined;
        page: number;
        pageSize: number;
      },
    ) {
      const { rows, total } = await repo.listLetters(db, {
        organisationIds: scopeOf(principal),
        ...query,
      });
      return { items: rows.map(letterView), page: query.page, pageSize: query.pageSize, total };
    },

    async getLetter(principal: Principal, id: string): Promise<LetterView> {
      return letterView(await visibleLetter(principal, id));
    },

    /** The PDF; reading it is a look at personal data and is logged (design.md §2.6). */
    async letterPdf(principal: Principal, meta: RequestMeta, id: string) {
      const row = await visibleLetter(principal, id);
      if (!row.pdfCiphertext) {
        throw new AppError(
          "not_found",
          "This letter's content was erased with the registration it concerned; its receipt remains.",
          { code: "letter_content_erased" },
        );
      }
      const pdf = Buffer.from(
        await keyring.decrypt(row.organisationId, row.pdfCiphertext, pdfPlace(row.id)),
        "base64",
      );
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "letter.viewed",
        objectType: "letter",
        objectId: id,
        outcome: "success",
      });
      return { pdf, filename: `brief-${row.kind}-${row.letterDate}-${row.id.slice(0, 8)}.pdf` };
    },

    /** Every duty of a registration, earliest due first. */
    async dutiesOf(registrationId: string) {
      return repo.dutiesOfRegistration(db, registrationId);
    },

    async openDutiesOf(organisationId: string) {
      return db
        .select()
        .from(notificationDuty)
        .where(
          and(
            eq(notificationDuty.organisationId, organisationId),
            eq(notificationDuty.status, "open"),
          ),
        )
        .orderBy(asc(notificationDuty.dueDate));
    },

    /** The skip reasons with their text (for the UI and the docs). */
    skipReasons(lang: Language = "nl") {
      return Object.entries(SKIP_REASONS).map(([code, text]) => ({ code, text: text[lang] }));
    },
  };
}

export type LettersService = ReturnType<typeof createLettersService>;
