/**
 * describeProfile: a profile as plain data for the docs (scripts/generate-protocols-doc.ts) and
 * the UI, each rule with its article; termText: a term in Dutch words.
 */

import { ROLES, type Role } from "../platform/auth/roles.ts";
import type { Term } from "../platform/werkdagen.ts";
import { bracketLabel } from "./damage-brackets.ts";
import { EVIDENCE_KINDS } from "./evidence-kinds.ts";
import {
  type AmbiguityChoice,
  type ClaimRule,
  type DeadlineActor,
  type DeadlineAnchor,
  type DisclosureField,
  type DisclosureRules,
  HIT_AUDIENCES,
  type HitAudience,
  type PlacementRule,
  type Profile,
  type RegistrationRules,
  type RemovalRule,
  type Scope,
  type TermRule,
} from "./profile.ts";
import { protocolVersionOf } from "./version.ts";

export interface DescribedCategory {
  code: string;
  group: string;
  groupTitle: string;
  title: string;
  description: string;
  kinds: string[];
  source: string;
  term: {
    maxMonths: number;
    kind: TermRule["kind"];
    brackets: { label: string; termMonths: number }[];
    source: string;
    note?: string;
  };
  scope: { value: Scope; source: string; note?: string };
  claim: {
    mode: ClaimRule["mode"];
    minimumCents?: number;
    amountKept?: ClaimRule["amountKept"];
    source: string;
    note?: string;
  };
  placement: { moment: string; futureAllowedForCriteria: string[]; source: string; note?: string };
  removal: DescribedRemoval[];
  criteria: { code: string; text: string; source: string }[];
  /** Off in a region until its consortium admin switches it on with a legal basis (D-766). */
  regionOptIn?: { reason: string; source: string; note?: string };
}

export interface DescribedRemoval {
  trigger: RemovalRule["trigger"];
  text: string;
  onlyWhenSoleGroup?: string;
  params?: Record<string, number | boolean>;
  source: string;
  note?: string;
}

export interface DescribedDeadline {
  key: string;
  term: Term;
  /** The term in Dutch, e.g. "4 weken", "5 werkdagen". */
  termText: string;
  from: DeadlineAnchor;
  by: DeadlineActor;
  before: boolean;
  text: string;
  source: string;
  note?: string;
}

export interface DescribedDisclosure {
  audience: HitAudience;
  role: Role;
  fields: DisclosureField[];
  requiresConfirmedMatch: boolean;
  source: string;
  note?: string;
}

export interface ProfileDescription {
  id: string;
  title: string;
  version: string;
  /** The identifier stored on registrations and cases decided under this profile (D-760). */
  protocolVersion: string;
  revision: Profile["revision"];
  seed: string;
  participantKinds: { value: string[]; source: string; note?: string };
  participantAgent?: { label: string; source: string; note?: string };
  personFields: { value: string[]; source: string; note?: string };
  twoStepPlacement: { value: boolean; source: string; note?: string };
  registrationRules: RegistrationRules;
  categories: DescribedCategory[];
  criteria: {
    code: string;
    text: string;
    categories: string[];
    source: string;
    note?: string;
    /** Evidence kinds (Dutch labels), those required, and who may be registered (issue 20). */
    evidence: { kinds: string[]; required: string[]; source: string; note?: string };
    relations: string[];
  }[];
  generalRemoval: DescribedRemoval[];
  disclosure: DescribedDisclosure[];
  consent: DisclosureRules["consent"];
  deadlines: DescribedDeadline[];
  ambiguities: AmbiguityChoice[];
}

function withNote<T extends object>(value: T, note: string | undefined): T & { note?: string } {
  return note === undefined ? value : { ...value, note };
}

function describeRemoval(r: RemovalRule): DescribedRemoval {
  return withNote(
    {
      trigger: r.trigger,
      text: r.text,
      ...(r.onlyWhenSoleGroup !== undefined ? { onlyWhenSoleGroup: r.onlyWhenSoleGroup } : {}),
      ...(r.params !== undefined ? { params: { ...r.params } } : {}),
      source: r.source,
    },
    r.note,
  );
}

function describePlacement(p: PlacementRule): DescribedCategory["placement"] {
  return withNote(
    {
      moment: p.moment,
      futureAllowedForCriteria: [...p.futureAllowedForCriteria],
      source: p.source,
    },
    p.note,
  );
}

const TERM_UNITS: [keyof Term, string, string][] = [
  ["months", "maand", "maanden"],
  ["weeks", "week", "weken"],
  ["days", "dag", "dagen"],
  ["workingDays", "werkdag", "werkdagen"],
];

/** "4 weken", "5 werkdagen", "1 maand en 2 weken". */
export function termText(term: Term): string {
  const parts = TERM_UNITS.flatMap(([key, one, many]) => {
    const n = term[key];
    return n === undefined || n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  });
  return parts.length > 1
    ? `${parts.slice(0, -1).join(", ")} en ${parts.at(-1)}`
    : (parts[0] ?? "");
}

/** A profile as plain, JSON-safe data: categories with their criteria, terms, scopes, disclosure, deadlines. */
export function describeProfile(profile: Profile): ProfileDescription {
  const categories: DescribedCategory[] = profile.categories.map((c) => ({
    code: c.code,
    group: c.group,
    groupTitle: c.groupTitle,
    title: c.title,
    description: c.description,
    kinds: [...(c.kinds ?? [])],
    source: c.source,
    term: withNote(
      {
        maxMonths: c.term.maxMonths,
        kind: c.term.kind,
        brackets: (c.term.damageBrackets ?? []).map((b) => ({
          label: bracketLabel(b),
          termMonths: b.termMonths,
        })),
        source: c.term.source,
      },
      c.term.note,
    ),
    scope: withNote({ value: c.scope.value, source: c.scope.source }, c.scope.note),
    claim: withNote(
      {
        mode: c.claim.mode,
        ...(c.claim.minimumCents !== undefined ? { minimumCents: c.claim.minimumCents } : {}),
        ...(c.claim.amountKept ? { amountKept: { ...c.claim.amountKept } } : {}),
        source: c.claim.source,
      },
      c.claim.note,
    ),
    placement: describePlacement(c.placement),
    removal: c.removal.map(describeRemoval),
    criteria: profile.criteria
      .filter((k) => k.categories.includes(c.code))
      .map((k) => ({ code: k.code, text: k.text, source: k.source })),
    ...(c.regionOptIn ? { regionOptIn: { ...c.regionOptIn } } : {}),
  }));

  const disclosure: DescribedDisclosure[] = [];
  for (const audience of HIT_AUDIENCES) {
    for (const role of ROLES) {
      const grant = profile.disclosure.hit[audience][role];
      if (!grant) continue;
      disclosure.push(
        withNote(
          {
            audience,
            role,
            fields: [...grant.fields],
            requiresConfirmedMatch: grant.requiresConfirmedMatch,
            source: grant.source,
          },
          grant.note,
        ),
      );
    }
  }

  return structuredClone({
    id: profile.id,
    title: profile.title,
    version: profile.version,
    protocolVersion: protocolVersionOf(profile),
    revision: { ...profile.revision },
    seed: profile.seed,
    participantKinds: withNote(
      { value: [...profile.participantKinds.value], source: profile.participantKinds.source },
      profile.participantKinds.note,
    ),
    ...(profile.participantAgent ? { participantAgent: { ...profile.participantAgent } } : {}),
    personFields: withNote(
      { value: [...profile.personFields.value], source: profile.personFields.source },
      profile.personFields.note,
    ),
    twoStepPlacement: withNote(
      { value: profile.twoStepPlacement.value, source: profile.twoStepPlacement.source },
      profile.twoStepPlacement.note,
    ),
    registrationRules: profile.registrationRules,
    categories,
    criteria: profile.criteria.map((k) =>
      withNote(
        {
          code: k.code,
          text: k.text,
          categories: [...k.categories],
          source: k.source,
          evidence: withNote(
            {
              kinds: k.evidence.kinds.map((e) => EVIDENCE_KINDS[e]),
              required: (k.evidence.required ?? []).map((e) => EVIDENCE_KINDS[e]),
              source: k.evidence.source,
            },
            k.evidence.note,
          ),
          relations: [...k.relations.value],
        },
        k.note,
      ),
    ),
    generalRemoval: profile.generalRemoval.map(describeRemoval),
    disclosure,
    consent: profile.disclosure.consent,
    deadlines: Object.entries(profile.deadlines).map(([key, d]) =>
      withNote(
        {
          key,
          term: { ...d.term },
          termText: termText(d.term),
          from: d.from,
          by: d.by,
          before: d.before === true,
          text: d.text,
          source: d.source,
        },
        d.note,
      ),
    ),
    ambiguities: profile.ambiguities.map((a) => ({ ...a })),
  }) as ProfileDescription;
}
