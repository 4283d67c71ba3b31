import { Readable } from "node:stream";
import { callerOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import { annualReportHtml, annualReportPdf } from "./annual-report.ts";
import { annualReportQuery, auditPage, auditQuery, signalQuery } from "./schemas.ts";
import type { OversightService } from "./service.ts";

const tags = ["Audit"];
/** The auditor and the consortium's administrators, for every organisation. */
const OVERSIGHT = { roles: ["auditor", "consortium_admin"], scope: "any" } as const;
/** The auditor alone. */
const AUDITOR = { roles: ["auditor"], scope: "any" } as const;

export function registerOversightRoutes(app: App, oversight: OversightService) {
  app.get(
    "/api/v1/oversight/access-review",
    {
      config: { access: OVERSIGHT },
      schema: {
        tags: ["Oversight"],
        summary:
          "Access review: every account and API key per organisation, last use, MFA, unused ≥ 90 days (003 §8, §14.1)",
      },
    },
    async (request) => oversight.accessReview(...callerOf(request)),
  );

  app.get(
    "/api/v1/oversight/misuse-signals",
    {
      config: { access: AUDITOR },
      schema: {
        tags: ["Oversight"],
        summary:
          "Misuse signals: bursts, screenings outside office hours, fishing on similar names, screenings without an allocation (001 §3.3)",
        querystring: signalQuery,
      },
    },
    async (request) => oversight.misuseSignals(...callerOf(request), request.query),
  );

  app.get(
    "/api/v1/oversight/annual-report",
    {
      config: { access: OVERSIGHT },
      schema: {
        tags: ["Oversight"],
        summary: "The annual report (001 §6.1, 003 §22): counts only; format json, html or pdf",
        querystring: annualReportQuery,
      },
    },
    async (request, reply) => {
      const report = await oversight.annualReport(...callerOf(request), request.query.year);
      if (request.query.format === "html") {
        return reply.type("text/html; charset=utf-8").send(annualReportHtml(report));
      }
      if (request.query.format === "pdf") {
        return reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="jaarverslag-${report.year}.pdf"`)
          .send(await annualReportPdf(report));
      }
      return report;
    },
  );

  app.get(
    "/api/v1/audit",
    {
      config: { access: AUDITOR },
      schema: {
        tags,
        summary: "The audit log (auditor only), in seq order",
        description:
          "Filters: from, to (a date — Europe/Amsterdam, whole day — or a date-time with offset; " +
          "both inclusive), organisationId, actorId, action (exact, or a prefix such as " +
          "`registration.*`), outcome. Paginated with page and pageSize (at most 500). " +
          "`format=csv` answers text/csv with the same filters: every matching event, or one " +
          "page when page or pageSize is given. Each event carries prevHash and hash, so the " +
          "chain can be checked independently (docs/audit.md). Reading the log is itself logged.",
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (request.query.format === "csv") {
        const csv = await oversight.exportAuditCsv(...caller, request.query);
        return (
          reply
            .type("text/csv; charset=utf-8")
            .header("content-disposition", `attachment; filename="${csv.filename}"`)
            // A stream is sent as it is: the JSON response schema does not apply to it.
            .send(Readable.from(csv.lines) as never)
        );
      }
      return oversight.listAuditEvents(...caller, request.query);
    },
  );
}
