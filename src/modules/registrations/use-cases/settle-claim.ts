import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import { addMonths, compareDates } from "../../../platform/werkdagen.ts";
import type { RegistrationsEnv } from "../env.ts";
import { eraseWithLetter } from "../erasure.ts";
import { changeableRegistration } from "../policy.ts";

/**
 * A claim paid or settled (003 §12.4 category D; 001 Bijlage 1 W2): the registration is
 * removed at once when the profile's removal rule holds for every category it has (the
 * profile's rule for several categories), with the removal letter. Refused with the rule
 * and its article otherwise.
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
    env,
    id,
    { type: "manual", by: actorOf(principal).audit, ground: trigger },
    actorOf(principal),
    meta,
  );
  return { id, erased: true, ground: trigger };
}
