/** The elements about a case (request, objection, decision) and a screening's hit. */
import type { Block } from "../../../platform/pdf/pdf.ts";
import { termEnd } from "../../../platform/werkdagen.ts";
import type { CaseKind } from "../../../protocol/case-kinds.ts";
import { citeSource } from "../../../protocol/citation.ts";
import { formatDate, registerName, termText } from "../format.ts";
import type { HitFacts, LetterInput } from "../letter-input.ts";
import { caseTexts } from "../texts/cases.ts";
import { categoryNames } from "./registration.ts";
import { paragraph, type Renders, scopeText } from "./shared.ts";

/** The case kinds whose grant corrects, restricts or erases data (AVG art. 19 applies). */
const CHANGES_DATA: readonly string[] = [
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "complaint",
  "appeal",
  "new_chance",
  "hardship",
];
/**
 * What the hit means for the person, from what the querying organisation was shown: the
 * scope's consequence until the end date when its grant shows both (the primary source's own
 * querier), else only whether the registration applies at the sender (003 §6 punt 6, §13.5:
 * no dates, no scope; 001 §5.2: no end date).
 */
function hitConsequence(i: LetterInput): string {
  const l = i.language;
  const t = caseTexts[l].hit;
  const h = i.hit;
  if (!h) return "";
  if (h.scope && h.until) {
    return scopeText(h.scope, i.primarySource?.name ?? "", i.profile, h.until, l);
  }
  if (h.appliesToCaller === true) return t.appliesToSender(i.sender.name);
  if (h.appliesToCaller === false) return t.notForSender(i.sender.name);
  return t.conditions;
}

/** One line per day and purpose, oldest first: "7 december 2026: voor … (3 keer)". */
function occasionLines(
  occasions: NonNullable<HitFacts["occasions"]>,
  l: LetterInput["language"],
): string[] {
  const t = caseTexts[l].hit;
  const counted = new Map<string, { date: string; purpose: HitFacts["purpose"]; n: number }>();
  for (const o of occasions) {
    const key = `${o.date}|${o.purpose}`;
    const seen = counted.get(key);
    if (seen) seen.n += 1;
    else counted.set(key, { ...o, n: 1 });
  }
  return [...counted.values()].map((o) =>
    t.occasion(formatDate(o.date, l), t.purposes[o.purpose], o.n),
  );
}

/** Cases that contest a decision (declared gegrond or ongegrond); the rest are requests. */
const CONTESTED: ReadonlySet<CaseKind> = new Set(["objection", "complaint", "appeal"]);

export const caseElements = {
  hit_details: (i) => {
    const l = i.language;
    const t = caseTexts[l].hit;
    const h = i.hit;
    const blocks: Block[] = [];
    if (h?.occasions && h.occasions.length > 1) {
      blocks.push({
        text: t.checkedMany(h.occasions.length, i.sender.name, registerName(i.profile, l)),
      });
      blocks.push({ list: occasionLines(h.occasions, l) });
    } else if (h) {
      blocks.push({
        text: t.checked(
          formatDate(h.screeningDate, l),
          i.sender.name,
          t.purposes[h.purpose],
          registerName(i.profile, l),
        ),
      });
    }
    if (h) {
      // The part the hit rests on (003 §13.4; D-953): its categories and dates, as far as the
      // sender may know them — never the other parts.
      const rows: [string, string][] = [];
      if (h.categories?.length) rows.push([t.part, categoryNames(i.profile, h.categories)]);
      if (h.since) rows.push([t.since, formatDate(h.since, l)]);
      if (h.until) rows.push([t.until, formatDate(h.until, l)]);
      if (rows.length > 0) blocks.push({ rows });
      blocks.push({ text: hitConsequence(i) });
      const named = (h.categories?.length ?? 0) > 0;
      blocks.push({
        text:
          named && h.until
            ? t.partNamed
            : named
              ? t.termNotDisclosed
              : h.until
                ? t.reasonNotDisclosed
                : t.reasonAndTermNotDisclosed,
      });
    }
    return { heading: t.heading, blocks };
  },

  case_received: (i) => {
    const { case: c, language: l } = i;
    const t = caseTexts[l].received;
    if (!c) return paragraph(t.heading, "");
    const type = t.types[c.type];
    const text = [t.text(type, formatDate(c.receivedDate, l), c.reference)];
    // 003 §16.3: a decision names the date of the decision contested (003-66).
    if (i.kind === "decision") {
      const r = i.registration;
      if (c.contestedDecisionDate) {
        text.push(t.againstDecision(type, formatDate(c.contestedDecisionDate, l)));
      } else if (r && CONTESTED.has(c.type)) {
        const by = i.primarySource?.name ?? i.sender.name;
        text.push(
          t.againstPlacement(type, by, formatDate(r.enteredOn, l), registerName(i.profile, l)),
        );
      }
    }
    return paragraph(t.heading, text.join(" "));
  },

  decision_due: ({ case: c, profile, language: l }) => {
    const t = caseTexts[l].decisionDue;
    const rule = c?.decisionDeadlineKey ? profile.deadlines[c.decisionDeadlineKey] : undefined;
    const due = c && rule ? termEnd(c.receivedDate, rule.term).date : undefined;
    return paragraph(
      t.heading,
      due && rule
        ? t.byDate(
            formatDate(due, l),
            termText(rule.term, l),
            citeSource(profile.id, rule.source, l),
          )
        : t.soon,
    );
  },

  placement_letter_date: ({ placementLetterSentOn, language: l }) => {
    const t = caseTexts[l].placementLetter;
    return paragraph(
      t.heading,
      placementLetterSentOn ? t.sentOn(formatDate(placementLetterSentOn, l)) : t.notSent,
    );
  },

  entry_date: ({ registration: r, language: l }) => {
    const t = caseTexts[l].entryDate;
    return paragraph(t.heading, r ? formatDate(r.enteredOn, l) : t.notApplicable);
  },

  decision_outcome: ({ case: c, profile, language: l }) => {
    const t = caseTexts[l].decision;
    const outcome = c?.outcome ?? "rejected";
    const type = c?.type ?? "objection";
    const removal =
      profile.deadlines.upheld_objection_removal ?? profile.deadlines.upheld_complaint_removal;
    // "ongegrond" only for an objection, complaint or appeal; a request is granted or refused.
    // Nothing found region-wide: the letter says so, never "ongegrond" (D-913).
    if (c?.noRegistrationFound) return { heading: t.heading, blocks: [{ text: t.noRegistration }] };
    const says = CONTESTED.has(type) ? t.contested[outcome] : t.request[outcome];
    const blocks: Block[] = [{ text: says(caseTexts[l].received.types[type]) }];
    if (outcome !== "rejected" && removal) {
      blocks.push({
        text: t.removeWithin(termText(removal.term, l), citeSource(profile.id, removal.source, l)),
      });
    }
    return { heading: t.heading, blocks };
  },

  // Only when a grant corrects, restricts or erases data (AVG art. 19); otherwise no section.
  recipients_told: ({ case: c, language: l }) => {
    if (!c?.outcome || c.outcome === "rejected" || !CHANGES_DATA.includes(c.type)) return null;
    const t = caseTexts[l].recipientsTold;
    return paragraph(t.heading, t.text);
  },

  decision_reasons: ({ case: c, language: l }) => {
    const t = caseTexts[l].reasons;
    return { heading: t.heading, blocks: [{ text: c?.reasons?.trim() || t.none }] };
  },
} satisfies Renders;
