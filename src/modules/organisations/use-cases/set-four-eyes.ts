import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { notFound } from "../../../platform/errors.ts";
import { setCategorySetting } from "../category-settings.ts";
import type { OrganisationsEnv } from "../env.ts";
import { fourEyesChoicesOf, fourEyesSettings } from "../read-models/four-eyes.ts";
import { region } from "../read-models/region.ts";
import type { FourEyesBody, FourEyesView } from "../schemas.ts";

/**
 * Puts a category under four eyes, or takes it out (consortium admin; issue 20 part 3, D-842).
 * Audited with the old and new choice. Registrations already in force keep their decision;
 * a registration still waiting for its second look waits on (the choice applies to decisions
 * taken from now on).
 */
export async function setFourEyes(
  env: OrganisationsEnv,
  principal: Principal,
  meta: RequestMeta,
  code: string,
  body: FourEyesBody,
): Promise<FourEyesView> {
  const before = (await fourEyesSettings(env)).find((c) => c.code === code);
  if (!before) throw notFound("category");
  const r = await region(env);
  await setCategorySetting(env, principal, meta, r, {
    key: "fourEyes",
    code,
    stored: fourEyesChoicesOf(r.settings),
    choice: { required: body.required },
    action: "region.four_eyes_switched",
    details: { category: code, before: before.required, after: body.required },
  });
  return (await fourEyesSettings(env)).find((c) => c.code === code)!;
}
