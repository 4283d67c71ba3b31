/**
 * How each content item (ElementKey of content.ts) renders into a section of the letter: one
 * renderer per element, grouped by subject. The letter's date and the addressee are in the
 * head (compose.ts), so those two render no section.
 */
import type { ElementKey } from "../content.ts";
import { blockElements } from "./block.ts";
import { caseElements } from "./cases.ts";
import { objectionElements } from "./objection.ts";
import { personElements } from "./person.ts";
import { registrationElements } from "./registration.ts";
import type { Render } from "./shared.ts";

export type { Render } from "./shared.ts";

export const RENDER: Record<ElementKey, Render> = {
  letter_date: () => null,
  recipient_address: () => null,
  ...personElements,
  ...registrationElements,
  ...objectionElements,
  ...caseElements,
  ...blockElements,
};
