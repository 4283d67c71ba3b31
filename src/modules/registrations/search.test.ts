/**
 * Finding a person in one's own register (issue 21 part 6; usability review defect 3): by
 * initials, surname and birth date through the blind index and the matching engine, ranked,
 * over the caller organisation's registrations only, every search audited with its purpose.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { apiCalls, assertRefused } from "../../testing/http.ts";
import { openapiOperations } from "../../testing/openapi.ts";

const fx = useDemoApi({ today: "2026-06-01" });
const { call, ok } = apiCalls(() => fx.app);

const JANSEN = { initials: "H.W.", surname: "Jansen", birthDate: "1980-04-12" };
const registration = (person: object, categories = ["A.I"]) =>
  withEvidence({ person, categories, criteria: ["a"], placementDate: "2026-05-01" });

let ownId: string;
let otherOwnId: string;
let atBId: string;

const search = (headers: Record<string, string>, person: object, purpose = "person_contact") =>
  call("POST", "/api/v1/registrations/search", headers, { person, purpose });

describe("POST /registrations/search", () => {
  before(async () => {
    ownId = (await ok("POST", "/api/v1/registrations", fx.officerA, registration(JANSEN), 201)).id;
    // A different person of the same organisation who shares a blind key (same birth date).
    otherOwnId = (
      await ok(
        "POST",
        "/api/v1/registrations",
        fx.officerA,
        registration({ initials: "H.", surname: "Janssens", birthDate: "1980-04-12" }),
        201,
      )
    ).id;
    // The same person at another participant: never in A's search (003 §6.3).
    atBId = (await ok("POST", "/api/v1/registrations", fx.officerB, registration(JANSEN), 201)).id;
  });

  test("a spelling variant finds the person, ranked, with the comparison in words; own organisation only", async () => {
    const res = await search(fx.officerA, { ...JANSEN, surname: "Janssen" });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.purpose, "person_contact");
    const ids = body.results.map((r: { registration: { id: string } }) => r.registration.id);
    assert.equal(ids[0], ownId, "the person themselves first");
    assert.ok(!ids.includes(atBId), "another participant's registration is never found");
    const first = body.results[0];
    assert.equal(first.likely, true);
    assert.equal(first.person.surname, "Jansen", "the officer sees whom it is about");
    assert.deepEqual(first.registration.categories, ["A.I"]);
    assert.ok(
      first.explanation.some((e: { text: string }) => /Janssen\/Jansen/.test(e.text)),
      JSON.stringify(first.explanation),
    );
    if (ids.includes(otherOwnId)) {
      const other = body.results.find(
        (r: { registration: { id: string } }) => r.registration.id === otherOwnId,
      );
      assert.ok(other.score < first.score, "ranked by score");
    }
  });

  test("someone not in the register: an empty list", async () => {
    const res = await search(fx.officerA, {
      initials: "Q.",
      surname: "Onbekend",
      birthDate: "1991-01-01",
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().results, []);
  });

  test("every search is audited with its purpose and the ids shown, never the name", async () => {
    await ok("POST", "/api/v1/registrations/search", fx.officerA, {
      person: JANSEN,
      purpose: "rights_request",
    });
    const audit = await ok("GET", "/api/v1/audit?action=registration.searched", fx.auditor);
    const entry = audit.items.find(
      (e: { details: { purpose: string } }) => e.details.purpose === "rights_request",
    );
    assert.ok(entry, JSON.stringify(audit.items));
    assert.ok(entry.details.registrationIds.includes(ownId));
    assert.ok(!JSON.stringify(entry).includes("Jansen"), "no name in the audit log");
  });

  test("a querier may not search the register (403); the consortium admin searches its own organisation", async () => {
    assertRefused(await search(fx.querierA, JANSEN), 403, "forbidden");
    const admin = await search(fx.admin, JANSEN);
    assert.equal(admin.statusCode, 200, admin.body);
    assert.deepEqual(admin.json().results, []);
  });

  test("the contract's body { person } is accepted; the search is audited as purpose not stated", async () => {
    const answer = await call("POST", "/api/v1/registrations/search", fx.officerA, {
      person: JANSEN,
    });
    assert.equal(answer.statusCode, 200, answer.body);
    assert.equal(answer.json().purpose, null);
    assert.ok(answer.json().results.length >= 1);
    const events = (await ok("GET", "/api/v1/audit?action=registration.searched", fx.auditor))
      .items;
    const last = events.find((e: { details: { purpose: unknown } }) => e.details.purpose === null);
    assert.ok(last, "a search without a purpose is audited with purpose null");
  });

  test("bad input: a stable code per field, in the contract's shape; nothing is audited", async () => {
    const before = (await ok("GET", "/api/v1/audit?action=registration.searched", fx.auditor)).items
      .length;
    const badPurpose = await search(fx.officerA, JANSEN, "curiosity");
    assert.equal(badPurpose.statusCode, 400);
    assert.match(badPurpose.body, /purpose/);
    const noDate = await search(fx.officerA, { initials: "H.W.", surname: "Jansen" });
    assert.equal(noDate.statusCode, 400);
    assert.match(noDate.body, /birthDate/);
    const unknown = await search(fx.officerA, { ...JANSEN, address: "Kerkstraat 1" });
    assertRefused(unknown, 400, "unknown_field");
    const after = (await ok("GET", "/api/v1/audit?action=registration.searched", fx.auditor)).items
      .length;
    assert.equal(after, before);
  });

  test("the route is in the OpenAPI document, and there is no GET with the person in the URL", async () => {
    const ops = await openapiOperations(fx.app);
    const op = ops.find((o) => o.path === "/api/v1/registrations/search");
    assert.ok(op, "documented");
    assert.equal(op.method.toLowerCase(), "post");
    assert.ok(
      !ops.some(
        (o) => o.path === "/api/v1/registrations/search" && o.method.toLowerCase() === "get",
      ),
    );
  });
});
