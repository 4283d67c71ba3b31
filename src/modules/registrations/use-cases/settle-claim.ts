import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import { addMonths, compareDates } from "../../../platform/werkdagen.ts";
import type { RegistrationsEnv } from "../env.ts";
import { changeableRegistration } from "../policy.ts";
import { endParts } from "./end-parts.ts";

/**
 * A claim paid or settled (003 §12.4 category D; 001 Bijlage 1 W2; 000 FIN): the part whose
 * categories all carry the profile's removal rule for this ground ends at once; the other parts
 * run on (003 §12.4 D: the registration itself goes only "indien categorie D de enige ... is";
 * review 003-42, issue #20). When that was the only part the registration is erased with its
 * removal letter, as before. Refused with the rule and its article when no part ends on it.
 */
export async function settleClaim(
  env: RegistrationsEnv,
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
  const { db, clock, deps } = env;
  const row = await changeableRegistration(db, principal, id);
  const profile = await deps.organisations.profile();
  const trigger = `claim_${input.kind}` as const;
  if (compareDates(input.date, clock.today()) > 0) {
    throw new AppError("invalid_input", "The payment date cannot be after today.", {
      code: "date_in_future",
    });
  }
  const ruleOf = (code: string) =>
    profile.categories.find((x) => x.code === code)?.removal.find((r) => r.trigger === trigger);
  const ending = row.parts.filter((p) => p.categories.every((c) => ruleOf(c) !== undefined));
  if (ending.length === 0) {
    throw protocolRule(
      "removal_rule_not_applicable",
      `Under ${profile.title} a ${input.kind.replaceAll("_", " ")} claim does not end any part of this registration (${row.categories.join(", ")}).`,
      profile.registrationRules.earlyRemovalWithSeveralCategories.source,
      { categories: row.categories, trigger },
    );
  }
  for (const part of ending) {
    const rule = ruleOf(part.categories[0]!)!;
    if (trigger === "claim_half_paid_with_arrangement") {
      const fraction = Number(rule.params?.paidFractionAtLeast ?? 0.5);
      const within = Number(rule.params?.withinFractionOfTerm ?? 0.5);
      const deadline = addMonths(part.startDate, Math.floor(part.termMonths * within));
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
  const outcome = await endParts(
    env,
    id,
    (p) => ending.some((e) => e.group === p.group),
    { type: "manual", by: actorOf(principal).audit, ground: trigger },
    actorOf(principal),
    meta,
  );
  const ended = ending.flatMap((p) => p.categories);
  return outcome === "part_ended"
    ? { id, erased: false, ground: trigger, endedCategories: ended }
    : { id, erased: true, ground: trigger, endedCategories: ended };
}
