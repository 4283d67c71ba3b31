import type { Language } from "../../../platform/i18n.ts";
import type { Block } from "../../../platform/pdf/pdf.ts";
import type { Term } from "../../../platform/werkdagen.ts";
import type { Profile, Scope } from "../../../protocol/profile.ts";
import type { ElementKey } from "../content.ts";
import { formatDate, registerName } from "../format.ts";
import type { LetterInput } from "../letter-input.ts";
import { registrationTexts } from "../texts/registration.ts";

/** How one content item reads: a section (its heading names the item), or nothing. */
export type Render = (i: LetterInput) => { heading: string; blocks: Block[] } | null;

/** A group of elements' renderers (elements/index.ts joins them into one per ElementKey). */
export type Renders = Partial<Record<ElementKey, Render>>;

export function deadlineTerm(profile: Profile, key: string | undefined): Term | undefined {
  return key ? profile.deadlines[key]?.term : undefined;
}

/** What a registration's scope means for the person, until its end. */
export function scopeText(
  scope: Scope,
  org: string,
  profile: Profile,
  until: string,
  lang: Language,
): string {
  return registrationTexts[lang].consequence.scope[scope](
    org,
    formatDate(until, lang),
    registerName(profile, lang),
  );
}

/** A section of one paragraph: what most content items come to. */
export function paragraph(heading: string, text: string): { heading: string; blocks: Block[] } {
  return { heading, blocks: [{ text }] };
}
