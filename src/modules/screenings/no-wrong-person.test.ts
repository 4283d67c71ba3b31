/**
 * Issue 24 part 4: no wrong person is ever disclosed. Another participant learns of a
 * registration only on an exact identity or a match its primary source's officer confirmed; a
 * near match is "mogelijke treffer — wordt gecontroleerd" and a task for the primary source
 * (profile deadline `screening_confirmation`, 1 working day), and the definite answer is at
 * GET /screenings/{id}. Everything goes through HTTP on a real (PGlite) database.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, placeRegistrationThroughApi } from "../../testing/http.ts";

const TODAY = "2026-06-01"; // a Monday: one working day later is Tuesday 2 June
const NEXT_WORKING_DAY = "2026-06-02";

interface Answer {
  id: string;
  hit: boolean;
  pending: boolean;
  confirmationDue?: string;
  results: { since?: string; primarySource?: { id: string } }[];
}
interface Task {
  id: string;
  registrationId: string;
  status: string;
  dueDate: string;
}

describe("24-4 keurmerk-2013: a namesake with a birth date 1–3 days off is told of only when confirmed", () => {
  const h = useDemoApi({ today: TODAY, profile: "keurmerk-2013" });
  const { call } = apiCalls(() => h.app);
  const person = {
    initials: "M.C.",
    prefix: "van der",
    surname: "Berg",
    birthDate: "1985-03-14",
  };
  /** The registered person and three more registrations whose birth dates are 1–3 days off. */
  const placements = ["2026-05-01", "2026-05-04", "2026-05-05", "2026-05-06"];
  const ids: string[] = [];
  let first: Answer;

  const screen = async (body: object, headers = h.querierB): Promise<Answer> => {
    const res = await call("POST", "/api/v1/screenings", headers, {
      person: body,
      purpose: "allocation",
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Answer;
  };
  const tasks = async (status = "pending"): Promise<Task[]> => {
    const res = await call("GET", `/api/v1/screening-confirmations?status=${status}`, h.officerA);
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { items: Task[] }).items;
  };
  const reread = async (id: string, headers = h.querierB): Promise<Answer> => {
    const res = await call("GET", `/api/v1/screenings/${id}`, headers);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Answer;
  };

  before(async () => {
    for (const [i, placementDate] of placements.entries()) {
      const registration = await placeRegistrationThroughApi(h.app, h.officerA, {
        person: { ...person, birthDate: `1985-03-${String(14 + i).padStart(2, "0")}` },
        categories: ["W1"],
        criteria: ["W1.1"],
        placementDate,
      });
      ids.push(registration.id);
    }
  });

  test("another landlord learns of the exact registration only; the three are a possible hit", async () => {
    // Written another way, but exactly the same person after normalisation.
    first = await screen({ ...person, initials: "m c", prefix: "", surname: "Berg, van der" });
    assert.equal(first.hit, true);
    assert.equal(first.results.length, 1, JSON.stringify(first.results));
    assert.equal(first.results[0]!.since, placements[0]);
    assert.equal(first.pending, true);
    assert.equal(first.confirmationDue, NEXT_WORKING_DAY);
    const body = JSON.stringify(first);
    for (const other of placements.slice(1)) assert.ok(!body.includes(other), body);
  });

  test("the primary source gets one task per namesake, due in one working day", async () => {
    const pending = await tasks();
    assert.deepEqual(pending.map((t) => t.registrationId).sort(), ids.slice(1).sort());
    for (const t of pending) assert.equal(t.dueDate, NEXT_WORKING_DAY);
    // The task shows both persons and the comparison in words, and only to the primary source.
    const detail = await call(
      "GET",
      `/api/v1/screening-confirmations/${pending[0]!.id}`,
      h.officerA,
    );
    assert.equal(detail.statusCode, 200, detail.body);
    const d = detail.json() as {
      screenedPerson: { surname: string };
      registeredPerson: { birthDate: string };
      explanation: { field: string; agreement: string; text: string }[];
    };
    assert.equal(d.screenedPerson.surname, "Berg, van der", "what the querier typed");
    const date = d.explanation.find((e) => e.field === "birth_date");
    assert.ok(date && date.agreement !== "equal", JSON.stringify(d.explanation));
    const foreign = await call(
      "GET",
      `/api/v1/screening-confirmations/${pending[0]!.id}`,
      h.officerB,
    );
    assert.equal(foreign.statusCode, 404);
    // The querier cannot decide, nor read the tasks.
    const querier = await call("GET", "/api/v1/screening-confirmations", h.querierB);
    assert.equal(querier.statusCode, 403);
  });

  test("until the primary source decides, the answer read again tells nothing more", async () => {
    const again = await reread(first.id);
    assert.equal(again.results.length, 1);
    assert.equal(again.pending, true);
    // Another organisation cannot read B's screening.
    const other = await call("GET", `/api/v1/screenings/${first.id}`, h.querierA);
    assert.equal(other.statusCode, 404);
  });

  test("a confirmed namesake becomes a hit, rejected ones never show", async () => {
    const pending = await tasks();
    const byRegistration = new Map(pending.map((t) => [t.registrationId, t.id]));
    const decide = (id: string, decision: string) =>
      call("POST", `/api/v1/screening-confirmations/${id}/decision`, h.officerA, { decision });
    const confirmed = await decide(byRegistration.get(ids[1]!)!, "confirm");
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().status, "confirmed");
    for (const id of [ids[2]!, ids[3]!]) {
      assert.equal((await decide(byRegistration.get(id)!, "reject")).statusCode, 200);
    }
    const twice = await decide(byRegistration.get(ids[1]!)!, "reject");
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().error.code, "screening_candidate_already_decided");
    assert.deepEqual(await tasks(), []);
    // The typed data are gone from the decided task.
    const detail = await call(
      "GET",
      `/api/v1/screening-confirmations/${byRegistration.get(ids[2]!)}`,
      h.officerA,
    );
    assert.equal(detail.json().screenedPerson, undefined);

    const definite = await reread(first.id);
    assert.equal(definite.pending, false);
    assert.equal(definite.confirmationDue, undefined);
    assert.deepEqual(definite.results.map((r) => r.since).sort(), placements.slice(0, 2));
  });

  test("the decisions hold for the next screening of the same data: no new task", async () => {
    const next = await screen({ ...person, initials: "M.C." });
    assert.equal(next.pending, false);
    assert.deepEqual(next.results.map((r) => r.since).sort(), placements.slice(0, 2));
    assert.deepEqual(await tasks(), []);
  });

  test("a near spelling alone answers no hit and pending; the primary source's own people see it", async () => {
    const near = { ...person, surname: "Bergh", birthDate: "1985-03-14" };
    const other = await screen(near);
    assert.equal(other.hit, false);
    assert.equal(other.pending, true);
    assert.deepEqual(other.results, []);
    // The primary source's own querier screens its own register: the engine's candidates show.
    const own = await screen(near, h.querierA);
    assert.equal(own.hit, true);
    assert.equal(own.pending, false);
  });
});

describe("24-4 aedes-2021: a near match to a blocked seeker waits for the primary source", () => {
  const h = useDemoApi({ today: TODAY, profile: "aedes-2021" });
  const { call } = apiCalls(() => h.app);
  const person = { initials: "T.", surname: "Wachter", birthDate: "1979-11-02" };

  before(async () => {
    const registration = await placeRegistrationThroughApi(h.app, h.officerA, {
      person,
      categories: ["B.II"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    // The allocation system's seeker is a near match: a match proposal, never a block yet.
    const put = await call("PUT", "/api/v1/seekers/W-7", h.allocation, {
      person: { ...person, surname: "Wagter" },
    });
    assert.equal(put.statusCode, 201, put.body);
    const block = await call("GET", "/api/v1/seekers/W-7/block", h.allocation);
    assert.deepEqual(
      block.json(),
      { blocked: false },
      "fuzzy = pending confirmation, never a block",
    );
    const matches = await call("GET", "/api/v1/matches?status=pending", h.officerA);
    const m = (matches.json().items as { id: string; registrationId: string }[]).find(
      (x) => x.registrationId === registration.id,
    );
    assert.ok(m, matches.body);
    await call("POST", `/api/v1/matches/${m.id}/decision`, h.officerA, { decision: "confirm" });
    const blocked = await call("GET", "/api/v1/seekers/W-7/block", h.allocation);
    assert.equal(blocked.json().blocked, true);
  });

  test("exactly the registered person shows the block; a near spelling is pending until confirmed", async () => {
    const screen = async (body: object) => {
      const res = await call("POST", "/api/v1/screenings", h.querierB, {
        person: body,
        purpose: "allocation",
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Answer;
    };
    assert.equal((await screen(person)).hit, true, "exact identity with the registration");
    assert.equal(
      (await screen({ ...person, seekerNumber: "W-7" })).hit,
      true,
      "the blocked seeker",
    );
    const near = await screen({ ...person, surname: "Wachtér", initials: "T.J." });
    assert.equal(near.hit, false);
    assert.equal(near.pending, true);
    const list = await call("GET", "/api/v1/screening-confirmations", h.officerA);
    const [task] = (list.json() as { items: Task[] }).items;
    assert.ok(task, list.body);
    const decided = await call(
      "POST",
      `/api/v1/screening-confirmations/${task.id}/decision`,
      h.officerA,
      { decision: "confirm" },
    );
    assert.equal(decided.statusCode, 200, decided.body);
    const definite = await call("GET", `/api/v1/screenings/${near.id}`, h.querierB);
    const answer = definite.json() as Answer;
    assert.equal(answer.hit, true);
    assert.equal(answer.pending, false);
    assert.deepEqual(Object.keys(answer.results[0]!).sort(), ["appliesToCaller", "primarySource"]);
  });
});
