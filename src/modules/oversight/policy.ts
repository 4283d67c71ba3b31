/** Who may read the audit log and the oversight reports. */
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import { AppError } from "../../platform/errors.ts";

/** Only the auditor reads the audit log (and verifies it, and the misuse signals). */
export function mayReadAuditLog(principal: Principal): boolean {
  return hasRole(principal, ["auditor"]);
}

/** The auditor and the consortium read the oversight reports (the annual report). */
export function mayReadOversightReports(principal: Principal): boolean {
  return hasRole(principal, ["auditor", "consortium_admin"]);
}

export function requireAuditor(principal: Principal): void {
  if (!mayReadAuditLog(principal)) {
    throw new AppError("forbidden", "Only the auditor reads the audit log.", {
      details: { allowedRoles: ["auditor"] },
    });
  }
}

export function requireOversight(principal: Principal): void {
  if (!mayReadOversightReports(principal)) {
    throw new AppError("forbidden", "Only the auditor and the consortium read oversight reports.");
  }
}
