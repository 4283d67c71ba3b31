/** The elements of the block letter (003 §6 punt 5): what was blocked, and what it means. */
import type { Block } from "../../../platform/pdf/pdf.ts";
import { formatDate, registerName } from "../format.ts";
import { blockTexts } from "../texts/block.ts";
import type { Renders } from "./shared.ts";

export const blockElements = {
  /** 003 §6 punt 5: the matched registration, and the block's begin and end date per part. */
  block_details: (i) => {
    const l = i.language;
    const t = blockTexts[l].details;
    const b = i.block;
    if (!b) return { heading: t.heading, blocks: [{ text: t.none }] };
    const source = (i.primarySource ?? i.sender).name;
    const reg = registerName(i.profile, l);
    const blocks: Block[] = [
      { text: t.matched(source, formatDate(b.decidedOn, l), b.seekerNumber, reg) },
      { rows: [[t.seekerNumber, b.seekerNumber]] },
      { text: t.partsIntro },
      {
        list: b.parts.map((p) =>
          t.part(
            formatDate(p.startDate, l),
            formatDate(p.endDate, l),
            t.where[p.scope](source, reg),
          ),
        ),
      },
      { text: t.ends },
      { text: t.notYou },
    ];
    return { heading: t.heading, blocks };
  },

  /**
   * What the block means, per part: "uitsluiting corporatie" only that corporation's dwellings
   * (003 §7, §4.3), "uitsluiting regio" every participant's (003 §13.3: "kan niet
   * reageren"); the person keeps building up inschrijftijd (003 §12.1).
   */
  block_consequence: (i) => {
    const l = i.language;
    const t = blockTexts[l].consequence;
    const source = (i.primarySource ?? i.sender).name;
    const reg = registerName(i.profile, l);
    const blocks: Block[] = (i.block?.parts ?? []).map((p) => ({
      text: t.scope[p.scope](source, formatDate(p.endDate, l), reg),
    }));
    blocks.push({ text: t.keepRegistration });
    return { heading: t.heading, blocks };
  },
} satisfies Renders;
