import { recordAudit } from "../../platform/audit/audit.ts";
import { defineCatalogue } from "../../platform/i18n.ts";
import { SIGN_IN_LIMITS, SYSTEM_AUDIT_ACTOR, SYSTEM_META } from "./constants.ts";
import type { IdentityEnv } from "./env.ts";
import * as repo from "./repository.ts";

/**
 * The owner's e-mail about failed sign-ins (F8), in plain Dutch: how many, since when, that
 * the account is not blocked, and what to do. No addresses of whoever tried: they would not
 * help the owner and could point at a colleague's network.
 */
export const signInWarningTexts = defineCatalogue(
  "identity.sign-in-warning",
  {
    subject: "Woonsignaal: mislukte pogingen om op uw account aan te melden",
    body: (name: string, failures: number, since: string) =>
      `Beste ${name},\n\n` +
      `Sinds ${since} is ${failures} keer geprobeerd om op uw account bij Woonsignaal aan te melden, met een verkeerd wachtwoord of een verkeerde code.\n\n` +
      "Uw account is niet geblokkeerd. Na veel mislukte pogingen laat Woonsignaal iedereen die aanmeldt even wachten, hoogstens een minuut. " +
      "U kunt ook meteen aanmelden: vul dan uw wachtwoord en de code uit uw app samen in.\n\n" +
      "Was u dit zelf? Dan hoeft u niets te doen.\n" +
      "Was u dit niet? Dan probeert iemand anders op uw account te komen. Kies een nieuw wachtwoord (Mijn account, Wachtwoord wijzigen) en vertel het de beheerder van uw organisatie.\n\n" +
      "U krijgt deze e-mail hoogstens één keer per uur.\n\n" +
      "Met vriendelijke groet,\nWoonsignaal\n",
  },
  {
    subject: "Woonsignaal: failed attempts to sign in to your account",
    body: (name: string, failures: number, since: string) =>
      `Dear ${name},\n\n` +
      `Since ${since} there were ${failures} attempts to sign in to your Woonsignaal account with a wrong password or a wrong code.\n\n` +
      "Your account is not blocked. After many failed attempts Woonsignaal makes everyone who signs in wait a little, at most a minute. " +
      "You can also sign in at once: give your password and the code from your app together.\n\n" +
      "Was this you? Then there is nothing to do.\n" +
      "Was this not you? Then somebody else is trying to get into your account. Choose a new password (My account, Change password) and tell your organisation's administrator.\n\n" +
      "You get this e-mail at most once an hour.\n\n" +
      "Kind regards,\nWoonsignaal\n",
  },
);

const amsterdamTime = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/**
 * Tells an account's owner of repeated failed sign-ins: once the account has had
 * `warnAfter` failures in the hour, one e-mail, and the next only after an hour without one
 * (one per burst, not per attempt). The claim on the account row makes sure two requests at
 * the same moment send one e-mail. Audited as a system event, without the address.
 */
export async function warnOwnerOfFailures(
  env: IdentityEnv,
  owner: repo.UserRow,
  subjects: { account: string },
) {
  const { db, clock } = env;
  if (owner.status !== "active") return;
  const now = clock.now();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const failures = await repo.signInFailuresSince(db, subjects.account, since);
  if (failures.count < SIGN_IN_LIMITS.warnAfter) return;
  if (!(await repo.claimSignInWarning(db, owner.id, now, since))) return;
  const first = await repo.firstSignInFailureSince(db, subjects.account, since);
  const t = signInWarningTexts.nl;
  const sent = await env.deps.mail().sendAccountMail({
    to: owner.email,
    subject: t.subject,
    text: t.body(owner.displayName, failures.count, amsterdamTime.format(first ?? since)),
    reference: `sign-in-warning-${owner.id}-${now.getTime()}`,
  });
  await recordAudit(db, clock, SYSTEM_META, {
    actor: SYSTEM_AUDIT_ACTOR,
    action: "auth.failures_warned",
    objectType: "user",
    objectId: owner.id,
    outcome: sent ? "success" : "failed",
    details: { failures: failures.count },
  });
}
