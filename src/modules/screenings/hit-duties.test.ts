/**
 * Issue 21 part 8 (usability review defect 5; 003 §13.4, 001 §3.3; D-990): hit-letter duties do
 * not pile up. Screenings of one person by one organisation within the letter term make one
 * duty that lists them; a screening at the person's own request owes none; a duty without a
 * known address offers "vastleggen zonder adres" where it is listed; the querier is not told to
 * send a letter, the officer gets it. Through the API and the pages, on a real database.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, placeRegistrationThroughApi } from "../../testing/http.ts";
import { browserOn, demoUser } from "../../testing/web.ts";

type Headers = Record<string, string>;
interface DutyItem {
  id: string;
  kind: string;
  status: string;
  dueDate: string;
  screenings?: { date: string; purpose: string }[];
}

const TODAY = "2026-06-01";

describe("issue 21 part 8: hit-letter duties", () => {
  const fx = useDemoApi({ today: TODAY });
  const { ok } = apiCalls(() => fx.app);
  const { signInByForm, get, post } = browserOn(() => fx);

  const hitDuties = async (headers: Headers) =>
    ((await ok("GET", "/api/v1/duties?pageSize=200", headers)).items as DutyItem[]).filter(
      (d) => d.kind === "hit",
    );
  const screen = async (
    headers: Headers,
    person: Record<string, string>,
    purpose = "allocation",
    address?: Record<string, string>,
  ) => {
    const res = await ok("POST", "/api/v1/screenings", headers, {
      person,
      purpose,
      ...(address ? { address } : {}),
    });
    assert.equal(res.hit, true, "the person is on the list");
    return res as { id: string };
  };
  const pdfText = async (headers: Headers, letterId: string) => {
    const pdf = await fx.app.inject({
      method: "GET",
      url: `/api/v1/letters/${letterId}/pdf`,
      headers,
    });
    assert.equal(pdf.statusCode, 200);
    return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf.rawPayload })
      .toString("utf8")
      .replace(/\s+/g, " ");
  };

  /** An A.I registration of A about this person, placed through the API. */
  const place = (person: object) =>
    placeRegistrationThroughApi(fx.app, fx.officerA, {
      person,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });

  test("21-8 six screenings of one person on one day produce one duty that lists them, and one letter", async () => {
    const person = { initials: "H.W.", surname: "Jansen", birthDate: "1979-05-23" };
    await place(person);
    const before = new Set((await hitDuties(fx.officerA)).map((d) => d.id));
    // Officer and querier of A, spelling variants, several purposes: the review's walk.
    await screen(fx.officerA, person);
    await screen(fx.querierA, person);
    await screen(fx.querierA, { ...person, surname: "Janssen" });
    await screen(fx.officerA, { ...person, initials: "H." }, "urgency");
    await screen(fx.querierA, { ...person, surname: "JANSEN" });
    await screen(fx.querierA, person, "direct_mediation");

    const duties = (await hitDuties(fx.officerA)).filter((d) => !before.has(d.id));
    assert.equal(duties.length, 1, "one duty, not six");
    const duty = duties[0]!;
    assert.equal(duty.status, "open");
    assert.equal(duty.dueDate, "2026-06-29", "the letter term of the first screening");
    assert.equal(duty.screenings?.length, 6, "the duty lists the six screenings");
    assert.deepEqual(
      duty.screenings?.map((s) => s.purpose),
      ["allocation", "allocation", "allocation", "urgency", "allocation", "direct_mediation"],
    );

    // One letter: each new screening replaced the unsent draft with one that lists them all.
    const letters = await ok("GET", `/api/v1/letters?dutyId=${duty.id}`, fx.officerA);
    assert.equal(letters.items.length, 1, letters);
    const letter = letters.items[0] as { id: string; status: string; channel: string };
    assert.equal(letter.channel, "none", "no address was typed");
    const text = await pdfText(fx.officerA, letter.id);
    assert.match(text, /6 keer nagegaan/, text);
    assert.match(text, /1 juni 2026: voor de toewijzing van een woning \(4 keer\)/, text);
    assert.match(text, /1 juni 2026: voor de toekenning van een urgentie/, text);

    // The open letters page names the person and the screenings, and offers recording the
    // letter without an address right there (no hunt on another tab).
    const officer = await signInByForm(demoUser(fx.demo, "officer", 0));
    const page = await get(officer, "/brieven/plichten");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /H\.W\. Jansen<\/strong>, geboren 23 mei 1979/);
    assert.match(page.body, /6 toetsingen, één brief/);
    assert.match(page.body, new RegExp(`action="/brieven/${letter.id}/vastgelegd"`));
    const documented = await post(officer, `/brieven/${letter.id}/vastgelegd`, []);
    assert.equal(documented.statusCode, 303);
    const after = (await hitDuties(fx.officerA)).find((d) => d.id === duty.id)!;
    assert.equal(after.status, "documented");
  });

  test("21-8 a screening at the person's own request owes no letter and joins none", async () => {
    const person = { initials: "E.", surname: "Eigenvraag", birthDate: "1970-01-09" };
    await place(person);
    const before = await hitDuties(fx.officerA);
    await screen(fx.querierA, person, "subject_request");
    const after = await hitDuties(fx.officerA);
    assert.equal(after.length, before.length, "no duty");
    assert.deepEqual(
      after.map((d) => d.screenings?.length),
      before.map((d) => d.screenings?.length),
      "no other duty lists it",
    );
  });

  test("21-8 another organisation owes its own letter; a screening after the letter term makes a new duty", async () => {
    const person = { initials: "T.", surname: "Termijnmens", birthDate: "1966-03-03" };
    const reg = await place(person);
    // B sees the hit only through a confirmed block (003 §6): the seeker is matched.
    await ok("PUT", "/api/v1/seekers/TM-1", fx.allocation, { person }, 201);
    const matches = await ok("GET", "/api/v1/matches?status=pending", fx.officerA);
    const match = (matches.items as { id: string; registrationId: string }[]).find(
      (m) => m.registrationId === reg.id,
    );
    assert.ok(match);
    await ok("POST", `/api/v1/matches/${match.id}/decision`, fx.officerA, { decision: "confirm" });

    const beforeA = (await hitDuties(fx.officerA)).length;
    const known = new Set((await hitDuties(fx.officerB)).map((d) => d.id));
    const beforeB = known.size;
    await screen(fx.querierA, person);
    await screen(fx.querierB, { ...person, seekerNumber: "TM-1" });
    await screen(fx.querierB, { ...person, seekerNumber: "TM-1" }, "urgency");
    assert.equal((await hitDuties(fx.officerA)).length, beforeA + 1);
    const ofB = (await hitDuties(fx.officerB)).filter((d) => !known.has(d.id));
    assert.equal(ofB.length, 1, "B's two screenings: one duty of B");
    assert.equal(ofB[0]!.screenings?.length, 2);
    known.add(ofB[0]!.id);

    // On the last day of the term the screening still joins; the day after, a new duty.
    fx.ctx.clock.set("2026-06-29");
    await screen(fx.querierB, { ...person, seekerNumber: "TM-1" });
    assert.equal((await hitDuties(fx.officerB)).length, beforeB + 1);
    fx.ctx.clock.set("2026-06-30");
    await screen(fx.querierB, { ...person, seekerNumber: "TM-1" });
    const later = (await hitDuties(fx.officerB)).filter((d) => !known.has(d.id));
    assert.equal(later.length, 1, "past the term: a new duty");
    assert.equal(later[0]!.dueDate, "2026-07-28");
    fx.ctx.clock.set(TODAY);
  });

  test("21-8 a later screening with an address gives the unsent letter its address; a documented one reopens", async () => {
    const person = { initials: "A.", surname: "Adresloos", birthDate: "1991-11-11" };
    await place(person);
    const before = new Set((await hitDuties(fx.officerA)).map((d) => d.id));
    await screen(fx.querierA, person);
    const duty = (await hitDuties(fx.officerA)).find((d) => !before.has(d.id))!;
    const first = (await ok("GET", `/api/v1/letters?dutyId=${duty.id}`, fx.officerA)).items[0];
    assert.equal(first.channel, "none");
    await ok("POST", `/api/v1/letters/${first.id}/documented`, fx.officerA, {});
    assert.equal(
      (await hitDuties(fx.officerA)).find((d) => d.id === duty.id)!.status,
      "documented",
    );

    await screen(fx.querierA, person, "urgency", {
      street: "Kadeweg",
      houseNumber: "4",
      postcode: "9902 AB",
      city: "Havenstad",
    });
    const reopened = (await hitDuties(fx.officerA)).find((d) => d.id === duty.id)!;
    assert.equal(reopened.status, "open", "the address reopens the documented duty");
    assert.equal(reopened.screenings?.length, 2);
    const letters = (await ok("GET", `/api/v1/letters?dutyId=${duty.id}`, fx.officerA)).items as {
      id: string;
      channel: string;
      status: string;
    }[];
    const draft = letters.find((l) => l.status === "draft");
    assert.equal(draft?.channel, "post", "the new letter goes by post, listing both screenings");
    assert.match(await pdfText(fx.officerA, draft.id), /2 keer nagegaan/);
  });

  test("21-8 the querier is told an officer of the organisation sends the letter; the officer where it waits", async () => {
    const person = { initials: "Q.", surname: "Bevraagde", birthDate: "1983-02-02" };
    await place(person);
    const fields: [string, string][] = [
      ["purpose", "allocation"],
      ["person.initials", person.initials],
      ["person.surname", person.surname],
      ["person.birthDate", person.birthDate],
    ];
    const querier = await signInByForm(demoUser(fx.demo, "querier", 0));
    const asQuerier = await post(querier, "/toetsen", fields);
    assert.equal(asQuerier.statusCode, 200, asQuerier.body);
    assert.match(asQuerier.body, /Dat doet een functionaris van uw organisatie/);
    assert.match(asQuerier.body, /U hoeft zelf niets te versturen/);
    assert.doesNotMatch(asQuerier.body, /U moet betrokkene/);
    assert.doesNotMatch(asQuerier.body, /contract|003 §/);
    // The letters owed are the officers' page, not the querier's.
    assert.notEqual((await get(querier, "/brieven/plichten")).statusCode, 200);

    const officer = await signInByForm(demoUser(fx.demo, "officer", 0));
    const asOfficer = await post(officer, "/toetsen", fields);
    assert.match(asOfficer.body, /blijft het één brief/);
    assert.match(asOfficer.body, /href="\/brieven\/plichten"/);
  });
});
