/** The region's SMTP server as stored (password encrypted), shown and audited. */
import type { EncryptedColumn } from "../../platform/crypto/index.ts";
import type { RegionMailRow } from "./repository.ts";
import type { SmtpSettingsView } from "./schemas.ts";

/** The region's SMTP password, encrypted with the consortium's data key (D-013). */
export const REGION_MAIL_ENCRYPTED_COLUMNS: EncryptedColumn = {
  table: "region_mail",
  idColumn: "region_id",
  organisationColumn: "key_organisation_id",
  columns: ["password"],
};

export const passwordAt = (regionId: string) => ({
  table: "region_mail",
  column: "password",
  rowId: regionId,
});

export function smtpView(row: RegionMailRow): SmtpSettingsView {
  return {
    host: row.host,
    port: row.port,
    tls: row.tls,
    username: row.username,
    passwordSet: row.password !== null,
    from: row.fromAddress,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The SMTP settings as the audit log keeps them: without the password. */
export function smtpAudit(view: SmtpSettingsView | null) {
  if (!view) return null;
  const { updatedAt: _updatedAt, ...rest } = view;
  return rest;
}
