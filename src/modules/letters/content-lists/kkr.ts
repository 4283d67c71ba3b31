/** The letters of kkr (seed 000): 000 is silent on letters; 003 is followed throughout. */

import { AEDES } from "./aedes-2021.ts";
import type { LetterContent, LetterKind } from "./types.ts";

const SILENT = "000 zwijgt; gevolgd wordt";

function following003(content: LetterContent): LetterContent {
  return {
    ...content,
    source: `${SILENT} ${content.source}`,
    ...(content.skipSource ? { skipSource: `${SILENT} ${content.skipSource}` } : {}),
    items: content.items.map((i) => ({ ...i, source: `${SILENT} ${i.source}` })),
  };
}

export const KKR: Partial<Record<LetterKind, LetterContent>> = Object.fromEntries(
  Object.entries(AEDES).map(([kind, content]) => [kind, following003(content)]),
);
