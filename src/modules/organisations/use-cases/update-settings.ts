import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { OrganisationsEnv } from "../env.ts";
import { region, settingsView } from "../read-models/region.ts";
import { passwordAt, smtpAudit, smtpView } from "../region-mail.ts";
import * as repo from "../repository.ts";
import { type RegionSettingsPatch, type RegionSettingsView, regionSettings } from "../schemas.ts";

/**
 * Changes region settings (consortium admin); audited with the old and new values — for
 * the SMTP server without its password, only whether it was kept, replaced or cleared.
 */
export async function updateSettings(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  patch: RegionSettingsPatch,
): Promise<RegionSettingsView> {
  const { db, clock, ctx } = env;
  const r = await region(env);
  const { smtp, ...numbers } = patch;
  const before = regionSettings.parse(r.settings ?? {});
  const stored = { ...(r.settings as Record<string, unknown>), ...numbers };
  const mailBefore = await repo.findRegionMail(db, r.id);
  let mailAfter: repo.RegionMailRow | null | undefined = mailBefore;
  let password: "kept" | "replaced" | "cleared" | "none" = mailBefore?.password ? "kept" : "none";
  if (smtp === null) {
    mailAfter = null;
    password = mailBefore?.password ? "cleared" : "none";
  } else if (smtp) {
    const keyOrganisationId =
      mailBefore?.keyOrganisationId ??
      (await repo.findConsortium(db))?.id ??
      principal.organisationId;
    const username = smtp.username === undefined ? (mailBefore?.username ?? null) : smtp.username;
    let ciphertext = mailBefore?.password ?? null;
    if (smtp.password === null) {
      ciphertext = null;
      password = mailBefore?.password ? "cleared" : "none";
    } else if (smtp.password !== undefined) {
      // Encrypted before the transaction opens (D-009).
      ciphertext = await ctx.keyring.encrypt(keyOrganisationId, smtp.password, passwordAt(r.id));
      password = "replaced";
    }
    if (ciphertext !== null && username === null) {
      throw new AppError(
        "invalid_input",
        "An SMTP password needs a user name; give one, or clear the password.",
        { code: "smtp_password_without_username" },
      );
    }
    mailAfter = {
      regionId: r.id,
      keyOrganisationId,
      host: smtp.host,
      port: smtp.port,
      tls: smtp.tls,
      username,
      password: ciphertext,
      fromAddress: smtp.from,
      updatedAt: clock.now(),
    };
  }
  await db.transaction(async (tx) => {
    if (Object.keys(numbers).length > 0) await repo.updateRegionSettings(tx, r.id, stored);
    if (smtp && mailAfter) await repo.upsertRegionMail(tx, mailAfter);
    else if (smtp === null && mailBefore) await repo.deleteRegionMail(tx, r.id);
    await recordSuccess(tx, clock, meta, principal, {
      action: "region.settings_changed",
      objectType: "region",
      objectId: r.id,
      details: {
        before: { ...before, smtp: smtpAudit(mailBefore ? smtpView(mailBefore) : null) },
        after: {
          ...regionSettings.parse(stored),
          smtp: smtpAudit(mailAfter ? smtpView(mailAfter) : null),
        },
        ...(smtp !== undefined ? { smtpPassword: password } : {}),
      },
    });
  });
  return settingsView(env);
}
