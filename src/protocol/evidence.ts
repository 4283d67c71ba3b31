/**
 * The evidence trail of a registration (003 §8 "gedocumenteerd herleidbaar", §12.1, §12.2; 001
 * Bijlage 1 formele criteria; issue 20 part 2) and the person's relation to the tenancy (003
 * ch. 5 Hoofdregel; review 003-05). Evidence is data, never prose: per criterion a kind from the
 * profile's closed list, its date and at most a case number or ECLI. The documents themselves
 * stay with the primary source (003 §12.1: "achterliggende gegevens … worden nooit
 * vastgelegd"); the register records only what grounds the criterion and where to find it.
 */
import { compareDates, isIsoDate } from "../platform/werkdagen.ts";
import type { RuleViolation } from "./engine.ts";
import type { TenancyRelation } from "./evidence-kinds.ts";
import type { CriterionRule, Profile } from "./profile.ts";

export {
  EVIDENCE_KIND_CODES,
  EVIDENCE_KINDS,
  type EvidenceKind,
  type EvidenceRule,
  TENANCY_RELATION_LABELS,
  TENANCY_RELATIONS,
  type TenancyRelation,
  tenants,
} from "./evidence-kinds.ts";

/**
 * A criterion refers to a tenancy when a house seeker cannot be registered under it: the
 * registration is then about a rented dwelling, whose address is required (issue 20 part 5).
 */
export function refersToTenancy(criterion: CriterionRule): boolean {
  return !criterion.relations.value.includes("woningzoekende");
}

/**
 * The least a criterion's evidence must hold: every kind its article requires together, or else
 * one kind it allows (the first). The demo region's registrations and the tests' bodies are
 * grounded this way.
 */
export function leastEvidenceKinds(criterion: CriterionRule): readonly string[] {
  return criterion.evidence.required?.length
    ? criterion.evidence.required
    : criterion.evidence.kinds.slice(0, 1);
}

/** One item of a body's `evidence` (contract §6). */
export interface EvidenceItem {
  criterion: string;
  kind: string;
  date: string;
  reference?: string | undefined;
}

/**
 * A reference is a case number (zaaknummer, parketnummer, proces-verbaalnummer) or an ECLI,
 * never prose: capitals, digits and / : . - with single spaces; every word holds a digit or is
 * a court's short code of at most four capitals ("KG ZA", "CV EXPL"). At most 40 characters.
 */
export const EVIDENCE_REFERENCE =
  /^(?=.{1,40}$)(?:ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]{1,25}|(?:[A-Z]{1,4}|[A-Z0-9/:.-]*\d[A-Z0-9/:.-]*|\/)(?: (?:[A-Z]{1,4}|[A-Z0-9/:.-]*\d[A-Z0-9/:.-]*|\/))*)$/;

export interface EvidenceProposal {
  criteria: string[];
  evidence?: EvidenceItem[] | undefined;
}

/**
 * Each criterion of the registration needs evidence of a kind its profile allows, with every
 * kind the article requires, dated not after today (003 §8; 001 Bijlage 1). Evidence for a
 * criterion the registration does not name is refused too: it would ground nothing.
 */
export function evidenceViolations(
  profile: Profile,
  proposal: EvidenceProposal,
  today: string,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const evidence = proposal.evidence ?? [];
  const byCode = new Map(profile.criteria.map((c) => [c.code, c]));
  for (const item of evidence) {
    const criterion = byCode.get(item.criterion);
    if (!criterion || !proposal.criteria.includes(item.criterion)) {
      violations.push({
        rule: "evidence_criterion_not_given",
        message: `Evidence names criterion "${item.criterion}", which this registration does not rest on (criteria: ${proposal.criteria.join(", ")}).`,
        source: "003 §8 (gedocumenteerd herleidbaar)",
        details: { criterion: item.criterion, criteria: proposal.criteria },
      });
      continue;
    }
    if (!(criterion.evidence.kinds as readonly string[]).includes(item.kind)) {
      violations.push({
        rule: "evidence_kind_not_allowed",
        message: `Evidence of kind "${item.kind}" cannot ground criterion "${criterion.code}"; it takes ${criterion.evidence.kinds.join(", ")}.`,
        source: criterion.evidence.source,
        details: { criterion: criterion.code, kind: item.kind, allowed: criterion.evidence.kinds },
      });
    }
    if (isIsoDate(item.date) && compareDates(item.date, today) > 0) {
      violations.push({
        rule: "evidence_date_in_future",
        message: `The evidence for criterion "${criterion.code}" is dated ${item.date}, after today: evidence must exist when the decision is taken.`,
        source: "003 §8 (bij twijfel van invoer afzien)",
        details: { criterion: criterion.code, date: item.date },
      });
    }
  }
  for (const code of new Set(proposal.criteria)) {
    const criterion = byCode.get(code);
    if (!criterion) continue; // the engine names an unknown criterion
    const given = new Set(evidence.filter((e) => e.criterion === code).map((e) => e.kind));
    const missing = (criterion.evidence.required ?? []).filter((k) => !given.has(k));
    if (given.size === 0 || missing.length > 0) {
      violations.push({
        rule: "evidence_missing",
        message:
          given.size === 0
            ? `Criterion "${code}" needs evidence (one of ${criterion.evidence.kinds.join(", ")}), with its date: a registration must be traceable to its documents.`
            : `Criterion "${code}" needs evidence of each of ${missing.join(", ")} as well.`,
        source: criterion.evidence.source,
        details: {
          criterion: code,
          allowed: criterion.evidence.kinds,
          ...(missing.length > 0 ? { missing } : {}),
        },
      });
    }
  }
  return violations;
}

export interface TenancyProposal {
  criteria: string[];
  tenancyRelation?: TenancyRelation | undefined;
  hasDwellingAddress: boolean;
}

/**
 * The person's relation must fit every criterion (003 ch. 5 Hoofdregel: tenants and co-tenants;
 * a house seeker only under IX criterion e.i), and a registration about a tenancy names the
 * rented dwelling (003 §16.3 "het adres van de woning die door betrokkene werd gehuurd"; 001
 * §3.4 "adres van de woningen").
 */
export function tenancyViolations(profile: Profile, proposal: TenancyProposal): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const criteria = proposal.criteria
    .map((c) => profile.criteria.find((k) => k.code === c))
    .filter((c): c is CriterionRule => c !== undefined);
  const relation = proposal.tenancyRelation;
  for (const criterion of criteria) {
    if (relation && !criterion.relations.value.includes(relation)) {
      violations.push({
        rule: "tenancy_relation_not_allowed",
        message: `A ${relation} cannot be registered on criterion "${criterion.code}"; it is for ${criterion.relations.value.join(", ")}.`,
        source: criterion.relations.source,
        details: {
          criterion: criterion.code,
          tenancyRelation: relation,
          allowed: criterion.relations.value,
        },
      });
    }
  }
  const aboutTenancy = criteria.filter(refersToTenancy);
  if (aboutTenancy.length > 0 && !proposal.hasDwellingAddress) {
    violations.push({
      rule: "dwelling_address_missing",
      message: `Criteria ${aboutTenancy.map((c) => c.code).join(", ")} are about a tenancy: the registration needs dwellingAddress, the address of the rented dwelling (or address).`,
      source: "003 §16.3 (adres van de gehuurde woning), §12.1; 001 §3.4",
      details: { criteria: aboutTenancy.map((c) => c.code) },
    });
  }
  return violations;
}
