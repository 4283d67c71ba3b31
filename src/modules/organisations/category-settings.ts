/**
 * A region's own choice per category, stored in the region's settings under one key, each
 * entry with who switched it and when: the category switches (`categorySwitches`, D-766) and
 * four eyes (`fourEyes`, D-842) are two such settings. One home for reading them and for
 * changing one category's entry with its audit event.
 */
import { z } from "zod";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import { recordSuccess } from "../../platform/audit/record.ts";
import type { Principal } from "../../platform/auth/access.ts";
import type { OrganisationsEnv } from "./env.ts";
import * as repo from "./repository.ts";

/** The settings keys that hold a choice per category. */
export type CategorySettingKey = "categorySwitches" | "fourEyes";

/** The stored entries of one key: `choice` with who switched it and when, per category code. */
export function storedPerCategory<S extends z.ZodRawShape>(choice: S) {
  return z.record(
    z.string(),
    z.object({
      ...choice,
      switchedAt: z.string(),
      switchedBy: z.object({ kind: z.enum(["user", "api_key"]), id: z.string() }),
    }),
  );
}

/** The region's stored entries under `key` (empty when none was ever set, or unreadable). */
export function categorySettingOf<T>(
  settings: unknown,
  key: CategorySettingKey,
  schema: z.ZodType<Record<string, T>>,
): Record<string, T> {
  const raw = (settings as Record<string, unknown> | null)?.[key];
  const parsed = schema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * Sets one category's entry under `key` in the region's settings to `choice`, stamped with who
 * switched it and when, and writes the audit event (`action` on the region, with `details`) in
 * the same transaction. `stored` is what the region `r` stores under the key now.
 */
export async function setCategorySetting(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  r: { id: string; settings: unknown },
  change: {
    key: CategorySettingKey;
    code: string;
    stored: Record<string, unknown>;
    choice: Record<string, unknown>;
    action: string;
    details: Record<string, unknown>;
  },
) {
  const { db, clock } = env;
  const entry = {
    ...change.choice,
    switchedAt: clock.now().toISOString(),
    switchedBy: { kind: principal.kind, id: principal.id },
  };
  const settings = {
    ...(r.settings as Record<string, unknown>),
    [change.key]: { ...change.stored, [change.code]: entry },
  };
  await db.transaction(async (tx) => {
    await repo.updateRegionSettings(tx, r.id, settings);
    await recordSuccess(tx, clock, meta, principal, {
      action: change.action,
      objectType: "region",
      objectId: r.id,
      details: change.details,
    });
  });
}
