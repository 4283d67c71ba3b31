/**
 * Writes docs/protocols.md from the protocol profiles (src/protocol), so the document cannot
 * drift from the rules the engine applies (src/protocol/profiles.test.ts compares them).
 *
 *   node_modules/.bin/node scripts/generate-protocols-doc.ts > docs/protocols.md
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatEuroPlain as formatEuro } from "../src/platform/money.ts";
import {
  type DescribedRemoval,
  describeProfile,
  type ProfileDescription,
} from "../src/protocol/engine.ts";
import { getProfile, PROFILE_IDS } from "../src/protocol/index.ts";

/** One table cell: no pipes or line breaks may leak into the Markdown table. */
function cell(value: string | number | boolean | undefined): string {
  if (value === undefined || value === "") return "—";
  return String(value)
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\s*\n\s*/g, " ");
}

function table(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | undefined)[])[],
): string {
  const lines = [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
  return lines.join("\n");
}

function notes(items: readonly { label: string; note?: string | undefined }[]): string {
  const lines = items.filter((i) => i.note !== undefined).map((i) => `- **${i.label}**: ${i.note}`);
  return lines.length > 0 ? `\n\nNotes:\n\n${lines.join("\n")}` : "";
}

const CLAIM_TEXT = {
  required: "required",
  optional: "optional",
  not_applicable: "none (refused)",
} as const;

function removalText(r: DescribedRemoval): string {
  const sole = r.onlyWhenSoleGroup
    ? ` (ends the ${r.onlyWhenSoleGroup} part; the whole registration only when ${r.onlyWhenSoleGroup} is its only group)`
    : "";
  return `${r.trigger}${sole}: ${r.text} [${r.source}]`;
}

function profileSection(d: ProfileDescription): string {
  const out: string[] = [];
  out.push(`## \`${d.id}\` — ${d.title}`);
  out.push(`Version ${d.version}; seed \`${d.seed}\`.`);
  out.push(
    `Profile revision ${d.revision.number} (${d.revision.date}): ${d.revision.changes} ` +
      `Registrations and cases decided under it record the protocol version ` +
      `"${d.protocolVersion}" (D-760).`,
  );

  out.push("### Participants and person data");
  out.push(
    table(
      ["rule", "value", "source", "note"],
      [
        [
          "participants",
          d.participantKinds.value.join(", "),
          d.participantKinds.source,
          d.participantKinds.note,
        ],
        ...(d.participantAgent
          ? [
              [
                "letting agent",
                `required and recorded (\`lettingAgent\`: the ${d.participantAgent.label})`,
                d.participantAgent.source,
                d.participantAgent.note,
              ],
            ]
          : []),
        [
          "person fields stored",
          `${d.personFields.value.join(", ")}; any other is refused (400 \`person_field_not_in_profile\`)`,
          d.personFields.source,
          d.personFields.note,
        ],
        ...d.categories
          .filter((c) => c.regionOptIn)
          .map((c) => [
            `category \`${c.code}\` off until switched on`,
            `the consortium admin switches it on with a recorded legal basis (\`PUT /api/v1/region/categories/${c.code}\`); while off: 422 \`category_not_switched_on\``,
            c.regionOptIn!.source,
            `${c.regionOptIn!.reason} ${c.regionOptIn!.note ?? ""}`,
          ]),
      ],
    ),
  );

  // Categories
  out.push("### Categories");
  out.push(
    table(
      ["code", "title", "maximum term", "scope", "claim", "early removal", "source"],
      d.categories.map((c) => [
        `\`${c.code}\``,
        c.group === c.code ? c.title : `${c.title} (${c.group} ${c.groupTitle})`,
        `${c.term.maxMonths} months${c.term.kind === "fixed" ? ", fixed" : ""}${c.term.brackets.length > 0 ? ", by damage bracket" : ""} [${c.term.source}]`,
        `${c.scope.value} [${c.scope.source}]`,
        `${CLAIM_TEXT[c.claim.mode]}${c.claim.minimumCents !== undefined ? `, minimum ${formatEuro(c.claim.minimumCents)}` : ""}${c.claim.amountKept?.value === false ? `; decides the term, not stored [${c.claim.amountKept.source}]` : ""} [${c.claim.source}]`,
        c.removal.length > 0 ? c.removal.map(removalText).join(" · ") : "general rules only",
        c.source,
      ]),
    ) +
      notes(
        d.categories.flatMap((c) => [
          { label: `${c.code} term`, note: c.term.note },
          { label: `${c.code} scope`, note: c.scope.note },
          { label: `${c.code} claim`, note: c.claim.note },
          { label: `${c.code} claim amount`, note: c.claim.amountKept?.note },
          ...c.removal.map((r) => ({ label: `${c.code} removal ${r.trigger}`, note: r.note })),
        ]),
      ),
  );
  out.push(
    "What each category covers:\n\n" +
      d.categories
        .map(
          (c) =>
            `- \`${c.code}\` ${c.title}: ${c.description}${c.kinds.length > 0 ? ` Soorten: ${c.kinds.join("; ")}.` : ""}`,
        )
        .join("\n"),
  );

  out.push("#### Placement moment (start of the term)");
  out.push(
    table(
      ["code", "moment", "date after today allowed", "source"],
      d.categories.map((c) => [
        `\`${c.code}\``,
        c.placement.moment,
        c.placement.futureAllowedForCriteria.length > 0
          ? `only on ${c.placement.futureAllowedForCriteria.join(", ")}`
          : "no",
        c.placement.source,
      ]),
    ) + notes(d.categories.map((c) => ({ label: c.code, note: c.placement.note }))),
  );

  for (const c of d.categories.filter((k) => k.term.brackets.length > 0)) {
    out.push(`#### Damage brackets of \`${c.code}\``);
    out.push(
      table(
        ["claim", "maximum term"],
        c.term.brackets.map((b) => [b.label, `${b.termMonths} months`]),
      ),
    );
  }

  // Criteria
  out.push("### Formal criteria");
  out.push(
    table(
      ["code", "criterion", "grounds categories", "source"],
      d.criteria.map((k) => [`\`${k.code}\``, k.text, k.categories.join(", "), k.source]),
    ) + notes(d.criteria.map((k) => ({ label: k.code, note: k.note }))),
  );
  out.push("### Evidence per criterion");
  out.push(
    table(
      ["code", "evidence kinds", "required (each)", "who may be registered", "source"],
      d.criteria.map((k) => [
        `\`${k.code}\``,
        k.evidence.kinds.join("; "),
        k.evidence.required.join("; ") || "any one",
        k.relations.join(", "),
        k.evidence.source,
      ]),
    ) + notes(d.criteria.map((k) => ({ label: k.code, note: k.evidence.note }))),
  );

  // Registration-wide rules
  const r = d.registrationRules;
  out.push("### Registration rules");
  out.push(
    table(
      ["rule", "value", "source", "note"],
      [
        [
          "closed list of categories",
          "only the categories above",
          r.closedCategories.source,
          r.closedCategories.note,
        ],
        [
          "formal criteria",
          "each category grounded; no criterion left over",
          r.formalCriteria.source,
          r.formalCriteria.note,
        ],
        [
          "term",
          `whole months ≥ ${r.term.minimumMonths}; default the ${r.term.defaultTo}`,
          r.term.source,
          r.term.note,
        ],
        [
          "several categories",
          "one part per category group, each with its own term, scope and end date",
          r.multipleCategories.source,
          r.multipleCategories.note,
        ],
        [
          "placement date",
          "= start date; not after today unless a category allows",
          r.placementDate.source,
          r.placementDate.note,
        ],
        [
          "end date",
          `placement date + term (month-end clamp); ${r.endDate.inclusive ? "inclusive" : "exclusive: not in force on the end date"}`,
          r.endDate.source,
          r.endDate.note,
        ],
        [
          "early removal, several categories",
          "every category must be removable",
          r.earlyRemovalWithSeveralCategories.source,
          r.earlyRemovalWithSeveralCategories.note,
        ],
        [
          "two-step placement",
          d.twoStepPlacement.value
            ? "yes: starts as pending_notice, takes effect after the notice"
            : "no: active at once, the person is informed afterwards",
          d.twoStepPlacement.source,
          d.twoStepPlacement.note,
        ],
      ],
    ),
  );

  out.push("### Removal (every category)");
  out.push(
    table(
      ["trigger", "what happens", "source", "note"],
      d.generalRemoval.map((g) => [g.trigger, g.text, g.source, g.note]),
    ),
  );

  // Disclosure
  out.push("### Disclosure on a screening hit");
  out.push(
    "A role not listed is told nothing. `since` = start date, `until` = end date, " +
      "`supportTeamProcedure` = date and outcome of the begeleidingsteam procedure.",
  );
  out.push(
    table(
      ["whose registration", "role", "fields shown", "needs a confirmed match", "source", "note"],
      d.disclosure.map((g) => [
        g.audience === "primary_source" ? "own (primary source)" : "another participant's",
        g.role,
        g.fields.join(", "),
        g.requiresConfirmedMatch ? "yes" : "no",
        g.source,
        g.note,
      ]),
    ),
  );
  const consent = d.consent;
  out.push(
    `With the person's written consent: ${
      consent.allowed
        ? `other participants also see ${consent.fields.join(", ")}${consent.reflectionDeadline ? ` after the reflection period (\`${consent.reflectionDeadline}\`)` : ""}`
        : "nothing more (not allowed)"
    } [${consent.source}]${consent.note ? `. ${consent.note}` : ""}`,
  );

  // Deadlines
  out.push("### Deadlines");
  out.push(
    "Counted from the day after the event (Algemene termijnenwet, `src/platform/werkdagen.ts`).",
  );
  out.push(
    table(
      ["key", "term", "from", "by", "what", "source", "note"],
      d.deadlines.map((k) => [
        `\`${k.key}\``,
        k.before ? `${k.termText} before` : k.termText,
        k.from,
        k.by,
        k.text,
        k.source,
        k.note,
      ]),
    ),
  );

  // Ambiguities
  out.push("### Choices where the seed is ambiguous or silent");
  out.push(
    table(
      ["topic", "choice", "reason", "source"],
      d.ambiguities.map((a) => [a.topic, a.choice, a.reason, a.source]),
    ),
  );

  return out.join("\n\n");
}

/** The whole of docs/protocols.md. */
export function generateProtocolsDoc(): string {
  const descriptions = PROFILE_IDS.map((id) => describeProfile(getProfile(id)));
  const intro = [
    "# Protocol profiles",
    "",
    "<!-- Generated by scripts/generate-protocols-doc.ts from src/protocol; do not edit by hand. -->",
    "",
    "Every rule below is data in a profile (`src/protocol/*.ts`) and cites its article; the " +
      "engine (`src/protocol/engine.ts`) applies them. Seeds: `003` Protocol Signaleringslijst " +
      "(aedes-2021), `001` Protocol Meldpunt Keurmerk Verhuurdersbelangen (keurmerk-2013), `000` " +
      "Klachten- en Kansenregister (kkr). Where a seed was ambiguous we chose the reading most " +
      "favourable to the person; where it was silent, the closest rule of 003, conservatively.",
    "",
    "Regenerate: `node_modules/.bin/node scripts/generate-protocols-doc.ts > docs/protocols.md`.",
    "",
    "Profiles:",
    "",
    ...descriptions.map((d) => `- \`${d.id}\` — ${d.title} (${d.version})`),
  ].join("\n");
  return `${[intro, ...descriptions.map(profileSection)].join("\n\n")}\n`;
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) process.stdout.write(generateProtocolsDoc());
