/**
 * A letter when one part of a registration ends while others run on (issue 20; 003 §7 each
 * category its own term, §12.4 "worden de gegevens verwijderd", §13.4 the person is told the
 * registration and its consequence; D-950). Through the front door: HTTP on a real PGlite
 * database, the retention job as the CLI runs it; the letter read back from its PDF.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { apiCalls } from "../../testing/http.ts";
import { flat, pdfText } from "../../testing/letter-fixtures.ts";
import { plainWordProblems } from "../../testing/plain-words.ts";

const TODAY = "2026-06-01";
const fx = useDemoApi({ today: TODAY });
const { call, ok } = apiCalls(() => fx.app);
const address = { street: "Kerkstraat", houseNumber: "12", postcode: "9901 AB", city: "Lindendal" };

let n = 0;
async function place(surname: string, body: Record<string, unknown>) {
  n++;
  const person = { initials: "P.", surname, birthDate: `1971-05-${10 + n}` };
  return ok(
    "POST",
    "/api/v1/registrations",
    fx.officerA,
    withEvidence({ person, address, placementDate: "2026-05-01", ...body }),
    201,
  );
}

interface Duty {
  id: string;
  kind: string;
  status: string;
  dueDate: string;
  registrationId: string | null;
}

async function partEndedDuties(registrationId: string): Promise<Duty[]> {
  const duties = await ok("GET", `/api/v1/duties?registrationId=${registrationId}`, fx.officerA);
  return (duties.items as Duty[]).filter(
    (d) => d.kind === "part_ended" && d.registrationId === registrationId,
  );
}

async function partEndedLetter(registrationId: string) {
  const letters = await ok("GET", `/api/v1/letters?registrationId=${registrationId}`, fx.officerA);
  const letter = (letters.items as { id: string; kind: string; channel: string }[]).find(
    (l) => l.kind === "part_ended",
  );
  assert.ok(letter, `a part-ended letter: ${JSON.stringify(letters.items)}`);
  const res = await call("GET", `/api/v1/letters/${letter.id}/pdf`, fx.officerA);
  assert.equal(res.statusCode, 200, res.body);
  const text = flat(
    pdfText(
      res.rawPayload,
      fx.demo.organisations.map((o) => o.name),
    ),
  );
  return { letter, text };
}

describe("a letter when one part ends while others run on (D-950)", () => {
  // The region takes B.III from under four eyes (its audited choice, D-842) so one officer's
  // registration takes effect at once; the draft case switches it back on for itself.
  before(async () => {
    await ok("PUT", "/api/v1/region/four-eyes/B.III", fx.admin, { required: false });
  });

  test("003-42 claim settlement ends the D part: the person is told which categories ended, from when, and what still runs until when and where", async () => {
    const reg = await place("Deelbericht", {
      categories: ["A.I", "D.VIII"],
      criteria: ["a", "d"],
      claimCents: 250_000,
    });
    await ok("POST", `/api/v1/registrations/${reg.id}/claim-settlement`, fx.officerA, {
      kind: "paid_in_full",
      date: "2026-05-30",
    });
    // The duty is on the primary source's worklist with the removal letter's term (4 weeks).
    const [duty] = await partEndedDuties(reg.id);
    assert.ok(duty, "a part-ended duty");
    assert.equal(duty.dueDate, "2026-06-29");
    const { letter, text } = await partEndedLetter(reg.id);
    assert.equal(letter.channel, "post", "no e-mail known: the letter goes by post");
    for (const says of [
      "Een deel van uw opname in de Signaleringslijst ongewenst huurdersgedrag is beëindigd",
      "op 1 juni 2026 beëindigd, omdat de vordering is volledig voldaan",
      "Het gaat om: D.VIII Schade bij vertrek",
      "De rest van uw registratie loopt door",
      // What still runs, until when …
      "Wat nog loopt, en tot wanneer",
      "A.I Overlast: tot 1 mei 2028 (24 maanden)",
      // … and where (uitsluiting corporatie: the primary source only).
      `A.I Overlast: ${fx.demo.organisations[0]!.name} kan u tot 1 mei 2028 weigeren als huurder`,
      "bezwaar",
    ]) {
      assert.ok(text.includes(says), `"${says}" not in: ${text}`);
    }
    // Not a removal letter: nothing says the person may contract again without reservation.
    assert.ok(!text.includes("zonder voorbehoud"), text);
    assert.deepEqual(plainWordProblems(text, "nl"), []);
  });

  test("003-23 a part whose term ran out (the retention job) while the D part runs: the letter says so, with the D part's end and reach", async () => {
    const reg = await place("Deelverlopen", { categories: ["B.III", "D.VII"], criteria: ["a"] });
    fx.ctx.clock.set("2028-05-01");
    try {
      const run = await fx.ctx.services.retention.run("2028-05-01");
      assert.ok(run.partsEnded >= 1, JSON.stringify(run));
      const duties = await partEndedDuties(reg.id);
      assert.equal(duties.length, 1, "one letter for the part that ended");
      const { text } = await partEndedLetter(reg.id);
      for (const says of [
        "op 1 mei 2028 beëindigd, omdat de termijn van dat deel is verstreken",
        "Het gaat om: B.III Bedreiging en agressie",
        "D.VII Huurachterstand: tot 1 mei 2031 (60 maanden)",
        "kan u tot 1 mei 2031 weigeren als huurder",
      ]) {
        assert.ok(text.includes(says), `"${says}" not in: ${text}`);
      }
      // The ended regional part is not told as still running.
      assert.ok(!text.includes("bent u uitgesloten"), text);
      assert.deepEqual(plainWordProblems(text, "nl"), []);
      // The retention job on a later day writes no second letter for the same part.
      fx.ctx.clock.set("2028-05-02");
      await fx.ctx.services.retention.run("2028-05-02");
      assert.equal((await partEndedDuties(reg.id)).length, 1);
    } finally {
      fx.ctx.clock.set(TODAY);
    }
  });

  test("D-841 a draft whose part ends owes no letter: its person was never told", async () => {
    await ok("PUT", "/api/v1/region/four-eyes/B.III", fx.admin, { required: true });
    let reg: { id: string; status: string };
    try {
      reg = await place("Deelontwerp", { categories: ["B.III", "D.VII"], criteria: ["a"] });
    } finally {
      await ok("PUT", "/api/v1/region/four-eyes/B.III", fx.admin, { required: false });
    }
    assert.equal(reg.status, "draft");
    fx.ctx.clock.set("2028-05-01");
    try {
      await fx.ctx.services.retention.run("2028-05-01");
      const left = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
      assert.deepEqual(left.categories, ["D.VII"], "the part ended all the same");
      assert.deepEqual(await partEndedDuties(reg.id), []);
    } finally {
      fx.ctx.clock.set(TODAY);
    }
  });
});
