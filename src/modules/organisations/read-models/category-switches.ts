/**
 * The region's switches for categories the profile puts under an opt-in (000 PSY; D-766),
 * stored in the region's settings under `categorySwitches` with the legal basis, who and when.
 */
import { z } from "zod";
import { optInCategories } from "../../../protocol/index.ts";
import { categorySettingOf, storedPerCategory } from "../category-settings.ts";
import type { OrganisationsEnv } from "../env.ts";
import type { CategorySwitchView } from "../schemas.ts";
import { profile, region } from "./region.ts";

const storedSwitches = storedPerCategory({
  enabled: z.boolean(),
  legalBasis: z.string().nullable(),
});
export type StoredSwitches = z.infer<typeof storedSwitches>;

/** The stored switches (empty when none was ever set: every opt-in category is off). */
export function switchesOf(settings: unknown): StoredSwitches {
  return categorySettingOf(settings, "categorySwitches", storedSwitches);
}

/** Every opt-in category of the profile with its switch. */
export async function categorySwitches(env: OrganisationsEnv): Promise<CategorySwitchView[]> {
  const [r, p] = [await region(env), await profile(env)];
  const stored = switchesOf(r.settings);
  return optInCategories(p).map((c) => {
    const s = stored[c.code];
    return {
      code: c.code,
      title: c.title,
      enabled: s?.enabled === true,
      legalBasis: s?.enabled ? s.legalBasis : null,
      switchedAt: s?.switchedAt ?? null,
      switchedBy: s?.switchedBy ?? null,
      reason: c.regionOptIn!.reason,
      source: c.regionOptIn!.source,
    };
  });
}

/** The codes of the opt-in categories the region switched on. */
export async function categoriesSwitchedOn(env: OrganisationsEnv): Promise<string[]> {
  const stored = switchesOf((await region(env)).settings);
  return Object.entries(stored)
    .filter(([, s]) => s.enabled)
    .map(([code]) => code);
}
