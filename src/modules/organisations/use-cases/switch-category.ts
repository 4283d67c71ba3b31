import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import { optInCategories } from "../../../protocol/index.ts";
import { setCategorySetting } from "../category-settings.ts";
import type { OrganisationsEnv } from "../env.ts";
import { categorySwitches, switchesOf } from "../read-models/category-switches.ts";
import { profile, region } from "../read-models/region.ts";
import type { CategorySwitchBody, CategorySwitchView } from "../schemas.ts";

/**
 * Switches a category under a region opt-in on (with its legal basis) or off (consortium
 * admin; issue 20 part 9, D-766). Audited with the old and new state and the legal basis.
 * Switching off refuses new registrations of the category; existing ones keep their term.
 */
export async function switchCategory(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  code: string,
  body: CategorySwitchBody,
): Promise<CategorySwitchView> {
  const category = optInCategories(await profile(env)).find((c) => c.code === code);
  if (!category) throw notFound("category that the region can switch");
  const r = await region(env);
  const switches = switchesOf(r.settings);
  const before = switches[code] ?? null;
  const after = { enabled: body.enabled, legalBasis: body.enabled ? body.legalBasis! : null };
  await setCategorySetting(env, principal, meta, r, {
    key: "categorySwitches",
    code,
    stored: switches,
    choice: after,
    action: "region.category_switched",
    details: {
      category: code,
      before: before ? { enabled: before.enabled, legalBasis: before.legalBasis } : null,
      after,
      source: category.regionOptIn!.source,
    },
  });
  return (await categorySwitches(env)).find((c) => c.code === code)!;
}
