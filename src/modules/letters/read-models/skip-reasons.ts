import type { Language } from "../../../platform/i18n.ts";
import { SKIP_REASONS } from "../content.ts";

/** The skip reasons with their text (for the UI and the docs). */
export function skipReasons(lang: Language = "nl") {
  return Object.entries(SKIP_REASONS).map(([code, text]) => ({ code, text: text[lang] }));
}
