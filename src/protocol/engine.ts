import { formatEuroPlain as formatEuro } from "../platform/money.ts";
import { compareDates, isIsoDate } from "../platform/werkdagen.ts";
import { bracketLabel, findDamageBracket } from "./damage-brackets.ts";
import {
  datedPart,
  envelopeOf,
  groupCategories,
  type RegistrationPart,
  widestScope,
} from "./parts.ts";
import type { CategoryRule, CriterionRule, Profile, Scope } from "./profile.ts";

export interface RegistrationProposal {
  categories: string[];
  criteria: string[];
  placementDate: string;
  claimCents?: number;
  termMonths?: number;
}

export interface RuleViolation {
  rule: string;
  message: string;
  source: string;
  details?: Record<string, unknown>;
}

export type Evaluation =
  | {
      ok: true;
      startDate: string;
      /** When the registration as a whole ends: its last part's end date. */
      endDate: string;
      /** The longest part's term. */
      termMonths: number;
      maxTermMonths: number;
      /** The parts' common scope; null when the parts reach differently. */
      scope: Scope | null;
      /** One part per category group, each with its own term and scope (003 §7; issue #20). */
      parts: RegistrationPart[];
      initialStatus: "active" | "pending_notice";
      explanation: { rule: string; source: string; text: string }[];
    }
  | { ok: false; violations: RuleViolation[] };

const SCOPE_NL: Record<Scope, string> = {
  organisation: "uitsluiting corporatie (alleen de primaire bron)",
  region: "uitsluiting regio (alle deelnemers)",
  national: "landelijk (alle aangesloten organisaties)",
};

function list(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(", ");
}

function uniqueSources(sources: readonly string[]): string {
  return [...new Set(sources)].join("; ");
}

function duplicatesOf(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

/**
 * A registration's codes from one of the profile's closed lists (categories, criteria): each
 * must be on the list, and given only once.
 */
function closedListViolations(
  kind: "category" | "criterion",
  codes: readonly string[],
  known: string[],
  profileId: string,
  source: string,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const code of codes) {
    if (!known.includes(code)) {
      violations.push({
        rule: `unknown_${kind}`,
        message: `Unknown ${kind} "${code}": the profile ${profileId} has ${known.join(", ")}.`,
        source,
        details: { [kind]: code, known },
      });
    }
  }
  const word = kind === "category" ? "Category" : "Criterion";
  for (const code of duplicatesOf(codes)) {
    violations.push({
      rule: `duplicate_${kind}`,
      message: `${word} "${code}" is given more than once.`,
      source,
      details: { [kind]: code },
    });
  }
  return violations;
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n);
}

/** The maximum term of one category for this claim, or undefined when the claim decides it and is missing/invalid. */
function categoryMaximum(
  category: CategoryRule,
  claimCents: number | undefined,
): { months: number; bracketText?: string } | undefined {
  const brackets = category.term.damageBrackets;
  if (!brackets) return { months: category.term.maxMonths };
  if (claimCents === undefined) return undefined;
  const bracket = findDamageBracket(brackets, claimCents);
  if (!bracket) return undefined;
  return {
    months: Math.min(bracket.termMonths, category.term.maxMonths),
    bracketText: `${category.code}: bedrag ${formatEuro(claimCents)} valt in de schijf ${bracketLabel(bracket)} → maximaal ${bracket.termMonths} maanden`,
  };
}

/**
 * Checks a proposed registration against the profile's rules. `today` is the calendar date in
 * Europe/Amsterdam (werkdagen.todayInAmsterdam); it must be a valid date (else RangeError).
 */
export function evaluateRegistration(
  profile: Profile,
  proposal: RegistrationProposal,
  today: string,
): Evaluation {
  if (!isIsoDate(today)) {
    throw new RangeError(`evaluateRegistration: today must be a YYYY-MM-DD date, got ${today}`);
  }
  const rules = profile.registrationRules;
  const violations: RuleViolation[] = [];
  const categoryCodes = Array.isArray(proposal.categories) ? proposal.categories : [];
  const criterionCodes = Array.isArray(proposal.criteria) ? proposal.criteria : [];
  const categoryByCode = new Map(profile.categories.map((c) => [c.code, c]));
  const criterionByCode = new Map(profile.criteria.map((c) => [c.code, c]));
  const allCategoryCodes = profile.categories.map((c) => c.code);
  const allCriterionCodes = profile.criteria.map((c) => c.code);

  // --- categories -----------------------------------------------------------------------
  if (categoryCodes.length === 0) {
    violations.push({
      rule: "category_required",
      message: `A registration needs at least one category (${profile.id}: ${allCategoryCodes.join(", ")}).`,
      source: rules.closedCategories.source,
    });
  }
  violations.push(
    ...closedListViolations(
      "category",
      categoryCodes,
      allCategoryCodes,
      profile.id,
      rules.closedCategories.source,
    ),
  );

  // --- criteria ---------------------------------------------------------------------------
  if (criterionCodes.length === 0) {
    violations.push({
      rule: "criterion_required",
      message:
        "A registration needs the formal criterion that was met (a proven ground for placement); " +
        "when in doubt, do not register.",
      source: rules.formalCriteria.source,
    });
  }
  violations.push(
    ...closedListViolations(
      "criterion",
      criterionCodes,
      allCriterionCodes,
      profile.id,
      rules.formalCriteria.source,
    ),
  );

  const categories = [...new Set(categoryCodes)]
    .map((c) => categoryByCode.get(c))
    .filter((c): c is CategoryRule => c !== undefined);
  const criteria = [...new Set(criterionCodes)]
    .map((c) => criterionByCode.get(c))
    .filter((c): c is CriterionRule => c !== undefined);

  // --- which criterion grounds which category ---------------------------------------------
  const chosen = new Set(categories.map((c) => c.code));
  for (const criterion of criteria) {
    if (categories.length > 0 && !criterion.categories.some((c) => chosen.has(c))) {
      violations.push({
        rule: "criterion_does_not_fit",
        message: `Criterion "${criterion.code}" cannot ground any chosen category (${list([...chosen])}); it grounds ${list(criterion.categories)} only.`,
        source: criterion.source,
        details: { criterion: criterion.code, grounds: criterion.categories },
      });
    }
  }
  /** Per category the given criteria that ground it. */
  const groundsOf = new Map<string, CriterionRule[]>();
  for (const category of categories) {
    const grounds = criteria.filter((c) => c.categories.includes(category.code));
    groundsOf.set(category.code, grounds);
    if (grounds.length === 0 && criterionCodes.length > 0) {
      const possible = profile.criteria
        .filter((c) => c.categories.includes(category.code))
        .map((c) => c.code);
      violations.push({
        rule: "criterion_missing_for_category",
        message: `Category "${category.code}" has no formal criterion among those given; it can be grounded by ${list(possible)}.`,
        source: uniqueSources([category.source, rules.formalCriteria.source]),
        details: { category: category.code, possibleCriteria: possible },
      });
    }
  }

  // --- placement date ---------------------------------------------------------------------
  const placementValid = isIsoDate(proposal.placementDate);
  if (!placementValid) {
    violations.push({
      rule: "placement_date_invalid",
      message: `The placement date must be an existing date written YYYY-MM-DD, got ${JSON.stringify(proposal.placementDate)}.`,
      source: rules.placementDate.source,
    });
  } else if (compareDates(proposal.placementDate, today) > 0) {
    const refusing = categories.filter((category) => {
      const grounds = groundsOf.get(category.code) ?? [];
      const allowed = category.placement.futureAllowedForCriteria;
      return grounds.length === 0 || !grounds.every((g) => allowed.includes(g.code));
    });
    if (refusing.length > 0 || categories.length === 0) {
      const sources = refusing.map((c) => c.placement.source);
      violations.push({
        rule: "placement_in_future",
        message:
          `The placement date ${proposal.placementDate} lies after today (${today}): a registration ` +
          "starts at the eviction or surrender (or the exclusion) that has already happened.",
        source: uniqueSources(sources.length > 0 ? sources : [rules.placementDate.source]),
        details: {
          placementDate: proposal.placementDate,
          today,
          categories: refusing.map((c) => c.code),
        },
      });
    }
  }

  // --- claim ------------------------------------------------------------------------------
  // Input may come straight from JSON: check the types, never trust them.
  const rawClaim: unknown = proposal.claimCents;
  const claimGiven = rawClaim !== undefined && rawClaim !== null;
  const claim = isWholeNumber(rawClaim) && rawClaim >= 0 ? rawClaim : undefined;
  const claimValid = claim !== undefined;
  if (claimGiven && !claimValid) {
    violations.push({
      rule: "claim_invalid",
      message: "claimCents must be a whole, non-negative number of euro cents.",
      source: uniqueSources(categories.map((c) => c.claim.source)) || rules.closedCategories.source,
    });
  }
  for (const category of categories) {
    if (category.claim.mode === "required" && !claimGiven) {
      violations.push({
        rule: "claim_required",
        message: `Category "${category.code}" needs the amount of the claim or damage (claimCents)${category.term.damageBrackets ? ": its term follows from it" : ""}.`,
        source: category.claim.source,
        details: { category: category.code },
      });
    }
  }
  if (claim !== undefined) {
    const taking = categories.filter((c) => c.claim.mode !== "not_applicable");
    if (categories.length > 0 && taking.length === 0) {
      violations.push({
        rule: "claim_not_applicable",
        message: `None of the chosen categories (${list([...chosen])}) takes a claim amount; leave claimCents out (data minimisation).`,
        source: uniqueSources(categories.map((c) => c.claim.source)),
        details: { categories: [...chosen] },
      });
    }
    for (const category of taking) {
      const minimum = minimumClaimOf(category);
      if (minimum !== undefined && claim < minimum) {
        violations.push({
          rule: "claim_below_minimum",
          message: `The claim of ${formatEuro(claim)} is below the minimum of ${formatEuro(minimum)} for category "${category.code}".`,
          source: category.claim.source,
          details: { category: category.code, claimCents: claim, minimumCents: minimum },
        });
      }
    }
  }

  // --- term, per part ---------------------------------------------------------------------
  // One part per category group, each with its own maximum and scope (003 §5, §7; issue #20).
  // A term the officer gives caps every part: shorter than a part's maximum shortens it, a part
  // whose maximum is shorter keeps its maximum (a term never lends one category's length to
  // another).
  const maxima = categories.map((c) => ({
    category: c,
    max: categoryMaximum(c, claim),
  }));
  const termKnown = maxima.length > 0 && maxima.every((m) => m.max !== undefined);
  const groups = groupCategories(
    profile,
    categories.map((c) => c.code),
  ).map((g) => {
    let max = 0;
    for (const c of g.categories) {
      max = Math.max(max, maxima.find((m) => m.category === c)?.max?.months ?? 0);
    }
    return { ...g, max };
  });
  let maxTermMonths = 0;
  let longest: CategoryRule | undefined;
  if (termKnown) {
    for (const m of maxima) {
      const months = m.max?.months ?? 0;
      if (months > maxTermMonths) {
        maxTermMonths = months;
        longest = m.category;
      }
    }
  }
  const rawTerm: unknown = proposal.termMonths;
  const termGiven = rawTerm !== undefined && rawTerm !== null;
  const givenTerm =
    isWholeNumber(rawTerm) && rawTerm >= rules.term.minimumMonths ? rawTerm : undefined;
  const termOf = (groupMax: number) =>
    givenTerm === undefined ? groupMax : Math.min(givenTerm, groupMax);
  if (termGiven && givenTerm === undefined) {
    violations.push({
      rule: "term_invalid",
      message: `The term must be a whole number of months, at least ${rules.term.minimumMonths}; got ${JSON.stringify(rawTerm)}.`,
      source: rules.term.source,
      details: { termMonths: rawTerm },
    });
  } else if (termKnown) {
    if (givenTerm !== undefined && givenTerm > maxTermMonths) {
      violations.push({
        rule: "term_exceeds_maximum",
        message: `A term of ${givenTerm} months exceeds the maximum of ${maxTermMonths} months (${maxima.map((m) => `${m.category.code}: ${m.max?.months}`).join(", ")}).`,
        source: longest?.term.source ?? rules.term.source,
        details: { termMonths: givenTerm, maxTermMonths },
      });
    }
    for (const g of groups) {
      const termMonths = termOf(g.max);
      for (const category of g.categories) {
        if (category.term.kind === "fixed" && termMonths < category.term.maxMonths) {
          violations.push({
            rule: "term_fixed",
            message: `Category "${category.code}" has a fixed term of ${category.term.maxMonths} months; a term of ${termMonths} months is not allowed.`,
            source: category.term.source,
            details: { category: category.code, fixedMonths: category.term.maxMonths, termMonths },
          });
        }
      }
    }
  }

  // --- end date, per part -----------------------------------------------------------------
  const parts: RegistrationPart[] = [];
  if (placementValid && termKnown && (givenTerm === undefined || givenTerm <= maxTermMonths)) {
    for (const g of groups) {
      const part = datedPart(
        g.group,
        g.categories.map((c) => c.code),
        proposal.placementDate,
        termOf(g.max),
        widestScope(g.categories.map((c) => c.scope.value)),
      );
      parts.push(part);
      if (compareDates(part.endDate, today) <= 0) {
        violations.push({
          rule: "end_date_passed",
          message: `The part ${part.categories.join(", ")} would end on ${part.endDate} (${proposal.placementDate} + ${part.termMonths} months), which is not after today (${today}): its term has already run out. Leave out its categories.`,
          source: rules.endDate.source,
          details: {
            placementDate: proposal.placementDate,
            termMonths: part.termMonths,
            endDate: part.endDate,
            categories: part.categories,
            today,
          },
        });
      }
    }
  }

  if (violations.length > 0) return { ok: false, violations };

  // --- the outcome and why ----------------------------------------------------------------
  const startDate = proposal.placementDate;
  const { endDate, termMonths, scope } = envelopeOf(parts);
  const initialStatus = profile.twoStepPlacement.value ? "pending_notice" : "active";
  const explanation: { rule: string; source: string; text: string }[] = [];

  explanation.push({
    rule: "start_date",
    source: uniqueSources(categories.map((c) => c.placement.source)),
    text: `Ingangsdatum ${startDate}: de plaatsingsdatum (${uniqueMoments(categories)}).`,
  });
  for (const m of maxima) {
    if (m.max?.bracketText) {
      explanation.push({
        rule: "damage_bracket",
        source: m.category.term.source,
        text: `${m.max.bracketText}.`,
      });
    }
  }
  if (parts.length > 1) {
    explanation.push({
      rule: "parts",
      source: rules.multipleCategories.source,
      text: `Eén deel per categoriegroep (${parts.map((p) => p.categories.join(" + ")).join("; ")}): elk deel heeft zijn eigen termijn, reikwijdte en einddatum.`,
    });
  }
  for (const part of parts) {
    const g = groups.find((x) => x.group === part.group)!;
    const label = parts.length > 1 ? `Deel ${part.categories.join(" + ")}: ` : "";
    const inGroup = g.categories.length > 1;
    const perCategory = g.categories
      .map((c) => `${c.code}: ${maxima.find((m) => m.category === c)?.max?.months} mnd`)
      .join(", ");
    const maxText = inGroup
      ? `de langste maximale termijn in de groep (${perCategory})`
      : `het maximum voor ${part.categories.join("")}`;
    const fixed = g.categories.filter((c) => c.term.kind === "fixed").map((c) => c.code);
    explanation.push({
      rule: "term",
      source: uniqueSources([
        ...g.categories.map((c) => c.term.source),
        ...(givenTerm !== undefined ? [rules.term.source] : []),
      ]),
      text:
        label +
        (givenTerm !== undefined && part.termMonths < g.max
          ? `termijn ${part.termMonths} maanden, gekozen door de functionaris; het maximum is ${g.max} maanden, ${maxText}.`
          : `termijn ${part.termMonths} maanden: ${maxText}.`) +
        (fixed.length > 0 ? ` Vaste termijn voor ${fixed.join(", ")}.` : ""),
    });
    const clamped = Number(startDate.slice(8, 10)) !== Number(part.endDate.slice(8, 10));
    explanation.push({
      rule: "end_date",
      source: rules.endDate.source,
      text:
        label +
        `einddatum ${part.endDate} = ${startDate} + ${part.termMonths} maanden` +
        (clamped ? " (die dag bestaat niet in die maand: de laatste dag van de maand)" : "") +
        (parts.length > 1
          ? ". Op die datum vervalt dit deel; de andere delen lopen door."
          : ". Op de einddatum geldt de signalering niet meer en wordt zij verwijderd."),
    });
    explanation.push({
      rule: "scope",
      source: uniqueSources(g.categories.map((c) => c.scope.source)),
      text: `${label}reikwijdte: ${SCOPE_NL[part.scope]}.`,
    });
  }
  explanation.push({
    rule: "initial_status",
    source: profile.twoStepPlacement.source,
    text:
      initialStatus === "pending_notice"
        ? "Status 'in afwachting van kennisgeving': de signalering werkt pas nadat betrokkene is geïnformeerd."
        : "Direct actief; betrokkene wordt na de plaatsing geïnformeerd.",
  });

  return {
    ok: true,
    startDate,
    endDate,
    termMonths,
    maxTermMonths,
    scope,
    parts,
    initialStatus,
    explanation,
  };
}

/** The smallest claim a category accepts: its own minimum, or the first bracket's lower bound. */
function minimumClaimOf(category: CategoryRule): number | undefined {
  const first = category.term.damageBrackets?.[0];
  const bracketMinimum = first ? first.minCents + (first.minInclusive ? 0 : 1) : undefined;
  const own = category.claim.minimumCents;
  if (own === undefined) return bracketMinimum;
  if (bracketMinimum === undefined) return own;
  return Math.max(own, bracketMinimum);
}

function uniqueMoments(categories: readonly CategoryRule[]): string {
  const moments = [...new Set(categories.map((c) => c.placement.moment.toLowerCase()))];
  return moments.length > 0 ? moments.join("; ") : "moment van plaatsing";
}

export {
  type DescribedCategory,
  type DescribedDeadline,
  type DescribedDisclosure,
  type DescribedRemoval,
  describeProfile,
  type ProfileDescription,
  termText,
} from "./describe.ts";
export { appliesTo, disclosureGrant, hitLetterFields } from "./disclosure.ts";
