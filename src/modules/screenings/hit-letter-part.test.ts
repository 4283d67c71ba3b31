/**
 * The hit letter names the part the hit rests on (issue 20; 003 §13.4 the person is told the
 * registration and its consequence; D-953): a screening of a registration in parts hits one part
 * — the one that concerns the querier most — and the letter names that part's categories and
 * end, not the other parts and not the registration as a whole, as far as the querying
 * organisation's officers may know them (003 §13.5; 001 §5.2). Through HTTP on a real PGlite
 * database; the letter read back from its PDF.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type DemoApi, useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, placeRegistrationThroughApi } from "../../testing/http.ts";
import { flat, pdfText } from "../../testing/letter-fixtures.ts";
import { plainWordProblems } from "../../testing/plain-words.ts";

const TODAY = "2026-06-01";
const address = { street: "Kadeweg", houseNumber: "4", postcode: "9902 AB", city: "Havenstad" };

/** Screens as `caller`; answers the first result and the text of the hit letter it owed. */
async function screenedWithLetter(
  h: DemoApi,
  caller: "querierA" | "querierB",
  officer: "officerA" | "officerB",
  person: object,
) {
  const { ok } = apiCalls(() => h.app);
  const answer = await ok("POST", "/api/v1/screenings", h[caller], {
    person,
    purpose: "allocation",
    address,
  });
  assert.equal(answer.hit, true, JSON.stringify(answer));
  return { first: answer.results[0] as Record<string, unknown>, text: await hitLetter(h, officer) };
}

/** The text of the last hit letter `officer`'s organisation owes. */
async function hitLetter(h: DemoApi, officer: "officerA" | "officerB") {
  const { ok, call } = apiCalls(() => h.app);
  const duties = await ok("GET", "/api/v1/duties?status=open&pageSize=200", h[officer]);
  const duty = (duties.items as { id: string; kind: string }[]).findLast((d) => d.kind === "hit");
  assert.ok(duty, "a hit duty");
  const letters = await ok("GET", `/api/v1/letters?dutyId=${duty.id}`, h[officer]);
  const letter = letters.items[0] as { id: string };
  assert.ok(letter, "the hit letter");
  const pdf = await call("GET", `/api/v1/letters/${letter.id}/pdf`, h[officer]);
  assert.equal(pdf.statusCode, 200, pdf.body);
  return flat(
    pdfText(
      pdf.rawPayload,
      h.demo.organisations.map((o) => o.name),
    ),
  );
}

describe("the hit letter names the part that hit, under aedes-2021", () => {
  const h = useDemoApi({ today: TODAY });

  test("003-49 the primary source's own screening: the letter names the regional part's categories and end, not the corporation's part", async () => {
    const person = { initials: "D.", surname: "Deeltoets", birthDate: "1983-08-08" };
    const reg = await placeRegistrationThroughApi<{ id: string; parts: { endDate: string }[] }>(
      h.app,
      h.officerA,
      {
        person,
        categories: ["B.II", "D.VII"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      },
    );
    assert.deepEqual(
      reg.parts.map((p) => p.endDate),
      ["2028-05-01", "2031-05-01"],
    );
    const { first, text } = await screenedWithLetter(h, "querierA", "officerA", person);
    // The querier's own answer shows no category (003 §13.3) …
    assert.equal(first.until, "2028-05-01");
    assert.equal(first.categories, undefined);
    // … its organisation's letter, read by its officers, names the part the hit rests on.
    for (const says of [
      "Deel van uw registratie B.II Gevaarzetting",
      "Tot 1 mei 2028",
      "Tot 1 mei 2028 bent u uitgesloten",
      "Dit is het deel van uw registratie waarop de toetsing uitkwam",
    ]) {
      assert.ok(text.includes(says), `"${says}" not in: ${text}`);
    }
    // Not the other part, not the registration's last end.
    assert.ok(!text.includes("D.VII") && !text.includes("2031"), text);
    assert.ok(!text.includes("aan ons niet bekendgemaakt"), "the sender knows the part");
    assert.deepEqual(plainWordProblems(text, "nl"), []);
  });

  test("D-723 a participant's block look-up owes the same letter: it names the part the block was found on", async () => {
    const { ok } = apiCalls(() => h.app);
    const person = { initials: "D.", surname: "Deelblok", birthDate: "1984-09-09" };
    const reg = await placeRegistrationThroughApi(h.app, h.officerA, {
      person,
      categories: ["B.II", "D.VII"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    await ok("PUT", "/api/v1/seekers/DEELTOETS-1", h.allocation, { person }, 201);
    const matches = await ok("GET", "/api/v1/matches?status=pending", h.officerA);
    const match = (matches.items as { id: string; registrationId: string }[]).find(
      (m) => m.registrationId === reg.id,
    );
    assert.ok(match, "a match was proposed");
    await ok("POST", `/api/v1/matches/${match.id}/decision`, h.officerA, { decision: "confirm" });
    const block = await ok(
      "GET",
      "/api/v1/seekers/DEELTOETS-1/block?purpose=allocation",
      h.querierA,
    );
    assert.equal(block.blocked, true);
    const text = await hitLetter(h, "officerA");
    assert.ok(text.includes("Deel van uw registratie B.II Gevaarzetting"), text);
    assert.ok(text.includes("Tot 1 mei 2028"), text);
    assert.ok(!text.includes("D.VII") && !text.includes("2031"), text);
  });
});

describe("the hit letter names the part that hit, under keurmerk-2013", () => {
  const h = useDemoApi({ today: TODAY, profile: "keurmerk-2013" });

  test("001-07 another participant's toetsing: the letter names the W-category and since of the part that hit, no end date", async () => {
    const person = { initials: "W.", surname: "Waardering", birthDate: "1977-09-09" };
    await placeRegistrationThroughApi(h.app, h.officerA, {
      person,
      categories: ["W1", "W2"],
      criteria: ["W1.1", "W2.1"],
      claimCents: 150_000,
      placementDate: "2026-05-01",
    });
    const { first, text } = await screenedWithLetter(h, "querierB", "officerB", person);
    const [hit] = first.categories as string[];
    const other = hit === "W1" ? "W2" : "W1";
    assert.ok(text.includes(`Deel van uw registratie ${hit} `), text);
    assert.ok(text.includes("Geregistreerd sinds 1 mei 2026"), text);
    assert.ok(!text.includes(other), `only the part that hit, not ${other}: ${text}`);
    assert.ok(text.includes("Hoe lang de registratie loopt, is aan ons niet bekendgemaakt"), text);
    assert.deepEqual(plainWordProblems(text, "nl"), []);
  });
});
