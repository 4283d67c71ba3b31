/**
 * The block letter (review row 003-18; 003 §6 punt 5: "Bij besluit blokkade … wordt Betrokkene
 * hierover geïnformeerd") through the real API and database, per profile: confirming a match
 * owes the primary source a letter with the profile's deadline, on its worklist, produced as
 * PDF and e-mailed when an e-mail address is known, documented when no address is, cancelled
 * with an erased registration, and counted in the annual report.
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { termEnd } from "../../platform/werkdagen.ts";
import { getProfile } from "../../protocol/index.ts";
import type { ProfileId } from "../../protocol/profile.ts";
import { type DemoApi, useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { apiCalls } from "../../testing/http.ts";
import { assertLetterSays, flat, pdfText } from "../../testing/letter-fixtures.ts";
import { notificationDuty } from "./tables.ts";

const TODAY = "2026-06-01";

const address = {
  street: "Dorpsstraat",
  houseNumber: "5",
  postcode: "9903 CD",
  city: "Valleidorp",
};

interface Duty {
  id: string;
  kind: string;
  status: string;
  dueDate: string;
  deadlineKey: string;
  organisationId: string;
}
interface Letter {
  id: string;
  kind: string;
  status: string;
  channel: string;
  dutyId: string;
  contentAvailable: boolean;
}

/** The calls a block-letter test makes, on one demo region. */
function blockFlow(fx: DemoApi, registrationPayload: { categories: string[]; criteria: string[] }) {
  const { call } = apiCalls(() => fx.app);
  return {
    call,
    /** A registration of `surname` (with e-mail and/or address), its seeker, the pending match. */
    async registeredAndMatched(
      surname: string,
      seekerNumber: string,
      contact: { email?: string; address?: typeof address } = {},
      payload = registrationPayload,
      /** keurmerk-2013 stores no first names or gender (001 §4.2, D-761). */
      identification: { firstNames?: string; gender?: string } = {
        firstNames: "Bram",
        gender: "M",
      },
    ) {
      const person = {
        initials: "B.",
        ...identification,
        surname,
        birthDate: "1984-04-04",
        ...(contact.email ? { email: contact.email } : {}),
      };
      const reg = await call(
        "POST",
        "/api/v1/registrations",
        fx.officerA,
        withEvidence({
          person,
          ...(contact.address ? { address: contact.address } : {}),
          ...payload,
          placementDate: "2026-05-01",
        }),
      );
      assert.equal(reg.statusCode, 201, reg.body);
      const put = await call("PUT", `/api/v1/seekers/${seekerNumber}`, fx.allocation, {
        person: { initials: "B.", surname, birthDate: "1984-04-04" },
      });
      assert.equal(put.statusCode, 201, put.body);
      const pending = await call("GET", "/api/v1/matches?status=pending", fx.officerA);
      const match = (pending.json().items as { id: string; seekerNumber: string }[]).find(
        (m) => m.seekerNumber === seekerNumber,
      );
      assert.ok(match, "the match is proposed to the primary source");
      const registration = reg.json() as {
        id: string;
        endDate: string;
        scope: string;
        status: string;
      };
      return { registration, matchId: match.id };
    },
    async decide(matchId: string, decision: "confirm" | "reject") {
      const res = await call("POST", `/api/v1/matches/${matchId}/decision`, fx.officerA, {
        decision,
      });
      assert.equal(res.statusCode, 200, res.body);
    },
    async blockDuties(registrationId: string) {
      const res = await call("GET", `/api/v1/duties?registrationId=${registrationId}`, fx.officerA);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as Duty[]).filter((d) => d.kind === "block");
    },
    async blockLetters(registrationId: string) {
      const res = await call(
        "GET",
        `/api/v1/letters?registrationId=${registrationId}`,
        fx.officerA,
      );
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as Letter[]).filter((l) => l.kind === "block");
    },
    async text(letterId: string) {
      const res = await call("GET", `/api/v1/letters/${letterId}/pdf`, fx.officerA);
      assert.equal(res.statusCode, 200, res.body);
      return pdfText(
        res.rawPayload,
        fx.demo.organisations.map((o) => o.name),
      );
    },
    /** The .eml of a letter in the outbox, when it was e-mailed. */
    eml(letterId: string): string | undefined {
      const outbox = fx.ctx.services.letters.outboxDir!;
      const file = readdirSync(outbox).find((f) => f.endsWith(`${letterId}.eml`));
      return file ? readFileSync(path.join(outbox, file), "utf8") : undefined;
    },
  };
}

const dueIn4Weeks = (profile: ProfileId) => {
  const rule = getProfile(profile).deadlines.block_letter!;
  assert.deepEqual(rule.term, { weeks: 4 });
  return termEnd(TODAY, rule.term).date;
};

const dutch = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T12:00:00Z`));

/** What the block letter must never say to a citizen: our codes and English values. */
function assertPlainDutch(text: string) {
  for (const word of ["organisation", "region", "national", "block_letter", "seekerNumber"]) {
    assert.ok(!text.includes(word), `"${word}" in the letter`);
  }
}

describe("003-18 the block letter under aedes-2021", () => {
  const fx = useDemoApi({ today: TODAY });
  let flow: ReturnType<typeof blockFlow>;
  const flowOf = () => {
    flow ??= blockFlow(fx, { categories: ["A.I"], criteria: ["a"] });
    return flow;
  };

  /** A confirmed block whose letter waits for the post: the registration and the draft. */
  async function waitingBlockLetter(surname: string, seekerNumber: string) {
    const f = flowOf();
    const { registration, matchId } = await f.registeredAndMatched(surname, seekerNumber, {
      address,
    });
    await f.decide(matchId, "confirm");
    const [letter] = await f.blockLetters(registration.id);
    assert.equal(letter!.status, "draft", "waits for the post");
    return { registration, letter: letter! };
  }

  /** The draft's duty is cancelled with its sealed block, and the draft skipped without content. */
  async function assertWithdrawn(
    registrationId: string,
    dutyId: string | null,
    cancelledWhy?: string,
  ) {
    const [duty] = await fx.ctx.database.db
      .select()
      .from(notificationDuty)
      .where(eq(notificationDuty.id, dutyId!));
    assert.equal(duty!.status, "cancelled", cancelledWhy);
    assert.equal(duty!.recipientCiphertext, null, "the sealed block is erased");
    const [after] = await flowOf().blockLetters(registrationId);
    assert.equal(after!.status, "skipped");
    assert.equal(after!.contentAvailable, false);
  }

  test("003-18 confirming a match owes the primary source a block letter in 4 weeks; e-mailed with the inschrijfnummer, the dates, the consequence and the rights", async () => {
    const f = flowOf();
    const { registration, matchId } = await f.registeredAndMatched("Blokbrief", "WZ-1801", {
      email: "b.blokbrief@example.org",
      address,
    });
    assert.equal(registration.scope, "organisation", "A.I: uitsluiting corporatie (003 §7 A)");
    await f.decide(matchId, "confirm");
    const [duty] = await f.blockDuties(registration.id);
    assert.ok(duty, "a block letter duty");
    assert.equal(duty.organisationId, fx.demo.organisations[0]!.id, "the primary source owes it");
    assert.equal(duty.deadlineKey, "block_letter");
    assert.equal(duty.dueDate, dueIn4Weeks("aedes-2021"));
    assert.equal(duty.status, "fulfilled", "e-mailed at once");
    const [letter] = await f.blockLetters(registration.id);
    assert.ok(letter);
    assert.equal(letter.status, "sent");
    assert.equal(letter.channel, "email");
    const eml = f.eml(letter.id);
    assert.ok(eml, "the e-mail is in the outbox");
    assert.match(eml, /^To: b\.blokbrief@example\.org$/m);
    assert.match(eml, /^Subject: Blokkade van uw inschrijving als woningzoekende$/m);
    const text = await f.text(letter.id);
    const org = fx.demo.organisations[0]!.name;
    assertLetterSays(text, [
      "Blokkade van uw inschrijving als woningzoekende",
      "inschrijfnummer WZ-1801",
      "Bram Blokbrief",
      "4 april 1984",
      `van 1 juni 2026 tot ${dutch(registration.endDate)}: voor de woningen van ${org}`,
      `Tot ${dutch(registration.endDate)} kunt u niet reageren op woningen van ${org}.`,
      "Op woningen van andere deelnemers kunt u wel reageren",
      "inschrijftijd op",
      "artikel 15 AVG",
      "Autoriteit Persoonsgegevens",
      "bezwaar",
    ]);
    assertPlainDutch(text);
  });

  test("003-18 a region-wide block without any address: on the worklist, documented, and sent once an address is known", async () => {
    const f = flowOf();
    const { registration, matchId } = await f.registeredAndMatched(
      "Zonderadres",
      "WZ-1802",
      {},
      { categories: ["B.II"], criteria: ["a"] },
    );
    assert.equal(registration.scope, "region");
    await f.decide(matchId, "confirm");
    const worklist = await f.call("GET", "/api/v1/duties?status=open", fx.officerA);
    const onList = (worklist.json().items as Duty[]).find(
      (d) => d.kind === "block" && d.dueDate === dueIn4Weeks("aedes-2021"),
    );
    assert.ok(onList, "the open block letter duty is on the primary source's worklist");
    assert.equal(
      (
        (await f.call("GET", "/api/v1/duties?status=open", fx.officerB)).json().items as Duty[]
      ).filter((d) => d.kind === "block").length,
      0,
      "another participant's worklist does not show it",
    );
    const [letter] = await f.blockLetters(registration.id);
    assert.ok(letter);
    assert.equal(letter.status, "draft");
    assert.equal(letter.channel, "none");
    const text = await f.text(letter.id);
    assert.ok(text.includes("geen adres bekend"));
    assert.ok(
      text.includes(
        `Tot ${dutch(registration.endDate)} kunt u niet reageren op woningen van de deelnemers aan de Signaleringslijst`,
      ),
      "uitsluiting regio: every participant's dwellings (003 §13.3)",
    );
    assert.ok(text.includes("inschrijftijd op"), "003 §12.1 Inschrijving tijdens signalering");
    const documented = await f.call(
      "POST",
      `/api/v1/letters/${letter.id}/documented`,
      fx.officerA,
      {},
    );
    assert.equal(documented.statusCode, 200, documented.body);
    assert.equal((await f.blockDuties(registration.id))[0]!.status, "documented");
    // 003 ch. 10: an address known later reopens the duty and a letter for the post follows.
    fx.ctx.clock.set("2026-06-10");
    try {
      const patched = await f.call(
        "PATCH",
        `/api/v1/registrations/${registration.id}`,
        fx.officerA,
        {
          address,
        },
      );
      assert.equal(patched.statusCode, 200, patched.body);
      const [reopened] = await f.blockDuties(registration.id);
      assert.equal(reopened!.status, "open");
      assert.equal(reopened!.dueDate, termEnd("2026-06-10", { weeks: 4 }).date);
      const fresh = (await f.blockLetters(registration.id)).find((l) => l.id !== letter.id);
      assert.ok(fresh, "a new block letter");
      assert.equal(fresh.channel, "post");
      const again = await f.text(fresh.id);
      assert.ok(again.includes("Dorpsstraat 5") && again.includes("inschrijfnummer WZ-1802"));
    } finally {
      fx.ctx.clock.set(TODAY);
    }
  });

  test("003-18 a rejected match creates no block and no letter", async () => {
    const f = flowOf();
    const { registration, matchId } = await f.registeredAndMatched("Afgewezen", "WZ-1803", {
      address,
    });
    await f.decide(matchId, "reject");
    assert.deepEqual(await f.blockDuties(registration.id), []);
    assert.deepEqual(await f.blockLetters(registration.id), []);
  });

  test("003-18 erasing the registration before the letter went out cancels the duty, and the inschrijfnummer goes with it", async () => {
    const f = flowOf();
    const { registration, letter } = await waitingBlockLetter("Gewist", "WZ-1804");
    const erased = await f.call("DELETE", `/api/v1/registrations/${registration.id}`, fx.officerA);
    assert.equal(erased.statusCode, 204, erased.body);
    await assertWithdrawn(registration.id, letter.dutyId);
  });

  test("003-18 a seeker who leaves the index before the letter went out: the block ends, and its letter is withdrawn", async () => {
    const f = flowOf();
    const { registration, letter } = await waitingBlockLetter("Vertrokken", "WZ-1806");
    // The allocation system deletes the seeker: the block goes with it (the register stays).
    const gone = await f.call("DELETE", "/api/v1/seekers/WZ-1806", fx.allocation);
    assert.equal(gone.statusCode, 204, gone.body);
    await assertWithdrawn(
      registration.id,
      letter.dutyId,
      "no letter about a block that no longer exists",
    );
    // The registration itself and its other letters are untouched.
    const reg = await f.call("GET", `/api/v1/registrations/${registration.id}`, fx.officerA);
    assert.equal(reg.statusCode, 200);
  });

  test("003-18 the annual report counts the block letter, with a Dutch label, in JSON, HTML and PDF", async () => {
    const f = flowOf();
    const json = await f.call("GET", "/api/v1/oversight/annual-report?year=2026", fx.auditor);
    assert.equal(json.statusCode, 200, json.body);
    const counts = json.json().letters.block;
    assert.ok(counts, "block letters in the report");
    assert.equal(counts.owed, 4, "one per confirmed match; none for the rejected one");
    assert.equal(counts.withinDeadline, 1, "the e-mailed one");
    assert.equal(counts.open, 1, "the documented one reopened when an address became known");
    assert.equal(
      counts.cancelled,
      2,
      "the erased registration's, and the one of the seeker who left the index",
    );
    const label = "brief over blokkade van de inschrijving";
    const html = await f.call(
      "GET",
      "/api/v1/oversight/annual-report?year=2026&format=html",
      fx.auditor,
    );
    assert.ok(html.body.includes(label), "the HTML names it in Dutch");
    assert.ok(!/<th scope="row">block<\/th>/.test(html.body), "never the code");
    const pdf = await f.call(
      "GET",
      "/api/v1/oversight/annual-report?year=2026&format=pdf",
      fx.auditor,
    );
    assert.ok(flat(pdfText(pdf.rawPayload)).includes(label), "the PDF names it in Dutch");
  });
});

/**
 * A match confirmed under `profile` for a person with an e-mail address: the block letter is owed
 * in 4 weeks and goes out at once (its duty fulfilled, the e-mail in the outbox). Answers the
 * registration as created, the letter and its text.
 */
async function emailedBlockLetter(
  f: ReturnType<typeof blockFlow>,
  profile: ProfileId,
  surname: string,
  seekerNumber: string,
) {
  const { registration, matchId } = await f.registeredAndMatched(surname, seekerNumber, {
    email: `${surname.toLowerCase()}@example.org`,
    address,
  });
  await f.decide(matchId, "confirm");
  const [duty] = await f.blockDuties(registration.id);
  assert.equal(duty!.dueDate, dueIn4Weeks(profile));
  assert.equal(duty!.status, "fulfilled");
  const [letter] = await f.blockLetters(registration.id);
  assert.ok(f.eml(letter!.id), "the e-mail is in the outbox");
  return { registration, letter: letter!, text: await f.text(letter!.id) };
}

describe("003-18 the block letter under keurmerk-2013 (protective reading: 001 knows no block)", () => {
  const fx = useDemoApi({ today: TODAY, profile: "keurmerk-2013" });

  test("003-18 confirming a match owes a block letter in 4 weeks, by post, naming all participants of the Meldpunt", async () => {
    const f = blockFlow(fx, { categories: ["W1"], criteria: ["W1.1"] });
    // 001 §4.2 stores no e-mail address, first names or gender (D-761): the letter goes by post.
    const { registration, matchId } = await f.registeredAndMatched(
      "Meldpuntblok",
      "MK-1801",
      { address },
      undefined,
      {},
    );
    await f.decide(matchId, "confirm");
    const [duty] = await f.blockDuties(registration.id);
    assert.equal(duty!.dueDate, dueIn4Weeks("keurmerk-2013"));
    const [letter] = await f.blockLetters(registration.id);
    assert.equal(letter!.channel, "post");
    assert.equal(letter!.status, "draft", "waits for the post");
    const text = await f.text(letter!.id);
    assertLetterSays(text, [
      "inschrijfnummer MK-1801",
      `Tot ${dutch(registration.endDate)} kunt u niet reageren op woningen van de deelnemers aan het Meldpunt Keurmerk Verhuurdersbelangen.`,
      "inschrijftijd op",
      "artikel 15 AVG",
      "bezwaar",
    ]);
    assertPlainDutch(text);
  });
});

describe("003-18 the block letter under kkr (000 is silent; 003 is followed)", () => {
  const fx = useDemoApi({ today: TODAY, profile: "kkr" });

  test("003-18 confirming a match owes a block letter in 4 weeks, e-mailed, naming every affiliated landlord", async () => {
    const f = blockFlow(fx, { categories: ["FIN"], criteria: ["FIN.1"] });
    const { registration, text } = await emailedBlockLetter(f, "kkr", "Landelijkblok", "KK-1801");
    assert.equal(registration.status, "active", "e-mailed notice first: active at once");
    assertLetterSays(text, [
      "inschrijfnummer KK-1801",
      `Tot ${dutch(registration.endDate)} kunt u niet reageren op woningen van de verhuurders die zijn aangesloten bij het Klachten- en Kansenregister.`,
      "inschrijftijd op",
      "artikel 15 AVG",
    ]);
    assertPlainDutch(text);
  });
});
