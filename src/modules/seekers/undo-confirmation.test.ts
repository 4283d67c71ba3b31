/**
 * Issue 21 part 9 (usability review defect 13; design.md §2.7; D-991): a confirmation can be
 * undone by the same officer within the profile's block-letter term while the block letter is
 * unsent, leaving an audit trail; refused after the letter is sent, past the term, or by
 * another officer. Through the API, on a real database.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { auditEvent } from "../../platform/audit/tables.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, bearer, placeRegistrationThroughApi } from "../../testing/http.ts";

type Headers = Record<string, string>;
const TODAY = "2026-06-01";
const ADDRESS = { street: "Kadeweg", houseNumber: "4", postcode: "9902 AB", city: "Havenstad" };

describe("issue 21 part 9: undoing a match confirmation", () => {
  const fx = useDemoApi({ today: TODAY });
  const { call, ok } = apiCalls(() => fx.app);
  let secondOfficer: Headers = {};
  let n = 0;

  before(async () => {
    const orgA = fx.demo.organisations[0]!.id;
    // Set-up, not under test: a second named officer of organisation A (as decision.test.ts).
    const id = await fx.ctx.services.identity.bootstrapUser({
      organisationId: orgA,
      email: "tweede.ongedaan@de-linde.example",
      displayName: "Tweede Ongedaan",
      roles: ["officer"],
      password: "Tweede-ongedaan-demo-wachtwoord-2026!",
      mustChangePassword: false,
      declared: true,
    });
    const key = await ok(
      "POST",
      "/api/v1/api-keys",
      fx.admin,
      { organisationId: orgA, role: "officer", label: "Tweede", officerId: id },
      201,
    );
    secondOfficer = bearer(key.key);
  });

  /** A registration of A, a matching seeker, the match confirmed by the first officer. */
  async function confirmed() {
    n += 1;
    const person = {
      initials: "O.",
      surname: `Ongedaan${"abcdefgh"[n]}`,
      birthDate: `1980-02-1${n}`,
    };
    const reg = await placeRegistrationThroughApi(fx.app, fx.officerA, {
      person,
      address: ADDRESS,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const seekerNumber = `UN-${n}`;
    await ok("PUT", `/api/v1/seekers/${seekerNumber}`, fx.allocation, { person }, 201);
    const matches = await ok("GET", "/api/v1/matches?status=pending", fx.officerA);
    const match = (matches.items as { id: string; registrationId: string }[]).find(
      (m) => m.registrationId === reg.id,
    );
    assert.ok(match, "a match was proposed");
    await ok("POST", `/api/v1/matches/${match.id}/decision`, fx.officerA, { decision: "confirm" });
    return { matchId: match.id, registrationId: reg.id as string, seekerNumber };
  }
  const blocked = async (seekerNumber: string) =>
    (await ok("GET", `/api/v1/seekers/${seekerNumber}/block`, fx.allocation)).blocked as boolean;
  const blockDuties = async (registrationId: string) =>
    (
      (await ok("GET", `/api/v1/duties?registrationId=${registrationId}`, fx.officerA)).items as {
        id: string;
        kind: string;
        status: string;
      }[]
    ).filter((d) => d.kind === "block");

  test("21-9 the confirming officer undoes it while the letter is unsent: block gone, letter withdrawn, match pending, audited", async () => {
    const c = await confirmed();
    assert.equal(await blocked(c.seekerNumber), true);
    const detail = await ok("GET", `/api/v1/matches/${c.matchId}`, fx.officerA);
    assert.equal(detail.undoableUntil, "2026-06-29", "the block letter's four weeks");
    const [duty] = await blockDuties(c.registrationId);
    assert.equal(duty?.status, "open", "the block letter waits for the post");

    const undone = await ok("POST", `/api/v1/matches/${c.matchId}/undo`, fx.officerA, {});
    assert.equal(undone.status, "pending");
    assert.equal(await blocked(c.seekerNumber), false, "the block ended at once");
    assert.equal((await blockDuties(c.registrationId))[0]?.status, "cancelled");
    const letters = await ok("GET", `/api/v1/letters?dutyId=${duty!.id}`, fx.officerA);
    assert.ok(
      (letters.items as { status: string }[]).every((l) => l.status === "skipped"),
      "the draft is withdrawn",
    );
    const trail = await fx.ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.objectId, c.matchId)));
    const actions = trail.map((e) => e.action);
    assert.ok(actions.includes("match.confirmed"), actions.join());
    assert.ok(actions.includes("match.confirmation_undone"), actions.join());
    // Undone twice: nothing to undo; deciding again works.
    const again = await call("POST", `/api/v1/matches/${c.matchId}/undo`, fx.officerA, {});
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, "match_not_confirmed");
    await ok("POST", `/api/v1/matches/${c.matchId}/decision`, fx.officerA, { decision: "reject" });
  });

  test("21-9 another officer may not undo it (422 undo_by_other_officer)", async () => {
    const c = await confirmed();
    const res = await call("POST", `/api/v1/matches/${c.matchId}/undo`, secondOfficer, {});
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().error.code, "undo_by_other_officer");
    const detail = await ok("GET", `/api/v1/matches/${c.matchId}`, secondOfficer);
    assert.equal(detail.undoableUntil, null, "not offered to another officer");
    assert.equal(await blocked(c.seekerNumber), true);
  });

  test("21-9 once the block letter is sent it cannot be undone (409 block_letter_sent)", async () => {
    const c = await confirmed();
    const [duty] = await blockDuties(c.registrationId);
    const letters = await ok("GET", `/api/v1/letters?dutyId=${duty!.id}`, fx.officerA);
    const draft = (letters.items as { id: string; status: string }[]).find(
      (l) => l.status === "draft",
    );
    assert.ok(draft, letters);
    await ok("POST", `/api/v1/letters/${draft.id}/sent`, fx.officerA, { sentOn: TODAY });
    const res = await call("POST", `/api/v1/matches/${c.matchId}/undo`, fx.officerA, {});
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, "block_letter_sent");
    assert.equal(await blocked(c.seekerNumber), true);
  });

  test("21-9 past the block letter's term it cannot be undone (422 undo_term_passed)", async () => {
    const c = await confirmed();
    fx.ctx.clock.set("2026-06-30");
    try {
      const res = await call("POST", `/api/v1/matches/${c.matchId}/undo`, fx.officerA, {});
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, "undo_term_passed");
    } finally {
      fx.ctx.clock.set(TODAY);
    }
    assert.equal(await blocked(c.seekerNumber), true);
  });
});
