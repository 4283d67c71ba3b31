/**
 * The auditor's page of a registration (issue 20 parts 2 and 3; 003 §8, §12.1, ch. 21; reviews
 * 003-09, 003-35; D-960): reached from the audit log, it shows the evidence and the deciders'
 * names, never the person or an address; officers and queriers are refused.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { useDemoApi } from "../testing/demo-app.ts";
import { TEST_WEIGHING } from "../testing/evidence.ts";
import { apiCalls } from "../testing/http.ts";
import { browserOn, demoUser } from "../testing/web.ts";

describe("003-09 003-35 the auditor's page of a registration", () => {
  const fx = useDemoApi({ today: "2026-06-01" });
  const { ok } = apiCalls(() => fx.app);
  const { signInByForm, get } = browserOn(() => fx);

  test("003-09 003-35 the auditor opens it from the audit log: evidence in words, the officers by name, no person or address", async () => {
    const created = await ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        person: { initials: "P.", surname: "Paginagrond", birthDate: "1979-09-09" },
        dwellingAddress: {
          street: "Toezichtstraat",
          houseNumber: "4",
          postcode: "9901 AB",
          city: "Lindendal",
        },
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
        evidence: [
          { criterion: "a", kind: "vonnis", date: "2026-03-02", reference: "C/09/612345" },
        ],
        weighing: TEST_WEIGHING,
      },
      201,
    );
    const auditor = await signInByForm(demoUser(fx.demo, "auditor"));
    const log = await get(auditor, "/audit?action=registration.created");
    assert.equal(log.statusCode, 200, log.body);
    assert.match(log.body, new RegExp(`href="/audit/registraties/${created.id}"`));

    const page = await get(auditor, `/audit/registraties/${created.id}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /Waarop een registratie rust/);
    assert.match(page.body, /Vonnis/);
    assert.match(page.body, /C\/09\/612345/);
    assert.match(page.body, /2 maart 2026/);
    assert.match(page.body, /Besloten door<\/dt><dd>Demo officer/);
    assert.match(
      page.body,
      /Afweging<\/dt><dd>Belangen afgewogen; gewone termijn/,
      "003-02 (D-1060)",
    );
    assert.match(page.body, /Ingevoerd door<\/dt><dd>Demo officer/);
    assert.doesNotMatch(page.body, /Paginagrond|Toezichtstraat|1979/);
    assert.doesNotMatch(page.body, /\b003\b|snake_case|grounds_viewed/);

    const looks = await ok(
      "GET",
      "/api/v1/audit?action=registration.grounds_viewed&pageSize=500",
      fx.auditor,
    );
    assert.ok(looks.items.some((e: { objectId: string }) => e.objectId === created.id));
  });

  test("003-09 an officer or a querier gets no auditor page", async () => {
    const [{ id }] = (await ok("GET", "/api/v1/registrations?pageSize=1", fx.officerA)).items;
    for (const role of ["officer", "querier"]) {
      const session = await signInByForm(demoUser(fx.demo, role));
      const page = await get(session, `/audit/registraties/${id}`);
      assert.equal(page.statusCode, 403, `${role}: ${page.statusCode}`);
      assert.doesNotMatch(page.body, /Besloten door/);
    }
  });
});
