/**
 * Which categories the region uses, in Dutch words, for the public Categories page (issue 20
 * part 9, D-766): a category under a region opt-in (kkr PSY) is named as not used until the
 * consortium admin switched it on.
 */
import { html, type SafeHtml } from "../../platform/html.ts";
import { defineCatalogue } from "../../platform/i18n.ts";
import type { Profile } from "../../protocol/index.ts";
import type { PageContext } from "../kit.ts";

const texts = defineCatalogue(
  "web.public.categoryUse",
  {
    used: (list: string) => `Deze regio gebruikt de volgende categorieën: ${list}.`,
    notUsed: (list: string) => `Niet gebruikt in deze regio: ${list}.`,
  },
  {
    used: (list: string) => `This region uses the following categories: ${list}.`,
    notUsed: (list: string) => `Not used in this region: ${list}.`,
  },
);

/** "financiële woonfraude en criminaliteit": the titles, lower-cased, joined in words. */
function words(titles: readonly string[], lang: PageContext["lang"]): string {
  const lower = titles.map((t) => t.charAt(0).toLowerCase() + t.slice(1));
  const and = lang === "nl" ? " en " : " and ";
  return lower.length > 1
    ? `${lower.slice(0, -1).join(", ")}${and}${lower.at(-1)}`
    : (lower[0] ?? "");
}

/** The sentence(s) naming the categories in use and, if any, those the region does not use. */
export function categoryUseHtml(
  ctx: Pick<PageContext, "lang">,
  profile: Profile,
  switchedOn: readonly string[],
): SafeHtml {
  const t = texts[ctx.lang];
  const off = profile.categories.filter((c) => c.regionOptIn && !switchedOn.includes(c.code));
  const used = profile.categories.filter((c) => !off.includes(c));
  return html`<p lang="nl" data-testid="categories-in-use">${t.used(
    words(
      used.map((c) => c.title),
      ctx.lang,
    ),
  )}${
    off.length > 0
      ? html` ${t.notUsed(
          words(
            off.map((c) => c.title),
            ctx.lang,
          ),
        )}`
      : ""
  }</p>`;
}
