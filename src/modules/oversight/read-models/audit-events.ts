import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import {
  CSV_COLUMNS,
  csvLine,
  DEFAULT_PAGE_SIZE,
  filtersOf,
  toFilter,
  view,
} from "../audit-log-views.ts";
import type { OversightEnv } from "../env.ts";
import { requireAuditor } from "../policy.ts";
import * as repo from "../repository.ts";
import type { AuditPage, AuditQuery } from "../schemas.ts";

const EXPORT_BATCH = 1000;

/** GET /audit: the events matching the filters, in seq order, one page. */
export async function listAuditEvents(
  env: OversightEnv,
  principal: Principal,
  meta: RequestMeta,
  query: AuditQuery,
): Promise<AuditPage> {
  const { db, clock } = env;
  requireAuditor(principal);
  const filter = toFilter(query);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const total = await repo.countEvents(db, filter);
  const rows = await repo.pageOfEvents(db, filter, (page - 1) * pageSize, pageSize);
  await recordSuccess(db, clock, meta, principal, {
    action: "audit.viewed",
    objectType: "audit_log",
    details: { filters: filtersOf(query), returned: rows.length, total },
  });
  return { items: rows.map(view), page, pageSize, total };
}

/**
 * GET /audit?format=csv: every matching event (or one page, when page or pageSize is
 * given) as CSV, read in batches so that a large export never sits in memory.
 */
export async function exportAuditCsv(
  env: OversightEnv,
  principal: Principal,
  meta: RequestMeta,
  query: AuditQuery,
): Promise<{ filename: string; lines: AsyncIterable<string> }> {
  const { db, clock } = env;
  requireAuditor(principal);
  const filter = toFilter(query);
  const paged = query.page !== undefined || query.pageSize !== undefined;
  const total = await repo.countEvents(db, filter);
  await recordSuccess(db, clock, meta, principal, {
    action: "audit.exported",
    objectType: "audit_log",
    details: { filters: filtersOf(query), format: "csv", total },
  });
  async function* lines() {
    yield `${CSV_COLUMNS.join(",")}\r\n`;
    if (paged) {
      const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
      const offset = ((query.page ?? 1) - 1) * pageSize;
      for (const row of await repo.pageOfEvents(db, filter, offset, pageSize)) {
        yield csvLine(row);
      }
      return;
    }
    // Only what existed when the export was asked for (not the "exported" event itself).
    for (let after = 0, sent = 0; sent < total; ) {
      const rows = await repo.eventsAfter(db, filter, after, EXPORT_BATCH);
      if (rows.length === 0) break;
      let chunk = "";
      for (const row of rows) {
        if (sent >= total) break;
        chunk += csvLine(row);
        sent++;
      }
      yield chunk;
      after = rows.at(-1)!.seq;
    }
  }
  return { filename: `woonsignaal-audit-${clock.today()}.csv`, lines: lines() };
}
