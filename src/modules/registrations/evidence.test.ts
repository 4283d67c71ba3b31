/**
 * Issue 20 parts 2 and 5 through the front door: the evidence trail per criterion (003 §8
 * "gedocumenteerd herleidbaar", §12.1, §12.2; 001 Bijlage 1; reviews 003-09, 001-06), the
 * person's relation to the tenancy (003 ch. 5 Hoofdregel; review 003-05) and the two addresses
 * (003 §12.1 vs §16.3; 001 §3.4; review 003-66).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { TEST_WEIGHING } from "../../testing/evidence.ts";
import { apiCalls, assertRefused } from "../../testing/http.ts";
import { pdfLayoutText } from "../../testing/letter-fixtures.ts";

const dwelling = { street: "Lindelaan", houseNumber: "12", postcode: "9901 AB", city: "Lindendal" };
const contact = { street: "Elders", houseNumber: "3", postcode: "9902 CD", city: "Valleidorp" };
const vonnis = {
  criterion: "a",
  kind: "vonnis",
  date: "2026-03-02",
  reference: "ECLI:NL:RBGEL:2026:1234",
};

describe("aedes-2021: evidence, tenancy relation and addresses", () => {
  const fx = useDemoApi({ today: "2026-06-01" });
  const { call, ok } = apiCalls(() => fx.app);
  const person = { initials: "B.", surname: "Bewijsstuk", birthDate: "1981-04-04" };
  const nuisance = {
    person,
    dwellingAddress: dwelling,
    contactAddress: contact,
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: "2026-05-01",
  };
  const post = (body: object) =>
    call("POST", "/api/v1/registrations", fx.officerA, { weighing: TEST_WEIGHING, ...body });

  test("003-09 a criterion without evidence is refused: 422 evidence_missing naming the rule and article", async () => {
    const res = await post(nuisance);
    assertRefused(res, 422, "evidence_missing");
    const { error } = res.json();
    assert.equal(error.details.rule, "evidence_missing");
    assert.match(error.details.source, /003 §5 Formele criteria a/);
    assert.deepEqual(error.details.violations[0].details.allowed, [
      "vonnis",
      "proces_verbaal_ontruiming",
    ]);
    // A proces-verbaal alone is not enough for criterion a: the judgment is required.
    const withoutJudgment = await post({
      ...nuisance,
      evidence: [{ criterion: "a", kind: "proces_verbaal_ontruiming", date: "2026-05-01" }],
    });
    assertRefused(withoutJudgment, 422, "evidence_missing");
    assert.deepEqual(withoutJudgment.json().error.details.violations[0].details.missing, [
      "vonnis",
    ]);
  });

  test("003-09 evidence of a kind the criterion does not take is refused with 422 naming criterion and kind", async () => {
    const res = await post({
      ...nuisance,
      evidence: [vonnis, { criterion: "a", kind: "schaderapport", date: "2026-05-01" }],
    });
    assertRefused(res, 422, "evidence_kind_not_allowed");
    assert.match(res.json().error.message, /"schaderapport".*criterion "a"/);
    const other = await post({
      ...nuisance,
      evidence: [vonnis, { criterion: "d", kind: "schaderapport", date: "2026-05-01" }],
    });
    assertRefused(other, 422, "evidence_criterion_not_given");
  });

  test("003-09 evidence dates and references: not after today (422), not before 1900, never prose, at most 40 characters (400)", async () => {
    const future = await post({ ...nuisance, evidence: [{ ...vonnis, date: "2026-06-02" }] });
    assertRefused(future, 422, "evidence_date_in_future");
    const old = await post({ ...nuisance, evidence: [{ ...vonnis, date: "1899-12-31" }] });
    assertRefused(old, 400, "invalid_input");
    for (const reference of [
      "vonnis over hennepteelt in de kelder",
      "Zaak 12345 van de buren",
      "HENNEP IN KELDER",
      `C/09/${"1".repeat(40)}`,
    ]) {
      const res = await post({ ...nuisance, evidence: [{ ...vonnis, reference }] });
      assertRefused(res, 400, "invalid_input");
    }
    const unknownField = await post({ ...nuisance, evidence: [{ ...vonnis, note: "x" }] });
    assert.equal(unknownField.statusCode, 400, unknownField.body);
    for (const reference of [
      "C/09/612345 / KG ZA 26-123",
      "8123456 CV EXPL 26-1234",
      "ECLI:NL:HR:2026:12",
      "PL0900-2026012345-1",
    ]) {
      const res = await post({ ...nuisance, evidence: [{ ...vonnis, reference }] });
      assert.equal(res.statusCode, 201, `${reference}: ${res.body}`);
    }
  });

  test("003-09 the evidence is stored and shown to the primary source's officer, never to the consortium admin, a querier or another participant", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        weighing: TEST_WEIGHING,
        ...nuisance,
        person: { ...person, surname: "Zichtbaar" },
        evidence: [vonnis],
        tenancyRelation: "huurder",
      },
      201,
    );
    assert.ok(!JSON.stringify(created).includes("ECLI"), "the 201 holds no evidence");
    const own = await ok("GET", `/api/v1/registrations/${created.id}`, fx.officerA);
    assert.deepEqual(own.evidence, [vonnis]);
    assert.equal(own.tenancyRelation, "huurder");
    // The consortium admin reads the register, not the grounds (issue 20 part 2: "shown to the
    // primary source, the auditor and the committee only").
    const admin = await ok("GET", `/api/v1/registrations/${created.id}`, fx.admin);
    assert.equal(admin.evidence, undefined);
    assert.ok(!JSON.stringify(admin).includes("ECLI"), "nothing of the evidence reaches the admin");
    assertRefused(
      await call("GET", `/api/v1/registrations/${created.id}`, fx.querierA),
      403,
      "forbidden",
    );
    assertRefused(
      await call("GET", `/api/v1/registrations/${created.id}`, fx.officerB),
      404,
      "not_found",
    );
    for (const headers of [fx.querierA, fx.querierB, fx.officerB]) {
      const screening = await call("POST", "/api/v1/screenings", headers, {
        person: { ...person, surname: "Zichtbaar" },
        purpose: "allocation",
      });
      assert.equal(screening.statusCode, 200, screening.body);
      assert.doesNotMatch(screening.body, /ECLI|vonnis|RBGEL/);
    }
    // At rest the evidence is encrypted like the person and the addresses.
    const [row] = await fx.ctx.database.query<{ evidence_ciphertext: string }>(
      "SELECT evidence_ciphertext FROM registration WHERE id = $1",
      [created.id],
    );
    assert.ok(row!.evidence_ciphertext.startsWith("ws1."), row!.evidence_ciphertext.slice(0, 8));
    assert.doesNotMatch(row!.evidence_ciphertext, /RBGEL/);
  });

  test("003-05 a woningzoekende is registered only under IX criterion e.i; other combinations 422", async () => {
    const seeker = await post({
      person: { ...person, surname: "Zoeker" },
      categories: ["E.IX"],
      criteria: ["e.i"],
      placementDate: "2026-05-01",
      tenancyRelation: "woningzoekende",
      evidence: [{ criterion: "e.i", kind: "besluit_uitsluiting", date: "2026-05-01" }],
    });
    assert.equal(seeker.statusCode, 201, "e.i needs no rented dwelling either");
    const wrong = await post({
      ...nuisance,
      evidence: [vonnis],
      tenancyRelation: "woningzoekende",
    });
    assertRefused(wrong, 422, "tenancy_relation_not_allowed");
    assert.match(wrong.json().error.details.source, /003 hoofdstuk 5 Hoofdregel/);
    const coTenant = await post({
      ...nuisance,
      evidence: [vonnis],
      tenancyRelation: "medehuurder",
    });
    assert.equal(coTenant.statusCode, 201, coTenant.body);
    const unknown = await post({
      ...nuisance,
      evidence: [vonnis],
      tenancyRelation: "onderhuurder",
    });
    assertRefused(unknown, 400, "invalid_input");
  });

  test("003-66 003-35 two addresses: stored apart; a tenancy criterion needs the dwelling (422); v1 address is read as both; both forms at once 400", async () => {
    const two = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        weighing: TEST_WEIGHING,
        ...nuisance,
        evidence: [vonnis],
      },
      201,
    );
    const view = await ok("GET", `/api/v1/registrations/${two.id}`, fx.officerA);
    assert.deepEqual(view.dwellingAddress, dwelling);
    assert.deepEqual(view.contactAddress, contact);
    assert.deepEqual(view.address, contact, "v1 readers get the contact address");

    const { dwellingAddress: _d, contactAddress: _c, ...noAddress } = nuisance;
    const missing = await post({ ...noAddress, evidence: [vonnis] });
    assertRefused(missing, 422, "dwelling_address_missing");

    const v1 = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        weighing: TEST_WEIGHING,
        ...noAddress,
        address: dwelling,
        evidence: [vonnis],
      },
      201,
    );
    const v1view = await ok("GET", `/api/v1/registrations/${v1.id}`, fx.officerA);
    assert.deepEqual(v1view.dwellingAddress, dwelling);
    assert.deepEqual(v1view.contactAddress, dwelling);

    const both = await post({ ...nuisance, address: dwelling, evidence: [vonnis] });
    assertRefused(both, 400, "invalid_input");

    // Moved away to an unknown destination: the dwelling alone; the letter is documented.
    const gone = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        weighing: TEST_WEIGHING,
        ...noAddress,
        dwellingAddress: dwelling,
        evidence: [vonnis],
      },
      201,
    );
    const letters = await ok("GET", `/api/v1/letters?registrationId=${gone.id}`, fx.officerA);
    assert.equal(letters.items[0].channel, "none", "no contact address: the letter is documented");
  });

  test("003-66 a change of the contact address leaves the rented dwelling as recorded", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        weighing: TEST_WEIGHING,
        ...nuisance,
        person: { ...person, surname: "Verhuisd" },
        evidence: [vonnis],
      },
      201,
    );
    const moved = { ...contact, houseNumber: "99" };
    await ok("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
      contactAddress: moved,
    });
    const view = await ok("GET", `/api/v1/registrations/${created.id}`, fx.officerA);
    assert.deepEqual(view.contactAddress, moved);
    assert.deepEqual(view.dwellingAddress, dwelling);
    assert.deepEqual(view.evidence, [vonnis], "the evidence stays with an address change");
  });

  test("003-66 a registration from before the two addresses reads its one address as both, until the contact address moves", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        ...nuisance,
        person: { ...person, surname: "Oudadres" },
        evidence: [vonnis],
        weighing: TEST_WEIGHING,
      },
      201,
    );
    // As the migration leaves it (D-822): no dwelling of its own, the contact address for both.
    await fx.ctx.database.query(
      `UPDATE registration SET dwelling_address_ciphertext = NULL, dwelling_is_contact = true
       WHERE id = $1`,
      [created.id],
    );
    const legacy = await ok("GET", `/api/v1/registrations/${created.id}`, fx.officerA);
    assert.deepEqual(legacy.dwellingAddress, contact);
    const moved = { ...contact, houseNumber: "77" };
    await ok("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
      contactAddress: moved,
    });
    const after = await ok("GET", `/api/v1/registrations/${created.id}`, fx.officerA);
    assert.deepEqual(after.contactAddress, moved);
    assert.deepEqual(after.dwellingAddress, contact, "the old address stays the dwelling");
  });

  test("003-09 001-06 GET /protocol lists each criterion's evidence kinds, their Dutch labels and who may be registered", async () => {
    const p = await ok("GET", "/api/v1/protocol", fx.querierA);
    const a = p.criteria.find((c: { code: string }) => c.code === "a");
    assert.deepEqual(a.evidenceKinds, ["vonnis", "proces_verbaal_ontruiming"]);
    assert.deepEqual(a.requiredKinds, ["vonnis"]);
    assert.equal(a.dwellingAddressRequired, true);
    assert.deepEqual(a.tenancyRelations, ["huurder", "medehuurder"]);
    const ei = p.criteria.find((c: { code: string }) => c.code === "e.i");
    assert.deepEqual(ei.tenancyRelations, ["huurder", "medehuurder", "woningzoekende"]);
    assert.equal(ei.dwellingAddressRequired, false);
    assert.equal(p.evidenceKindLabels.vonnis, "Vonnis of beschikking van de rechter");
  });
});

describe("keurmerk-2013: the evidence conditions of 001 Bijlage 1", () => {
  const fx = useDemoApi({ today: "2026-06-15", profile: "keurmerk-2013" });
  const { call, ok } = apiCalls(() => fx.app);
  const person = { initials: "W.", surname: "Sommatie", birthDate: "1975-05-05" };
  const w1 = {
    person,
    dwellingAddress: dwelling,
    contactAddress: contact,
    categories: ["W1"],
    criteria: ["W1.2"],
    placementDate: "2026-06-01",
  };

  test("001-06 W1.2 needs the two sommaties, the verklaringen and the invitation, each on record", async () => {
    const partial = await call("POST", "/api/v1/registrations", fx.officerA, {
      weighing: TEST_WEIGHING,
      ...w1,
      evidence: [{ criterion: "W1.2", kind: "twee_sommaties", date: "2026-01-10" }],
    });
    assertRefused(partial, 422, "evidence_missing");
    assert.deepEqual(partial.json().error.details.violations[0].details.missing, [
      "verklaringen",
      "uitnodiging_gesprek",
    ]);
    assert.match(partial.json().error.details.source, /001 Bijlage 1 W1, formeel criterium 2/);
    const full = await call("POST", "/api/v1/registrations", fx.officerA, {
      weighing: TEST_WEIGHING,
      ...w1,
      evidence: [
        { criterion: "W1.2", kind: "twee_sommaties", date: "2026-01-10" },
        { criterion: "W1.2", kind: "verklaringen", date: "2026-02-01" },
        { criterion: "W1.2", kind: "uitnodiging_gesprek", date: "2026-02-15" },
      ],
    });
    assert.equal(full.statusCode, 201, full.body);
  });

  test("001-06 W2.2 needs the inspection report and the photographs of the damage", async () => {
    const res = await call("POST", "/api/v1/registrations", fx.officerA, {
      weighing: TEST_WEIGHING,
      ...w1,
      categories: ["W2"],
      criteria: ["W2.2"],
      claimCents: 80_000,
      evidence: [{ criterion: "W2.2", kind: "schaderapport", date: "2026-06-01" }],
    });
    assertRefused(res, 422, "evidence_missing");
    assert.deepEqual(res.json().error.details.violations[0].details.missing, ["fotos_schade"]);
  });

  test("003-66 001 §3.4 the placement letter goes to the contact address and names the dwelling under its own heading", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        weighing: TEST_WEIGHING,
        ...w1,
        person: { ...person, surname: "Tweeadres" },
        criteria: ["W1.1"],
        evidence: [{ criterion: "W1.1", kind: "vonnis", date: "2026-05-20" }],
      },
      201,
    );
    const letters = await ok("GET", `/api/v1/letters?registrationId=${created.id}`, fx.officerA);
    const letter = letters.items[0];
    const pdf = await call("GET", `/api/v1/letters/${letter.id}/pdf`, fx.officerA);
    const text = pdfLayoutText(pdf.rawPayload);
    assert.match(text, /Elders 3/, "addressed to the contact address");
    assert.match(
      text,
      /Adres van de woning Lindelaan 12, 9901 AB Lindendal \(de gehuurde woning waarover de registratie gaat\)/,
    );
  });
});
