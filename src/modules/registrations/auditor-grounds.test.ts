/**
 * Issue 20 parts 2 and 3 for the auditor (003 §8 "gedocumenteerd herleidbaar", §12.1 "naam van
 * geautoriseerd functionaris", ch. 21; reviews 003-09, 003-35; D-960): the auditor reads what a
 * registration rests on — the evidence and the deciders' names — without the person or an
 * address, and the look is logged; no participant, querier or committee gets them there.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { TEST_WEIGHING } from "../../testing/evidence.ts";
import { apiCalls, assertRefused, signIn } from "../../testing/http.ts";
import { demoUser } from "../../testing/web.ts";

const dwelling = { street: "Auditlaan", houseNumber: "9", postcode: "9901 AB", city: "Lindendal" };
const vonnis = {
  criterion: "a",
  kind: "vonnis",
  date: "2026-03-02",
  reference: "ECLI:NL:RBGEL:2026:4321",
};

describe("003-09 003-35 the auditor sees the evidence and the deciders' names", () => {
  const fx = useDemoApi({ today: "2026-06-01" });
  const { call, ok } = apiCalls(() => fx.app);
  let id = "";

  test("003-09 003-35 the auditor reads the decision, its evidence and the officers by name, never the person or an address; the look is logged", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        person: { initials: "G.", surname: "Grondslag", birthDate: "1980-08-08" },
        dwellingAddress: dwelling,
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
        evidence: [vonnis],
        weighing: TEST_WEIGHING,
      },
      201,
    );
    id = created.id;
    const grounds = await ok("GET", `/api/v1/registrations/${id}/grounds`, fx.auditor);
    assert.deepEqual(grounds.evidence, [vonnis]);
    assert.equal(grounds.decidedBy.name, "Demo officer");
    assert.equal(grounds.enteredBy.name, "Demo officer");
    assert.equal(grounds.decidedOn, "2026-06-01");
    assert.deepEqual(grounds.categories, ["A.I"]);
    assert.equal(grounds.protocolVersion, created.protocolVersion);
    assert.equal(grounds.primarySource.id, fx.demo.organisations[0]!.id);
    for (const field of ["person", "address", "contactAddress", "dwellingAddress"]) {
      assert.ok(!(field in grounds), `no ${field} for the auditor`);
    }
    assert.doesNotMatch(JSON.stringify(grounds), /Grondslag|Auditlaan|1980-08-08/);

    const log = await ok(
      "GET",
      "/api/v1/audit?action=registration.grounds_viewed&pageSize=500",
      fx.auditor,
    );
    assert.ok(
      log.items.some((e: { objectId: string }) => e.objectId === id),
      "the auditor's look is in the audit log",
    );
  });

  test("003-09 003-35 another participant, a querier, the consortium and the committee never get the grounds route", async () => {
    const committee = await signIn(fx.app, fx.ctx.clock, demoUser(fx.demo, "committee"));
    for (const headers of [fx.officerA, fx.officerB, fx.querierA, fx.querierB, fx.admin]) {
      assertRefused(
        await call("GET", `/api/v1/registrations/${id}/grounds`, headers),
        403,
        "forbidden",
      );
    }
    assertRefused(
      await call("GET", `/api/v1/registrations/${id}/grounds`, committee.headers),
      403,
      "forbidden",
    );
    // Nor does another participant or a querier reach the evidence or the names elsewhere.
    assertRefused(await call("GET", `/api/v1/registrations/${id}`, fx.officerB), 404, "not_found");
    assertRefused(await call("GET", `/api/v1/registrations/${id}`, fx.querierA), 403, "forbidden");
    for (const headers of [fx.officerB, fx.querierA, fx.querierB]) {
      const screening = await call("POST", "/api/v1/screenings", headers, {
        person: { initials: "G.", surname: "Grondslag", birthDate: "1980-08-08" },
        purpose: "allocation",
      });
      assert.equal(screening.statusCode, 200, screening.body);
      assert.doesNotMatch(screening.body, /RBGEL|vonnis|Demo officer/);
    }
    // The consortium reads the register, but not the name of another organisation's officer.
    const byAdmin = await ok("GET", `/api/v1/registrations/${id}`, fx.admin);
    assert.equal(byAdmin.decidedBy.name, null);
  });

  test("003-09 the committee reads the evidence in the case file it judges, without the officers' names", async () => {
    const committee = await signIn(fx.app, fx.ctx.clock, demoUser(fx.demo, "committee"));
    const opened = await ok(
      "POST",
      "/api/v1/cases",
      committee.headers,
      { type: "hardship", registrationId: id, receivedDate: "2026-06-01" },
      201,
    );
    const file = await ok("GET", `/api/v1/cases/${opened.id}`, committee.headers);
    assert.deepEqual(file.registrationEvidence, [vonnis]);
    assert.doesNotMatch(JSON.stringify(file), /Demo officer/);
    assertRefused(await call("GET", `/api/v1/cases/${opened.id}`, fx.officerB), 404, "not_found");
  });

  test("an unknown registration is 404 for the auditor", async () => {
    assertRefused(
      await call(
        "GET",
        "/api/v1/registrations/00000000-0000-4000-8000-000000000000/grounds",
        fx.auditor,
      ),
      404,
      "not_found",
    );
  });
});
