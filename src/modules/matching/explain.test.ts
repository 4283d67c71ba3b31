/** Issue #24 part 5: every candidate explained per field, in plain Dutch words. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { setImmediate } from "node:timers/promises";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, placeRegistrationThroughApi } from "../../testing/http.ts";
import { plainWordProblems } from "../../testing/plain-words.ts";
import { browserOn, demoUser } from "../../testing/web.ts";
import { explainPair } from "./explain.ts";
import type { MatchPerson } from "./normalise.ts";

const TODAY = "2026-06-01";
/** A registration's decision, the same for every person placed here. */
const PLACEMENT = { categories: ["B.II"], criteria: ["a"], placementDate: "2026-05-01" };
const BASE: MatchPerson = {
  initials: "M.C.",
  prefix: "van der",
  surname: "Berg",
  birthDate: "1973-05-14",
  gender: "V",
};

describe("24-5 the explanation of a pair, field by field", () => {
  const rows: [string, Partial<MatchPerson>, Partial<MatchPerson>, string[]][] = [
    [
      "the same person written another way",
      {},
      { prefix: undefined, surname: "Berg, van der", initials: "m c" },
      [
        "achternaam gelijk (anders geschreven: van der Berg/Berg, van der)",
        "voorletters gelijk",
        "geboortedatum gelijk",
        "geslacht gelijk",
      ],
    ],
    [
      "a spelling and a year one digit apart",
      { prefix: undefined, surname: "Jansen" },
      { prefix: undefined, surname: "Janssen", birthDate: "1974-05-14" },
      [
        "achternaam bijna gelijk, klinkt hetzelfde (Jansen/Janssen)",
        "voorletters gelijk",
        "geboortedatum: één cijfer anders in het jaar (1973/1974)",
        "geslacht gelijk",
      ],
    ],
    [
      "year digits swapped, an initial left out",
      {},
      { birthDate: "1937-05-14", initials: "M." },
      [
        "achternaam gelijk",
        "voorletters deels gelijk: aan één kant staan er minder (M.C./M.)",
        "geboortedatum: twee cijfers omgewisseld in het jaar (1973/1937)",
        "geslacht gelijk",
      ],
    ],
    [
      "day and month swapped, one letter off",
      { birthDate: "1973-03-04" },
      { birthDate: "1973-04-03", surname: "Bert" },
      [
        "achternaam bijna gelijk, één letter anders (van der Berg/van der Bert)",
        "voorletters gelijk",
        "geboortedatum: dag en maand omgewisseld (04-03-1973/03-04-1973)",
        "geslacht gelijk",
      ],
    ],
    [
      "a part of a double name, other initials, another gender, another century",
      { birthDate: "1905-05-14" },
      {
        birthDate: "2005-05-14",
        prefix: undefined,
        surname: "Jansen-van der Berg",
        initials: "K.",
        gender: "M",
      },
      [
        "achternaam deels gelijk: één deel van een dubbele naam komt overeen (van der Berg/Jansen-van der Berg)",
        "voorletters anders (M.C./K.)",
        "geboortedatum: eeuw anders (1905/2005)",
        "geslacht anders (vrouw/man)",
      ],
    ],
    [
      "first names that differ behind the same initials; no gender on one side",
      { firstNames: "Maria Christina" },
      { firstNames: "Monique Cora", gender: undefined, birthDate: "1980-11-02" },
      [
        "achternaam gelijk",
        "voorletters gelijk, voornamen anders (Maria Christina/Monique Cora)",
        "geboortedatum anders (14-05-1973/02-11-1980)",
        "geslacht ontbreekt aan één kant",
      ],
    ],
  ];
  for (const [name, a, b, texts] of rows) {
    test(`24-5 ${name}`, () => {
      const explained = explainPair({ ...BASE, ...a }, { ...BASE, ...b });
      assert.deepEqual(
        explained.map((e) => e.text),
        texts,
      );
      for (const e of explained) assert.deepEqual(plainWordProblems(e.text, "nl"), []);
    });
  }
});

describe("24-5 the match candidate explained through the API and on the confirmation page", () => {
  const fx = useDemoApi({ today: TODAY });
  const { call, ok } = apiCalls(() => fx.app);
  const { signInByForm, get } = browserOn(() => fx);

  test("24-5 GET /matches/{id} explains every field in words; the page shows them; OpenAPI declares them", async () => {
    const registration = await placeRegistrationThroughApi(fx.app, fx.officerA, {
      person: {
        initials: "J.P.",
        surname: "Mulderink",
        birthDate: "1973-02-17",
        gender: "M",
      },
      ...PLACEMENT,
    });
    await setImmediate();
    const put = await call("PUT", "/api/v1/seekers/EX-1", fx.allocation, {
      person: { initials: "jp", surname: "MULDERINCK", birthDate: "1974-02-17", gender: "M" },
    });
    assert.equal(put.statusCode, 201, put.body);
    await setImmediate();
    const list = (await ok("GET", "/api/v1/matches?status=pending", fx.officerA)) as {
      items: { id: string; registrationId: string }[];
    };
    const match = list.items.find((m) => m.registrationId === registration.id);
    assert.ok(match, "proposed");
    const detail = (await ok("GET", `/api/v1/matches/${match.id}`, fx.officerA)) as {
      explanation: { field: string; agreement: string; text: string }[];
    };
    assert.deepEqual(detail.explanation, [
      {
        field: "surname",
        agreement: "close",
        text: "achternaam bijna gelijk, klinkt hetzelfde (Mulderink/MULDERINCK)",
      },
      { field: "given_names", agreement: "equal", text: "voorletters gelijk" },
      {
        field: "birth_date",
        agreement: "close",
        text: "geboortedatum: één cijfer anders in het jaar (1973/1974)",
      },
      { field: "gender", agreement: "equal", text: "geslacht gelijk" },
    ]);

    const officer = await signInByForm(demoUser(fx.demo, "officer"));
    const page = await get(officer, `/matches/${match.id}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Wat overeenkomt en wat verschilt/);
    for (const e of detail.explanation) assert.ok(page.body.includes(e.text), e.text);

    const doc = (await ok("GET", "/api/v1/openapi.json", {})) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const answer = JSON.stringify(doc.paths["/api/v1/matches/{id}"]?.get?.responses["200"]);
    assert.match(answer, /"explanation"/);
    assert.match(answer, /"agreement"/);
  });
});
