import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { auditEvent } from "../../platform/audit/tables.ts";
import { dataKey } from "../../platform/crypto/tables.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import {
  apiCalls,
  assertRefused,
  bearer,
  placeRegistrationThroughApi,
} from "../../testing/http.ts";
import { caseFile } from "../cases/tables.ts";
import { notificationDuty } from "../letters/tables.ts";
import { registration, registrationBlindIndex } from "../registrations/tables.ts";
import { seekerBlock, seekerMatch } from "../seekers/tables.ts";

const fx = useDemoApi({ today: "2026-06-01" });
const { call } = apiCalls(() => fx.app);

let n = 0;
async function register(extra: Record<string, unknown> = {}, surname?: string) {
  n++;
  const person = {
    initials: "R.",
    surname: surname ?? `Bewaar${"abcdefghijklmnopqrstuvwxyz"[n]}`,
    birthDate: `1960-03-${10 + n}`,
  };
  const placed = await placeRegistrationThroughApi<{ id: string; endDate: string }>(
    fx.app,
    fx.officerA,
    {
      person,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
      termMonths: 2,
      ...extra,
    },
  );
  return { ...placed, person };
}

async function exists(id: string) {
  const rows = await fx.ctx.database.db.select().from(registration).where(eq(registration.id, id));
  return rows.length === 1;
}

describe("the retention job (issue 9)", () => {
  test("the day before the end date: still there; on the end date: gone, with receipt, letter and journal", async () => {
    const reg = await register();
    assert.equal(reg.endDate, "2026-07-01");
    // A confirmed block hangs on it.
    await call("PUT", "/api/v1/seekers/R-1", fx.allocation, { person: reg.person });
    const [m] = (await call("GET", "/api/v1/matches?status=pending", fx.officerA)).json().items;
    await call("POST", `/api/v1/matches/${m.id}/decision`, fx.officerA, { decision: "confirm" });
    fx.ctx.clock.set("2026-06-30");
    const before = await fx.ctx.services.retention.run("2026-06-30");
    assert.equal(before.termExpired, 0);
    assert.ok(await exists(reg.id));
    fx.ctx.clock.set("2026-07-01");
    const run = await fx.ctx.services.retention.run("2026-07-01");
    assert.equal(run.termExpired, 1);
    assert.equal(await exists(reg.id), false);
    const db = fx.ctx.database.db;
    assert.equal(
      (
        await db
          .select()
          .from(registrationBlindIndex)
          .where(eq(registrationBlindIndex.registrationId, reg.id))
      ).length,
      0,
    );
    assert.equal(
      (await db.select().from(seekerBlock).where(eq(seekerBlock.registrationId, reg.id))).length,
      0,
    );
    assert.equal(
      (await db.select().from(seekerMatch).where(eq(seekerMatch.registrationId, reg.id))).length,
      0,
    );
    // Gone means gone: no row anywhere holds its id (letters keep receipts without content).
    const [receipt] = await db.select().from(auditEvent).where(eq(auditEvent.objectId, reg.id));
    assert.ok(receipt);
    const erased = (
      await db.select().from(auditEvent).where(eq(auditEvent.action, "registration.erased"))
    ).find((e) => e.objectId === reg.id);
    assert.ok(erased);
    assert.equal((erased.details as { ground: string }).ground, "term_expired");
    const removal = await db
      .select()
      .from(notificationDuty)
      .where(eq(notificationDuty.registrationId, reg.id));
    assert.ok(
      removal.some((d) => d.kind === "removal"),
      "the removal letter is owed",
    );
    const journal = fs.readFileSync(fx.ctx.services.retention.journalFile, "utf8");
    assert.ok(journal.includes(reg.id));
    assert.ok(!journal.includes(reg.person.surname), "ids only");
    const again = await fx.ctx.services.retention.run("2026-07-01");
    assert.equal(again.termExpired, 0, "idempotent");
    fx.ctx.clock.set("2026-06-01");
  });

  test("a run stopped half-way and run again ends in the same state", async () => {
    const regs = [await register(), await register(), await register()];
    fx.ctx.clock.set("2026-07-02");
    fx.ctx.services.retention.interruptAfter(1);
    await assert.rejects(fx.ctx.services.retention.run("2026-07-02"), /interrupted/);
    const left = (await Promise.all(regs.map((r) => exists(r.id)))).filter(Boolean).length;
    assert.equal(left, 2, "one erased completely, the others untouched");
    fx.ctx.services.retention.interruptAfter(undefined);
    const run = await fx.ctx.services.retention.run("2026-07-02");
    assert.equal(run.termExpired, 2);
    for (const r of regs) assert.equal(await exists(r.id), false);
    const receipts = (
      await fx.ctx.database.db
        .select()
        .from(auditEvent)
        .where(eq(auditEvent.action, "registration.erased"))
    ).filter((e) => regs.some((r) => r.id === e.objectId));
    assert.equal(receipts.length, 3, "exactly one receipt each");
    fx.ctx.clock.set("2026-06-01");
  });

  test("003-42 a claim paid in full ends a D registration at once; with another group, only its D part", async () => {
    const d = await register({
      categories: ["D.VIII"],
      criteria: ["d"],
      claimCents: 150_000,
      termMonths: 24,
    });
    const paid = await call("POST", `/api/v1/registrations/${d.id}/claim-settlement`, fx.officerA, {
      kind: "paid_in_full",
      date: "2026-05-30",
    });
    assert.equal(paid.statusCode, 200, paid.body);
    assert.deepEqual(paid.json(), {
      id: d.id,
      erased: true,
      ground: "claim_paid_in_full",
      endedCategories: ["D.VIII"],
    });
    assert.equal(await exists(d.id), false);
    const mixed = await register({
      categories: ["A.I", "D.VIII"],
      criteria: ["a", "d"],
      claimCents: 150_000,
      termMonths: 24,
    });
    const partly = await call(
      "POST",
      `/api/v1/registrations/${mixed.id}/claim-settlement`,
      fx.officerA,
      { kind: "paid_in_full", date: "2026-05-30" },
    );
    assert.equal(partly.statusCode, 200, partly.body);
    assert.equal(partly.json().erased, false, "the A part runs on (003 §12.4 D; issue #20)");
    assert.ok(await exists(mixed.id));
    const onlyA = await register({ categories: ["A.I"], criteria: ["a"], termMonths: 24 });
    const refused = await call(
      "POST",
      `/api/v1/registrations/${onlyA.id}/claim-settlement`,
      fx.officerA,
      { kind: "paid_in_full", date: "2026-05-30" },
    );
    assertRefused(refused, 422, "removal_rule_not_applicable");
    assert.ok(await exists(onlyA.id));
  });

  test("finished cases and their letters go after the region's case retention", async () => {
    const reg = await register({ termMonths: 24 });
    const c = (
      await call("POST", "/api/v1/cases", fx.officerA, {
        type: "access",
        registrationId: reg.id,
        receivedDate: "2026-06-01",
      })
    ).json();
    await call("POST", `/api/v1/cases/${c.id}/identity`, fx.officerA, {
      method: "in_person",
      date: "2026-06-01",
    });
    const decided = await call("POST", `/api/v1/cases/${c.id}/decision`, fx.officerA, {
      outcome: "upheld",
      reasons: "Inzage.",
    });
    assert.equal(decided.json().status, "executed");
    const db = fx.ctx.database.db;
    assert.ok(
      (await db.select().from(notificationDuty).where(eq(notificationDuty.caseId, c.id))).length >
        0,
    );
    const early = await fx.ctx.services.retention.run("2028-05-31");
    assert.equal(early.casesErased, 0);
    const run = await fx.ctx.services.retention.run("2028-06-02");
    assert.equal(run.casesErased, 1);
    assert.equal((await db.select().from(caseFile).where(eq(caseFile.id, c.id))).length, 0);
    assert.equal(
      (await db.select().from(notificationDuty).where(eq(notificationDuty.caseId, c.id))).length,
      0,
    );
  });

  test("API keys that ended more than 90 days ago are deleted; recent ones stay for the access review", async () => {
    const admin = bearer(fx.demo.consortiumAdmin.apiKey);
    const issue = async (expiresOn: string) => {
      const res = await call("POST", "/api/v1/api-keys", admin, {
        organisationId: fx.demo.organisations[0]!.id,
        role: "querier",
        label: `expires ${expiresOn}`,
        expiresOn,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const old = await issue("2026-07-01");
    const recent = await issue("2026-12-01");
    const run = await fx.ctx.services.retention.run("2026-10-01");
    assert.ok(run.apiKeysDeleted >= 1);
    const list = (await call("GET", "/api/v1/api-keys", admin)).json().items as { id: string }[];
    assert.ok(!list.some((k) => k.id === old), "ended 2026-07-01, more than 90 days before");
    assert.ok(list.some((k) => k.id === recent));
  });

  test("a participant whose withdrawal date comes: its registrations go and its keys are shredded", async () => {
    const orgC = fx.demo.organisations[2]!;
    const officerC = bearer(orgC.apiKeys.officer);
    const placed = await placeRegistrationThroughApi(fx.app, officerC, {
      person: { initials: "W.", surname: "Vertrekker", birthDate: "1971-01-21" },
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const withdrawal = await call(
      "POST",
      `/api/v1/organisations/${orgC.id}/withdrawal`,
      bearer(fx.demo.consortiumAdmin.apiKey),
      { date: "2026-09-01" },
    );
    assert.equal(withdrawal.statusCode, 200, withdrawal.body);
    assert.ok(await exists(placed.id), "not before its date");
    fx.ctx.clock.set("2026-09-01");
    const run = await fx.ctx.services.retention.run("2026-09-01");
    assert.equal(run.participantsLeft, 1);
    assert.equal(await exists(placed.id), false);
    const keys = await fx.ctx.database.db
      .select()
      .from(dataKey)
      .where(eq(dataKey.organisationId, orgC.id));
    assert.equal(keys.length, 0, "crypto-shredded");
    const leftovers = await fx.ctx.database.db
      .select()
      .from(registration)
      .where(eq(registration.organisationId, orgC.id));
    assert.equal(leftovers.length, 0);
    fx.ctx.clock.set("2026-06-01");
  });
});
