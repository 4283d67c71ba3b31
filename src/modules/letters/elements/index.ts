/**
 * How each content item (ElementKey of content.ts) renders into a section of the letter: one
 * renderer per element, grouped by subject. The letter's date and the addressee are in the
 * head (compose.ts), so those two render no section.
 */
import type { ElementKey } from "../content.ts";
import { accessElements } from "./access.ts";
import { blockElements } from "./block.ts";
import { caseElements } from "./cases.ts";
import { objectionElements } from "./objection.ts";
import { personElements } from "./person.ts";
import { registrationElements } from "./registration.ts";
import type { Render } from "./shared.ts";

export type { Render } from "./shared.ts";

const SINGLE: Record<ElementKey, Render> = {
  letter_date: () => null,
  recipient_address: () => null,
  ...personElements,
  ...registrationElements,
  ...objectionElements,
  ...caseElements,
  ...blockElements,
};

/** Each element's renderer; an access answer's region-wide data replace a single registration's. */
export const RENDER: Record<ElementKey, Render> = Object.fromEntries(
  Object.entries(SINGLE).map(([key, render]) => {
    const regionWide = accessElements[key as keyof typeof accessElements];
    return [key, regionWide ? (i) => (i.access ? regionWide(i, i.access) : render(i)) : render];
  }),
) as Record<ElementKey, Render>;
