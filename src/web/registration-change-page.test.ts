/**
 * 003-75 (D-760) on the change page: a correction of the person or address alone keeps the
 * term and the protocol version the registration was decided under, even after a profile
 * revision; a change of what was decided is refused or re-decided under the new rules.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { getProfile, protocolVersionOf } from "../protocol/index.ts";
import { useDemoApi } from "../testing/demo-app.ts";
import { EVIDENCE_DATE, withEvidence } from "../testing/evidence.ts";
import { apiCalls } from "../testing/http.ts";
import { browserOn, demoUser } from "../testing/web.ts";

describe("003-75 the registration change page keeps what was decided", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { ok } = apiCalls(() => fx.app);
  const { signInByForm, post } = browserOn(() => fx);
  const aedes = getProfile("aedes-2021");

  test("003-75 a page correction of the address after a profile revision keeps the term and version", async () => {
    const reg = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      withEvidence({
        person: { initials: "P.", surname: "Paginaversie", birthDate: "1976-06-06" },
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      }),
      201,
    );
    const before = protocolVersionOf(aedes);
    const officer = await signInByForm(demoUser(fx.demo, "officer"));
    const fields = (placementDate: string): [string, string][] => [
      ["categories", "A.I"],
      ["criteria", "a"],
      ["confirmCriteria", "yes"],
      ["person.initials", "P."],
      ["person.surname", "Paginaversie"],
      ["person.birthDate", "1976-06-06"],
      ["address.street", "Kerkstraat"],
      ["address.houseNumber", "7"],
      ["address.postcode", "9901 AB"],
      ["address.city", "Lindendal"],
      ["placementDate", placementDate],
      ["claim", ""],
      ["termMonths", "24"],
      // The page shows the recorded evidence, and a browser sends it back (D-961).
      ["evidence.a.vonnis.date", EVIDENCE_DATE],
    ];
    const term = aedes.categories.find((c) => c.code === "A.I")!.term as { maxMonths: number };
    const revision = aedes.revision as { number: number };
    term.maxMonths = 12;
    revision.number += 1;
    try {
      const corrected = await post(
        officer,
        `/registraties/${reg.id}/wijzigen`,
        fields("2026-05-01"),
      );
      assert.equal(corrected.statusCode, 303, corrected.body);
      const after = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
      assert.equal(after.address.houseNumber, "7", "the correction was saved");
      assert.equal(after.endDate, "2028-05-01");
      assert.equal(after.protocolVersion, before);
      const moved = await post(officer, `/registraties/${reg.id}/wijzigen`, fields("2026-05-02"));
      assert.equal(moved.statusCode, 422, "a new decision follows the new rules");
      assert.equal(
        (await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA)).placementDate,
        "2026-05-01",
      );
    } finally {
      term.maxMonths = 24;
      revision.number -= 1;
    }
  });
});
