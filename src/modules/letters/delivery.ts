/**
 * Storing, sending and closing letters: shared by the use cases that produce a letter (after
 * an event, on request, after a new address) and those that record its delivery.
 */
import { type Actor, actorOf } from "../../platform/audit/actor.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { Language } from "../../platform/i18n.ts";
import type { LettersEnv } from "./env.ts";
import { visibleLetter } from "./policy.ts";
import { type BuiltLetter, buildLetter } from "./production.ts";
import * as repo from "./repository.ts";
import { letterFileName, mailTexts } from "./texts/mail.ts";
import { letterView } from "./views.ts";

/** Stores a built letter (replacing its duty's earlier drafts), in the caller's transaction. */
export async function storeLetter(
  env: LettersEnv,
  tx: Db,
  built: BuiltLetter,
  actor: Actor,
  meta: RequestMeta,
) {
  if (built.row.dutyId) await repo.deleteDraftsOfDuty(tx, built.row.dutyId);
  await repo.insertLetter(tx, built.row);
  await recordSuccess(tx, env.clock, meta, actor, {
    action: "letter.produced",
    objectType: "letter",
    objectId: built.row.id!,
    details: { kind: built.row.kind, channel: built.row.channel, duty: built.row.dutyId },
  });
}

/** The answer to changing a letter that is no longer a draft. */
export function letterFinal(): AppError {
  return new AppError("conflict", "This letter was already sent or documented; it cannot change.", {
    code: "letter_final",
  });
}

/**
 * Marks the principal's draft letter sent or documented (finalise): 404 when the principal may
 * not see it, 409 once it is no longer a draft, and whatever `refuse` throws when this outcome
 * does not fit the letter. Answers the letter as it now stands.
 */
export async function finaliseDraft(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  outcome: Parameters<typeof finalise>[2],
  refuse: (row: repo.LetterRow) => void,
) {
  const row = await visibleLetter(env, principal, id);
  if (row.status !== "draft") throw letterFinal();
  refuse(row);
  await finalise(env, row, outcome, actorOf(principal), meta);
  return letterView((await repo.findLetter(env.db, id))!);
}

/**
 * Marks a draft sent or documented, fulfils (or documents) its duty, and where the profile
 * wants notice first (kkr) activates the registration; all in one transaction. A letter that
 * is no longer a draft answers 409: sent and documented letters never change.
 */
export async function finalise(
  env: LettersEnv,
  letterRow: repo.LetterRow,
  outcome: { status: "sent"; sentOn: string } | { status: "documented" },
  actor: Actor,
  meta: RequestMeta,
) {
  const { clock, db, deps } = env;
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
    if (!changed) throw letterFinal();
    // The removal letter is the last copy of an erased registration's data: it goes once out.
    if (letterRow.kind === "removal") await repo.eraseContent(tx, letterRow.id, now);
    if (letterRow.dutyId) {
      await repo.closeOpenDuty(tx, letterRow.dutyId, actor, now, {
        status: outcome.status === "sent" ? "fulfilled" : "documented",
      });
    }
    if (
      letterRow.kind === "placement" &&
      letterRow.registrationId &&
      profile.twoStepPlacement.value
    ) {
      await deps.registrations().activateAfterNotice(tx, letterRow.registrationId, meta);
    }
    await recordSuccess(tx, clock, meta, actor, {
      action: outcome.status === "sent" ? "letter.sent" : "letter.documented",
      objectType: "letter",
      objectId: letterRow.id,
      details: { kind: letterRow.kind, channel: letterRow.channel, duty: letterRow.dutyId },
    });
  });
}

/** E-mails a stored draft; on failure the letter stays a draft for the post, with the reason. */
export async function email(
  env: LettersEnv,
  built: BuiltLetter,
  actor: Actor,
  meta: RequestMeta,
): Promise<boolean> {
  if (!built.to) return false;
  try {
    const mailer = await env.mailers.current();
    await mailer.send({
      to: built.to,
      fromName: built.senderName,
      subject: built.row.title,
      text: mailTexts[built.row.language ?? "nl"].letterMail(
        built.row.title,
        built.senderName,
        built.recipientName,
      ),
      attachment: {
        filename: letterFileName(built.row.kind, built.row.letterDate, built.row.language ?? "nl"),
        content: built.pdf,
      },
      letterId: built.row.id!,
    });
  } catch (err) {
    env.logger.warn(
      { letterId: built.row.id, error: (err as Error).message },
      "letter e-mail failed; the letter waits for the post",
    );
    await repo.updateDraft(env.db, built.row.id!, { deliveryError: "email_failed" });
    return false;
  }
  const row = await repo.findLetter(env.db, built.row.id!);
  if (row) await finalise(env, row, { status: "sent", sentOn: env.clock.today() }, actor, meta);
  return true;
}

/** Builds, stores and (where it can) e-mails the letter of a duty; answers the stored letter. */
export async function produce(
  env: LettersEnv,
  duty: repo.DutyRow,
  options: { language?: Language | undefined; actor: Actor; meta: RequestMeta },
): Promise<repo.LetterRow> {
  const profile = await env.deps.organisations.profile();
  const built = await buildLetter(env, profile, duty, options);
  await env.db.transaction(async (tx) => storeLetter(env, tx, built, options.actor, options.meta));
  await email(env, built, options.actor, options.meta);
  return (await repo.findLetter(env.db, built.row.id!))!;
}
