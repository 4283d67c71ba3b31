import { randomUUID } from "node:crypto";
import { actorOf } from "../../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { LettersEnv } from "../env.ts";
import { describeMailError, type Mailer } from "../mail.ts";
import { maySendTestMail } from "../policy.ts";

/**
 * Sends a test message through the mailer letters would use now (consortium admin, from
 * the region settings page): answers where it went, or throws `mail_test_failed` with the
 * server's error. Audited either way, without the address or any password.
 */
export async function sendTestMail(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  to: string,
): Promise<{ source: Mailer["source"]; kind: "smtp" | "outbox"; messageId: string }> {
  if (!maySendTestMail(principal)) {
    throw new AppError("forbidden", "Only a consortium admin may send a test e-mail.");
  }
  const mailer = await env.mailers.current();
  const audit = (outcome: "success" | "failed", details: Record<string, unknown>) =>
    recordAudit(env.db, env.clock, meta, {
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
    throw new AppError("conflict", `The mail server refused: ${failure.code} ${failure.reply}`, {
      code: "mail_test_failed",
      details: failure,
    });
  }
}
