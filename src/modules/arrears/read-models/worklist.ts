import type { Principal } from "../../../platform/auth/access.ts";
import { addDays, compareDates } from "../../../platform/werkdagen.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { landlordFor } from "../policy.ts";
import * as repo from "../repository.ts";
import { selectionFacts } from "../selection-facts.ts";
import { arrangementsWithStatus } from "../views.ts";

/** What a person should do now (design.md §2.4: duties are dated worklist items). */
export async function worklist(env: ArrearsEnv, principal: Principal, options: OnBehalfOf = {}) {
  const { db, clock } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const today = clock.today();
  const { assessed, agreementOf, holds } = await selectionFacts(env, organisationId, today);
  const items: {
    tenancyRef: string;
    municipalityCode: string;
    task: string;
    source: string;
    details: Record<string, unknown>;
  }[] = [];
  for (const { tenancy: t, assessment: a } of assessed) {
    const base = { tenancyRef: t.tenancyRef, municipalityCode: t.municipalityCode };
    if (a.eligible) {
      items.push({
        ...base,
        task: "signal_due",
        source: "002 stap 1",
        details: { daysLate: a.daysLate, repeated: a.repeated },
      });
      continue;
    }
    const codes = new Set(a.reasons.map((r) => r.code));
    if (codes.has("not_late_enough") || codes.has("no_arrears") || codes.has("on_collection_hold"))
      continue;
    if (codes.has("tenant_refused")) {
      items.push({
        ...base,
        task: "tenant_refused",
        source: "Bgs art. 2; 002 stap 4",
        details: { daysLate: a.daysLate },
      });
      continue;
    }
    const missing = a.reasons
      .filter((r) => r.code === "precondition_missing")
      .map((r) => r.missing);
    if (missing.length > 0) {
      items.push({
        ...base,
        task: "preconditions_missing",
        source: "Bgs art. 2; 002",
        details: { missing, daysLate: a.daysLate },
      });
    }
    if (codes.has("no_agreement") || codes.has("agreement_not_signed")) {
      items.push({
        ...base,
        task: "agreement_needed",
        source: "002 Overeenkomst met gemeente nodig",
        details: { agreementStatus: agreementOf.get(t.municipalityCode)?.status ?? null },
      });
    }
  }
  for (const h of holds) {
    if (compareDates(h.hold.startDate, today) > 0) continue;
    items.push({
      tenancyRef: h.tenancyRef,
      municipalityCode: h.municipalityCode,
      task: h.hold.kind === "schuldenrust" ? "collection_hold" : "collection_paused",
      source: h.hold.kind === "schuldenrust" ? "002 stap 3" : "004 Pauze-knop",
      details: { until: h.hold.until, reason: h.hold.reason },
    });
  }
  for (const h of await repo.holdsEndedSince(db, organisationId, addDays(today, -60))) {
    if (h.hold.endReason !== "new_rent_unpaid") continue;
    items.push({
      tenancyRef: h.tenancyRef,
      municipalityCode: h.municipalityCode,
      task: "hold_ended_early",
      source: "002 stap 3 (convenant: new rent paid during schuldenrust)",
      details: { endedOn: h.hold.endedOn, reason: "new_rent_unpaid" },
    });
  }
  for (const f of await repo.recentFeedback(db, organisationId, addDays(today, -30))) {
    if (f.feedback.outcome === "help_accepted") continue;
    items.push({
      tenancyRef: f.tenancyRef,
      municipalityCode: f.feedback.municipalityCode,
      task: "feedback_received",
      source: "002 stap 4: regular collection continues",
      details: { outcome: f.feedback.outcome, date: f.feedback.date },
    });
  }
  for (const s of await arrangementsWithStatus(env, organisationId, today)) {
    if (s.status === "broken") {
      items.push({
        tenancyRef: s.tenancyRef,
        municipalityCode: s.municipalityCode,
        task: "arrangement_broken",
        source: "004 Maatwerk betalingsregelingen",
        details: { arrangementId: s.arrangement.id, instalmentsMissed: s.instalmentsMissed },
      });
    }
  }
  items.sort((x, y) => x.task.localeCompare(y.task) || x.tenancyRef.localeCompare(y.tenancyRef));
  return { today, items };
}
