import type { Language } from "../../../platform/i18n.ts";
import { skipReasonTexts } from "../texts/skip-reasons.ts";

/** The skip reasons with their text (for the UI and the docs). */
export function skipReasons(lang: Language = "nl") {
  return Object.entries(skipReasonTexts[lang]).map(([code, text]) => ({ code, text }));
}
