import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { feedbackLinesOf } from "../import.ts";
import type { FeedbackInput } from "../schemas.ts";
import { importFeedback } from "./import-feedback.ts";

/**
 * The municipality's outcomes (002 step 3): `help_accepted` starts schuldenrust, 30 days
 * from the feedback date; any other outcome lets regular collection go on (002 step 4).
 */
export async function recordFeedback(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  input: FeedbackInput,
  options: OnBehalfOf = {},
) {
  return importFeedback(
    env,
    principal,
    meta,
    input.municipalityCode,
    feedbackLinesOf(input.items),
    options,
  );
}
