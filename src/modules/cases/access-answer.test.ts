/**
 * The access answer for the joint register (003 §15.2; AVG art. 15, art. 26 lid 3; review rows
 * 003-55, G-4, G-5): any participant answers for the whole region, after its officer confirmed
 * the region-wide candidates; the answer names each registration's own primary source, the
 * participant's own screenings and the actual recipients. Through the front door.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  accessAnswerText,
  accessRequestElsewhere,
  caseSteps,
  escapeRegExp,
} from "../../testing/case-steps.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, assertRefused } from "../../testing/http.ts";
import { browserOn, csrfIn, demoUser } from "../../testing/web.ts";

describe("access answer for the joint register (aedes-2021)", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { call, ok } = apiCalls(() => fx.app);
  const { register, openCase, verifyIdentity, decide, publicAccessRequest } = caseSteps(
    () => fx.app,
  );
  const orgA = () => fx.demo.organisations[0]!;
  const orgB = () => fx.demo.organisations[1]!;

  const overlast = { initials: "J.", surname: "Overlast", birthDate: "1985-03-14" };

  test("003-55 G-4 a request at a participant that did not register the person lists the other participant's registration, its own screenings and the actual recipients", async () => {
    const reg = await register(fx.officerA, overlast, ["A.I", "a"]);
    // A block the primary source confirmed, seen by Havenstad; Havenstad screens him with a hit.
    await ok("PUT", "/api/v1/seekers/S-55", fx.allocation, { person: overlast }, 201);
    const matches = await ok("GET", "/api/v1/matches?status=pending", fx.officerA);
    const match = matches.items.find(
      (m: { registrationId: string }) => m.registrationId === reg.id,
    );
    await ok("POST", `/api/v1/matches/${match.id}/decision`, fx.officerA, { decision: "confirm" });
    assert.equal(
      (await ok("GET", "/api/v1/seekers/S-55/block?purpose=allocation", fx.querierB)).blocked,
      true,
    );
    const screened = await ok("POST", "/api/v1/screenings", fx.querierB, {
      person: { ...overlast, seekerNumber: "S-55" },
      address: { street: "Havenkade", houseNumber: "5", postcode: "9902 CC", city: "Havenstad" },
      purpose: "allocation",
    });
    assert.equal(screened.hit, true);

    const c = await publicAccessRequest(orgB().id, overlast, fx.officerB);
    await verifyIdentity(fx.officerB, c.id, "2026-06-01");
    const early = await call("POST", `/api/v1/cases/${c.id}/decision`, fx.officerB, {
      outcome: "upheld",
      reasons: "Inzage verleend.",
    });
    assertRefused(early, 422, "access_candidates_unconfirmed");

    const { candidates } = await ok("GET", `/api/v1/cases/${c.id}/access-candidates`, fx.officerB);
    assert.equal(candidates.length, 1);
    assert.equal(candidates[0].registrationId, reg.id);
    assert.equal(candidates[0].primarySource.name, orgA().name);
    assert.equal(candidates[0].decision, "pending");
    assert.ok(
      candidates[0].comparison.some(
        (x: { field: string; same: boolean }) => x.field === "birthDate" && x.same,
      ),
    );
    // Reading De Linde's registration for the answer is audited under it (a joint controller's act).
    const audit = await ok(
      "GET",
      "/api/v1/audit?action=registration.read_for_access_request",
      fx.auditor,
    );
    assert.ok(
      audit.items.some(
        (e: { objectId: string; actor: { organisationId: string } }) =>
          e.objectId === reg.id && e.actor.organisationId === orgB().id,
      ),
      JSON.stringify(audit.items),
    );
    const stranger = await call("POST", `/api/v1/cases/${c.id}/access-candidates`, fx.officerB, {
      registrationId: "00000000-0000-4000-8000-000000000000",
      decision: "confirmed",
    });
    assertRefused(stranger, 404, "not_a_candidate");
    await ok("POST", `/api/v1/cases/${c.id}/access-candidates`, fx.officerB, {
      registrationId: reg.id,
      decision: "confirmed",
    });

    const report = await ok("GET", `/api/v1/cases/${c.id}/access-report`, fx.officerB);
    assert.deepEqual(
      report.registrations.map((r: { primarySource: { id: string } }) => r.primarySource.id),
      [orgA().id],
    );
    assert.equal(report.source, orgA().name);
    assert.deepEqual(
      report.actualRecipients
        .map((r: { organisation: { id: string }; how: string }) => [r.organisation.id, r.how])
        .sort(),
      [
        [orgB().id, "block"],
        [orgB().id, "screening"],
      ].sort(),
    );

    // Havenstad posted its hit letter to him (the screening's: its block look-up owes one too
    // since F7, drawn up without an address, as the index holds none).
    const hitLetters = await ok("GET", "/api/v1/letters?pageSize=200", fx.officerB);
    const hitLetter = hitLetters.items.find(
      (l: { kind: string; channel: string }) => l.kind === "hit" && l.channel !== "none",
    );
    await ok("POST", `/api/v1/letters/${hitLetter.id}/sent`, fx.officerB, { sentOn: "2026-06-01" });
    const decided = await decide(fx.officerB, c.id, "upheld", "Inzage verleend.");
    assert.equal(decided.status, "executed");
    const text = await accessAnswerText(() => fx.app, c.id, fx.officerB);
    assert.doesNotMatch(text, /geen gegevens/);
    assert.match(text, new RegExp(`Registratie 1, vastgelegd door ${escapeRegExp(orgA().name)}`));
    assert.match(text, new RegExp(`${escapeRegExp(orgA().name)} \\(de primaire bron\\)`));
    assert.doesNotMatch(text, new RegExp(`${escapeRegExp(orgB().name)} \\(de primaire bron\\)`));
    assert.match(text, /Overlast/);
    assert.match(text, /Toetsingen door Wooncorporatie Havenstad/);
    // Havenstad's own hit letter, posted on 1 June: the answer says so.
    assert.match(text, /u stond erin\. Op 1 juni 2026 stuurden wij u daarover een/);
    assert.match(text, /Wie uw gegevens werkelijk heeft ontvangen/);
    assert.match(text, /bij een toetsing bleek dat u geregistreerd staat/);
    assert.match(text, /zag dat u geblokkeerd bent/);
  });

  test("G-5 the Dutch access answer prints words, never codes such as organisation or rejected", async () => {
    const person = { initials: "G.", surname: "Vijfhoek", birthDate: "1979-07-07" };
    const reg = await register(fx.officerA, person, ["A.I", "a"]);
    // An objection rejected: the registration carries the outcome.
    const objection = await openCase(fx.officerA, "objection", reg.id, "2026-06-01");
    await ok("POST", `/api/v1/cases/${objection.id}/acknowledgement`, fx.officerA, {});
    await decide(fx.officerA, objection.id, "rejected", "De registratie is juist.");
    const c = await openCase(fx.officerA, "access", reg.id, "2026-06-01");
    await verifyIdentity(fx.officerA, c.id, "2026-06-01");
    await decide(fx.officerA, c.id, "upheld", "Inzage verleend.");
    const text = await accessAnswerText(() => fx.app, c.id, fx.officerA);
    assert.match(text, /Reikwijdte alleen bij de organisatie die u registreerde/);
    assert.match(text, /Bezwaar of beroep ongegrond/);
    assert.doesNotMatch(text, /\borganisation\b|\brejected\b|\bregion\b/);
    assert.match(text, /Niemand|Geen andere organisatie heeft tot nu toe gegevens/);
  });

  test("G-4 'geen gegevens' only when nothing about the person is found anywhere in the region", async () => {
    const c = await publicAccessRequest(
      orgB().id,
      { initials: "N.", surname: "Niemandsland", birthDate: "1990-01-01" },
      fx.officerB,
    );
    await verifyIdentity(fx.officerB, c.id, "2026-06-01");
    const { candidates } = await ok("GET", `/api/v1/cases/${c.id}/access-candidates`, fx.officerB);
    assert.deepEqual(candidates, []);
    await decide(fx.officerB, c.id, "upheld", "Inzage verleend.");
    const text = await accessAnswerText(() => fx.app, c.id, fx.officerB);
    assert.match(text, /Er zijn over u geen gegevens opgenomen/);
    assert.match(text, /niet bij ons en niet bij een andere deelnemer/);
  });
});

describe("the officer's confirm step on the case page", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "aedes-2021" });
  const { verifyIdentity } = caseSteps(() => fx.app);
  const { signInByForm, get, post } = browserOn(() => fx);

  test("003-55 the handling officer sees the region-wide candidate with its primary source and confirms it on the page", async () => {
    const person = { initials: "P.", surname: "Paginaatje", birthDate: "1977-02-02" };
    const { reg, c } = await accessRequestElsewhere(fx, person, "192.0.2.222");
    const session = await signInByForm(demoUser(fx.demo, "officer", 1));
    const detail = await get(session, `/zaken/${c.id}`);
    assert.match(detail.body, new RegExp(`href="/zaken/${c.id}/regio"`));
    const page = await get(session, `/zaken/${c.id}/regio`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(
      page.body,
      new RegExp(`Geregistreerd door ${escapeRegExp(fx.demo.organisations[0]!.name)}`),
    );
    assert.match(page.body, /Nog niet beoordeeld/);
    assert.match(page.body, /Paginaatje/);
    const confirmed = await post(
      session,
      `/zaken/${c.id}/regio`,
      [
        ["registrationId", reg.id],
        ["decision", "confirmed"],
      ],
      csrfIn(page.body),
    );
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.match(confirmed.body, /Bevestigd: gaat over de verzoeker/);
    await verifyIdentity(fx.officerB, c.id, "2026-06-01");
    const report = await get(session, `/zaken/${c.id}/inzage`);
    assert.equal(report.statusCode, 200, report.body);
    assert.match(
      report.body,
      new RegExp(`Geregistreerd door ${escapeRegExp(fx.demo.organisations[0]!.name)}, tot`),
    );
    assert.match(report.body, /Wie de gegevens werkelijk ontving/);
  });
});
