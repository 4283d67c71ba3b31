/**
 * Words to citizens are product (review section G): every letter kind of every profile —
 * iterated from LETTER_KINDS and the content lists, so letters added later are covered — is
 * rendered to PDF, read back, and must speak plain words: no Huurcommissie, no seed numbers, no
 * "contract", no English codes (derived from the schemas' enums), and every decision names the
 * court and the Autoriteit Persoonsgegevens. The e-mail that carries each letter too. Pure: no
 * database (the public pages are in src/web/pages/public-plain-words.test.ts).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Language } from "../../platform/i18n.ts";
import { renderPdf } from "../../platform/pdf/pdf.ts";
import { CASE_KINDS, type CaseKind } from "../../protocol/case-kinds.ts";
import { getProfile, PROFILE_IDS, type Profile } from "../../protocol/index.ts";
import { inputFor, pdfText } from "../../testing/letter-fixtures.ts";
import { plainWordProblems } from "../../testing/plain-words.ts";
import { composeLetter } from "./compose.ts";
import { LETTER_CONTENTS, LETTER_KINDS, type LetterKind } from "./content.ts";
import type { CaseFacts, LetterInput } from "./letter-input.ts";
import { mailTexts } from "./texts/mail.ts";

const LANGUAGES: readonly Language[] = ["nl", "en"];
const OUTCOMES: readonly NonNullable<CaseFacts["outcome"]>[] = [
  "upheld",
  "partly_upheld",
  "rejected",
];

/** The variants of a letter worth reading: per category, per case type and outcome. */
function variants(profile: Profile, kind: LetterKind, lang: Language): LetterInput[] {
  const base = inputFor(profile, kind, lang);
  // English letters share the Dutch ones' structure: the plain letter is enough.
  if (lang === "en") return [base];
  if (kind === "decision" || kind === "acknowledgement") {
    return CASE_KINDS.flatMap((type) =>
      (kind === "decision" ? OUTCOMES : (["rejected"] as const)).map((outcome) => ({
        ...base,
        case: { ...base.case!, type, outcome },
      })),
    );
  }
  if (!base.registration) {
    // A hit letter: one per scope the profile's categories have.
    const scopes = [...new Set(profile.categories.map((c) => c.scope.value))];
    return scopes.map((scope) => ({ ...base, hit: { ...base.hit!, scope } }));
  }
  return profile.categories.map((c) => ({
    ...base,
    registration: {
      ...base.registration!,
      categories: [c.code],
      criteria: profile.criteria.filter((k) => k.categories.includes(c.code)).map((k) => k.code),
      scope: c.scope.value,
      claimCents: null,
      objectionOutcome: "rejected",
    },
  }));
}

async function readBack(input: LetterInput) {
  const doc = composeLetter(input);
  const pdf = await renderPdf(doc, input.letterDate);
  return { doc, text: pdfText(pdf.bytes) };
}

describe("G-10 every letter of every profile speaks plain words", () => {
  for (const id of PROFILE_IDS) {
    const profile = getProfile(id);
    for (const kind of LETTER_KINDS) {
      if (!LETTER_CONTENTS[id][kind]) continue;
      test(`${id} ${kind}: no Huurcommissie, seed numbers, contract or English codes`, async () => {
        for (const lang of LANGUAGES) {
          for (const input of variants(profile, kind, lang)) {
            const { doc, text } = await readBack(input);
            const what = `${id} ${kind} ${lang} ${input.case?.type ?? ""} ${input.case?.outcome ?? ""} ${input.registration?.categories.join() ?? ""}`;
            assert.deepEqual(plainWordProblems(text, lang), [], what);
            // The e-mail that carries it: subject (the title) and body.
            const body = mailTexts[lang].letterMail(doc.title, input.sender.name, "J.P. Zwaan");
            assert.deepEqual(
              plainWordProblems(`${doc.title}\n${body}`, lang),
              [],
              `${what} e-mail`,
            );
            if (kind === "decision") {
              // AVG art. 12 lid 4: every decision names the court and the supervisory authority.
              if (lang === "nl") {
                assert.match(text, /de rechter \(de rechtbank/, `${what}: the court`);
                assert.match(text, /klacht indienen bij de Autoriteit Persoonsgegevens/, what);
              } else {
                assert.match(text, /take your case to court/, `${what}: the court`);
                assert.match(text, /Data Protection Authority/, `${what}: the AP`);
              }
            }
          }
        }
      });
    }
  }
});

describe("the review's rows on letters", () => {
  const aedes = getProfile("aedes-2021");
  const keurmerk = getProfile("keurmerk-2013");
  const kkr = getProfile("kkr");

  test("G-1 003-69 no aedes or kkr letter sends anyone to the Huurcommissie; the profile records why", async () => {
    for (const p of [aedes, kkr]) {
      for (const kind of ["placement", "hit", "decision"] as const) {
        const { text } = await readBack(inputFor(p, kind, "nl"));
        assert.doesNotMatch(text, /Huurcommissie/i, `${p.id} ${kind}`);
        assert.match(text, /rechter/, `${p.id} ${kind}: the court instead`);
        assert.match(text, /Autoriteit Persoonsgegevens/, `${p.id} ${kind}`);
      }
    }
    const choice = aedes.ambiguities.find((a) => /Huurcommissie/.test(a.topic));
    assert.ok(choice, "aedes-2021 records that the seed's Huurcommissie step is not followed");
    assert.match(choice.source, /003 §16\.4/);
  });

  test("G-2 003-04 the aedes route: the directie, the klachtencommissie (55b Woningwet), the geschillencommissie with its address, the court, the AP", async () => {
    for (const kind of ["placement", "hit", "decision"] as const) {
      const { text } = await readBack(inputFor(aedes, kind, "nl"));
      const steps = [
        "klachtencommissie (artikel 55b Woningwet)",
        "geschillencommissie van het samenwerkingsverband (Geschillencommissie Woning in Zicht, Postbus 77, 9900 BB Regiostad)",
        "voorleggen aan de rechter",
        "op elk moment een klacht indienen bij de Autoriteit Persoonsgegevens",
      ];
      let at = -1;
      for (const step of steps) {
        const next = text.indexOf(step);
        assert.ok(next > at, `${kind}: "${step}" in its place`);
        at = next;
      }
      assert.match(text, /het Protocol Signaleringslijst, artikel 4\.5 en 16\.4/);
    }
  });

  test("G-3 scope organisation: other participants may let, and may set conditions (003 §13.4)", async () => {
    const input = inputFor(aedes, "placement", "nl");
    const own = {
      ...input,
      registration: { ...input.registration!, scope: "organisation" as const },
    };
    const { text } = await readBack(own);
    assert.match(
      text,
      /Woonstichting De Linde kan u tot 1 mei 2028 weigeren als huurder\. Andere deelnemers kunnen u een woning verhuren; zij mogen daarbij voorwaarden stellen/,
    );
    assert.doesNotMatch(text, /alleen onder aanvullende voorwaarden/);
    const en = await readBack({ ...own, language: "en" });
    assert.match(en.text, /Other participants may let a dwelling to you; they may set conditions/);
  });

  test("G-7 the removal letter keeps the claim caveat for any category D, D.VII included (no amount stored)", async () => {
    const input = inputFor(aedes, "removal", "nl");
    for (const code of ["D.VII", "D.VIII"]) {
      const { text } = await readBack({
        ...input,
        registration: { ...input.registration!, categories: [code], claimCents: null },
      });
      assert.match(text, /Een openstaande vordering blijft wel opeisbaar/, code);
    }
    const { text } = await readBack({
      ...input,
      registration: { ...input.registration!, categories: ["A.I"], claimCents: null },
    });
    assert.doesNotMatch(text, /openstaande vordering/, "A.I has no claim");
  });

  test("G-8 the kkr letters do not claim that every member sees the registration", async () => {
    for (const kind of ["placement", "hit"] as const) {
      const { text } = await readBack(inputFor(kkr, kind, "nl"));
      assert.doesNotMatch(text, /zien alle aangesloten verhuurders/, kind);
      assert.match(text, /pas nadat de organisatie die u registreerde heeft bevestigd/, kind);
    }
  });

  test("G-11 the decision letter says what it decides; ongegrond only for an objection, complaint or appeal", async () => {
    const expect: Partial<Record<CaseKind, [string, RegExp]>> = {
      objection: ["Beslissing op uw bezwaar", /Wij verklaren uw bezwaar ongegrond\./],
      complaint: ["Beslissing op uw klacht", /Wij verklaren uw klacht ongegrond\./],
      access: ["Beslissing op uw verzoek om inzage", /Wij wijzen uw verzoek om inzage af\./],
      erasure: [
        "Beslissing op uw verzoek om verwijdering",
        /Wij wijzen uw verzoek om verwijdering af\./,
      ],
      rectification: [
        "Beslissing op uw verzoek om correctie",
        /Wij wijzen uw verzoek om correctie af\./,
      ],
    };
    const base = inputFor(aedes, "decision", "nl");
    for (const [type, [title, sentence]] of Object.entries(expect)) {
      const input = { ...base, case: { ...base.case!, type: type as CaseKind } };
      const { doc, text } = await readBack(input);
      assert.equal(doc.title, title);
      assert.match(text, sentence, type);
      if (!["objection", "complaint", "appeal"].includes(type)) {
        assert.doesNotMatch(text, /ongegrond/, `${type}: a request is refused, not ongegrond`);
      }
    }
    const granted = await readBack({
      ...base,
      case: { ...base.case!, type: "access", outcome: "upheld" },
    });
    assert.match(granted.text, /Wij willigen uw verzoek om inzage in\./);
  });

  test("G-12 the keurmerk letters ask for an objection by post (001 Bijlage 2 art. 5.3), the others also by e-mail", async () => {
    for (const kind of ["placement", "continuation", "removal"] as const) {
      const { text } = await readBack(inputFor(keurmerk, kind, "nl"));
      assert.match(text, /Stuur uw bezwaar per post/, kind);
      assert.doesNotMatch(text, /per brief of e-mail/, kind);
    }
    const choice = keurmerk.ambiguities.find((a) => /per post/.test(a.choice));
    assert.ok(choice, "keurmerk-2013 records the choice");
    const { text } = await readBack(inputFor(aedes, "placement", "nl"));
    assert.match(text, /per brief of e-mail/);
  });

  test("003-66 the decision names the committee's postal address and the date of the contested decision", async () => {
    const base = inputFor(aedes, "decision", "nl");
    const { text } = await readBack(base);
    assert.match(
      text,
      /Postadres van de Geschillencommissie Geschillencommissie Woning in Zicht, Postbus 77, 9900 BB Regiostad/,
    );
    assert.match(
      text,
      /Uw bezwaar richt zich tegen de beslissing van Woonstichting De Linde van 20 mei 2026 om u op te nemen in de Signaleringslijst/,
    );
    const appeal = await readBack({
      ...base,
      case: { ...base.case!, type: "appeal", contestedDecisionDate: "2026-05-10" },
    });
    assert.match(appeal.text, /Uw beroep richt zich tegen de beslissing van 10 mei 2026\./);
  });
});
