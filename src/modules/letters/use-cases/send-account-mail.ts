import type { LettersEnv } from "../env.ts";
import { describeMailError } from "../mail.ts";

/**
 * An e-mail about a person's own account or role (not a letter): a warning of failed
 * sign-ins (F8), a notice to the auditors (F16). Sent through the mailer letters use now;
 * never throws, because the step that asks for it has already happened: answers whether the
 * mail was handed over. Without any e-mail configured nothing is sent (the audit log keeps
 * the event either way).
 */
export async function sendAccountMail(
  env: LettersEnv,
  mail: { to: string; subject: string; text: string; reference: string },
): Promise<boolean> {
  try {
    const mailer = await env.mailers.current();
    if (mailer.kind === "none") return false;
    await mailer.send({
      to: mail.to,
      fromName: "Woonsignaal",
      subject: mail.subject,
      text: mail.text,
      letterId: mail.reference,
    });
    return true;
  } catch (err) {
    env.logger.warn(
      { reference: mail.reference, error: describeMailError(err).code },
      "account e-mail not delivered",
    );
    return false;
  }
}
