/**
 * GET /api/v1/protocol (contract §6): the region's profile as data — the categories the region
 * uses (an opt-in category only once switched on, D-766), criteria, the person fields a
 * registration may store (D-761), who may take part (D-763), deadlines, and the protocol
 * version that registrations and cases decided today record (D-760).
 */
import { termText } from "../../../protocol/describe.ts";
import { EVIDENCE_KINDS, refersToTenancy } from "../../../protocol/evidence.ts";
import { categoriesInUse, protocolVersionOf } from "../../../protocol/index.ts";
import type { OrganisationsEnv } from "../env.ts";
import type { ProtocolView } from "../schemas.ts";
import { categoriesSwitchedOn } from "./category-switches.ts";
import { profile } from "./region.ts";

export async function protocolView(env: OrganisationsEnv): Promise<ProtocolView> {
  const p = await profile(env);
  const inUse = categoriesInUse(p, await categoriesSwitchedOn(env));
  const codes = new Set(inUse.map((c) => c.code));
  return {
    id: p.id,
    title: p.title,
    version: protocolVersionOf(p),
    categories: inUse.map((c) => ({
      code: c.code,
      title: c.title,
      group: c.group,
      maxMonths: c.term.maxMonths,
      scope: c.scope.value,
      source: c.source,
    })),
    criteria: p.criteria
      .filter((k) => k.categories.some((c) => codes.has(c)))
      .map((k) => ({
        code: k.code,
        categories: k.categories.filter((c) => codes.has(c)),
        source: k.source,
        evidenceKinds: [...k.evidence.kinds],
        requiredKinds: [...(k.evidence.required ?? [])],
        evidenceSource: k.evidence.source,
        tenancyRelations: [...k.relations.value],
        dwellingAddressRequired: refersToTenancy(k),
      })),
    evidenceKindLabels: Object.fromEntries(
      p.criteria.flatMap((k) => k.evidence.kinds).map((code) => [code, EVIDENCE_KINDS[code]]),
    ),
    personFields: [...p.personFields.value],
    participantKinds: [...p.participantKinds.value],
    participantAgentRequired: p.participantAgent !== undefined,
    deadlines: Object.fromEntries(
      Object.entries(p.deadlines).map(([key, d]) => [
        key,
        { term: termText(d.term), from: d.from, source: d.source },
      ]),
    ),
  };
}
