import type { Config } from "../../config.ts";
import { actorOf } from "../../platform/audit/actor.ts";
import { type RequestMeta, recordAudit } from "../../platform/audit/audit.ts";
import {
  type CheckpointRunSummary,
  endOfAmsterdamDay,
  runAuditCheckpoint,
  startOfAmsterdamDay,
  verifyAuditLog,
} from "../../platform/audit/operations.ts";
import {
  auditSettingsFrom,
  DEFAULT_AUDIT_RETENTION_MONTHS,
} from "../../platform/audit/settings.ts";
import { type VerifyResult, verifyAuditChain } from "../../platform/audit/verify.ts";
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { addDays, compareDates, isIsoDate } from "../../platform/werkdagen.ts";
import type { CasesService } from "../cases/service.ts";
import type { IdentityService } from "../identity/service.ts";
import type { LetterStatistics } from "../letters/ports.ts";
import type { OrganisationsService } from "../organisations/service.ts";
import type { ScreeningsService } from "../screenings/service.ts";
import type { SeekersService } from "../seekers/service.ts";
import type { AnnualReport } from "./annual-report.ts";
import * as repo from "./repository.ts";
import type { AuditEventView, AuditPage, AuditQuery } from "./schemas.ts";
import {
  burstSignals,
  fishingSignals,
  offHoursSignals,
  SIGNAL_RULES,
  withoutAllocationSignals,
} from "./signals.ts";

export type OversightService = ReturnType<typeof createOversightService>;

const DEFAULT_PAGE_SIZE = 100;
/** Accounts and keys unused this long are flagged in the access review. */
export const ACCESS_REVIEW_UNUSED_DAYS = 90;
const EXPORT_BATCH = 1000;

function view(row: repo.AuditEventRow): AuditEventView {
  return {
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: {
      type: row.actorType,
      id: row.actorId,
      organisationId: row.organisationId,
      role: row.role,
    },
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    outcome: row.outcome,
    clientAddress: row.clientAddress,
    requestId: row.requestId,
    subjectRef: row.subjectRef,
    details: row.details ?? null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export const CSV_COLUMNS = [
  "seq",
  "id",
  "occurred_at",
  "actor_type",
  "actor_id",
  "organisation_id",
  "role",
  "action",
  "object_type",
  "object_id",
  "outcome",
  "client_address",
  "request_id",
  "subject_ref",
  "details",
  "prev_hash",
  "hash",
] as const;

/**
 * One CSV cell (RFC 4180). A cell that a spreadsheet would run as a formula (=, +, -, @, tab,
 * CR at the start) gets a leading apostrophe, so an export opened in Excel runs nothing.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(row: repo.AuditEventRow): string {
  const v = view(row);
  return `${[
    v.seq,
    v.id,
    v.occurredAt,
    v.actor.type,
    v.actor.id,
    v.actor.organisationId,
    v.actor.role,
    v.action,
    v.objectType,
    v.objectId,
    v.outcome,
    v.clientAddress,
    v.requestId,
    v.subjectRef,
    v.details,
    v.prevHash,
    v.hash,
  ]
    .map((c) => csvCell(typeof c === "number" ? String(c) : c))
    .join(",")}\r\n`;
}

function toFilter(query: AuditQuery): repo.AuditFilter {
  const from = query.from
    ? isIsoDate(query.from)
      ? startOfAmsterdamDay(query.from)
      : new Date(query.from)
    : undefined;
  const before = query.to
    ? isIsoDate(query.to)
      ? endOfAmsterdamDay(query.to)
      : new Date(new Date(query.to).getTime() + 1)
    : undefined;
  if (from && before && before.getTime() <= from.getTime()) {
    throw new AppError("invalid_input", "`to` must not lie before `from`.", {
      details: { from: query.from, to: query.to },
    });
  }
  return {
    from,
    before,
    organisationId: query.organisationId,
    actorId: query.actorId,
    action: query.action,
    outcome: query.outcome,
  };
}

/** The filters as logged with the look itself: ids, dates and codes only. */
function filtersOf(query: AuditQuery) {
  const { format: _format, ...rest } = query;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/**
 * Oversight: what the auditor (role `auditor`) may read — the audit log — and the audit
 * log's own upkeep (checkpoints, retention). Every look at the log is itself logged.
 */
export function createOversightService(
  ctx: Pick<AppContext, "database" | "clock" | "logger"> & { config?: Config | undefined },
  deps: {
    organisations: OrganisationsService;
    identity: IdentityService;
    /** Created after oversight; read lazily. */
    later?: () => {
      screenings: ScreeningsService;
      seekers: SeekersService;
      cases: CasesService;
      letters: LetterStatistics;
    };
  },
) {
  const { database, clock, logger } = ctx;
  const db = database.db;

  function requireAuditor(principal: Principal) {
    if (!hasRole(principal, ["auditor"])) {
      throw new AppError("forbidden", "Only the auditor reads the audit log.", {
        details: { allowedRoles: ["auditor"] },
      });
    }
  }

  /** The region's `settings.auditRetentionMonths`, or 24 months. */
  async function retentionMonths(): Promise<number> {
    const region = await deps.organisations.region().catch(() => undefined);
    const value = (region?.settings as Record<string, unknown> | undefined)?.auditRetentionMonths;
    if (value === undefined) return DEFAULT_AUDIT_RETENTION_MONTHS;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 1200) {
      throw new Error(
        `region setting auditRetentionMonths must be a whole number of months from 1 to 1200 (got ${JSON.stringify(value)})`,
      );
    }
    return value;
  }

  function later() {
    if (!deps.later)
      throw new Error("oversight reports need the screenings, seekers, cases and letters services");
    return deps.later();
  }

  function requireOversight(principal: Principal) {
    if (!hasRole(principal, ["auditor", "consortium_admin"])) {
      throw new AppError(
        "forbidden",
        "Only the auditor and the consortium read oversight reports.",
      );
    }
  }

  return {
    retentionMonths,

    /**
     * Misuse signals between two dates (issue 6; 001 §3.3; 003 §8, §21): bursts by one user,
     * screenings outside office hours, fishing on similar names, screenings for an allocation
     * that never followed. Each with the screenings behind it; the look is logged.
     */
    async misuseSignals(
      principal: Principal,
      meta: RequestMeta,
      range: { from: string; to: string },
    ) {
      requireAuditor(principal);
      if (compareDates(range.to, range.from) < 0) {
        throw new AppError("invalid_input", "`to` must not lie before `from`.", {
          code: "invalid_range",
        });
      }
      const { screenings, seekers } = later();
      const rows = await screenings.screeningsBetween(
        startOfAmsterdamDay(range.from),
        endOfAmsterdamDay(range.to),
      );
      const settings = await deps.organisations.settings();
      const cutoff = startOfAmsterdamDay(
        addDays(clock.today(), -SIGNAL_RULES.allocationFollowUpDays),
      );
      const seekerSet = await seekers.seekerSubjects([...new Set(rows.map((r) => r.subjectRef))]);
      const signals = [
        ...burstSignals(rows, settings.screeningBurstPerHour),
        ...offHoursSignals(rows),
        ...fishingSignals(rows),
        ...withoutAllocationSignals(rows, seekerSet, cutoff),
      ];
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "oversight.misuse_signals_viewed",
        objectType: "report",
        outcome: "success",
        details: { from: range.from, to: range.to, signals: signals.length },
      });
      return {
        from: range.from,
        to: range.to,
        screenings: rows.length,
        rules: { ...SIGNAL_RULES, burstPerHour: settings.screeningBurstPerHour },
        source: "001 §3.3; 003 §8, §21",
        signals,
      };
    },

    /**
     * The annual report (001 §6.1; 003 §22): registrations placed and ended (by reason,
     * category and organisation), screenings and hits, letters and their deadlines, cases with
     * their outcomes and deadline performance. Counts only — no personal data.
     */
    async annualReport(
      principal: Principal,
      meta: RequestMeta,
      year: number,
    ): Promise<AnnualReport> {
      requireOversight(principal);
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const start = startOfAmsterdamDay(from);
      const end = endOfAmsterdamDay(to);
      const { screenings, cases, letters } = later();
      const region = await deps.organisations.region();
      const names = new Map(
        (await deps.organisations.listOrganisations(principal)).map((o) => [o.id, o.name]),
      );
      const events = await repo.eventsOfActions(
        db,
        ["registration.created", "registration.erased"],
        start,
        end,
      );
      const placed = events.filter((e) => e.action === "registration.created");
      const ended = events.filter((e) => e.action === "registration.erased");
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
          endedByReason: tally(ended.map((e) => detail(e).ground ?? "erased_by_primary_source")),
          endedByCategory: tally(ended.flatMap((e) => detail(e).categories ?? [])),
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
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "oversight.annual_report",
        objectType: "report",
        outcome: "success",
        details: { year },
      });
      return report;
    },

    /**
     * The access review (003 §8: the process is checked every half year; §14.1: "toegangs-
     * rechten worden regelmatig getoetst"): per organisation every account and API key with
     * its role, last use and MFA status, and which have not been used for 90 days.
     */
    async accessReview(principal: Principal, meta: RequestMeta) {
      const cutoff = addDays(clock.today(), -ACCESS_REVIEW_UNUSED_DAYS);
      const unused = (lastUse: string | null, created: string) =>
        (lastUse ?? created).slice(0, 10) < cutoff;
      const [organisations, users, keys] = await Promise.all([
        deps.organisations.listOrganisations(principal),
        deps.identity.listUsers(principal),
        deps.identity.listApiKeys(principal),
      ]);
      const report = {
        generatedOn: clock.today(),
        unusedAfterDays: ACCESS_REVIEW_UNUSED_DAYS,
        source: "003 §8, §14.1",
        organisations: organisations.map((o) => ({
          id: o.id,
          name: o.name,
          kind: o.kind,
          status: o.status,
          users: users
            .filter((u) => u.organisationId === o.id)
            .map((u) => ({
              id: u.id,
              email: u.email,
              displayName: u.displayName,
              roles: u.roles,
              status: u.status,
              mfaEnrolled: u.mfaEnrolled,
              lastSignInAt: u.lastSignInAt,
              unused: u.status === "active" && unused(u.lastSignInAt, u.createdAt),
            })),
          apiKeys: keys
            .filter((k) => k.organisationId === o.id)
            .map((k) => ({
              id: k.id,
              prefix: k.prefix,
              label: k.label,
              role: k.role,
              expiresOn: k.expiresOn,
              revoked: k.revokedAt !== null,
              lastUsedAt: k.lastUsedAt,
              unused: k.revokedAt === null && unused(k.lastUsedAt, k.createdAt),
            })),
        })),
      };
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "oversight.access_review_viewed",
        outcome: "success",
      });
      return report;
    },

    /** GET /audit: the events matching the filters, in seq order, one page. */
    async listAuditEvents(
      principal: Principal,
      meta: RequestMeta,
      query: AuditQuery,
    ): Promise<AuditPage> {
      requireAuditor(principal);
      const filter = toFilter(query);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
      const total = await repo.countEvents(db, filter);
      const rows = await repo.pageOfEvents(db, filter, (page - 1) * pageSize, pageSize);
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "audit.viewed",
        objectType: "audit_log",
        outcome: "success",
        details: { filters: filtersOf(query), returned: rows.length, total },
      });
      return { items: rows.map(view), page, pageSize, total };
    },

    /**
     * GET /audit?format=csv: every matching event (or one page, when page or pageSize is
     * given) as CSV, read in batches so that a large export never sits in memory.
     */
    async exportAuditCsv(
      principal: Principal,
      meta: RequestMeta,
      query: AuditQuery,
    ): Promise<{ filename: string; lines: AsyncIterable<string> }> {
      requireAuditor(principal);
      const filter = toFilter(query);
      const paged = query.page !== undefined || query.pageSize !== undefined;
      const total = await repo.countEvents(db, filter);
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "audit.exported",
        objectType: "audit_log",
        outcome: "success",
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
    },

    /**
     * Verifies the audit chain as `woonsignaal audit verify` does (the auditor's verify page):
     * every hash, the signed checkpoints and the outside copy. The check is itself logged.
     */
    async verifyAuditLog(principal: Principal, meta: RequestMeta): Promise<VerifyResult> {
      requireAuditor(principal);
      const result = ctx.config
        ? await verifyAuditLog(db, auditSettingsFrom(ctx.config), logger)
        : await verifyAuditChain(db, { trustedKeys: [], outsideFile: undefined });
      await recordAudit(db, clock, meta, {
        actor: actorOf(principal).audit,
        action: "audit.verified",
        objectType: "audit_log",
        outcome: result.ok ? "success" : "failed",
        details: result.ok
          ? { events: result.events, lastSeq: result.lastSeq }
          : { events: result.events, firstBrokenSeq: result.firstBrokenSeq },
      });
      return result;
    },

    /** The audit-checkpoint job (oversight/jobs.ts). */
    async runAuditCheckpoint(today: string): Promise<CheckpointRunSummary> {
      if (!ctx.config) {
        throw new Error(
          "The audit checkpoint needs the configuration (signing key, checkpoint directory): " +
            "pass `config` to createServices.",
        );
      }
      const months = await retentionMonths().catch((err: Error) => err);
      const summary = await runAuditCheckpoint(db, {
        settings: auditSettingsFrom(ctx.config),
        clock,
        logger,
        today,
        // An unreadable setting must not stop the checkpoint; it stops the pruning.
        retentionMonths: months instanceof Error ? null : months,
      });
      if (months instanceof Error) throw months;
      return summary;
    },
  };
}
