import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { auditEvent } from "../../platform/audit/tables.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, bearer, placeRegistrationThroughApi } from "../../testing/http.ts";
import type { PersonInput } from "../../testing/people.ts";
import { screening } from "./tables.ts";

const TODAY = "2026-06-01";

function harness(profile: "aedes-2021" | "keurmerk-2013") {
  const h = useDemoApi({ today: TODAY, profile });
  const { call } = apiCalls(() => h.app);
  const screen = async (
    headers: Record<string, string>,
    person: PersonInput,
    purpose = "allocation",
  ) => {
    const res = await call("POST", "/api/v1/screenings", headers, { person, purpose });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(!res.body.includes(person.surname), "the person is never echoed");
    return res.json() as {
      id: string;
      hit: boolean;
      pending: boolean;
      results: Record<string, unknown>[];
    };
  };
  return { h, call, screen };
}

describe("screenings under aedes-2021", () => {
  const { h, call, screen } = harness("aedes-2021");
  const person = {
    initials: "S.",
    firstNames: "Sanne",
    prefix: "de",
    surname: "Toetser",
    birthDate: "1987-05-05",
  };
  type Officer = { id: string; name: string | null };
  let registration: {
    id: string;
    endDate: string;
    scope: string;
    startDate: string;
    enteredBy: Officer;
    decidedBy: Officer;
  };

  before(async () => {
    registration = await placeRegistrationThroughApi(h.app, h.officerA, {
      person,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
  });

  test("the primary source's officer sees everything of its own registration", async () => {
    const answer = await screen(h.officerA, {
      ...person,
      prefix: undefined,
      surname: "De Toetser",
    } as PersonInput);
    assert.equal(answer.hit, true);
    assert.equal(answer.results.length, 1);
    const r = answer.results[0]!;
    assert.equal(r.since, registration.startDate);
    assert.equal(r.until, registration.endDate);
    assert.deepEqual(r.categories, ["A.I"]);
    assert.deepEqual(r.primarySource, {
      id: h.demo.organisations[0]!.id,
      name: h.demo.organisations[0]!.name,
    });
  });

  test("D-843 a screening names the officers who entered and decided it to their own organisation only", async () => {
    // As the registration's answer names them to its own organisation (D-843).
    const { enteredBy, decidedBy } = registration;
    assert.equal(enteredBy.name, "Demo officer");
    assert.equal(decidedBy.name, "Demo officer");
    const mine = (await screen(h.officerA, person)).results[0]!;
    assert.deepEqual(mine.enteredBy, enteredBy, "{ id, name }, not the old { kind, id }");
    assert.deepEqual(mine.decidedBy, decidedBy);
    // The consortium admin of another organisation sees who (ids), never the name.
    const admin = (await screen(h.admin, person)).results[0]!;
    assert.deepEqual(admin.enteredBy, { id: enteredBy.id, name: null });
    assert.deepEqual(admin.decidedBy, { id: decidedBy.id, name: null });
    // A querier's grant shows no officer at all (003 §13.3).
    const querier = (await screen(h.querierA, person)).results[0]!;
    assert.equal(querier.enteredBy, undefined);
    assert.equal(querier.decidedBy, undefined);
  });

  test("its querier sees that there is one, not the category (003 §13.3)", async () => {
    const answer = await screen(h.querierA, person);
    assert.equal(answer.hit, true);
    assert.deepEqual(Object.keys(answer.results[0]!).sort(), [
      "appliesToCaller",
      "primarySource",
      "scope",
      "since",
      "until",
    ]);
  });

  test("003-19 another participant sees nothing before a confirmed block, then only that there is one", async () => {
    const none = await screen(h.querierB, { ...person, seekerNumber: "Z-1" });
    assert.equal(none.hit, false);
    assert.deepEqual(none.results, []);
    // The allocation system puts the seeker in; the primary source confirms the match.
    await call("PUT", "/api/v1/seekers/Z-1", h.allocation, {
      person: { initials: "S", surname: "de Toetser", birthDate: "1987-05-05" },
    });
    const matches = await call("GET", "/api/v1/matches?status=pending", h.officerA);
    const m = (matches.json().items as { id: string; registrationId: string }[]).find(
      (x) => x.registrationId === registration.id,
    );
    assert.ok(m, matches.body);
    await call("POST", `/api/v1/matches/${m.id}/decision`, h.officerA, { decision: "confirm" });
    const hit = await screen(h.querierB, { ...person, seekerNumber: "Z-1" });
    assert.equal(hit.hit, true);
    // A.I is "uitsluiting corporatie": it does not apply to B; no dates, no scope (003 §6 punt 6).
    assert.deepEqual(hit.results[0], {
      appliesToCaller: false,
      primarySource: { id: h.demo.organisations[0]!.id, name: h.demo.organisations[0]!.name },
    });
    // Without the seeker number, the exact person still is the blocked seeker.
    assert.equal((await screen(h.querierB, person)).hit, true);
    // A near spelling is only a possible hit until the primary source confirms it (issue 24
    // part 4: the engine proposes, a person decides).
    const near = await screen(h.querierB, { ...person, surname: "Toetzer" });
    assert.equal(near.hit, false);
    assert.equal(near.pending, true);
    assert.deepEqual(near.results, []);
    // A different person of the same surname is not.
    assert.equal((await screen(h.querierB, { ...person, birthDate: "1995-01-20" })).hit, false);
  });

  test("a hit owes the person a letter from the querying organisation (001 §9.1 D)", async () => {
    type Duty = { kind: string; dueDate: string; screenings?: unknown[] };
    // One duty per person and letter term (D-990): B's earlier hits on this person are in it.
    const listed = async () =>
      ((await call("GET", "/api/v1/duties?status=open", h.officerB)).json().items as Duty[])
        .filter((d) => d.kind === "hit")
        .reduce((n, d) => n + (d.screenings?.length ?? 0), 0);
    const n0 = await listed();
    await screen(h.querierB, { ...person, seekerNumber: "Z-1" });
    const afterHit = await call("GET", "/api/v1/duties?status=open", h.officerB);
    assert.equal(await listed(), n0 + 1, "the hit is on an open duty of B");
    const duty = (afterHit.json().items as Duty[]).find((d) => d.kind === "hit")!;
    assert.equal(duty.dueDate, "2026-06-29", "four weeks");
    // At the person's own request: the answer is the information, no letter.
    await screen(h.querierB, { ...person, seekerNumber: "Z-1" }, "subject_request");
    assert.equal(await listed(), n0 + 1);
  });

  test("G-6 the hit letter shows only what the querier saw and sends requests to the primary source", async () => {
    const res = await call("POST", "/api/v1/screenings", h.querierB, {
      person: { ...person, seekerNumber: "Z-1" },
      purpose: "allocation",
      address: { street: "Kadeweg", houseNumber: "4", postcode: "9902 AB", city: "Havenstad" },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(Object.keys(res.json().results[0]).sort(), [
      "appliesToCaller",
      "primarySource",
    ]);
    const duties = await call("GET", "/api/v1/duties?status=open", h.officerB);
    const duty = (duties.json().items as { id: string; kind: string }[]).findLast(
      (d) => d.kind === "hit",
    );
    assert.ok(duty, duties.body);
    const letters = await call("GET", `/api/v1/letters?dutyId=${duty.id}`, h.officerB);
    const letter = letters.json().items[0] as { id: string };
    assert.ok(letter, letters.body);
    const pdf = await call("GET", `/api/v1/letters/${letter.id}/pdf`, h.officerB);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf.rawPayload })
      .toString("utf8")
      .replace(/\s+/g, " ");
    const primary = h.demo.organisations[0]!.name;
    const sender = h.demo.organisations[1]!.name;
    // 003 §6 punt 6, §13.5: no start or end date, no category; what it means for the sender.
    assert.ok(!/1 mei 2026|2028|Geregistreerd sinds|Overlast|A\.I/.test(text), text);
    assert.ok(text.includes(`De registratie geldt niet bij ${sender}`), text);
    assert.ok(text.includes("hoe lang zij loopt, zijn aan ons niet bekendgemaakt"), text);
    // Review G-6: requests about the registration go to the primary source, named.
    assert.ok(text.includes(`schriftelijk, ook per e-mail, bij ${primary}, de organisatie`), text);
    assert.ok(!text.includes("de organisatie die deze brief stuurt"), text);
  });

  test("every screening is in the audit log with outcome and pseudonym, never the name", async () => {
    const { id } = await screen(h.querierB, {
      initials: "N.",
      surname: "Niemand",
      birthDate: "1950-01-02",
    });
    const [event] = await h.ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "screening.performed"), eq(auditEvent.objectId, id)));
    assert.ok(event);
    assert.equal(event.outcome, "no_hit");
    assert.equal(event.organisationId, h.demo.organisations[1]!.id);
    assert.match(event.subjectRef ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(event.details, { purpose: "allocation", results: 0 });
    const leaks = await h.ctx.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvent)
      .where(sql`${auditEvent}::text ilike '%toetser%' or ${auditEvent}::text ilike '%niemand%'`);
    assert.equal(leaks[0]!.n, 0, "no name anywhere in the log");
    // The same person screened again gets the same pseudonym; another person another one.
    const again = await screen(h.querierA, {
      initials: "N",
      surname: "niemand",
      birthDate: "1950-01-02",
    });
    const [second] = await h.ctx.database.db
      .select()
      .from(screening)
      .where(eq(screening.id, again.id));
    assert.equal(second!.subjectRef, event.subjectRef);
  });

  test("a restricted registration gives no hit (AVG art. 18)", async () => {
    await call("POST", `/api/v1/registrations/${registration.id}/restriction`, h.officerA, {
      reason: "objection_pending",
    });
    assert.equal((await screen(h.officerA, person)).hit, false);
    await call("DELETE", `/api/v1/registrations/${registration.id}/restriction`, h.officerA);
    assert.equal((await screen(h.officerA, person)).hit, true);
  });

  test("bad input is refused with the field named; roles without screening get 403", async () => {
    const missing = await call("POST", "/api/v1/screenings", h.querierA, {
      person: { initials: "A.", surname: "X" },
      purpose: "allocation",
    });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().error.details[0].path, "person.birthDate");
    const purpose = await call("POST", "/api/v1/screenings", h.querierA, {
      person,
      purpose: "curiosity",
    });
    assert.equal(purpose.statusCode, 400);
    const extra = await call("POST", "/api/v1/screenings", h.querierA, {
      person,
      purpose: "allocation",
      reason: "heard things",
    });
    assert.equal(extra.json().error.code, "unknown_field");
    const auditor = await call("POST", "/api/v1/screenings", bearer(h.demo.auditor.apiKey), {
      person,
      purpose: "allocation",
    });
    assert.equal(auditor.statusCode, 403);
  });

  test("a burst of screenings by one user raises one oversight signal", async () => {
    const set = await call("PATCH", "/api/v1/region/settings", h.admin, {
      screeningBurstPerHour: 5,
    });
    assert.equal(set.statusCode, 200, set.body);
    const signals = async () =>
      (
        await h.ctx.database.db
          .select()
          .from(auditEvent)
          .where(eq(auditEvent.action, "oversight.signal"))
      ).filter((e) => (e.details as { signal: string }).signal === "screening_burst");
    const officerC = bearer(h.demo.organisations[2]!.apiKeys.querier);
    for (let i = 0; i < 5; i++) {
      await screen(officerC, { initials: "V.", surname: `Visser`, birthDate: `1960-01-${10 + i}` });
    }
    assert.equal((await signals()).length, 0, "five in an hour is within the threshold");
    await screen(officerC, { initials: "V.", surname: "Visser", birthDate: "1960-01-20" });
    await screen(officerC, { initials: "V.", surname: "Visser", birthDate: "1960-01-21" });
    const raised = await signals();
    assert.equal(raised.length, 1, "raised once, when crossed");
    assert.equal(raised[0]!.organisationId, h.demo.organisations[2]!.id);
    assert.equal((raised[0]!.details as { count: number }).count, 6);
  });
});

describe("screenings under keurmerk-2013 (001 §5.2)", () => {
  const { h, screen } = harness("keurmerk-2013");
  test("another participant's toetsing shows since, scope, source and W-category, no end date", async () => {
    const person = { initials: "K.", surname: "Keurling", birthDate: "1975-02-14" };
    const placed = await placeRegistrationThroughApi<{ id: string; startDate: string }>(
      h.app,
      h.officerA,
      {
        person,
        categories: ["W1"],
        criteria: ["W1.1"],
        placementDate: "2026-05-01",
      },
    );
    const answer = await screen(h.querierB, person);
    assert.equal(answer.hit, true, "001 has no block step: the toetsing itself is the check");
    const r = answer.results[0]!;
    assert.equal(r.until, undefined, "no end date: it would reveal the damage bracket");
    assert.deepEqual(r.categories, ["W1"]);
    assert.equal(r.since, placed.startDate);
  });
});
