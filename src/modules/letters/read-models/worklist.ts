import type { Principal } from "../../../platform/auth/access.ts";
import type { LettersEnv } from "../env.ts";
import { letterScope } from "../policy.ts";
import * as repo from "../repository.ts";
import { dutyView } from "../views.ts";

/**
 * The notification duties the caller may see: the worklist (`overdue`: open and past due),
 * earliest due first. A hit letter's duty carries the screenings it answers (D-990). A consortium admin may narrow it to one participant.
 */
export async function listDuties(
  env: LettersEnv,
  principal: Principal,
  query: {
    overdue?: boolean | undefined;
    status?: repo.DutyStatus | undefined;
    registrationId?: string | undefined;
    organisationId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const own = letterScope(principal);
  const organisationIds = own ?? (query.organisationId ? [query.organisationId] : undefined);
  const today = env.clock.today();
  const { rows, total } = await repo.listDuties(env.db, {
    organisationIds,
    registrationId: query.registrationId,
    status: query.status,
    overdueOn: query.overdue ? today : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  // A hit letter's duty lists the screenings it answers (D-990): days and purposes only.
  const occasions = await repo.occasionsOfDuties(
    env.db,
    rows.filter((r) => r.kind === "hit").map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const view = dutyView(r, today);
      if (r.kind !== "hit") return view;
      const own = occasions.filter((o) => o.dutyId === r.id);
      return {
        ...view,
        screenings: own.map((o) => ({ date: o.occurredOn, purpose: o.purpose })),
      };
    }),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
