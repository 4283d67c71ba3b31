import type { Principal } from "../../../platform/auth/access.ts";
import { daysBetween } from "../../../platform/werkdagen.ts";
import { monthsInArrears } from "../eligibility.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { landlordFor } from "../policy.ts";
import * as repo from "../repository.ts";
import { arrangementsWithStatus } from "../views.ts";

/**
 * The landlord's tenancies on file, a page at a time: references, amounts and states only
 * (no personal data, so the list is not audited; the file is). Search by reference.
 */
export async function listTenancies(
  env: ArrearsEnv,
  principal: Principal,
  query: {
    search?: string | undefined;
    filter?: repo.TenancyFilter | undefined;
    page: number;
    pageSize: number;
  },
  options: OnBehalfOf = {},
) {
  const { database, clock } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const today = clock.today();
  const { total, rows } = await repo.listTenancies(
    database,
    organisationId,
    { search: query.search, filter: query.filter, today },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const arrangements = await arrangementsWithStatus(env, organisationId, today, (a) =>
    rows.some((r) => r.id === a.arrangement.tenancyId),
  );
  return {
    total,
    items: rows.map((r) => {
      const statuses = arrangements
        .filter((a) => a.arrangement.tenancyId === r.id)
        .map((a) => a.status);
      return {
        tenancyRef: r.tenancyRef,
        municipalityCode: r.municipalityCode,
        monthlyRentCents: r.monthlyRentCents,
        arrearsCents: r.arrearsCents,
        monthsInArrears: monthsInArrears(r.arrearsCents, r.monthlyRentCents),
        daysLate: r.oldestUnpaidDueDate
          ? Math.max(0, daysBetween(r.oldestUnpaidDueDate, today))
          : 0,
        asOf: r.asOf,
        onHold: r.onHold,
        arrangement: statuses.includes("broken")
          ? ("broken" as const)
          : statuses.includes("on_track")
            ? ("on_track" as const)
            : statuses.length > 0
              ? ("kept" as const)
              : null,
      };
    }),
  };
}
