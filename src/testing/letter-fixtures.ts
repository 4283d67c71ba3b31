/**
 * The letters' test fixtures: a sender, a primary source, the consortium and the committee, a
 * person, and `inputFor` (every fact a letter of any kind can show); `pdfText` reads a rendered
 * letter back with poppler's pdftotext. Used by content.test.ts and plain-words.test.ts.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import type { LetterKind } from "../modules/letters/content.ts";
import type { LetterInput } from "../modules/letters/letter-input.ts";
import type { Letterhead } from "../modules/organisations/ports.ts";
import type { Language } from "../platform/i18n.ts";
import type { Profile } from "../protocol/index.ts";
import { JAN_PIETER } from "./people.ts";

export const LETTER_DATE = "2026-06-01";

export const linde: Letterhead = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "Woonstichting De Linde",
  kind: "housing_corporation",
  address: { street: "Lindelaan", houseNumber: "12", postcode: "9901 AA", city: "Lindendal" },
  objectionAddress: "De Linde, t.a.v. bezwaren, Postbus 1000, 9901 ZZ Lindendal",
  dpo: { name: "Mr. F. Gegevens", email: "fg@de-linde.example", phone: "0900 1234" },
  logo: null,
};
export const havenstad: Letterhead = {
  ...linde,
  id: "00000000-0000-4000-8000-000000000002",
  name: "Wooncorporatie Havenstad",
  address: { street: "Kadeweg", houseNumber: "3", postcode: "9902 BB", city: "Havenstad" },
  objectionAddress: "Havenstad bezwaren, Postbus 2000, 9902 ZZ Havenstad",
  dpo: { name: "H. Privacy", email: "fg@havenstad.example", phone: null },
};
export const consortium: Letterhead = {
  ...linde,
  id: "00000000-0000-4000-8000-000000000003",
  name: "Samenwerkingsverband Woning in Zicht",
  kind: "consortium",
  address: { street: "Marktplein", houseNumber: "1", postcode: "9900 AA", city: "Regiostad" },
  objectionAddress: null,
  dpo: null,
};
export const committee: Letterhead = {
  ...consortium,
  id: "00000000-0000-4000-8000-000000000004",
  name: "Geschillencommissie Woning in Zicht",
  kind: "committee",
  address: { street: "Postbus", houseNumber: "77", postcode: "9900 BB", city: "Regiostad" },
};

export const person = { ...JAN_PIETER, seekerNumber: "WZ-12345" };
export const address = {
  street: "Kerkstraat",
  houseNumber: "12",
  houseNumberAddition: "A",
  postcode: "9901 AB",
  city: "Lindendal",
};

export function inputFor(profile: Profile, kind: LetterKind, language: Language): LetterInput {
  const category = profile.id === "keurmerk-2013" ? "W2" : profile.categories[0]!.code;
  const criterion = profile.criteria.find((c) => c.categories.includes(category))!.code;
  const hit = kind === "hit";
  return {
    profile,
    kind,
    language,
    letterDate: LETTER_DATE,
    reference: "7c1d2e3f-0000-4000-8000-00000000abcd",
    publicBaseUrl: "https://woonsignaal.example",
    sender: hit ? havenstad : linde,
    primarySource: linde,
    register: consortium,
    committee,
    person,
    address,
    registration: hit
      ? null
      : {
          id: "r",
          categories: [category],
          criteria: [criterion],
          placementDate: "2026-05-01",
          startDate: "2026-05-01",
          endDate: "2028-05-01",
          termMonths: 24,
          scope: profile.categories[0]!.scope.value,
          claimCents: category === "W2" ? 150_000 : null,
          objectionPending: false,
          objectionOutcome: null,
          enteredOn: "2026-05-20",
        },
    supportTeam: null,
    hit: hit
      ? {
          screeningDate: "2026-05-28",
          purpose: "allocation",
          since: "2026-05-01",
          until: "2028-05-01",
          scope: profile.categories[0]!.scope.value,
        }
      : undefined,
    removal: { ground: "objection_upheld", date: LETTER_DATE },
    // The fixture's registration is what still runs; the part that ended is named by its code.
    partEnded: { categories: ["X.0"], date: LETTER_DATE, ground: "term_expired" },
    continuation: { ground: "support_team_refused_rehousing" },
    case: {
      type: kind === "access_answer" ? "access" : "objection",
      receivedDate: "2026-05-25",
      reference: "CASE-0042",
      outcome: "rejected",
      reasons: "De ontruiming is bij vonnis van de kantonrechter vastgesteld.",
      decisionDeadlineKey: "objection_decision",
    },
    placementLetterSentOn: "2026-05-22",
    block: {
      seekerNumber: "WZ-100200",
      decidedOn: LETTER_DATE,
      parts: [
        {
          startDate: LETTER_DATE,
          endDate: "2028-05-01",
          scope: profile.categories[0]!.scope.value,
        },
      ],
    },
  };
}

export const FOOTER_SENDERS = [linde.name, havenstad.name];

export const flat = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * The letter's text without the page footers (sender, "Pagina x van y"), which may split a line.
 * `senders`: the names a footer may carry (the fixtures' letterheads unless given).
 */
export function pdfText(bytes: Buffer, senders: readonly string[] = FOOTER_SENDERS): string {
  const raw = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: bytes }).toString(
    "utf8",
  );
  const pages = raw.split("\f").map((page) => {
    const lines = page.split("\n");
    const at = lines.findIndex((l) => /^(Pagina|Page) \d+ (van|of) \d+$/.test(l.trim()));
    if (at < 0) return page;
    // The footer's sender is the nearest line above that names a sender (a table cell may
    // come between them when a table row is the last thing on the page).
    let sender = at - 1;
    while (sender >= 0 && !senders.includes(lines[sender]!.trim())) sender--;
    if (sender < 0) return [...lines.slice(0, at), ...lines.slice(at + 1)].join("\n");
    return [...lines.slice(0, sender), ...lines.slice(sender + 1, at), ...lines.slice(at + 1)].join(
      "\n",
    );
  });
  return `${flat(pages.join("\n"))} ${flat(raw.match(/(Pagina|Page) 1 (van|of) \d+/)?.[0] ?? "")}`;
}

/** A PDF's text as laid out (a table's label and value stay on one line), on one line. */
export function pdfLayoutText(bytes: Buffer): string {
  return flat(
    execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", "-", "-"], { input: bytes }).toString(
      "utf8",
    ),
  );
}

/** Asserts that a letter's text says every one of `probes`; a missing one is named. */
export function assertLetterSays(text: string, probes: readonly string[]): void {
  for (const probe of probes) assert.ok(text.includes(probe), `"${probe}" not in the letter`);
}
