import { actorOf } from "../../../platform/audit/actor.ts";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Language } from "../../../platform/i18n.ts";
import { produce } from "../delivery.ts";
import type { LettersEnv } from "../env.ts";
import { visibleDuty } from "../policy.ts";
import { refuseLetterActionOnNotice } from "../recipient-notice.ts";
import { type LetterView, letterView } from "../views.ts";

/** `produceLetter(duty)`: (re)produces the letter for an open duty, e.g. in English. */
export async function produceLetter(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  dutyId: string,
  options: { language?: Language | undefined } = {},
): Promise<LetterView> {
  const duty = await visibleDuty(env, principal, dutyId);
  refuseLetterActionOnNotice(duty);
  if (duty.status !== "open") {
    throw new AppError(
      "conflict",
      duty.status === "documented"
        ? "This duty is documented; it reopens when an address becomes known."
        : "This duty is closed.",
      { code: "duty_not_open" },
    );
  }
  return letterView(
    await produce(env, duty, { language: options.language, actor: actorOf(principal), meta }),
  );
}
