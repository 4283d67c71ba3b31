/**
 * A registration in parts (issue #20 part 1; contract §6 "Registrations in parts"): one part
 * per category group, each with its own term, scope and expiry (003 §5, §7). The seed gives
 * every category its own maximum and its own reach ("uitsluiting corporatie" for A and D,
 * "uitsluiting regio" for B, C and E) and nowhere lets one category lend its term or reach to
 * another (review 003-23, item 1): B.III + D.VII is two years regional and five years for the
 * corporation, never five years regional.
 */
import { addMonths, compareDates } from "../platform/werkdagen.ts";
import { type CategoryRule, type Profile, SCOPES, type Scope } from "./profile.ts";

/** One part of a registration: the categories of one group, and how long and how far it binds. */
export interface RegistrationPart {
  /** The category group (003 ch. 5 "A" … "E"; the code itself in 001 and 000). */
  group: string;
  categories: string[];
  startDate: string;
  /** Exclusive: on this date the part no longer applies and is ended (003 §6 punt 1). */
  endDate: string;
  termMonths: number;
  scope: Scope;
}

/** The categories grouped as the profile groups them, in the order of the profile. */
export function groupCategories(
  profile: Profile,
  codes: readonly string[],
): { group: string; categories: CategoryRule[] }[] {
  const groups = new Map<string, CategoryRule[]>();
  for (const category of profile.categories) {
    if (!codes.includes(category.code)) continue;
    const list = groups.get(category.group) ?? [];
    list.push(category);
    groups.set(category.group, list);
  }
  return [...groups].map(([group, categories]) => ({ group, categories }));
}

/** The widest reach among categories (within one group they share it in every profile). */
export function widestScope(scopes: readonly Scope[]): Scope {
  let scope: Scope = "organisation";
  for (const s of scopes) if (SCOPES.indexOf(s) > SCOPES.indexOf(scope)) scope = s;
  return scope;
}

/** A part's dates: from the placement date for its term (month-end clamp, 003 §6 punt 1). */
export function datedPart(
  group: string,
  categories: readonly string[],
  startDate: string,
  termMonths: number,
  scope: Scope,
): RegistrationPart {
  return {
    group,
    categories: [...categories],
    startDate,
    endDate: addMonths(startDate, termMonths),
    termMonths,
    scope,
  };
}

/** The parts still binding on `today` (end date exclusive). */
export function partsInForce<P extends { endDate: string }>(
  parts: readonly P[],
  today: string,
): P[] {
  return parts.filter((p) => compareDates(p.endDate, today) > 0);
}

/** What the parts have in common, for the top-level `endDate`/`scope` of an answer. */
export function agreedTerms(parts: readonly RegistrationPart[]): {
  endDate?: string;
  scope?: Scope;
} {
  const first = parts[0];
  if (!first) return {};
  return {
    ...(parts.every((p) => p.endDate === first.endDate) ? { endDate: first.endDate } : {}),
    ...(parts.every((p) => p.scope === first.scope) ? { scope: first.scope } : {}),
  };
}

/**
 * The registration as a whole, from its parts: it lasts until its last part ends (then it is
 * erased as a whole, 003 §12.4), and its stored scope is the parts' common scope, or none when
 * they differ — nothing may read one scope for a registration whose parts reach differently.
 */
export function envelopeOf(parts: readonly RegistrationPart[]): {
  endDate: string;
  termMonths: number;
  scope: Scope | null;
} {
  let last = parts[0]!;
  for (const p of parts) if (compareDates(p.endDate, last.endDate) > 0) last = p;
  return {
    endDate: last.endDate,
    termMonths: Math.max(...parts.map((p) => p.termMonths)),
    scope: agreedTerms(parts).scope ?? null,
  };
}

/**
 * The parts of a registration as stored or sealed; facts sealed before parts existed (letter
 * duties, issue #20) had one term and one scope, which is then their only part.
 */
export function partsOrWhole(r: {
  parts?: readonly RegistrationPart[] | undefined;
  categories: readonly string[];
  startDate: string;
  endDate: string;
  termMonths: number;
  scope: Scope | null;
}): readonly RegistrationPart[] {
  if (r.parts && r.parts.length > 0) return r.parts;
  return [
    {
      group: "",
      categories: [...r.categories],
      startDate: r.startDate,
      endDate: r.endDate,
      termMonths: r.termMonths,
      scope: r.scope ?? "organisation",
    },
  ];
}

/** The day the last part ends: when the registration as a whole ends. */
export function lastEndDate(parts: readonly { endDate: string }[]): string {
  let last = parts[0]?.endDate ?? "";
  for (const p of parts) if (compareDates(p.endDate, last) > 0) last = p.endDate;
  return last;
}
