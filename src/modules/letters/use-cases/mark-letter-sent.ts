import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError, protocolRule } from "../../../platform/errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { finaliseDraft } from "../delivery.ts";
import type { LettersEnv } from "../env.ts";

/** An officer posted the letter (or had it delivered with the bailiff's documents, 003 ch. 10). */
export async function markLetterSent(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  sentOn: string,
) {
  return finaliseDraft(env, principal, meta, id, { status: "sent", sentOn }, (row) => {
    if (row.channel === "none") {
      throw protocolRule(
        "letter_has_no_address",
        "This letter was drawn up without an address. Add the address to the registration: the letter is then produced again with it; or document this one.",
        "003 hoofdstuk 10",
      );
    }
    const today = env.clock.today();
    if (compareDates(sentOn, row.letterDate) < 0 || compareDates(sentOn, today) > 0) {
      throw new AppError(
        "invalid_input",
        `The posting date must lie between the letter's date (${row.letterDate}) and today.`,
        { code: "sent_on_out_of_range" },
      );
    }
  });
}
