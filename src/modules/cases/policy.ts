/**
 * Access decisions on cases, in one place: who may see a case, act on it, carry out its
 * decision and register a kind of case. Pure functions of the principal and the case, used
 * by the use cases (through case-access.ts) and available to routes and web pages.
 */
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { CaseKind } from "../../protocol/case-kinds.ts";
import { deskOrganisations } from "./desk-candidates.ts";
import { COMMITTEE_CASES } from "./procedures.ts";
import type { CaseRow } from "./repository.ts";

/**
 * Who may see a case: the responsible organisation, the primary source, the consortium — and,
 * while a public request is not linked, each participant with a candidate registration of it
 * (its desk; issue 21 part 2, D-911).
 */
export function canSeeCase(
  principal: Principal,
  row: Pick<CaseRow, "organisationId" | "primarySourceId"> &
    Partial<Pick<CaseRow, "facts" | "registrationId">>,
): boolean {
  if (hasRole(principal, ["consortium_admin"])) return true;
  if (hasRole(principal, ["committee"])) {
    // 001 Bijlage 2: the committee sees only the case files sent to it.
    return row.organisationId === principal.organisationId;
  }
  return (
    row.organisationId === principal.organisationId ||
    row.primarySourceId === principal.organisationId ||
    (row.facts !== undefined &&
      hasRole(principal, ["officer"]) &&
      deskOrganisations({ facts: row.facts, registrationId: row.registrationId ?? null }).includes(
        principal.organisationId ?? "",
      ))
  );
}

/**
 * Who may act: the responsible organisation's officer (the disputes committee's member for
 * the committee's cases), or the consortium.
 */
export function canActOnCase(
  principal: Principal,
  row: Pick<CaseRow, "organisationId" | "primarySourceId" | "type">,
): boolean {
  if (!canSeeCase(principal, row)) return false;
  if (hasRole(principal, ["consortium_admin"])) return true;
  if (row.organisationId !== principal.organisationId) return false;
  const committeeCase = COMMITTEE_CASES.includes(row.type as CaseKind);
  return (
    committeeCase === hasRole(principal, ["committee"]) &&
    (committeeCase || hasRole(principal, ["officer"]))
  );
}

/** Who carries out an upheld decision (003 §16.3): the primary source's officer, or the consortium. */
export function canCarryOutDecision(
  principal: Principal,
  row: Pick<CaseRow, "organisationId" | "primarySourceId">,
): boolean {
  return (
    hasRole(principal, ["consortium_admin"]) ||
    (hasRole(principal, ["officer"]) &&
      (row.primarySourceId === principal.organisationId ||
        row.organisationId === principal.organisationId))
  );
}

/**
 * Who registers a kind of case: the disputes committee its appeals and hardship requests
 * (003 §16.4, ch. 24), the primary source the others; the consortium any.
 */
export function canRegisterCaseKind(principal: Principal, type: CaseKind): boolean {
  return (
    COMMITTEE_CASES.includes(type) === hasRole(principal, ["committee"]) ||
    hasRole(principal, ["consortium_admin"])
  );
}

/**
 * The disputes committee, registering an appeal, may name the objection or complaint the
 * person quotes from the decision letter, though it has not seen that case.
 */
export function mayNameAsAppealParent(principal: Principal, row: Pick<CaseRow, "type">): boolean {
  return hasRole(principal, ["committee"]) && ["objection", "complaint"].includes(row.type);
}
