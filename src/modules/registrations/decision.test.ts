/**
 * Issue 20 parts 3 and 4: a named, authorised functionaris decides every registration; drafts
 * (a CSV import, four eyes) have no effect until confirmed; a change of the decision is a new
 * decision with a reason, its old letters withdrawn and a correction letter owed. Review rows
 * 003-02, 003-25, 003-35, 003-38, 003-39 and items 7 and 8 (protocol-2026-12.md).
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { setImmediate } from "node:timers/promises";
import { useDemoApi } from "../../testing/demo-app.ts";
import { SHORTER_WEIGHING, TEST_WEIGHING, withEvidence } from "../../testing/evidence.ts";
import { apiRequest, bearer, errorCode } from "../../testing/http.ts";

const TODAY = "2026-06-01";
const fx = useDemoApi({ today: TODAY });
const address = { street: "Kerkstraat", houseNumber: "12", postcode: "9901 AB", city: "Lindendal" };
let n = 0;
/** A new person per registration, so screenings and matches never mix tests. */
const SURNAMES = [
  "Akkerman",
  "Brouwer",
  "Cornelisse",
  "Dijkstra",
  "Egberts",
  "Fokkema",
  "Groen",
  "Hendriks",
  "Idema",
];
const person = () => {
  n++;
  return {
    initials: `${"ABCDEFGHI"[n - 1]}.`,
    surname: SURNAMES[n - 1]!,
    birthDate: `19${60 + n}-0${n}-1${n}`,
  };
};
const call = (method: string, url: string, headers: Record<string, string>, body?: unknown) =>
  apiRequest(fx.app, method as "POST", url, headers, body as object);
/** The declaration "criteria vastgesteld, geen twijfel" with the test weighing, by this officer. */
const confirmAs = (who: Record<string, string>, id: string) =>
  call("POST", `/api/v1/registrations/${id}/confirmation`, who, {
    declaration: true,
    weighing: TEST_WEIGHING,
  });

let secondOfficerId = "";
let secondOfficer: Record<string, string> = {};
let querierUserId = "";

describe("issue 20 parts 3 and 4: a named functionaris decides", () => {
  before(async () => {
    const orgA = fx.demo.organisations[0]!.id;
    // Set-up, not under test: a second officer of organisation A who has made the declaration.
    secondOfficerId = await fx.ctx.services.identity.bootstrapUser({
      organisationId: orgA,
      email: "tweede.functionaris@de-linde.example",
      displayName: "Tweede Functionaris",
      roles: ["officer"],
      password: "Tweede-functionaris-demo-wachtwoord-2026!",
      mustChangePassword: false,
      declared: true,
    });
    const users = await call("GET", `/api/v1/users?organisationId=${orgA}`, fx.admin);
    assert.equal(users.statusCode, 200, users.body);
    querierUserId = users
      .json()
      .items.find((u: { roles: string[] }) => u.roles.includes("querier")).id;
    const key = await call("POST", "/api/v1/api-keys", fx.admin, {
      organisationId: orgA,
      role: "officer",
      label: "Tweede functionaris",
      officerId: secondOfficerId,
    });
    assert.equal(key.statusCode, 201, key.body);
    assert.equal(key.json().officerId, secondOfficerId);
    secondOfficer = bearer(key.json().key);
  });

  async function register(body: object, headers: Record<string, string> = fx.officerA) {
    const res = await call("POST", "/api/v1/registrations", headers, withEvidence(body));
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  }

  async function screen(p: object) {
    const res = await call("POST", "/api/v1/screenings", fx.querierA, {
      person: p,
      purpose: "allocation",
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().hit as boolean;
  }

  async function dutiesOf(id: string) {
    const res = await call("GET", `/api/v1/duties?registrationId=${id}`, fx.officerA);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as { kind: string; status: string }[];
  }

  async function lettersOf(id: string) {
    const res = await call("GET", `/api/v1/letters?registrationId=${id}`, fx.officerA);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as { kind: string; status: string }[];
  }

  describe("003-02 item 7: an officer API key belongs to a named officer", () => {
    test("003-02 an officer key without a named officer, or naming someone not an officer, is refused (422)", async () => {
      const orgA = fx.demo.organisations[0]!.id;
      const none = await call("POST", "/api/v1/api-keys", fx.admin, {
        organisationId: orgA,
        role: "officer",
        label: "Zonder naam",
      });
      assert.equal(none.statusCode, 422, none.body);
      assert.equal(errorCode(none), "named_officer_required");
      const querier = await call("POST", "/api/v1/api-keys", fx.admin, {
        organisationId: orgA,
        role: "officer",
        label: "Bevrager",
        officerId: querierUserId,
      });
      assert.equal(querier.statusCode, 422, querier.body);
      assert.equal(errorCode(querier), "named_officer_not_eligible");
    });

    test("003-35 enteredBy and decidedBy name the officer, by name to the own organisation only", async () => {
      const created = await register({
        person: person(),
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      });
      assert.equal(created.status, "active");
      assert.equal(created.decidedBy.name, "Demo officer");
      assert.equal(created.enteredBy.name, "Demo officer");
      assert.equal(created.decidedBy.id, created.enteredBy.id, "the key's officer is the person");
      assert.equal(created.decidedOn, TODAY);
      // The own organisation reads the names in the register too: one registration and the list.
      const own = await call("GET", `/api/v1/registrations/${created.id}`, fx.officerA);
      assert.equal(own.json().decidedBy.name, "Demo officer", own.body);
      assert.equal(own.json().enteredBy.name, "Demo officer");
      const list = await call("GET", "/api/v1/registrations?pageSize=200", fx.officerA);
      const listed = list.json().items.find((r: { id: string }) => r.id === created.id);
      assert.equal(listed.decidedBy.name, "Demo officer");
      const byAdmin = await call("GET", `/api/v1/registrations/${created.id}`, fx.admin);
      assert.equal(byAdmin.statusCode, 200, byAdmin.body);
      assert.equal(byAdmin.json().decidedBy.name, null, "another organisation sees no name");
    });
  });

  describe("003-38 003-25: a CSV import enters drafts without effect until its officer confirms", () => {
    const header =
      "initials,surname,birthDate,categories,criteria,placementDate,claimCents,street,houseNumber,postcode,city,evidence";
    const imported = { initials: "C.", surname: "Ingelezen", birthDate: "1975-07-07" };
    let id = "";
    let importId = "";

    before(async () => {
      const res = await call(
        "POST",
        "/api/v1/registrations/import?dryRun=false",
        { ...fx.officerA, "content-type": "text/csv" },
        [
          header,
          "C.,Ingelezen,1975-07-07,A.I,a,2026-05-01,,Kerkstraat,1,9901 AB,Lindendal,a|vonnis|2026-03-01",
        ].join("\n"),
      );
      assert.equal(res.statusCode, 200, res.body);
      importId = res.json().importId;
      const list = await call("GET", "/api/v1/registrations?status=draft", fx.officerA);
      id = list.json().items.find((r: { importId: string }) => r.importId === importId).id;
    });

    test("003-38 an imported registration is a draft: no hit, no letter, no duty", async () => {
      const draft = (await call("GET", `/api/v1/registrations/${id}`, fx.officerA)).json();
      assert.equal(draft.status, "draft");
      assert.equal(draft.awaiting, "confirmation");
      assert.equal(draft.decidedBy, null);
      assert.equal(await screen(imported), false, "a draft gives no hit");
      assert.deepEqual(await dutiesOf(id), []);
      assert.deepEqual(await lettersOf(id), []);
    });

    test("003-02 a refused confirmation leaves the draft exactly as it was", async () => {
      const before = (await call("GET", `/api/v1/registrations/${id}`, fx.officerA)).json();
      const noDeclaration = await call(
        "POST",
        `/api/v1/registrations/${id}/confirmation`,
        fx.officerA,
        {
          declaration: false,
        },
      );
      assert.equal(noDeclaration.statusCode, 400, noDeclaration.body);
      assert.match(noDeclaration.body, /declaration/);
      const empty = await call("POST", `/api/v1/registrations/${id}/confirmation`, fx.officerA, {});
      assert.equal(empty.statusCode, 400, empty.body);
      const otherOrganisation = await confirmAs(fx.officerB, id);
      assert.equal(otherOrganisation.statusCode, 404, otherOrganisation.body);
      const notTheImporter = await confirmAs(secondOfficer, id);
      assert.equal(notTheImporter.statusCode, 403, notTheImporter.body);
      assert.equal(errorCode(notTheImporter), "importing_officer_confirms");
      const byAdmin = await call("POST", `/api/v1/registrations/${id}/confirmation`, fx.admin, {
        declaration: true,
        weighing: TEST_WEIGHING,
      });
      assert.equal(byAdmin.statusCode, 403, byAdmin.body);
      const after = (await call("GET", `/api/v1/registrations/${id}`, fx.officerA)).json();
      assert.deepEqual(after, before);
      assert.deepEqual(await dutiesOf(id), []);
    });

    test("003-02 the importing officer confirms with the declaration: in effect, term from today, letter owed", async () => {
      const res = await call("POST", `/api/v1/registrations/${id}/confirmation`, fx.officerA, {
        declaration: true,
        weighing: TEST_WEIGHING,
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.status, "active");
      assert.equal(body.awaiting, null);
      assert.equal(body.decidedBy.name, "Demo officer");
      assert.equal(body.startDate, TODAY, "the term starts at confirmation (D-846)");
      assert.equal(body.endDate, "2028-05-01", "waiting never lengthens it: placement + 24 months");
      assert.deepEqual(
        (await dutiesOf(id)).map((d) => d.kind),
        ["placement"],
      );
      await setImmediate();
      assert.equal(await screen(imported), true, "now it gives a hit");
      const again = await call("POST", `/api/v1/registrations/${id}/confirmation`, fx.officerA, {
        declaration: true,
        weighing: TEST_WEIGHING,
      });
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(errorCode(again), "nothing_to_confirm");
    });
  });

  describe("four eyes per category (region setting)", () => {
    test("the profile's defaults: B.III, C.V and C.VI under four eyes, A.I not", async () => {
      const res = await call("GET", "/api/v1/region/four-eyes", fx.officerA);
      assert.equal(res.statusCode, 200, res.body);
      const required = res
        .json()
        .items.filter((c: { required: boolean }) => c.required)
        .map((c: { code: string }) => c.code);
      assert.deepEqual(required, ["B.III", "C.V", "C.VI"]);
    });

    test("003-02 a B.III registration waits for a second, different officer; the same officer is refused (422)", async () => {
      const p = person();
      const created = await register({
        person: p,
        categories: ["B.III"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      });
      assert.equal(created.status, "draft");
      assert.equal(created.awaiting, "second_officer");
      assert.equal(created.decidedBy.name, "Demo officer", "the first look is recorded");
      assert.equal(await screen(p), false, "no effect before the second look");
      assert.deepEqual(await dutiesOf(created.id), []);
      const same = await confirmAs(fx.officerA, created.id);
      assert.equal(same.statusCode, 422, same.body);
      assert.equal(errorCode(same), "second_officer_required");
      const unchanged = (
        await call("GET", `/api/v1/registrations/${created.id}`, fx.officerA)
      ).json();
      assert.equal(unchanged.status, "draft");
      assert.equal(unchanged.secondLookBy, null);
      const second = await confirmAs(secondOfficer, created.id);
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().status, "active");
      assert.equal(second.json().secondLookBy.name, "Tweede Functionaris");
      assert.equal(second.json().decidedBy.name, "Demo officer");
      await setImmediate();
      assert.equal(await screen(p), true);
    });

    test("the consortium admin puts A.I under four eyes (audited), and takes it out again", async () => {
      const on = await call("PUT", "/api/v1/region/four-eyes/A.I", fx.admin, { required: true });
      assert.equal(on.statusCode, 200, on.body);
      assert.equal(on.json().required, true);
      assert.equal(on.json().byDefault, false);
      const byOfficer = await call("PUT", "/api/v1/region/four-eyes/A.I", fx.officerA, {
        required: false,
      });
      assert.equal(byOfficer.statusCode, 403);
      const draft = await register({
        person: person(),
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      });
      assert.equal(draft.status, "draft");
      const off = await call("PUT", "/api/v1/region/four-eyes/A.I", fx.admin, { required: false });
      assert.equal(off.json().required, false);
      const unknown = await call("PUT", "/api/v1/region/four-eyes/Z.IX", fx.admin, {
        required: true,
      });
      assert.equal(unknown.statusCode, 404);
    });
  });

  describe("item 8 003-39: a change of the decision is a new decision", () => {
    test("003-39 item 8 a change of placementDate without a reason code is refused (400 naming reason)", async () => {
      const created = await register({
        person: person(),
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      });
      const res = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        placementDate: "2026-05-15",
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.body, /reason/);
      const prose = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        placementDate: "2026-05-15",
        reason: "de datum was fout",
      });
      assert.equal(prose.statusCode, 400, prose.body);
      const after = (await call("GET", `/api/v1/registrations/${created.id}`, fx.officerA)).json();
      assert.equal(after.placementDate, "2026-05-01", "nothing was written");
    });

    test("003-39 item 8 an unsent placement letter is withdrawn and the letter owed again with the new dates", async () => {
      // No e-mail and no address: the placement letter waits as an unsent draft (003 ch. 10).
      const created = await register({
        person: person(),
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      });
      const letters = await lettersOf(created.id);
      assert.deepEqual(
        letters.map((l) => [l.kind, l.status]),
        [["placement", "draft"]],
      );
      const res = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        placementDate: "2026-05-15",
        reason: "placement_date_corrected",
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().endDate, "2028-05-15");
      assert.equal(res.json().decidedBy.name, "Demo officer");
      const after = await lettersOf(created.id);
      assert.equal(after.filter((l) => l.status === "draft").length, 1, "one letter to send");
      assert.ok(
        after.some((l) => l.kind === "placement" && l.status === "skipped"),
        "old one withdrawn",
      );
      const duties = await dutiesOf(created.id);
      assert.deepEqual(duties.map((d) => d.status).sort(), ["cancelled", "open"]);
    });

    test("003-39 item 8 after a sent placement letter, a shorter term owes a correction letter on the worklist", async () => {
      const created = await register({
        person: { ...person(), email: "k.besluit@example.org" },
        address,
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      });
      assert.deepEqual(
        (await lettersOf(created.id)).map((l) => [l.kind, l.status]),
        [["placement", "sent"]],
      );
      const res = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        termMonths: 12,
        reason: "proportionality_reweighed",
        weighing: SHORTER_WEIGHING,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().endDate, "2027-05-01");
      const duties = await dutiesOf(created.id);
      assert.ok(
        duties.some((d) => d.kind === "correction"),
        JSON.stringify(duties),
      );
      const letters = await lettersOf(created.id);
      assert.ok(
        letters.some((l) => l.kind === "correction"),
        JSON.stringify(letters),
      );
    });

    test("003-39 item 8 a lengthening under four eyes waits for a second officer; the same officer is refused", async () => {
      const created = await register(
        {
          person: person(),
          categories: ["B.III"],
          criteria: ["a"],
          placementDate: "2026-05-01",
          termMonths: 12,
        },
        secondOfficer,
      );
      const confirmed = await confirmAs(fx.officerA, created.id);
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal(confirmed.json().endDate, "2027-05-01");
      const longer = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        termMonths: 24,
        reason: "new_documented_facts",
        weighing: TEST_WEIGHING,
      });
      assert.equal(longer.statusCode, 200, longer.body);
      assert.equal(longer.json().endDate, "2027-05-01", "no effect yet");
      assert.equal(longer.json().awaiting, "second_officer");
      assert.equal(longer.json().pendingChange.endDate, "2028-05-01");
      const again = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        termMonths: 18,
        reason: "new_documented_facts",
        weighing: SHORTER_WEIGHING,
      });
      assert.equal(again.statusCode, 409, again.body);
      const same = await confirmAs(fx.officerA, created.id);
      assert.equal(same.statusCode, 422, same.body);
      assert.equal(errorCode(same), "second_officer_required");
      const second = await confirmAs(secondOfficer, created.id);
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().endDate, "2028-05-01");
      assert.equal(second.json().pendingChange, null);
      assert.equal(second.json().secondLookBy.name, "Tweede Functionaris");
    });
  });

  describe("003-39 003-09 a waiting lengthening keeps the evidence of what it adds", () => {
    test("003-39 003-09 a correction of the address while a lengthening waits keeps the new criterion's evidence for its second look", async () => {
      const created = await register(
        {
          person: person(),
          categories: ["C.VI"],
          criteria: ["a"],
          placementDate: "2026-05-01",
          termMonths: 12,
        },
        secondOfficer,
      );
      const confirmed = await confirmAs(fx.officerA, created.id);
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const { evidence } = withEvidence({ criteria: ["a", "c"] } as {
        criteria: string[];
        evidence?: unknown;
      });
      const longer = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        criteria: ["a", "c"],
        termMonths: 24,
        reason: "new_documented_facts",
        weighing: TEST_WEIGHING,
        evidence,
      });
      assert.equal(longer.statusCode, 200, longer.body);
      assert.equal(longer.json().awaiting, "second_officer");
      const moved = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        contactAddress: address,
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const second = await confirmAs(secondOfficer, created.id);
      assert.equal(second.statusCode, 200, second.body);
      const after = (await call("GET", `/api/v1/registrations/${created.id}`, fx.officerA)).json();
      assert.deepEqual(after.criteria, ["a", "c"]);
      assert.deepEqual(after.evidence.map((e: { criterion: string }) => e.criterion).sort(), [
        "a",
        "c",
      ]);
    });
  });

  describe("003-39 003-09 a lengthening that drops a criterion", () => {
    test("003-39 003-09 the dropped criterion's evidence stays while the registration rests on it, and goes at the second look", async () => {
      const created = await register(
        {
          person: person(),
          categories: ["C.VI"],
          criteria: ["a", "c"],
          placementDate: "2026-05-01",
          termMonths: 12,
        },
        secondOfficer,
      );
      const confirm = (headers: Record<string, string>) =>
        call("POST", `/api/v1/registrations/${created.id}/confirmation`, headers, {
          declaration: true,
          weighing: TEST_WEIGHING,
        });
      assert.equal((await confirm(fx.officerA)).statusCode, 200);
      const longer = await call("PATCH", `/api/v1/registrations/${created.id}`, fx.officerA, {
        criteria: ["a"],
        termMonths: 24,
        reason: "new_documented_facts",
        weighing: TEST_WEIGHING,
      });
      assert.equal(longer.statusCode, 200, longer.body);
      assert.equal(longer.json().awaiting, "second_officer");
      const criteriaOfEvidence = async () =>
        (await call("GET", `/api/v1/registrations/${created.id}`, fx.officerA))
          .json()
          .evidence.map((e: { criterion: string }) => e.criterion)
          .sort();
      assert.deepEqual(await criteriaOfEvidence(), ["a", "c"], "still in force: still grounded");
      assert.equal((await confirm(secondOfficer)).statusCode, 200);
      assert.deepEqual(await criteriaOfEvidence(), ["a"]);
    });
  });

  describe("003-02 §19: the key stops when its officer leaves the role", () => {
    test("003-02 disabling the named officer revokes their officer key (401)", async () => {
      const works = await call("GET", "/api/v1/registrations", secondOfficer);
      assert.equal(works.statusCode, 200, works.body);
      const disabled = await call("PATCH", `/api/v1/users/${secondOfficerId}`, fx.admin, {
        status: "disabled",
      });
      assert.equal(disabled.statusCode, 200, disabled.body);
      const after = await call("GET", "/api/v1/registrations", secondOfficer);
      assert.equal(after.statusCode, 401, after.body);
      const keys = await call(
        "GET",
        `/api/v1/api-keys?organisationId=${fx.demo.organisations[0]!.id}`,
        fx.admin,
      );
      const key = keys
        .json()
        .items.find((k: { officerId: string | null }) => k.officerId === secondOfficerId);
      assert.ok(key.revokedAt, "revoked, not only refused");
    });
  });
});
