import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { endOfAmsterdamDay, startOfAmsterdamDay } from "../../../platform/audit/operations.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { AnnualReport } from "../annual-report.ts";
import { later, type OversightEnv } from "../env.ts";
import { requireOversight } from "../policy.ts";
import * as repo from "../repository.ts";

/**
 * The annual report (001 §6.1; 003 §22): registrations placed and ended (by reason,
 * category and organisation), screenings and hits, letters and their deadlines, cases with
 * their outcomes and deadline performance. Counts only — no personal data.
 */
export async function annualReport(
  env: OversightEnv,
  principal: Principal,
  meta: RequestMeta,
  year: number,
): Promise<AnnualReport> {
  const { db, clock, deps } = env;
  requireOversight(principal);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const start = startOfAmsterdamDay(from);
  const end = endOfAmsterdamDay(to);
  const { screenings, cases, letters } = later(env);
  const region = await deps.organisations.region();
  const names = new Map(
    (await deps.organisations.listOrganisations(principal)).map((o) => [o.id, o.name]),
  );
  const events = await repo.eventsOfActions(
    db,
    ["registration.created", "registration.erased", "registration.part_ended"],
    start,
    end,
  );
  const placed = events.filter((e) => e.action === "registration.created");
  const ended = events.filter((e) => e.action === "registration.erased");
  // A part that ended while the rest ran on counts by its own ground and categories (issue #20).
  const partsEnded = events.filter((e) => e.action === "registration.part_ended");
  const endings = [...ended, ...partsEnded];
  const tally = (items: string[]) => {
    const out: Record<string, number> = {};
    for (const i of items) out[i] = (out[i] ?? 0) + 1;
    return out;
  };
  const detail = (e: repo.AuditEventRow) =>
    (e.details ?? {}) as { categories?: string[]; primarySource?: string; ground?: string };
  const byOrganisation = (ids: string[]) =>
    Object.entries(tally(ids))
      .map(([id, count]) => ({ id, name: names.get(id) ?? id, count }))
      .sort((a, b) => a.name.localeCompare(b.name));
  const screeningRows = await screenings.screeningsBetween(start, end);
  const report: AnnualReport = {
    year,
    region: { name: region.name, profile: region.profile },
    generatedOn: clock.today(),
    source: "001 §6.1; 003 §22",
    registrations: {
      placed: placed.length,
      placedByCategory: tally(placed.flatMap((e) => detail(e).categories ?? [])),
      placedByOrganisation: byOrganisation(placed.map((e) => detail(e).primarySource ?? "")),
      ended: ended.length,
      partsEnded: partsEnded.length,
      endedByReason: tally(endings.map((e) => detail(e).ground ?? "erased_by_primary_source")),
      endedByCategory: tally(endings.flatMap((e) => detail(e).categories ?? [])),
      endedByOrganisation: byOrganisation(ended.map((e) => detail(e).primarySource ?? "")),
    },
    screenings: {
      total: screeningRows.length,
      hits: screeningRows.filter((r) => r.hit).length,
      byPurpose: tally(screeningRows.map((r) => r.purpose)),
      byOrganisation: byOrganisation(screeningRows.map((r) => r.organisationId)),
    },
    letters: await letters.statistics(from, to),
    cases: await cases.statistics(from, to),
  };
  await recordSuccess(db, clock, meta, principal, {
    action: "oversight.annual_report",
    objectType: "report",
    details: { year },
  });
  return report;
}
