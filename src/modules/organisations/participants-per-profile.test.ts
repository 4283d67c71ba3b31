/**
 * Issue 20 part 8 through the front door: who may take part, per profile (001-01: keurmerk
 * admits private landlords only, through a Keurmerk makelaar; 000-03: kkr admits
 * municipalities too), and the W1 placement letter's pointer to the begeleidingsteam (001
 * Bijlage 1, toelichting punt 2; review 001-11).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { apiCalls } from "../../testing/http.ts";
import { pdfLayoutText } from "../../testing/letter-fixtures.ts";
import { postOrganisation } from "../../testing/organisations.ts";

const signed = "2026-01-01";
const body = (name: string, extra: object = {}) => ({
  name,
  kind: "private_landlord",
  protocolSignedOn: signed,
  ...extra,
});

describe("001-01 keurmerk-2013: private landlords only, through a Keurmerk makelaar", () => {
  const fx = useDemoApi({ today: "2026-06-15", profile: "keurmerk-2013" });
  const { call, ok } = apiCalls(() => fx.app);
  const count = async () =>
    (await ok("GET", "/api/v1/organisations", fx.admin)).items.length as number;

  test("001-01 keurmerk refuses a housing corporation (422 naming the article)", async () => {
    const before = await count();
    const res = await postOrganisation(
      fx.app,
      fx.admin,
      body("Woonstichting Corporatie", {
        kind: "housing_corporation",
        lettingAgent: "Makelaardij Keurhuis",
      }),
    );
    assert.equal(res.statusCode, 422, res.body);
    const error = res.json().error;
    assert.equal(error.code, "participant_kind_not_allowed");
    assert.match(error.details.source, /001 §2 Deelnemer/);
    assert.match(error.details.source, /niet zijnde woningcorporaties/);
    assert.equal(await count(), before, "nothing was written");
    const patch = await call(
      "PATCH",
      `/api/v1/organisations/${fx.demo.organisations[0]!.id}`,
      fx.admin,
      { kind: "housing_corporation" },
    );
    assert.equal(patch.statusCode, 422, patch.body);
  });

  test("001-01 a private landlord needs the Keurmerk makelaar it lets through; it is recorded", async () => {
    const without = await postOrganisation(fx.app, fx.admin, body("Verhuurder Zonder Makelaar"));
    assert.equal(without.statusCode, 422, without.body);
    const error = without.json().error;
    assert.equal(error.code, "letting_agent_required");
    assert.equal(error.details.field, "lettingAgent");
    assert.match(error.details.source, /001 §2 Deelnemer, §7\.1/);

    const created = await ok(
      "POST",
      "/api/v1/organisations",
      fx.admin,
      body("Verhuurder Met Makelaar", { lettingAgent: "Makelaardij Keurhuis" }),
      201,
    );
    assert.equal(created.lettingAgent, "Makelaardij Keurhuis");
    const read = await ok("GET", `/api/v1/organisations/${created.id}`, fx.admin);
    assert.equal(read.lettingAgent, "Makelaardij Keurhuis");
    // The demo participants let through the demo makelaar.
    const demo = await ok(
      "GET",
      `/api/v1/organisations/${fx.demo.organisations[0]!.id}`,
      fx.officerA,
    );
    assert.match(demo.lettingAgent, /Makelaardij/);
  });

  test("001-11 the W1 placement letter points to the begeleidingsteam; a W2 letter does not", async () => {
    const address = {
      street: "Kerkstraat",
      houseNumber: "12",
      postcode: "9901 AB",
      city: "Lindendal",
    };
    const place = (surname: string, category: "W1" | "W2") =>
      ok(
        "POST",
        "/api/v1/registrations",
        fx.officerA,
        withEvidence({
          person: { initials: "B.", surname, birthDate: "1982-03-03" },
          address,
          categories: [category],
          criteria: [category === "W1" ? "W1.1" : "W2.1"],
          placementDate: "2026-06-01",
          ...(category === "W2" ? { claimCents: 150_000 } : {}),
        }),
        201,
      );
    const text = async (registrationId: string) => {
      const letters = await ok(
        "GET",
        `/api/v1/letters?registrationId=${registrationId}`,
        fx.officerA,
      );
      const letter = letters.items.find((l: { kind: string }) => l.kind === "placement");
      assert.ok(letter, "a placement letter was drawn up");
      const pdf = await call("GET", `/api/v1/letters/${letter.id}/pdf`, fx.officerA);
      assert.equal(pdf.statusCode, 200, pdf.body);
      return pdfLayoutText(pdf.rawPayload);
    };
    const w1 = await text((await place("Begeleiding", "W1")).id);
    assert.match(w1, /Begeleidingsteam: een kans op een nieuwe woning/);
    assert.match(w1, /tot 2 keer/);
    assert.match(w1, /binnen 6 weken in beroep gaan bij Keurmerk Verhuurdersbelangen B\.V\./);
    assert.match(w1, /bijlage 1/);
    assert.doesNotMatch(w1, /\b001\b/);
    const w2 = await text((await place("Schadeschijf", "W2")).id);
    assert.doesNotMatch(w2, /Begeleidingsteam: een kans/);
  });
});

describe("000-03 kkr: municipalities, corporations and professional landlords", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "kkr" });
  const { ok } = apiCalls(() => fx.app);

  test("000-03 kkr admits a municipality and a corporation, and asks no makelaar", async () => {
    for (const kind of ["municipality", "housing_corporation", "private_landlord"]) {
      const created = await ok(
        "POST",
        "/api/v1/organisations",
        fx.admin,
        body(`Deelnemer ${kind}`, { kind }),
        201,
      );
      assert.equal(created.kind, kind);
      assert.equal(created.lettingAgent, null);
    }
  });
});
