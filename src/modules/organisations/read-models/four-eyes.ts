/**
 * Four eyes per category (issue 20 part 3, D-842): the profile's defaults
 * (protocol/four-eyes.ts) and the region's own choice, stored in the region's settings under
 * `fourEyes` with who switched and when.
 */
import { z } from "zod";
import { FOUR_EYES_DEFAULTS } from "../../../protocol/four-eyes.ts";
import { categorySettingOf, storedPerCategory } from "../category-settings.ts";
import type { OrganisationsEnv } from "../env.ts";
import type { FourEyesView } from "../schemas.ts";
import { profile, region } from "./region.ts";

const storedChoices = storedPerCategory({ required: z.boolean() });
export type StoredFourEyes = z.infer<typeof storedChoices>;

/** The region's stored choices (empty when it never chose: the profile's defaults hold). */
export function fourEyesChoicesOf(settings: unknown): StoredFourEyes {
  return categorySettingOf(settings, "fourEyes", storedChoices);
}

/** Every category of the profile, whether it needs a second officer, and why. */
export async function fourEyesSettings(env: OrganisationsEnv): Promise<FourEyesView[]> {
  const [r, p] = [await region(env), await profile(env)];
  const stored = fourEyesChoicesOf(r.settings);
  const defaults = FOUR_EYES_DEFAULTS[p.id];
  return p.categories.map((c) => {
    const byDefault = defaults.categories.includes(c.code);
    const s = stored[c.code];
    return {
      code: c.code,
      title: c.title,
      required: s?.required ?? byDefault,
      byDefault,
      switchedAt: s?.switchedAt ?? null,
      switchedBy: s?.switchedBy ?? null,
      reason: defaults.reason,
      source: defaults.source,
    };
  });
}

/** The codes of the categories under four eyes in this region. */
export async function fourEyesCategories(env: OrganisationsEnv): Promise<string[]> {
  return (await fourEyesSettings(env)).filter((c) => c.required).map((c) => c.code);
}
