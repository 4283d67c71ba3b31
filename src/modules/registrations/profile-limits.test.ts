/**
 * Issue 20 parts 6, 7 and 9 through the front door: the protocol version on every
 * registration and case (003-75), the person fields each profile may store (001-04), and the
 * kkr category PSY that a region must switch on with a recorded legal basis (000-08, H-7).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { getProfile, protocolVersionOf } from "../../protocol/index.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { TEST_WEIGHING, withEvidence } from "../../testing/evidence.ts";
import { apiCalls } from "../../testing/http.ts";
import { pdfLayoutText } from "../../testing/letter-fixtures.ts";

type Headers = Record<string, string>;

const address = { street: "Kerkstraat", houseNumber: "12", postcode: "9901 AB", city: "Lindendal" };

/** The registrations table as the primary source lists it: how many there are. */
async function countOf(ok: ReturnType<typeof apiCalls>["ok"], headers: Headers) {
  return (await ok("GET", "/api/v1/registrations?pageSize=200", headers)).items.length as number;
}

describe("001-04 keurmerk-2013 stores only the person fields of 001 §4.2", () => {
  const fx = useDemoApi({ today: "2026-06-15", profile: "keurmerk-2013" });
  const { call, ok } = apiCalls(() => fx.app);
  const person = {
    initials: "K.",
    prefix: "de",
    surname: "Vierpunttwee",
    birthName: "Jansen",
    birthDate: "1980-02-02",
  };
  const w2 = {
    address,
    categories: ["W2"],
    criteria: ["W2.1"],
    placementDate: "2026-06-01",
    claimCents: 150_000,
  };

  test("001-04 keurmerk refuses e-mail, gender and first names", async () => {
    const before = await countOf(ok, fx.officerA);
    const res = await call(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({
        ...w2,
        person: { ...person, email: "k@example.org", gender: "M", firstNames: "Karel" },
      }),
    );
    assert.equal(res.statusCode, 400, res.body);
    const error = res.json().error;
    assert.equal(error.code, "person_field_not_in_profile");
    assert.deepEqual(error.details.fields, ["person.firstNames", "person.gender", "person.email"]);
    assert.match(error.message, /firstNames, gender, email/);
    assert.match(error.details.source, /001 §4\.2/);
    assert.equal(await countOf(ok, fx.officerA), before, "nothing was written");
  });

  test("001-04 keurmerk refuses the inschrijfnummer too, and each field alone names itself", async () => {
    for (const [field, value] of [
      ["seekerNumber", "MK-1"],
      ["email", "k@example.org"],
      ["gender", "V"],
      ["firstNames", "Karel"],
    ] as const) {
      const res = await call(
        "POST",
        "/api/v1/registrations",
        fx.officerA,
        withEvidence({
          ...w2,
          person: { ...person, [field]: value },
        }),
      );
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.deepEqual(res.json().error.details.fields, [`person.${field}`]);
    }
  });

  test("001-04 a W2 claim decides the term but is not stored (001 §4.2 lists no amount)", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({ ...w2, person: { ...person, surname: "Schadeschijf" } }),
      201,
    );
    assert.equal(created.claimCents, null);
    const stored = await ok("GET", `/api/v1/registrations/${created.id}`, fx.officerA);
    assert.equal(stored.claimCents, null);
    const [row] = await fx.ctx.database.query<{ claim_cents: string | null; term_months: number }>(
      "SELECT claim_cents, term_months FROM registration WHERE id = $1",
      [created.id],
    );
    assert.equal(row!.claim_cents, null, "no amount in the table");
    assert.equal(row!.term_months, created.termMonths);
    // A correction keeps the decision; a new decision needs the amount again.
    const corrected = await ok("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
      address: { ...address, houseNumber: "20" },
    });
    assert.equal(corrected.endDate, created.endDate);
    const redecided = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
      reason: "placement_date_corrected",
      placementDate: "2026-06-02",
    });
    assert.equal(redecided.statusCode, 422, redecided.body);
    assert.equal(redecided.json().error.code, "claim_required");
    const withAmount = await ok("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
      reason: "placement_date_corrected",
      placementDate: "2026-06-02",
      claimCents: 150_000,
    });
    assert.equal(withAmount.claimCents, null);
    assert.equal(withAmount.termMonths, created.termMonths);
  });

  test("001-04 the fields of 001 §4.2 are accepted, and a change cannot add a refused field", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({ ...w2, person }),
      201,
    );
    const patched = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
      person: { ...person, email: "later@example.org" },
    });
    assert.equal(patched.statusCode, 400, patched.body);
    assert.equal(patched.json().error.code, "person_field_not_in_profile");
    const stored = await ok("GET", `/api/v1/registrations/${created.id}`, fx.officerA);
    assert.equal(stored.person.email, undefined, "the refused change left the person as it was");
    assert.equal(stored.person.birthName, "Jansen");
  });

  test("001-04 the CSV initial load refuses a line with a field the profile does not store", async () => {
    const csv = [
      "initials,surname,birthDate,email,categories,criteria,placementDate,claimCents",
      "K.,Csvpunt,1981-01-01,c@example.org,W2,W2.1,2026-06-01,150000",
    ].join("\n");
    const res = await fx.app.inject({
      method: "POST",
      url: "/api/v1/registrations/import?dryRun=true",
      headers: { ...fx.officerA, "content-type": "text/csv" },
      payload: csv,
    });
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json();
    assert.equal(report.rows[0].outcome, "refused");
    assert.equal(report.rows[0].errors[0].code, "person_field_not_in_profile");
  });

  test("001-04 GET /protocol lists the person fields the profile stores", async () => {
    const p = await ok("GET", "/api/v1/protocol", fx.querierA);
    assert.deepEqual(p.personFields, ["initials", "prefix", "surname", "birthName", "birthDate"]);
    assert.equal(p.version, protocolVersionOf(getProfile("keurmerk-2013")));
    assert.deepEqual(p.participantKinds, ["private_landlord"]);
    assert.equal(p.participantAgentRequired, true);
  });
});

describe("001-04 aedes-2021 keeps the fields of 003 §12.1", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { ok } = apiCalls(() => fx.app);

  test("001-04 aedes accepts e-mail, gender, first names and the inschrijfnummer (003 §12.1)", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({
        person: {
          initials: "A.",
          firstNames: "Anna",
          surname: "Twaalfpuntéén",
          birthDate: "1984-04-04",
          gender: "V",
          email: "a@example.org",
          seekerNumber: "WZ-1",
        },
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      }),
      201,
    );
    const stored = await ok("GET", `/api/v1/registrations/${created.id}`, fx.officerA);
    assert.equal(stored.person.email, "a@example.org");
  });
});

describe("003-75 the protocol version that governed the decision", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { call, ok } = apiCalls(() => fx.app);
  const aedes = getProfile("aedes-2021");
  const current = protocolVersionOf(aedes);
  const person = { initials: "V.", surname: "Versienummer", birthDate: "1975-05-05" };

  test("003-75 every registration and case records the protocol version; GET /protocol names the current one", async () => {
    assert.equal(current, "versie 1.4 van 13 december 2021, Woonsignaal-revisie 2");
    const reg = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({
        person,
        address,
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      }),
      201,
    );
    assert.equal(reg.protocolVersion, current);
    assert.equal(
      (await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA)).protocolVersion,
      current,
    );
    const c = await ok(
      "POST",
      "/api/v1/cases",
      fx.officerA,
      { type: "objection", registrationId: reg.id, receivedDate: "2026-06-01" },
      201,
    );
    assert.equal(c.protocolVersion, current);
    assert.equal((await ok("GET", "/api/v1/protocol", fx.officerA)).version, current);
  });

  test("003-75 a later profile revision never silently changes an existing registration's term", async () => {
    const reg = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({
        person: { ...person, surname: "Bevroren" },
        address,
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      }),
      201,
    );
    assert.equal(reg.endDate, "2028-05-01");
    // The board changes the protocol: A at most 12 months (003 ch. 23), a new profile revision.
    const category = aedes.categories.find((c) => c.code === "A.I")!;
    const term = category.term as { maxMonths: number };
    const revision = aedes.revision as { number: number };
    const [oldMax, oldRevision] = [term.maxMonths, revision.number];
    term.maxMonths = 12;
    revision.number = oldRevision + 1;
    try {
      const next = protocolVersionOf(aedes);
      // A correction of the person or address is no new decision: term, scope and version stay.
      const corrected = await ok("PATCH", `/api/v1/registrations/${reg.id}`, fx.officerA, {
        person: { ...person, surname: "Bevroren", initials: "V.W." },
        address: { ...address, houseNumber: "14" },
      });
      assert.equal(corrected.endDate, "2028-05-01");
      assert.equal(corrected.termMonths, 24);
      assert.equal(corrected.protocolVersion, current);
      // A new registration is decided under the new revision.
      const fresh = await ok(
        "POST",
        "/api/v1/registrations",
        fx.officerA,
        withEvidence({
          person: { ...person, surname: "Nieuwregel" },
          categories: ["A.I"],
          criteria: ["a"],
          placementDate: "2026-05-01",
        }),
        201,
      );
      assert.equal(fresh.endDate, "2027-05-01");
      assert.equal(fresh.protocolVersion, next);
      // Changing what was decided is a new decision, explicitly under the new revision.
      const refused = await call("PATCH", `/api/v1/registrations/${reg.id}`, fx.officerA, {
        reason: "placement_date_corrected",
        placementDate: "2026-05-02",
      });
      assert.equal(refused.statusCode, 422, refused.body);
      assert.equal(refused.json().error.code, "term_exceeds_maximum");
      const redecided = await ok("PATCH", `/api/v1/registrations/${reg.id}`, fx.officerA, {
        reason: "placement_date_corrected",
        placementDate: "2026-05-02",
        termMonths: 12,
        weighing: TEST_WEIGHING,
      });
      assert.equal(redecided.endDate, "2027-05-02");
      assert.equal(redecided.protocolVersion, next);
    } finally {
      term.maxMonths = oldMax;
      revision.number = oldRevision;
    }
  });

  test("003-75 the access answer names the protocol version in plain Dutch", async () => {
    const reg = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({
        person: { ...person, surname: "Inzageversie" },
        address,
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      }),
      201,
    );
    const c = await ok(
      "POST",
      "/api/v1/cases",
      fx.officerA,
      { type: "access", registrationId: reg.id, receivedDate: "2026-06-01" },
      201,
    );
    await ok("POST", `/api/v1/cases/${c.id}/identity`, fx.officerA, {
      method: "id_document_seen",
      date: "2026-06-01",
    });
    await ok("POST", `/api/v1/cases/${c.id}/decision`, fx.officerA, {
      outcome: "upheld",
      reasons: "Inzage verleend.",
    });
    const report = await ok("GET", `/api/v1/cases/${c.id}/access-report`, fx.officerA);
    assert.equal(report.registration.protocolVersion, current, "the JSON names it too");
    const letters = await ok("GET", "/api/v1/letters?pageSize=200", fx.officerA);
    const letter = letters.items.find(
      (l: { caseId: string; kind: string }) => l.caseId === c.id && l.kind === "access_answer",
    );
    assert.ok(letter, "the access answer was produced");
    const pdf = await call("GET", `/api/v1/letters/${letter.id}/pdf`, fx.officerA);
    const text = pdfLayoutText(pdf.rawPayload);
    assert.match(
      text,
      /Vastgelegd volgens Protocol Signaleringslijst ongewenst huurdersgedrag \(versie 1\.4 van 13 december 2021, Woonsignaal-revisie 2\)/,
    );
    assert.doesNotMatch(text, /\b003\b/);
  });
});

describe("000-08 kkr: PSY is off until the region switches it on with a legal basis", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "kkr" });
  const { call, ok } = apiCalls(() => fx.app);
  const psy = {
    person: { initials: "P.", surname: "Psyregel", birthDate: "1970-07-07" },
    address,
    categories: ["PSY"],
    criteria: ["PSY.1"],
    placementDate: "2026-05-01",
  };
  const basis =
    "AVG art. 9 lid 2 onder g met UAVG art. 22; DPIA regio 2026-11, advies FG van 1 december 2026";

  test("000-08 a PSY registration is refused while the region has not switched PSY on (422 naming the article and the setting)", async () => {
    const before = await countOf(ok, fx.officerA);
    const res = await call("POST", "/api/v1/registrations", fx.officerA, withEvidence(psy));
    assert.equal(res.statusCode, 422, res.body);
    const error = res.json().error;
    assert.equal(error.code, "category_not_switched_on");
    assert.match(error.details.source, /AVG art\. 9/);
    assert.match(error.message, /PUT \/api\/v1\/region\/categories\/PSY/);
    assert.equal(error.details.violations[0].details.setting, "categories.PSY");
    assert.equal(await countOf(ok, fx.officerA), before, "nothing was written");
    const p = await ok("GET", "/api/v1/protocol", fx.officerA);
    assert.deepEqual(
      p.categories.map((c: { code: string }) => c.code),
      ["FIN", "CRIM"],
    );
    assert.ok(!p.personFields.includes("seekerNumber"));
  });

  test("000-08 only the consortium admin switches it, and on needs a legal basis (400 naming the field)", async () => {
    const officer = await call("PUT", "/api/v1/region/categories/PSY", fx.officerA, {
      enabled: true,
      legalBasis: basis,
    });
    assert.equal(officer.statusCode, 403);
    const bare = await call("PUT", "/api/v1/region/categories/PSY", fx.admin, { enabled: true });
    assert.equal(bare.statusCode, 400, bare.body);
    assert.match(JSON.stringify(bare.json().error.details), /legalBasis/);
    const other = await call("PUT", "/api/v1/region/categories/FIN", fx.admin, {
      enabled: true,
      legalBasis: basis,
    });
    assert.equal(other.statusCode, 404, "FIN needs no switch");
    const list = await ok("GET", "/api/v1/region/categories", fx.auditor);
    assert.equal(list.items[0].enabled, false);
  });

  test("000-08 switched on with its legal basis (stored, audited), PSY registrations are accepted; switched off, refused again", async () => {
    const on = await ok("PUT", "/api/v1/region/categories/PSY", fx.admin, {
      enabled: true,
      legalBasis: basis,
    });
    assert.equal(on.enabled, true);
    assert.equal(on.legalBasis, basis);
    assert.equal(on.switchedBy.id.length > 0, true);
    assert.match(on.switchedAt, /^\d{4}-\d{2}-\d{2}T/);
    const audit = await ok("GET", "/api/v1/audit?action=region.category_switched", fx.auditor);
    const entry = audit.items.at(-1);
    assert.equal(entry.details.category, "PSY");
    assert.equal(entry.details.after.legalBasis, basis);
    assert.equal(entry.details.after.enabled, true);

    const reg = await ok("POST", "/api/v1/registrations", fx.officerA, withEvidence(psy), 201);
    assert.deepEqual(reg.categories, ["PSY"]);
    assert.deepEqual(
      (await ok("GET", "/api/v1/protocol", fx.querierA)).categories.map(
        (c: { code: string }) => c.code,
      ),
      ["FIN", "CRIM", "PSY"],
    );

    await ok("PUT", "/api/v1/region/categories/PSY", fx.admin, { enabled: false });
    const refused = await call(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({
        ...psy,
        person: { ...psy.person, surname: "Psytweede" },
      }),
    );
    assert.equal(refused.statusCode, 422);
    // The existing registration keeps its term and can still be corrected.
    const corrected = await ok("PATCH", `/api/v1/registrations/${reg.id}`, fx.officerA, {
      address: { ...address, houseNumber: "13" },
    });
    assert.equal(corrected.endDate, reg.endDate);
  });
});
