/** The elements about the registration: its reason, purpose, term, consequence and end. */
import type { Block } from "../../../platform/pdf/pdf.ts";
import { citeSource } from "../../../protocol/citation.ts";
import { partsOrWhole } from "../../../protocol/parts.ts";
import { formatDate, registerName, termText } from "../format.ts";
import type { LetterInput } from "../letter-input.ts";
import { registrationTexts } from "../texts/registration.ts";
import { deadlineTerm, paragraph, type Renders, scopeText } from "./shared.ts";

/** Category codes with their titles, as a letter names a part: "A.I Overlast + D.VII Huurschuld". */
export function categoryNames(profile: LetterInput["profile"], codes: readonly string[]): string {
  return codes
    .map((code) => {
      const c = profile.categories.find((x) => x.code === code);
      return c ? `${c.code} ${c.title}` : code;
    })
    .join(" + ");
}

function categoryRows(i: LetterInput): Block[] {
  const { profile, language: l, registration: r } = i;
  if (!r) return [{ text: registrationTexts[l].categories.none }];
  return [
    {
      list: r.categories.map((code) => {
        const c = profile.categories.find((x) => x.code === code);
        return c ? `${c.code} ${c.title}: ${c.description}` : code;
      }),
    },
  ];
}

/** A category about an unpaid claim: 003's group D (D.VII rent arrears stores no amount). */
function isClaimCategory(profile: LetterInput["profile"], code: string): boolean {
  const c = profile.categories.find((x) => x.code === code);
  return c !== undefined && (c.group === "D" || c.claim.mode !== "not_applicable");
}

/**
 * The begeleidingsteam rule of the registration's categories (001 W1: removal when the team
 * decides re-housing is possible), or undefined when no category of it has one.
 */
export function supportTeamRule(i: Pick<LetterInput, "profile" | "registration">) {
  const codes = i.registration?.categories ?? [];
  return i.profile.categories
    .filter((c) => codes.includes(c.code))
    .flatMap((c) => c.removal)
    .find((r) => r.trigger === "support_team_rehousing");
}

export const registrationElements = {
  /** 001 Bijlage 1, toelichting punt 2: "Betrokkene wordt ... gewezen op de mogelijkheid". */
  support_team_pointer: (i) => {
    const rule = supportTeamRule(i);
    if (!rule) return null;
    const l = i.language;
    const t = registrationTexts[l].supportTeam;
    const appeal = deadlineTerm(i.profile, "support_team_appeal_window");
    const times = Number(rule.params?.maxSupportTeamRequests ?? 2);
    return paragraph(
      t.heading,
      t.text(
        (i.primarySource ?? i.sender).name,
        times,
        appeal ? t.within(termText(appeal, l)) : "",
        citeSource(i.profile.id, rule.source, l),
      ),
    );
  },
  categories: (i) => {
    const t = registrationTexts[i.language].categories;
    if (i.profile.id === "keurmerk-2013") {
      const applies = new Set(i.registration?.categories ?? []);
      return {
        heading: t.ratingHeading,
        blocks: [
          { text: i.registration ? t.ratedAs([...applies].join(", ")) : t.noRating },
          {
            list: i.profile.categories.map(
              (c) =>
                `${c.code}${applies.has(c.code) ? t.applies : ""} — ${c.title}: ${c.description}`,
            ),
          },
        ],
      };
    }
    return { heading: t.heading, blocks: [{ text: t.intro }, ...categoryRows(i)] };
  },

  rating_number: ({ profile, registration, language: l }) => {
    const t = registrationTexts[l].ratingNumber;
    const applies = new Set(registration?.categories ?? []);
    return {
      heading: t.heading,
      blocks: [
        {
          list: profile.categories.map((c) => {
            const n = c.code.replace(/\D/g, "");
            const term =
              c.term.kind === "fixed" ? t.fixedTerm(c.term.maxMonths) : t.maxTerm(c.term.maxMonths);
            return `${t.number} ${n}${applies.has(c.code) ? t.yours : ""}: ${c.groupTitle.toLowerCase()}; ${term}.`;
          }),
        },
      ],
    };
  },

  purpose_legal_basis: ({ profile, language: l }) => {
    const t = registrationTexts[l].purpose;
    return {
      heading: t.heading,
      blocks: [{ text: t.byProfile[profile.id] }, { text: t.legalBasis }],
    };
  },

  term: ({ registration: r, language: l, profile, kind }) => {
    const t = registrationTexts[l].term;
    if (!r) return paragraph(t.heading, t.none);
    const parts = partsOrWhole(r);
    // After a part ended, what still runs is named by its categories, even when one part is left.
    if (kind === "part_ended") {
      return {
        heading: t.remainingHeading,
        blocks: [
          { text: t.remainingIntro(formatDate(r.placementDate, l)) },
          {
            list: parts.map((p) =>
              t.part(categoryNames(profile, p.categories), formatDate(p.endDate, l), p.termMonths),
            ),
          },
          { text: t.partsEnd },
        ],
      };
    }
    if (parts.length === 1) {
      return paragraph(
        t.heading,
        t.runs(
          formatDate(r.startDate, l),
          formatDate(parts[0]!.endDate, l),
          parts[0]!.termMonths,
          formatDate(r.placementDate, l),
        ),
      );
    }
    // One line per part, each with its own end (003 §7; issue #20).
    return {
      heading: t.heading,
      blocks: [
        { text: t.partsIntro(formatDate(r.startDate, l), formatDate(r.placementDate, l)) },
        {
          list: parts.map((p) =>
            t.part(categoryNames(profile, p.categories), formatDate(p.endDate, l), p.termMonths),
          ),
        },
        { text: t.partsEnd },
      ],
    };
  },

  consequence: (i) => {
    const l = i.language;
    const t = registrationTexts[l].consequence;
    const r = i.registration;
    const blocks: Block[] = [];
    if (r) {
      const parts = partsOrWhole(r);
      for (const p of parts) {
        const text = scopeText(
          p.scope,
          i.primarySource?.name ?? i.sender.name,
          i.profile,
          p.endDate,
          l,
        );
        // Several parts, or what is left after a part ended: each says its categories.
        const named = parts.length > 1 || i.kind === "part_ended";
        blocks.push({ text: named ? `${categoryNames(i.profile, p.categories)}: ${text}` : text });
      }
    }
    if (i.profile.twoStepPlacement.value && i.kind === "placement") {
      blocks.push({ text: t.noticeFirst });
    }
    return { heading: t.heading, blocks };
  },

  participants_web_address: ({ publicBaseUrl, profile, language: l }) => {
    const t = registrationTexts[l].participants;
    return paragraph(t.heading, t.text(publicBaseUrl, registerName(profile, l)));
  },

  continuation_details: ({ continuation, registration: r, language: l }) => {
    const t = registrationTexts[l].continuation;
    const because = continuation ? t.grounds[continuation.ground] : t.decided;
    return paragraph(
      t.heading,
      `${t.continues(because)}${r ? t.runsUntil(formatDate(r.endDate, l)) : ""}`,
    );
  },

  correction_notice: ({ correction, language: l }) => {
    const t = registrationTexts[l].correction;
    return paragraph(t.heading, t.changed(correction ? t.reasons[correction.reason] : t.decided));
  },

  /** 003 §7, §12.4: which part ended, from when and why, and that the rest runs on (D-950). */
  part_ended_details: ({ partEnded, profile, language: l }) => {
    const t = registrationTexts[l].partEnded;
    if (!partEnded) return paragraph(t.heading, t.plain);
    const because =
      t.grounds[partEnded.ground] ?? registrationTexts[l].removal.grounds[partEnded.ground];
    const blocks: Block[] = [
      {
        text: t.ended(
          registerName(profile, l),
          formatDate(partEnded.date, l),
          because,
          categoryNames(profile, partEnded.categories),
        ),
      },
    ];
    // 003 §12.4: a claim whose part ended by its term stays due (not when it was paid or settled).
    if (
      partEnded.ground === "term_expired" &&
      partEnded.categories.some((c) => isClaimCategory(profile, c))
    ) {
      blocks.push({ text: registrationTexts[l].removalConsequence.claimRemains });
    }
    return { heading: t.heading, blocks };
  },

  removal_details: ({ removal, profile, language: l }) => {
    const t = registrationTexts[l].removal;
    return paragraph(
      t.heading,
      removal
        ? t.removed(
            registerName(profile, l),
            formatDate(removal.date, l),
            t.grounds[removal.ground],
          )
        : t.removedPlain,
    );
  },

  removal_consequence: ({ language: l, registration: r, profile }) => {
    const t = registrationTexts[l].removalConsequence;
    const blocks: Block[] = [{ text: t.withoutReservation }];
    // 003 §12.4: the claim stays due and its participant may ask for an arrangement, for any
    // category D (a claim), not only when an amount is stored (G-7: D.VII stores none).
    if (r && (r.claimCents !== null || r.categories.some((c) => isClaimCategory(profile, c)))) {
      blocks.push({ text: t.claimRemains });
    }
    return { heading: t.heading, blocks };
  },

  retention: ({ registration: r, language: l }) => {
    const t = registrationTexts[l].retention;
    return paragraph(t.heading, r ? t.until(formatDate(r.endDate, l)) : t.notApplicable);
  },
} satisfies Renders;
