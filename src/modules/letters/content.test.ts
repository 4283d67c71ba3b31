/**
 * Every letter kind of every profile, rendered to PDF and read back with poppler's pdftotext:
 * each item of the profile's content list (content.ts) must be in the letter, with the
 * person's own data. Pure: no database.
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, test } from "node:test";
import { renderPdf, usableLogo } from "../../platform/pdf/pdf.ts";
import { termEnd } from "../../platform/werkdagen.ts";
import { getProfile, PROFILE_IDS, type ProfileId } from "../../protocol/index.ts";
import {
  address,
  assertLetterSays,
  flat,
  havenstad,
  inputFor,
  LETTER_DATE,
  linde,
  pdfText,
  person,
} from "../../testing/letter-fixtures.ts";
import { composeLetter, itemApplies } from "./compose.ts";
import { type ElementKey, LETTER_CONTENTS, LETTER_KINDS, SKIP_REASONS } from "./content.ts";
import type { LetterInput } from "./letter-input.ts";

/** The sentence that says what a block means, per scope (003 §7, §4.3, §13.3). */
const BLOCK_CONSEQUENCE = {
  organisation: "Tot 1 mei 2028 kunt u niet reageren op woningen van Woonstichting De Linde.",
  region: "Tot 1 mei 2028 kunt u niet reageren op woningen van de deelnemers aan",
  national:
    "Tot 1 mei 2028 kunt u niet reageren op woningen van de verhuurders die zijn aangesloten",
} as const;

/** What each item must show of the person's own data (Dutch letters). */
function probes(key: ElementKey, i: LetterInput): string[] {
  const p = i.profile;
  const window = p.deadlines.objection_window;
  const categoryCode = i.registration?.categories[0] ?? "";
  const category = p.categories.find((c) => c.code === categoryCode);
  switch (key) {
    case "letter_date":
      return ["Datum: 1 juni 2026"];
    case "support_team_pointer":
      return ["begeleidingsteam", "tot 2 keer", "binnen 6 weken"];
    case "recipient_address":
      return ["J.P. van der Zwaanswijk", "Kerkstraat 12-A", "9901 AB Lindendal"];
    case "person_identity":
      return [
        "Jan Pieter van der Zwaanswijk",
        "14 maart 1985",
        "jp.zwaanswijk@example.org",
        "WZ-12345",
      ];
    case "postal_address":
      return ["Kerkstraat 12-A, 9901 AB Lindendal"];
    case "categories":
      return p.id === "keurmerk-2013"
        ? ["W2 (van toepassing)", "W1", "W3", category!.title]
        : [`${category!.code} ${category!.title}`, category!.description];
    case "rating_number":
      return ["Cijfer 2 (uw waardering)", "Cijfer 1", "Cijfer 3"];
    case "purpose_legal_basis":
      return ["artikel 6 lid 1 onder f AVG"];
    case "term":
      return i.kind === "part_ended"
        ? ["Wat nog loopt", `${categoryCode} ${category!.title}: tot 1 mei 2028 (24 maanden)`]
        : ["1 mei 2026", "1 mei 2028", "24 maanden"];
    case "consequence":
      return [
        "1 mei 2028",
        // kkr: only the placement notice comes first; a correction follows a registration in force.
        ...(p.twoStepPlacement.value && i.kind === "placement"
          ? ["De registratie gaat pas in nadat deze kennisgeving"]
          : []),
      ];
    case "participants_web_address":
      return ["https://woonsignaal.example/deelnemers"];
    case "primary_source":
      return ["Woonstichting De Linde", "Lindelaan 12, 9901 AA Lindendal"];
    case "dwelling_address":
      return ["Kerkstraat 12-A, 9901 AB Lindendal"];
    case "right_to_object":
      return ["artikel 21 AVG"];
    case "objection_procedure":
      return window
        ? ["uiterlijk op 13 juli 2026", "kopie van deze brief"]
        : [
            "zolang de registratie loopt",
            "klachtencommissie (artikel 55b Woningwet)",
            "Geschillencommissie Woning in Zicht, Postbus 77, 9900 BB Regiostad",
            "rechter",
            "Autoriteit Persoonsgegevens",
          ];
    case "objection_address":
      return ["Postbus 1000, 9901 ZZ Lindendal"];
    case "consent_disclosure":
      return [
        "schriftelijke toestemming",
        "3 werkdagen",
        "het Protocol Meldpunt Keurmerk Verhuurdersbelangen, artikel 5.5",
      ];
    case "register_address":
      return ["Samenwerkingsverband Woning in Zicht, Marktplein 1, 9900 AA Regiostad"];
    case "rights":
      return [
        "artikel 15 AVG",
        "artikel 16 AVG",
        "artikel 17 AVG",
        "artikel 18 AVG",
        "Autoriteit Persoonsgegevens",
      ];
    case "dpo":
      return [i.sender.dpo!.email, i.sender.dpo!.name];
    case "continuation_details":
      return ["het begeleidingsteam heeft uw verzoek om herhuisvesting afgewezen", "1 mei 2028"];
    case "part_ended_details":
      // The part's categories by code and title, the day and why (D-950).
      return [
        "op 1 juni 2026 beëindigd",
        "de termijn van dat deel is verstreken",
        `Het gaat om: ${i.partEnded!.categories.join("")}`,
        "De rest van uw registratie loopt door",
      ];
    case "correction_notice":
      return ["Wij hebben uw registratie gewijzigd", "vervangt"];
    case "removal_details":
      return ["op 1 juni 2026 verwijderd", "uw bezwaar, klacht of beroep is gegrond verklaard"];
    case "removal_consequence":
      return ["zonder voorbehoud"];
    case "hit_details":
      return ["28 mei 2026", "Wooncorporatie Havenstad", "hit", "1 mei 2028"];
    case "case_received":
      return ["25 mei 2026", "CASE-0042"];
    case "decision_due": {
      const rule = p.deadlines.objection_decision!;
      const due = termEnd("2026-05-25", rule.term).date;
      return [
        new Intl.DateTimeFormat("nl-NL", {
          day: "numeric",
          month: "long",
          year: "numeric",
          timeZone: "UTC",
        }).format(new Date(`${due}T12:00:00Z`)),
      ];
    }
    case "placement_letter_date":
      return ["22 mei 2026"];
    case "entry_date":
      return ["20 mei 2026"];
    case "decision_outcome":
      return ["ongegrond"];
    case "decision_reasons":
      return ["De ontruiming is bij vonnis van de kantonrechter vastgesteld."];
    case "recipients_told":
      // Only a grant that changes data tells the recipients (AVG art. 19).
      return i.case?.outcome === "rejected" ? [] : ["artikel 19"];
    case "appeal_route":
      return [
        "Geschillencommissie Woning in Zicht, Postbus 77, 9900 BB Regiostad",
        "kopie van deze beslissing",
        "rechter",
        "Autoriteit Persoonsgegevens",
      ];
    case "committee_address":
      return ["Geschillencommissie Woning in Zicht, Postbus 77, 9900 BB Regiostad"];
    case "stored_data":
      return [
        "Zwaanswijk",
        "14 maart 1985",
        "Formele criteria",
        i.registration!.criteria[0]!,
        "1 mei 2028",
      ];
    case "recipients":
      return ["verwerker", "nooit de achterliggende reden"];
    case "data_source":
      return ["Woonstichting De Linde (de primaire bron)"];
    case "retention":
      return ["Tot 1 mei 2028", "automatisch gewist"];
    case "block_details":
      return ["WZ-100200", "van 1 juni 2026 tot 1 mei 2028", "vervalt de blokkade vanzelf"];
    case "block_consequence":
      return [BLOCK_CONSEQUENCE[i.block!.parts[0]!.scope], "inschrijftijd op"];
  }
}

describe("content lists", () => {
  test("every profile has the letters its seed asks for, each list citing its articles", () => {
    for (const id of PROFILE_IDS) {
      const lists = LETTER_CONTENTS[id];
      // Every kind but the continuation letter, which only one protocol knows (below).
      for (const kind of LETTER_KINDS.filter((k) => k !== "continuation")) {
        assert.ok(lists[kind], `${id} has a ${kind} letter`);
      }
      for (const [kind, content] of Object.entries(lists)) {
        assert.ok(
          getProfile(id).deadlines[content.deadlineKey],
          `${id} ${kind}: deadline ${content.deadlineKey}`,
        );
        for (const item of content.items)
          assert.match(item.source, /\d{3}|AVG/, `${id} ${kind} ${item.key}`);
        for (const reason of content.skippable) assert.ok(reason in SKIP_REASONS);
        if (content.skippable.length > 0)
          assert.ok(content.skipSource, `${id} ${kind}: skip source`);
      }
    }
    // 001 §9.1 B: only the Keurmerk protocol knows a continuation letter.
    assert.ok(LETTER_CONTENTS["keurmerk-2013"].continuation);
    assert.equal(LETTER_CONTENTS["aedes-2021"].continuation, undefined);
    // Case letters and the removal under 003 are never skipped (bij twijfel informeren); nor is
    // the block letter (003 §6 punt 5 names no exception, D-621).
    for (const id of PROFILE_IDS) {
      for (const kind of ["acknowledgement", "decision", "access_answer", "block"] as const) {
        assert.deepEqual(LETTER_CONTENTS[id][kind]!.skippable, []);
      }
    }
  });

  // Each protocol's placement letter names these items (all of them; the list may hold more).
  const placementItems = [
    [
      "aedes-2021",
      "the aedes placement list is 003 ch. 10's, item by item",
      [
        "letter_date",
        "recipient_address",
        "categories",
        "purpose_legal_basis",
        "term",
        "participants_web_address",
        "primary_source",
        "right_to_object",
        "objection_procedure",
        "objection_address",
        "rights",
        "dpo",
      ],
    ],
    [
      "keurmerk-2013",
      "the keurmerk placement list is 001 §3.4's (invoerklacht), item by item",
      [
        "letter_date",
        "person_identity",
        "postal_address",
        "categories",
        "rating_number",
        "term",
        "dwelling_address",
        "primary_source",
        "right_to_object",
        "consent_disclosure",
        "objection_procedure",
        "objection_address",
        "register_address",
      ],
    ],
  ] as const;
  for (const [id, name, expected] of placementItems) {
    test(name, () => {
      const keys = LETTER_CONTENTS[id].placement!.items.map((i) => i.key);
      for (const key of expected) assert.ok(keys.includes(key), key);
    });
  }
});

describe("every letter of every profile, rendered and read back", () => {
  for (const id of PROFILE_IDS as readonly ProfileId[]) {
    const profile = getProfile(id);
    for (const kind of LETTER_KINDS) {
      if (!LETTER_CONTENTS[id][kind]) continue;
      test(`${id} ${kind}: every required element, with the person's own data`, async () => {
        const input = inputFor(profile, kind, "nl");
        const doc = composeLetter(input);
        // Every applicable item of the list made it into the letter (none silently dropped);
        // the begeleidingsteam pointer belongs to W1 only (the fixture is W2; its own test below).
        const expected = LETTER_CONTENTS[id]
          [kind]!.items.filter((i) => i.when !== "if_support_team" || itemApplies(i, input))
          .map((i) => i.key);
        assert.deepEqual(
          doc.items.map((i) => i.key),
          expected,
          "the sender has a DPO and the decision is a refusal: every item applies",
        );
        const pdf = await renderPdf(doc, input.letterDate);
        assert.equal(pdf.bytes.subarray(0, 5).toString(), "%PDF-");
        const text = pdfText(pdf.bytes);
        for (const item of doc.items) {
          const section = doc.sections.find((s) => s.key === item.key);
          if (section)
            assert.ok(
              text.includes(flat(section.heading)),
              `${item.key}: heading "${section.heading}"`,
            );
          for (const probe of probes(item.key, input)) {
            assert.ok(
              text.includes(flat(probe)),
              `${id} ${kind} ${item.key}: "${probe}" not in the letter`,
            );
          }
        }
        assert.match(text, /Pagina 1 van \d/);
        assert.ok(text.includes(doc.title), "the title");
        if (kind === "hit") {
          // The querying organisation never learns (or tells) the reason (003 §13.5).
          const reasonTitle = profile.categories[0]!.description;
          assert.ok(!text.includes(reasonTitle), "no category in a hit letter");
        }
      });
    }
  }

  test("001-11 keurmerk-2013 W1 placement: the begeleidingsteam pointer, rendered and read back", async () => {
    const profile = getProfile("keurmerk-2013");
    const base = inputFor(profile, "placement", "nl");
    const input = {
      ...base,
      registration: { ...base.registration!, categories: ["W1"], criteria: ["W1.1"] },
    };
    const doc = composeLetter(input);
    assert.ok(doc.items.some((i) => i.key === "support_team_pointer"));
    const text = pdfText((await renderPdf(doc, input.letterDate)).bytes);
    for (const probe of probes("support_team_pointer", input)) {
      assert.ok(text.includes(flat(probe)), `"${probe}" not in the W1 letter`);
    }
    assert.ok(text.includes(flat(linde.name)), "the participant that works with the team");
  });

  test("an English letter, and the PDF's title and language", async () => {
    const profile = getProfile("aedes-2021");
    const input = inputFor(profile, "placement", "en");
    const doc = composeLetter(input);
    const pdf = await renderPdf(doc, input.letterDate);
    const text = pdfText(pdf.bytes);
    assertLetterSays(text, [
      "Notice of your registration",
      "Date: 1 June 2026",
      "Article 6(1)(f) GDPR",
      "14 March 1985",
      "https://woonsignaal.example/deelnemers",
      "Dear Mr Van der Zwaanswijk,",
    ]);
    assert.match(text, /Page 1 of \d/);
    const info = execFileSync("pdfinfo", ["-"], { input: pdf.bytes }).toString("utf8");
    assert.match(info, /Title:\s+Notice of your registration/);
    assert.match(info, /Author:\s+Woonstichting De Linde/);
    assert.match(pdf.bytes.toString("latin1"), /\/Lang \(en-GB\)/);
    assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  test("a logo is used only when it is a real PNG or JPEG", async () => {
    const png1x1 =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    assert.equal(usableLogo(png1x1), png1x1);
    assert.equal(usableLogo("data:image/png;base64,AAAA"), null);
    assert.equal(usableLogo(null), null);
    const profile = getProfile("kkr");
    const input = { ...inputFor(profile, "removal", "nl"), sender: { ...linde, logo: png1x1 } };
    const pdf = await renderPdf(composeLetter(input), LETTER_DATE);
    assert.match(pdf.bytes.toString("latin1"), /\/Subtype \/Image/);
  });
});

/** Havenstad's access answer about the one registration De Linde (its primary source) holds. */
function havenstadAnswersForLinde(
  base: LetterInput,
  facts: NonNullable<LetterInput["registration"]>,
  seen: Omit<NonNullable<LetterInput["access"]>, "registrations">,
): LetterInput {
  const lindeSource = {
    id: linde.id,
    name: linde.name,
    address: ["Lindelaan 12", "9901 AA Lindendal"],
  };
  return {
    ...base,
    sender: havenstad,
    primarySource: havenstad,
    registration: null,
    access: { registrations: [{ primarySource: lindeSource, person, address, facts }], ...seen },
  };
}

describe("the access answer for the joint register, rendered and read back", () => {
  const profile = getProfile("aedes-2021");
  const base = () => inputFor(profile, "access_answer", "nl");
  const registration = base().registration!;

  test("003-55 G-4 G-5 every registration with its own primary source, the sender's screenings, the actual recipients; words, never codes", async () => {
    const input = havenstadAnswersForLinde(
      base(),
      { ...registration, scope: "organisation", objectionOutcome: "rejected" },
      {
        ownScreenings: [
          { date: "2026-05-28", purpose: "allocation", hit: true, hitLetterSentOn: "2026-05-29" },
        ],
        recipients: [
          { organisation: havenstad.name, date: "2026-05-28", how: "screening" },
          { organisation: "Woonruimteverdeling Regio", date: "2026-05-29", how: "block" },
        ],
        screeningsInRegion: 1,
      },
    );
    const text = pdfText((await renderPdf(composeLetter(input), LETTER_DATE)).bytes);
    assertLetterSays(text, [
      "Registratie 1, vastgelegd door Woonstichting De Linde",
      "Woonstichting De Linde (de primaire bron) heeft de gegevens vastgelegd",
      "Reikwijdte alleen bij de organisatie die u registreerde",
      "Bezwaar of beroep ongegrond",
      "Toetsingen door Wooncorporatie Havenstad",
      "28 mei 2026, voor de toewijzing van een woning: u stond erin. Op 29 mei 2026 stuurden wij u daarover een brief",
      "Wie uw gegevens werkelijk heeft ontvangen",
      "Wooncorporatie Havenstad, op 28 mei 2026: bij een toetsing bleek dat u geregistreerd staat",
      "Woonruimteverdeling Regio, op 29 mei 2026: zag dat u geblokkeerd bent",
      "De registratie door Woonstichting De Linde wordt bewaard tot 1 mei 2028",
    ]);
    assert.ok(!text.includes("geen gegevens"), "no false 'no data'");
    assert.ok(
      !text.includes("Wooncorporatie Havenstad (de primaire bron)"),
      "the sender is no source",
    );
    assert.doesNotMatch(text, /\borganisation\b|\brejected\b/);
  });

  test("G-4 'geen gegevens' only when nothing anywhere; screenings alone are no 'no data'", async () => {
    const none: LetterInput = {
      ...base(),
      sender: havenstad,
      registration: null,
      access: { registrations: [], ownScreenings: [], recipients: [], screeningsInRegion: 0 },
    };
    const empty = pdfText((await renderPdf(composeLetter(none), LETTER_DATE)).bytes);
    assert.ok(empty.includes("Er zijn over u geen gegevens opgenomen"));
    const screenedOnly: LetterInput = {
      ...none,
      access: {
        registrations: [],
        ownScreenings: [{ date: "2026-05-28", purpose: "allocation", hit: false }],
        recipients: [],
        screeningsInRegion: 2,
      },
    };
    const text = pdfText((await renderPdf(composeLetter(screenedOnly), LETTER_DATE)).bytes);
    assert.ok(!text.includes("geen gegevens"));
    assert.ok(text.includes("U staat niet geregistreerd in"));
    assert.ok(text.includes("28 mei 2026, voor de toewijzing van een woning: u stond er niet in"));
  });

  test("003-54 a granted request's decision letter says the recipients are told and may be named", async () => {
    const input = inputFor(profile, "decision", "nl");
    const granted: LetterInput = { ...input, case: { ...input.case!, outcome: "upheld" } };
    const text = pdfText((await renderPdf(composeLetter(granted), LETTER_DATE)).bytes);
    assert.ok(text.includes("Wie dit ook te horen krijgt"));
    assert.ok(text.includes("artikel 19 van de Algemene verordening gegevensbescherming"));
  });
});

test("003-55 keurmerk-2013: the region-wide access answer names each registration's own participant (001 §9.3 punt 2)", async () => {
  const profile = getProfile("keurmerk-2013");
  const base = inputFor(profile, "access_answer", "nl");
  const input = havenstadAnswersForLinde(base, base.registration!, {
    ownScreenings: [],
    recipients: [],
    screeningsInRegion: 0,
  });
  const text = pdfText((await renderPdf(composeLetter(input), LETTER_DATE)).bytes);
  assertLetterSays(text, [
    "Wie u heeft geregistreerd (primaire bron)",
    "Woonstichting De Linde Adres Lindelaan 12, 9901 AA Lindendal",
    "Wooncorporatie Havenstad heeft niet nagegaan of u in",
    "Geen andere organisatie heeft tot nu toe gegevens over u uit het register ontvangen",
  ]);
  assert.ok(!text.includes("Wooncorporatie Havenstad (de primaire bron)"));
});
