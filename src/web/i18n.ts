import type { FastifyReply, FastifyRequest } from "fastify";
import type { Catalogue, Language } from "../platform/i18n.ts";
import { webMessages } from "./messages.ts";
import { adminMessages } from "./pages/admin/messages.ts";
import { adminOversightMessages } from "./pages/admin/oversight-messages.ts";
import { adminSettingsMessages } from "./pages/admin/settings-messages.ts";
import { arrearsMessages } from "./pages/arrears-i18n.ts";
import { authMessages } from "./pages/auth-messages.ts";
import { caseDetailMessages } from "./pages/cases/detail-messages.ts";
import { caseMessages } from "./pages/cases/messages.ts";
import { deskMessages } from "./pages/desk-messages.ts";
import { letterMessages } from "./pages/letters-messages.ts";
import { publicMessages } from "./pages/public-messages.ts";
import { registrationMessages } from "./pages/registrations-messages.ts";
import { screeningConfirmationMessages } from "./pages/screening-confirmation-messages.ts";
import { screeningMessages } from "./pages/screening-messages.ts";

/**
 * The web application's messages: one object per language that every page reads as `m`
 * (`m.nav.worklist`, `m.admin.participants.title`, `m.caseDetail.title`, `m.arrears.…`).
 * Each group of pages declares its texts with `defineCatalogue` beside those pages; a
 * catalogue's top-level keys are the sections pages read, and this file assembles every
 * catalogue the same way: their sections side by side, a section that several catalogues
 * share (`admin`) merged from its parts. Texts that come from the protocol profile (category
 * titles, criteria, the engine's explanation) stay Dutch in both languages.
 */
/** The pages' name for the one language type (platform/i18n.ts). */
export type Lang = Language;
export const LANG_COOKIE = "woonsignaal-lang";

/** The arrears pages' catalogue (src/web/pages/arrears-i18n.ts) is the one section `m.arrears`. */
const arrearsSection = { nl: { arrears: arrearsMessages.nl }, en: { arrears: arrearsMessages.en } };

const AREAS = [
  webMessages,
  authMessages,
  registrationMessages,
  screeningMessages,
  deskMessages,
  screeningConfirmationMessages,
  caseMessages,
  caseDetailMessages,
  letterMessages,
  adminMessages,
  adminSettingsMessages,
  adminOversightMessages,
  publicMessages,
  arrearsSection,
] as const;

type Texts<C> = C extends Catalogue<infer T> ? T : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

export type Messages = Intersection<Texts<(typeof AREAS)[number]>>;

/** The sections of every area side by side; a section several areas share is merged once more. */
function assemble(lang: Language): Messages {
  const out: Record<string, unknown> = {};
  for (const area of AREAS) {
    for (const [section, texts] of Object.entries(area[lang])) {
      const before = out[section];
      if (before === undefined) {
        out[section] = texts;
        continue;
      }
      const shared = typeof before === "object" && typeof texts === "object";
      const clash = shared && Object.keys(texts as object).some((key) => key in (before as object));
      if (!shared || clash) throw new Error(`The message section "${section}" is defined twice.`);
      out[section] = { ...(before as object), ...(texts as object) };
    }
  }
  return out as Messages;
}

const CATALOGUE: Record<Language, Messages> = { nl: assemble("nl"), en: assemble("en") };

export function messages(lang: Language): Messages {
  return CATALOGUE[lang];
}

/**
 * The language of a request: `?lang=en|nl` (remembered in a cookie), else the cookie, else
 * Dutch. Never the Accept-Language header: Dutch is the product's language by default.
 */
export function langOf(request: FastifyRequest, reply?: FastifyReply): Language {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = typeof query?.lang === "string" ? query.lang : undefined;
  if (asked === "nl" || asked === "en") {
    reply?.setCookie(LANG_COOKIE, asked, {
      path: "/",
      httpOnly: true,
      secure: true,
      sameSite: "lax",
      maxAge: 365 * 24 * 3600,
    });
    return asked;
  }
  const remembered = request.cookies[LANG_COOKIE];
  return remembered === "en" ? "en" : "nl";
}
