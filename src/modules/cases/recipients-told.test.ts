/**
 * Recipients told of a correction, restriction or erasure (AVG art. 19; 003 hoofdstuk 15;
 * review row 003-54): the participants that screened the person with a hit or saw the block
 * in the last 24 months get a notice on their worklist and an e-mail to their functionaris;
 * one that did not, or did so longer ago, gets none. Through the front door.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { caseSteps } from "../../testing/case-steps.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, bearer } from "../../testing/http.ts";
import { screening } from "../screenings/tables.ts";

type Headers = Record<string, string>;

describe("003-54 recipients are told (keurmerk-2013)", () => {
  const fx = useDemoApi({ today: "2026-06-01", profile: "keurmerk-2013" });
  const { call, ok } = apiCalls(() => fx.app);
  const { register, openCase, verifyIdentity, decide } = caseSteps(() => fx.app);
  const querierC = () => bearer(fx.demo.organisations[2]!.apiKeys.querier);
  const officerC = () => bearer(fx.demo.organisations[2]!.apiKeys.officer);
  const notices = async (headers: Headers) =>
    (await ok("GET", "/api/v1/duties?pageSize=200", headers)).items.filter(
      (d: { kind: string }) => d.kind === "recipient_notice",
    ) as { id: string; status: string; reason: string; dueDate: string }[];
  const screen = async (headers: Headers, person: object) =>
    (await ok("POST", "/api/v1/screenings", headers, { person, purpose: "allocation" }))
      .hit as boolean;

  test("003-54 an erasure after a request: a notice and an e-mail for the participant that screened the person, none for one that did not or did so over 24 months ago", async () => {
    const person = { initials: "E.", surname: "Ontvanger", birthDate: "1981-04-04" };
    const reg = await register(fx.officerA, person, ["W1", "W1.1"]);
    // C screened him with a hit over two years ago (its screening record dated back).
    assert.equal(await screen(querierC(), person), true);
    await fx.ctx.database.db
      .update(screening)
      .set({ createdAt: new Date("2024-03-01T10:00:00Z") })
      .where(eq(screening.organisationId, fx.demo.organisations[2]!.id));
    // This month: B screens him with a hit.
    assert.equal(await screen(fx.querierB, person), true);
    const before = {
      b: (await notices(fx.officerB)).length,
      c: (await notices(officerC())).length,
    };

    const c = await openCase(fx.officerA, "erasure", reg.id, "2026-06-01");
    await verifyIdentity(fx.officerA, c.id, "2026-06-01");
    const decided = await decide(fx.officerA, c.id, "upheld", "De gegevens worden verwijderd.");
    assert.equal(decided.status, "executed");
    assert.equal(
      (await call("GET", `/api/v1/registrations/${reg.id}`, fx.officerA)).statusCode,
      404,
    );

    const forB = (await notices(fx.officerB)).slice(before.b);
    assert.equal(forB.length, 1, "B screened him within 24 months");
    assert.equal(forB[0]!.reason, "erased");
    assert.equal((await notices(officerC())).length, before.c, "C screened him over 24 months ago");
    assert.equal(
      (await notices(fx.officerA)).length,
      0,
      "the primary source is not its own recipient",
    );

    // The notice tells B no more than it had: whom it screened, when, what changed, by whom.
    const { notice } = await ok("GET", `/api/v1/duties/${forB[0]!.id}/notice`, fx.officerB);
    assert.equal(notice.change, "erased");
    assert.equal(notice.date, "2026-06-01");
    assert.equal(notice.primarySource.id, fx.demo.organisations[0]!.id);
    assert.deepEqual(notice.person, person);
    assert.deepEqual(notice.received, [{ date: "2026-06-01", how: "screening" }]);
    assert.equal(
      (await call("GET", `/api/v1/duties/${forB[0]!.id}/notice`, officerC())).statusCode,
      404,
      "only the recipient reads its notice",
    );

    // The e-mail to B's functionaris carries no personal data.
    const outbox = fx.ctx.services.letters.outboxDir!;
    const file = readdirSync(outbox).find((f) => f.endsWith(`notice-${forB[0]!.id}.eml`));
    assert.ok(file, "an e-mail to the functionaris");
    const eml = readFileSync(path.join(outbox, file), "utf8");
    assert.match(eml, /To: fg@/);
    assert.match(eml, /artikel 19/);
    assert.doesNotMatch(eml, /Ontvanger|1981/);

    // B processes it; it leaves the worklist.
    const done = await ok("POST", `/api/v1/duties/${forB[0]!.id}/processed`, fx.officerB, {});
    assert.equal(done.status, "fulfilled");
    const again = await call("POST", `/api/v1/duties/${forB[0]!.id}/processed`, fx.officerB, {});
    assert.equal(again.statusCode, 409);
    assert.equal(
      (await call("GET", `/api/v1/duties/${forB[0]!.id}/notice`, fx.officerB)).statusCode,
      404,
      "once processed, whom it concerned is erased",
    );

    const detail = await ok("GET", `/api/v1/cases/${c.id}`, fx.officerA);
    const told = detail.events.find((e: { action: string }) => e.action === "recipients_informed");
    assert.deepEqual(told.details, {
      change: "erased",
      organisations: [fx.demo.organisations[1]!.id],
    });
  });
});
