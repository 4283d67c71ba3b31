/**
 * Review row 003-02 (protocol-2026-12.md): the decision is taken by "de daartoe aangewezen
 * geautoriseerd functionaris", who makes the "belangenafweging" and applies proportionality
 * (003 §12.1 "Vastleggende partij", §7, §4; D-1060). The officer's weighing is data on every
 * decision — a new registration, a draft's confirmation, a change of term or categories —
 * stored with the registration and shown to the primary source, the auditor and the committee,
 * never to another participant or the consortium.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { SHORTER_WEIGHING, TEST_WEIGHING, withEvidence } from "../../testing/evidence.ts";
import { apiCalls, assertRefused, signIn } from "../../testing/http.ts";
import { demoUser } from "../../testing/web.ts";

const dwelling = { street: "Weegstraat", houseNumber: "2", postcode: "9901 AB", city: "Lindendal" };

describe("003-02 the officer's weighing is recorded with the decision", () => {
  const fx = useDemoApi({ today: "2026-06-01" });
  const { call, ok } = apiCalls(() => fx.app);
  const body = (surname: string, extra: object = {}) => ({
    ...withEvidence({
      person: { initials: "W.", surname, birthDate: "1980-02-02" },
      dwellingAddress: dwelling,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    }),
    ...extra,
  });
  const count = async () =>
    (await ok("GET", "/api/v1/registrations?pageSize=200", fx.officerA)).total as number;
  let id = "";

  test("003-02 a decision without the officer's weighing is refused (422 naming 003 §12.1 and the field); nothing is written", async () => {
    const before = await count();
    const without: Record<string, unknown> = body("Zonderafweging");
    delete without.weighing;
    const refused = await call("POST", "/api/v1/registrations", fx.officerA, without);
    assertRefused(refused, 422, "weighing_required");
    const error = refused.json().error;
    assert.match(error.details.source, /003 §12\.1/);
    assert.deepEqual(error.details.violations.at(-1).details, { field: "weighing" });
    const noReason = await call(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      body("Zonderreden", {
        termMonths: 12,
        weighing: { interestsWeighed: true, term: "shorter" },
      }),
    );
    assertRefused(noReason, 422, "shorter_term_reason_required");
    const notWeighed = await call(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      body("Nietgewogen", { termMonths: 12, weighing: TEST_WEIGHING }),
    );
    assertRefused(notWeighed, 422, "shorter_term_not_weighed");
    const notAsked = await call(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      body("Nietafgewogen", { weighing: { interestsWeighed: false, term: "standard" } }),
    );
    assertRefused(notAsked, 422, "weighing_required");
    const prose = await call(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      body("Proza", { weighing: { ...TEST_WEIGHING, note: "zwaar gewogen" } }),
    );
    assert.equal(prose.statusCode, 400, "no free text in the weighing");
    assert.equal(await count(), before, "nothing is written");
  });

  test("003-02 the weighing is stored and shown to the primary source, the auditor and the committee, never to the consortium", async () => {
    const weighing = {
      interestsWeighed: true,
      term: "shorter",
      shorterReason: "new_chance_guidance",
    };
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      body("Gewogen", { termMonths: 12, weighing }),
      201,
    );
    id = created.id;
    assert.deepEqual(created.weighing, weighing);
    assert.equal(created.termMonths, 12);
    const own = await ok("GET", `/api/v1/registrations/${id}`, fx.officerA);
    assert.deepEqual(own.weighing, weighing);
    const grounds = await ok("GET", `/api/v1/registrations/${id}/grounds`, fx.auditor);
    assert.deepEqual(grounds.weighing, weighing);
    const byAdmin = await ok("GET", `/api/v1/registrations/${id}`, fx.admin);
    assert.ok(!("weighing" in byAdmin), "the consortium does not read the weighing");
    assertRefused(await call("GET", `/api/v1/registrations/${id}`, fx.officerB), 404, "not_found");
    const committee = await signIn(fx.app, fx.ctx.clock, demoUser(fx.demo, "committee"));
    const opened = await ok(
      "POST",
      "/api/v1/cases",
      committee.headers,
      { type: "hardship", registrationId: id, receivedDate: "2026-06-01" },
      201,
    );
    const file = await ok("GET", `/api/v1/cases/${opened.id}`, committee.headers);
    assert.deepEqual(file.registrationWeighing, weighing);
  });

  test("003-02 a change of the term is weighed again: refused without a weighing, recorded with it", async () => {
    const refused = await call("PATCH", `/api/v1/registrations/${id}`, fx.officerA, {
      termMonths: 24,
      reason: "new_documented_facts",
    });
    assertRefused(refused, 422, "weighing_required");
    const changed = await ok("PATCH", `/api/v1/registrations/${id}`, fx.officerA, {
      termMonths: 18,
      reason: "proportionality_reweighed",
      weighing: SHORTER_WEIGHING,
    });
    assert.deepEqual(changed.weighing, SHORTER_WEIGHING);
    assert.equal(changed.termMonths, 18);
  });

  test("003-02 a registration from before shows its weighing as not recorded (null)", async () => {
    await fx.ctx.database.query("UPDATE registration SET weighing = NULL WHERE id = $1", [id]);
    const own = await ok("GET", `/api/v1/registrations/${id}`, fx.officerA);
    assert.equal(own.weighing, null);
  });

  test("003-02 an imported draft gets its weighing from the confirming officer; without it the draft stays as it was", async () => {
    const header =
      "initials,surname,birthDate,categories,criteria,placementDate,claimCents,street,houseNumber,postcode,city,evidence";
    const res = await call(
      "POST",
      "/api/v1/registrations/import?dryRun=false",
      { ...fx.officerA, "content-type": "text/csv" },
      [
        header,
        "C.,Afweegconcept,1975-07-07,A.I,a,2026-05-01,,Kerkstraat,1,9901 AB,Lindendal,a|vonnis|2026-03-01",
      ].join("\n"),
    );
    assert.equal(res.statusCode, 200, res.body);
    const importId = res.json().importId;
    const drafts = await ok("GET", "/api/v1/registrations?status=draft", fx.officerA);
    const draft = drafts.items.find((r: { importId: string }) => r.importId === importId);
    assert.equal(draft.weighing, null, "an import records no weighing");
    const before = await ok("GET", `/api/v1/registrations/${draft.id}`, fx.officerA);
    const refused = await call(
      "POST",
      `/api/v1/registrations/${draft.id}/confirmation`,
      fx.officerA,
      {
        declaration: true,
      },
    );
    assertRefused(refused, 422, "weighing_required");
    const still = await ok("GET", `/api/v1/registrations/${draft.id}`, fx.officerA);
    assert.deepEqual(still, before);
    const confirmed = await ok(
      "POST",
      `/api/v1/registrations/${draft.id}/confirmation`,
      fx.officerA,
      { declaration: true, weighing: TEST_WEIGHING },
    );
    assert.equal(confirmed.status, "active");
    assert.deepEqual(confirmed.weighing, TEST_WEIGHING);
  });
});
