/** The installation's region: its profile, settings and SMTP server. */
import { AppError } from "../../../platform/errors.ts";
import { getProfile, isProfileId, type Profile } from "../../../protocol/index.ts";
import type { OrganisationsEnv } from "../env.ts";
import { passwordAt, smtpView } from "../region-mail.ts";
import * as repo from "../repository.ts";
import { type RegionSettings, type RegionSettingsView, regionSettings } from "../schemas.ts";
import type { RegionSmtp } from "../types.ts";

export async function region(env: OrganisationsEnv) {
  const r = await repo.findRegion(env.db);
  if (!r) {
    throw new AppError("service_unavailable", "This installation has no region yet.", {
      internalMessage: "no region: run `woonsignaal setup` or `demo-seed`",
    });
  }
  return r;
}

export async function profile(env: OrganisationsEnv): Promise<Profile> {
  const r = await region(env);
  if (!isProfileId(r.profile)) throw new Error(`unknown profile ${r.profile} in region`);
  return getProfile(r.profile);
}

/** The region's settings with their defaults (schemas.ts regionSettings). */
export async function settings(env: OrganisationsEnv): Promise<RegionSettings> {
  return regionSettings.parse((await region(env)).settings ?? {});
}

/** The settings with the region's SMTP server (the API and the settings page). */
export async function settingsView(env: OrganisationsEnv): Promise<RegionSettingsView> {
  const r = await region(env);
  const mail = await repo.findRegionMail(env.db, r.id);
  return {
    ...regionSettings.parse(r.settings ?? {}),
    smtp: mail ? smtpView(mail) : null,
  };
}

/**
 * The region's SMTP server for the letters module's mailer, password decrypted; undefined
 * when none is set (the mailer then uses SMTP_URL or the outbox). Never for display.
 */
export async function mailServer(env: OrganisationsEnv): Promise<RegionSmtp | undefined> {
  const r = await region(env);
  const row = await repo.findRegionMail(env.db, r.id);
  if (!row) return undefined;
  const password = await env.ctx.keyring.decrypt(
    row.keyOrganisationId,
    row.password,
    passwordAt(r.id),
  );
  return {
    host: row.host,
    port: row.port,
    tls: row.tls,
    username: row.username,
    password,
    from: row.fromAddress,
    version: `${row.updatedAt.toISOString()}|${row.password ?? ""}`,
  };
}
