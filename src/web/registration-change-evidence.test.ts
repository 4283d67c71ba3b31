/**
 * The officer's change page (issue 20 parts 2 and 4; 003 §8, §12.1, §12.3; reviews 003-09,
 * 003-39, 003-02; D-844, D-845, D-961): the evidence per ticked criterion with per-field errors
 * and nothing typed lost, and the confirmation of a waiting lengthening on the registration's
 * page, with the declaration "criteria vastgesteld, geen twijfel".
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { leastEvidenceKinds } from "../protocol/evidence.ts";
import { getProfile } from "../protocol/index.ts";
import { useDemoApi } from "../testing/demo-app.ts";
import { SHORTER_WEIGHING, TEST_WEIGHING } from "../testing/evidence.ts";
import { apiCalls } from "../testing/http.ts";
import { browserOn, demoUser } from "../testing/web.ts";

const dwelling = {
  street: "Wijzigstraat",
  houseNumber: "2",
  postcode: "9901 AB",
  city: "Lindendal",
};
const vonnis = { criterion: "a", kind: "vonnis", date: "2026-03-02", reference: "C/09/612345" };

/** The change form's fields as a browser sends them (no contact address: it stays empty). */
function changeFields(o: {
  surname: string;
  criteria: string[];
  categories?: string[];
  termMonths: string;
  evidence?: [string, string][];
  reason?: string;
}): [string, string][] {
  return [
    ...(o.categories ?? ["A.I"]).map((c): [string, string] => ["categories", c]),
    ...o.criteria.map((c): [string, string] => ["criteria", c]),
    ["confirmCriteria", "yes"],
    ["person.initials", "W."],
    ["person.surname", o.surname],
    ["person.birthDate", "1977-07-07"],
    ["placementDate", "2026-05-01"],
    ["claim", ""],
    ["termMonths", o.termMonths],
    ...(o.evidence ?? []),
    ...(o.reason ? [["reason", o.reason] as [string, string]] : []),
  ];
}

describe("the change page: evidence and the waiting lengthening", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { ok } = apiCalls(() => fx.app);
  const { signInByForm, get, post } = browserOn(() => fx);
  const second = {
    email: "tweede.wijziger@de-linde.example",
    password: "Tweede-wijziger-demo-wachtwoord-2026!",
    totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
  };

  before(async () => {
    // Set-up, not under test: a second officer of organisation A who has made the declaration.
    await fx.ctx.services.identity.bootstrapUser({
      organisationId: fx.demo.organisations[0]!.id,
      email: second.email,
      displayName: "Tweede Wijziger",
      roles: ["officer"],
      password: second.password,
      mustChangePassword: false,
      totpSecret: second.totpSecret,
      declared: true,
    });
  });

  const place = (surname: string, body: object = {}) =>
    ok(
      "POST",
      "/api/v1/registrations",
      fx.officerA,
      {
        person: { initials: "W.", surname, birthDate: "1977-07-07" },
        dwellingAddress: dwelling,
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
        evidence: [vonnis],
        weighing: TEST_WEIGHING,
        ...body,
      },
      201,
    );

  test("003-09 the change page shows the recorded evidence per criterion, and a correction keeps it", async () => {
    const reg = await place("Bewaard");
    const officer = await signInByForm(demoUser(fx.demo, "officer"));
    const page = await get(officer, `/registraties/${reg.id}/wijzigen`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /name="evidence\.a\.vonnis\.date"[^>]*value="2026-03-02"/);
    assert.match(page.body, /name="evidence\.a\.vonnis\.reference"[^>]*value="C\/09\/612345"/);
    assert.match(page.body, /name="evidence\.a\.proces_verbaal_ontruiming\.date"/);
    const corrected = await post(
      officer,
      `/registraties/${reg.id}/wijzigen`,
      changeFields({
        surname: "Bewaard-Jansen",
        criteria: ["a"],
        termMonths: "24",
        evidence: [
          ["evidence.a.vonnis.date", "2026-03-02"],
          ["evidence.a.vonnis.reference", "C/09/612345"],
        ],
      }),
    );
    assert.equal(corrected.statusCode, 303, corrected.body);
    const after = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.equal(after.person.surname, "Bewaard-Jansen");
    assert.deepEqual(after.evidence, [vonnis]);
  });

  test("003-09 a description as reference, an impossible date or a reference without date: each on its own field, nothing typed lost, nothing written", async () => {
    const reg = await place("Getypt");
    const officer = await signInByForm(demoUser(fx.demo, "officer"));
    const refused = await post(
      officer,
      `/registraties/${reg.id}/wijzigen`,
      changeFields({
        surname: "Getypt-Nieuw",
        criteria: ["a"],
        termMonths: "12",
        reason: "proportionality_reweighed",
        evidence: [
          ["evidence.a.vonnis.date", "2026-02-30"],
          ["evidence.a.vonnis.reference", "vonnis van de kantonrechter"],
          ["evidence.a.proces_verbaal_ontruiming.reference", "PV 2026-0042"],
        ],
      }),
    );
    assert.equal(refused.statusCode, 422, refused.body);
    assert.match(
      refused.body,
      /id="f-evidence-a-vonnis-date-error"[^>]*>[^<]*<span[^>]*>[^<]*<\/span>Vul een bestaande datum in/,
    );
    assert.match(
      refused.body,
      /id="f-evidence-a-vonnis-reference-error"[^>]*>[^<]*<span[^>]*>[^<]*<\/span>Vul alleen een zaaknummer of ECLI in/,
    );
    assert.match(
      refused.body,
      /id="f-evidence-a-proces_verbaal_ontruiming-date-error"[^>]*>[^<]*<span[^>]*>[^<]*<\/span>Vul ook de datum van dit stuk in/,
    );
    // What was typed stays in the form: the wrong values to correct, and everything else.
    assert.match(refused.body, /value="vonnis van de kantonrechter"/);
    assert.match(refused.body, /value="2026-02-30"/);
    assert.match(refused.body, /value="PV 2026-0042"/);
    assert.match(refused.body, /value="Getypt-Nieuw"/);
    assert.match(refused.body, /value="12"/);
    assert.match(refused.body, /value="proportionality_reweighed" checked/);
    const unchanged = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.equal(unchanged.person.surname, "Getypt");
    assert.equal(unchanged.termMonths, 24);
    assert.deepEqual(unchanged.evidence, [vonnis]);
  });

  test("003-39 003-09 another criterion asks for its evidence on the page; with it the new decision is saved", async () => {
    const reg = await place("Anders");
    const b = getProfile("aedes-2021").criteria.find((c) => c.code === "b")!;
    const kind = leastEvidenceKinds(b)[0]!;
    const officer = await signInByForm(demoUser(fx.demo, "officer"));
    const fields = (evidence: [string, string][]) =>
      changeFields({
        surname: "Anders",
        criteria: ["b"],
        termMonths: "24",
        reason: "entry_error",
        evidence,
      });
    const missing = await post(officer, `/registraties/${reg.id}/wijzigen`, fields([]));
    assert.equal(missing.statusCode, 422, missing.body);
    assert.match(missing.body, /Vul voor elk criterium het bewijs in/);
    assert.match(missing.body, new RegExp(`name="evidence\\.b\\.${kind}\\.date"`));
    assert.doesNotMatch(missing.body, /name="evidence\.a\.vonnis\.date"/);
    const saved = await post(
      officer,
      `/registraties/${reg.id}/wijzigen`,
      fields([[`evidence.b.${kind}.date`, "2026-04-20"]]),
    );
    assert.equal(saved.statusCode, 303, saved.body);
    const after = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.deepEqual(after.criteria, ["b"]);
    assert.deepEqual(after.evidence, [{ criterion: "b", kind, date: "2026-04-20" }]);
  });

  test("003-02 003-39 a lengthening waits; the registration's page offers the second officer the declaration and the button", async () => {
    // B.III is under four eyes (D-842): placed by the demo officer (the officer key's person),
    // confirmed by the second officer on the registration's page — the draft's confirmation.
    const reg = await place("Verlenging", {
      categories: ["B.III"],
      termMonths: 6,
      weighing: SHORTER_WEIGHING,
    });
    assert.equal(reg.awaiting, "second_officer");
    const officer = await signInByForm(demoUser(fx.demo, "officer"));
    const secondOfficer = await signInByForm(second);
    const draftPage = await get(secondOfficer, `/registraties/${reg.id}`);
    assert.match(draftPage.body, /Registratie bevestigen/);
    const confirmedDraft = await post(secondOfficer, `/registraties/${reg.id}/bevestiging`, [
      ["declaration", "yes"],
    ]);
    assert.equal(confirmedDraft.statusCode, 303, confirmedDraft.body);
    const active = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.equal(active.status, "active");
    assert.equal(active.endDate, "2026-11-01");

    // The first officer lengthens it on the change page: it waits for a second look.
    const lengthenTo = (termMonths: string) =>
      changeFields({
        surname: "Verlenging",
        categories: ["B.III"],
        criteria: ["a"],
        termMonths,
        reason: "new_documented_facts",
        evidence: [
          ["evidence.a.vonnis.date", "2026-03-02"],
          ["evidence.a.vonnis.reference", "C/09/612345"],
          // 003-02 the officer weighs the new term (D-1060).
          ["interestsWeighed", "yes"],
          ...(termMonths === "24"
            ? [["weighingTerm", "standard"] as [string, string]]
            : [
                ["weighingTerm", "shorter"] as [string, string],
                ["shorterReason", "lesser_severity"] as [string, string],
              ]),
        ],
      });
    const longer = await post(officer, `/registraties/${reg.id}/wijzigen`, lengthenTo("12"));
    assert.equal(longer.statusCode, 303, longer.body);
    assert.equal(longer.headers.location, `/registraties/${reg.id}?melding=wacht-op-tweede`);
    const waiting = await get(officer, `/registraties/${reg.id}?melding=wacht-op-tweede`);
    assert.match(waiting.body, /wacht op de bevestiging van een tweede functionaris/);
    assert.match(waiting.body, /Wacht op bevestiging/);
    assert.match(waiting.body, /Nieuwe einddatum<\/dt><dd><time[^>]*>1 mei 2027/);
    assert.match(waiting.body, /Er zijn nieuwe, vastgelegde feiten/);
    assert.match(waiting.body, /geen twijfel is/);
    assert.match(waiting.body, /Verlenging bevestigen/);

    // The same officer: without the declaration, then with it — refused on the page, unchanged.
    const undeclared = await post(officer, `/registraties/${reg.id}/bevestiging`, []);
    assert.equal(undeclared.statusCode, 422, undeclared.body);
    assert.match(undeclared.body, /Vink de verklaring aan om te bevestigen/);
    const same = await post(officer, `/registraties/${reg.id}/bevestiging`, [
      ["declaration", "yes"],
    ]);
    assert.equal(same.statusCode, 422, same.body);
    assert.match(same.body, /een andere functionaris van uw organisatie moet het bevestigen/);
    const still = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.equal(still.endDate, "2026-11-01");
    assert.equal(still.pendingChange.endDate, "2027-05-01");

    // While it waits, the change page says so and refuses another change of the decision.
    const changePage = await get(officer, `/registraties/${reg.id}/wijzigen`);
    assert.match(changePage.body, /Een verlenging tot 1 mei 2027 wacht/);
    const again = await post(officer, `/registraties/${reg.id}/wijzigen`, lengthenTo("18"));
    assert.equal(again.statusCode, 409, again.body);
    assert.match(again.body, /wacht nog op een tweede functionaris/);
    assert.match(again.body, /value="18"/);

    // The second officer finds it on the worklist, and confirms on the page: now it applies.
    const worklist = await get(secondOfficer, "/werklijst");
    assert.match(worklist.body, /een tweede functionaris \(verlenging tot 1 mei 2027\)/);
    assert.match(worklist.body, new RegExp(`href="/registraties/${reg.id}"`));
    const confirmed = await post(secondOfficer, `/registraties/${reg.id}/bevestiging`, [
      ["declaration", "yes"],
    ]);
    assert.equal(confirmed.statusCode, 303, confirmed.body);
    assert.equal(confirmed.headers.location, `/registraties/${reg.id}?melding=bevestigd`);
    const after = await ok("GET", `/api/v1/registrations/${reg.id}`, fx.officerA);
    assert.equal(after.endDate, "2027-05-01");
    assert.equal(after.pendingChange, null);
    assert.equal(after.secondLookBy.name, "Tweede Wijziger");
    const page = await get(officer, `/registraties/${reg.id}`);
    assert.doesNotMatch(page.body, /Verlenging bevestigen/);
  });
});
