/**
 * Building a letter for a duty: gathering its data, composing the profile's content list and
 * rendering the PDF. Stores nothing; delivery.ts stores and sends.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../../platform/audit/actor.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Language } from "../../platform/i18n.ts";
import { renderPdf } from "../../platform/pdf/pdf.ts";
import type { Profile } from "../../protocol/profile.ts";
import { composeLetter } from "./compose.ts";
import type { ContinuationGround, CorrectionReason, LetterKind, RemovalGround } from "./content.ts";
import { dutyPlace, pdfPlace } from "./encrypted-columns.ts";
import { contentOf, type LetterSubject, type LettersEnv } from "./env.ts";
import { personName } from "./format.ts";
import type {
  AccessFacts,
  BlockFacts,
  CaseFacts,
  HitFacts,
  LetterAddress,
  LetterPerson,
} from "./letter-input.ts";
import type { NoticeFacts } from "./recipient-notice.ts";
import * as repo from "./repository.ts";
import type { letter, notificationDuty } from "./tables.ts";

export type DutyKind = LetterKind;

/**
 * What a duty keeps about its addressee when no readable registration holds it (a hit letter:
 * the querying organisation's own data of the candidate and what the screening disclosed; a
 * case letter: the case). Stored encrypted in the duty.
 */
export interface DutyData {
  person?: LetterPerson;
  address?: LetterAddress | null;
  /** The registration's rented dwelling (a case letter about it: 003 §16.3). */
  dwellingAddress?: LetterAddress | null;
  language?: Language;
  hit?: HitFacts & { primarySourceId: string };
  case?: CaseFacts;
  /** An access answer: what is held about the person region-wide (cases seals it). */
  access?: AccessFacts;
  /** A recipient notice (AVG art. 19): what the recipient organisation is told. */
  notice?: NoticeFacts;
  /** A block letter's block (the addressee is the registration's person). */
  block?: BlockFacts;
  /** A part-ended letter: the categories of the part that ended (D-950). */
  partEnded?: { categories: string[] };
}

/** A hit duty's sealed addressee and its group (D-990): what `recordHitDuty` records. */
export interface SealedHitDuty {
  dutyId: string;
  ciphertext: string;
  groupRef: string;
  /** The addressee sealed for the unsent duty this hit will likely join (new contact data). */
  contactFor?: { dutyId: string; ciphertext: string };
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

/** The duty's sealed addressee (and hit or case facts), when it has one. */
export async function dutyData(env: LettersEnv, duty: repo.DutyRow): Promise<DutyData> {
  if (!duty.recipientCiphertext) return {};
  return JSON.parse(
    await env.keyring.decrypt(duty.organisationId, duty.recipientCiphertext, dutyPlace(duty.id)),
  ) as DutyData;
}

/** A hit letter's facts with every screening its duty lists (D-990); old duties: the one. */
async function withOccasions(
  env: LettersEnv,
  duty: typeof notificationDuty.$inferInsert,
  hit: HitFacts,
): Promise<HitFacts> {
  const rows = duty.id ? await repo.occasionsOfDuties(env.db, [duty.id]) : [];
  const occasions = rows.map((o) => ({
    date: o.occurredOn,
    purpose: o.purpose as HitFacts["purpose"],
  }));
  return occasions.length > 0
    ? { ...hit, screeningDate: occasions[0]!.date, purpose: occasions[0]!.purpose, occasions }
    : hit;
}

/**
 * Builds a letter for a duty: gathers the data (the registration through its service, or the
 * duty's own sealed addressee), composes the profile's content list and renders the PDF.
 * Stores nothing. `subject` replaces the registration's data when it is about to be erased.
 */
export async function buildLetter(
  env: LettersEnv,
  profile: Profile,
  duty: typeof notificationDuty.$inferInsert,
  options: {
    language?: Language | undefined;
    actor: Actor;
    subject?: LetterSubject;
    data?: DutyData;
  },
): Promise<BuiltLetter> {
  const { clock, config, deps, db, keyring } = env;
  const kind = duty.kind as LetterKind;
  contentOf(profile, kind);
  const data =
    options.data ??
    (duty.recipientCiphertext ? await dutyData(env, duty as repo.DutyRow) : ({} as DutyData));
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
  const dwellingAddress = data.person
    ? (data.dwellingAddress ?? null)
    : (subject?.dwellingAddress ?? null);
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
    dwellingAddress,
    // The querying organisation of a hit never learns the registration itself (003 §13.5).
    registration: kind === "hit" ? null : (subject?.facts ?? null),
    hit: data.hit && kind === "hit" ? await withOccasions(env, duty, data.hit) : data.hit,
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
    partEnded:
      kind === "part_ended"
        ? {
            categories: data.partEnded?.categories ?? [],
            date: duty.eventDate ?? letterDate,
            ground: (duty.reason ?? "term_expired") as RemovalGround,
          }
        : undefined,
    correction:
      kind === "correction" && duty.reason
        ? { reason: duty.reason as CorrectionReason }
        : undefined,
    case: data.case,
    access: data.access,
    block: data.block,
    placementLetterSentOn:
      duty.registrationId && kind === "decision"
        ? await repo.placementLetterSentOn(db, duty.registrationId)
        : null,
  });
  const pdf = await renderPdf(doc, letterDate);
  const mailer = await env.mailers.current();
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
