import type { Principal } from "../../../platform/auth/access.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { landlordFor } from "../policy.ts";
import { earlyWarnings as alertsOf, EARLY_WARNING_RULES } from "../prevention.ts";
import * as repo from "../repository.ts";
import { arrangementsWithStatus } from "../views.ts";

/**
 * 004 "Data-analyse en alert zijn op specifieke huurders": tenants whose payments drift,
 * with the rule that raised each alert. A list for a person to call — it decides nothing.
 */
export async function earlyWarnings(
  env: ArrearsEnv,
  principal: Principal,
  options: OnBehalfOf = {},
) {
  const { database, clock } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const today = clock.today();
  const rows = await repo.recentPositions(database, organisationId);
  const broken = new Set(
    (await arrangementsWithStatus(env, organisationId, today))
      .filter((a) => a.status === "broken")
      .map((a) => a.arrangement.tenancyId),
  );
  const byTenancy = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byTenancy.get(r.tenancy_id) ?? [];
    list.push(r);
    byTenancy.set(r.tenancy_id, list);
  }
  const items = [];
  for (const [tenancyId, list] of byTenancy) {
    const fired = alertsOf(
      list.map((r) => ({
        asOf: r.as_of,
        arrearsCents: Number(r.arrears_cents),
        monthlyRentCents: Number(r.monthly_rent_cents),
        lastPaymentDate: r.last_payment_date,
      })),
      broken.has(tenancyId),
    );
    if (fired.length === 0) continue;
    items.push({
      tenancyRef: list[0]!.tenancy_ref,
      municipalityCode: list[0]!.municipality_code,
      alerts: fired.map((f) => ({
        ...f,
        ...EARLY_WARNING_RULES.find((r) => r.rule === f.rule)!,
      })),
    });
  }
  items.sort(
    (a, b) => b.alerts.length - a.alerts.length || a.tenancyRef.localeCompare(b.tenancyRef),
  );
  return {
    note: "A reason to call, never a decision; never used for the register (design.md §2.8).",
    rules: EARLY_WARNING_RULES,
    items,
  };
}
