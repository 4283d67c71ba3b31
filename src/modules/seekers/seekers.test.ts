import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { auditEvent } from "../../platform/audit/tables.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import {
  apiCalls,
  assertRefused,
  bearer,
  placeRegistrationThroughApi,
} from "../../testing/http.ts";
import type { PersonInput } from "../../testing/people.ts";
import { BLOCKING_KINDS } from "../matching/blocking.ts";
import { registrationBlindIndex } from "../registrations/tables.ts";
import { seeker, seekerBlindIndex, seekerBlock, seekerMatch } from "./tables.ts";

const TODAY = "2026-06-01";
const fx = useDemoApi({ today: TODAY });

const { call } = apiCalls(() => fx.app);

async function register(
  person: PersonInput,
  headers = fx.officerA,
  extra: Record<string, unknown> = {},
) {
  return placeRegistrationThroughApi<{ id: string; endDate: string; scope: string }>(
    fx.app,
    headers,
    { person, categories: ["B.II"], criteria: ["a"], placementDate: "2026-05-01", ...extra },
  );
}

async function putSeeker(n: string, person: PersonInput) {
  return call("PUT", `/api/v1/seekers/${n}`, fx.allocation, { person });
}

async function pending(headers = fx.officerA) {
  const res = await call("GET", "/api/v1/matches?status=pending", headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as {
    id: string;
    registrationId: string;
    seekerNumber: string;
    score: number;
    status: string;
    reasons: { field: string; level: string; weight: number }[];
  }[];
}

/** The pending matches of one registration. */
async function pendingFor(registrationId: string, headers = fx.officerA) {
  return (await pending(headers)).filter((m) => m.registrationId === registrationId);
}

describe("the house-seeker index (PUT/DELETE /seekers/{n})", () => {
  test("created, unchanged, updated; the answer holds no personal data", async () => {
    const person = { initials: "A.", surname: "Zoeker", birthDate: "1990-02-02" };
    const created = await putSeeker("S-100", person);
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json(), { seekerNumber: "S-100", status: "created" });
    const again = await putSeeker("S-100", person);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().status, "unchanged");
    const changed = await putSeeker("S-100", { ...person, firstNames: "Anna" });
    assert.equal(changed.json().status, "updated");
    assert.ok(!changed.body.includes("Zoeker"));
    const [row] = await fx.ctx.database.db
      .select()
      .from(seeker)
      .where(eq(seeker.seekerNumber, "S-100"));
    assert.ok(row && !row.personCiphertext.includes("Zoeker"), "stored encrypted");
    const keys = await fx.ctx.database.db
      .select()
      .from(seekerBlindIndex)
      .where(eq(seekerBlindIndex.seekerNumber, "S-100"));
    assert.ok(keys.length >= 4, "blocking keys stored as blind indexes");
    assert.ok(
      keys.every((k) => !k.value.includes("1990")),
      "blind, not the value",
    );
    // A new birth date replaces the seeker's blind indexes: none of the old ones is left.
    const moved = await putSeeker("S-100", {
      ...person,
      firstNames: "Anna",
      birthDate: "1991-03-03",
    });
    assert.equal(moved.json().status, "updated");
    const after = await fx.ctx.database.db
      .select()
      .from(seekerBlindIndex)
      .where(eq(seekerBlindIndex.seekerNumber, "S-100"));
    const dates = (rows: typeof keys) => rows.filter((k) => k.kind === "birth_date");
    assert.equal(dates(after).length, 1);
    assert.notEqual(dates(after)[0]!.value, dates(keys)[0]!.value);
    assert.equal(after.length, keys.length, "replaced, not added to");
  });

  test("only the allocation system or the consortium maintains it; bad input is refused", async () => {
    const person = { initials: "A.", surname: "Zoeker", birthDate: "1990-02-02" };
    assert.equal(
      (await call("PUT", "/api/v1/seekers/S-1", fx.querierA, { person })).statusCode,
      403,
    );
    assert.equal(
      (await call("PUT", "/api/v1/seekers/S-1", fx.officerA, { person })).statusCode,
      403,
    );
    const mismatch = await putSeeker("S-1", { ...person, seekerNumber: "S-2" } as PersonInput);
    assertRefused(mismatch, 400, "seeker_number_mismatch");
    const extra = await call("PUT", "/api/v1/seekers/S-1", fx.allocation, { person, note: "x" });
    assert.equal(extra.json().error.code, "unknown_field");
    const badNumber = await putSeeker("S 1;drop", person);
    assert.equal(badNumber.statusCode, 400);
    const badDate = await putSeeker("S-1", { ...person, birthDate: "1990-02-31" });
    assert.equal(badDate.statusCode, 400);
    assert.equal(badDate.json().error.details[0].path, "person.birthDate");
  });

  test("DELETE removes the seeker (204), then 404", async () => {
    await putSeeker("S-DEL", { initials: "D.", surname: "Weg", birthDate: "1970-07-07" });
    assert.equal((await call("DELETE", "/api/v1/seekers/S-DEL", fx.allocation)).statusCode, 204);
    const again = await call("DELETE", "/api/v1/seekers/S-DEL", fx.allocation);
    assert.equal(again.statusCode, 404);
    const [row] = await fx.ctx.database.db
      .select()
      .from(seeker)
      .where(eq(seeker.seekerNumber, "S-DEL"));
    assert.equal(row, undefined);
  });
});

describe("matching seekers and registrations", () => {
  test("a seeker spelled differently is proposed to the primary source only, with reasons", async () => {
    const reg = await register({
      initials: "J.P.",
      firstNames: "Jan Pieter",
      prefix: "van der",
      surname: "Zwaanswijk",
      birthDate: "1985-03-14",
    });
    const put = await putSeeker("S-200", {
      initials: "JP",
      surname: "Vanderzwaanswyk",
      birthDate: "1985-03-14",
    });
    assert.equal(put.statusCode, 201);
    const mine = await pendingFor(reg.id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.seekerNumber, "S-200");
    assert.ok(mine[0]!.score >= 18);
    assert.ok(mine[0]!.reasons.some((r) => r.field === "birth_date" && r.level === "exact"));
    assert.ok(!JSON.stringify(mine).includes("wijk"), "reasons carry levels, not values");
    assert.equal((await pendingFor(reg.id, fx.officerB)).length, 0);
    assert.equal((await call("GET", "/api/v1/matches", fx.querierA)).statusCode, 403);
    // The officer judges with both persons side by side; another organisation gets 404.
    const detail = await call("GET", `/api/v1/matches/${mine[0]!.id}`, fx.officerA);
    assert.equal(detail.statusCode, 200, detail.body);
    assert.equal(detail.json().registrationPerson.surname, "Zwaanswijk");
    assert.equal(detail.json().seekerPerson.surname, "Vanderzwaanswyk");
    assert.ok(detail.json().reasons.every((r: { detail: string }) => r.detail.length > 0));
    assert.equal(
      (await call("GET", `/api/v1/matches/${mine[0]!.id}`, fx.officerB)).statusCode,
      404,
    );
  });

  test("a new registration is matched against the seekers already there", async () => {
    await putSeeker("S-300", { initials: "M.", surname: "Yılmaz", birthDate: "1979-11-04" });
    const reg = await register({ initials: "M", surname: "Yilmaz", birthDate: "1979-04-11" });
    const mine = await pendingFor(reg.id);
    assert.deepEqual(
      mine.map((m) => m.seekerNumber),
      ["S-300"],
      "day and month swapped, ı folded",
    );
  });

  test("look-alikes are not proposed: twins and parent/child", async () => {
    const reg = await register({
      initials: "T.",
      firstNames: "Thijs",
      surname: "Tweelingh",
      birthDate: "2001-09-09",
    });
    await putSeeker("S-TWIN", {
      initials: "L.",
      firstNames: "Lars",
      surname: "Tweelingh",
      birthDate: "2001-09-09",
    });
    await putSeeker("S-PARENT", {
      initials: "T.",
      firstNames: "Thijs",
      surname: "Tweelingh",
      birthDate: "1971-09-09",
    });
    assert.equal((await pendingFor(reg.id)).length, 0);
  });

  test("confirm creates the block until the registration's end; disclosure per role", async () => {
    const reg = await register({ initials: "K.", surname: "Blokker", birthDate: "1982-12-01" });
    await putSeeker("S-400", { initials: "K.", surname: "Blokker", birthDate: "1982-12-01" });
    const before = await call("GET", "/api/v1/seekers/S-400/block", fx.allocation);
    assert.deepEqual(before.json(), { blocked: false }, "nothing before the human confirms");
    const [m] = await pendingFor(reg.id);
    assert.ok(m);
    assert.equal(
      (await call("POST", `/api/v1/matches/${m.id}/decision`, fx.officerB, { decision: "confirm" }))
        .statusCode,
      404,
    );
    const confirmed = await call("POST", `/api/v1/matches/${m.id}/decision`, fx.officerA, {
      decision: "confirm",
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().status, "confirmed");
    // aedes-2021: the allocation system learns per part only until and scope (003 §6 punten 5–6).
    const sys = await call("GET", "/api/v1/seekers/S-400/block", fx.allocation);
    assert.deepEqual(sys.json(), {
      blocked: true,
      parts: [{ until: reg.endDate, scope: "region" }],
    });
    // Another participant: that it is blocked, that it applies to it, whom to ask (003 §6 punt 6).
    const other = await call("GET", "/api/v1/seekers/S-400/block?purpose=allocation", fx.querierB);
    assert.deepEqual(other.json(), {
      blocked: true,
      appliesToCaller: true,
      primarySource: { id: fx.demo.organisations[0]!.id, name: fx.demo.organisations[0]!.name },
    });
    assert.ok(!("categories" in other.json()), "never the reason (003 §13.5)");
    const twice = await call("POST", `/api/v1/matches/${m.id}/decision`, fx.officerA, {
      decision: "reject",
    });
    assertRefused(twice, 409, "match_already_decided");
    // Every look is logged, with its outcome.
    const looks = await fx.ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "seeker.block_checked"), eq(auditEvent.objectId, "S-400")));
    assert.deepEqual(
      looks.map((e) => e.outcome),
      ["no_hit", "hit", "hit"],
    );
    // The block ends and unlinks with the registration (003 §6.7).
    assert.equal(
      (await call("DELETE", `/api/v1/registrations/${reg.id}`, fx.officerA)).statusCode,
      204,
    );
    assert.deepEqual((await call("GET", "/api/v1/seekers/S-400/block", fx.allocation)).json(), {
      blocked: false,
    });
    const blocks = await fx.ctx.database.db
      .select()
      .from(seekerBlock)
      .where(eq(seekerBlock.seekerNumber, "S-400"));
    assert.equal(blocks.length, 0);
  });

  test("a rejected pair stays rejected until the data change", async () => {
    const reg = await register({ initials: "R.", surname: "Afwijzer", birthDate: "1966-06-16" });
    await putSeeker("S-500", { initials: "R.", surname: "Afwijzer", birthDate: "1966-06-16" });
    const [m] = await pendingFor(reg.id);
    assert.ok(m);
    const rejected = await call("POST", `/api/v1/matches/${m.id}/decision`, fx.officerA, {
      decision: "reject",
    });
    assert.equal(rejected.json().status, "rejected");
    await putSeeker("S-500", { initials: "R.", surname: "Afwijzer", birthDate: "1966-06-16" });
    assert.equal((await pendingFor(reg.id)).length, 0);
    // A change of the registration that does not touch the person: still rejected.
    await call("PATCH", `/api/v1/registrations/${reg.id}`, fx.officerA, { termMonths: 12 });
    assert.equal((await pendingFor(reg.id)).length, 0);
    // The seeker's data change (first names now known): proposed again.
    await putSeeker("S-500", {
      initials: "R.",
      firstNames: "Rob",
      surname: "Afwijzer",
      birthDate: "1966-06-16",
    });
    const again = await pendingFor(reg.id);
    assert.equal(again.length, 1);
    assert.equal(again[0]!.id, m.id);
  });

  test("a pending proposal is withdrawn when the seeker no longer matches", async () => {
    const reg = await register({ initials: "W.", surname: "Wisselaar", birthDate: "1977-03-03" });
    await putSeeker("S-600", { initials: "W.", surname: "Wisselaar", birthDate: "1977-03-03" });
    assert.equal((await pendingFor(reg.id)).length, 1);
    await putSeeker("S-600", { initials: "W.", surname: "Wisselaar", birthDate: "1957-08-21" });
    assert.equal((await pendingFor(reg.id)).length, 0);
  });

  test("a restricted registration cannot be confirmed into a block (409)", async () => {
    const reg = await register({ initials: "B.", surname: "Beperkt", birthDate: "1988-01-30" });
    await putSeeker("S-700", { initials: "B.", surname: "Beperkt", birthDate: "1988-01-30" });
    const [m] = await pendingFor(reg.id);
    assert.ok(m);
    const restricted = await call(
      "POST",
      `/api/v1/registrations/${reg.id}/restriction`,
      fx.officerA,
      {
        reason: "accuracy_contested",
      },
    );
    assert.equal(restricted.statusCode, 200, restricted.body);
    const res = await call("POST", `/api/v1/matches/${m.id}/decision`, fx.officerA, {
      decision: "confirm",
    });
    assertRefused(res, 409, "registration_not_in_effect");
  });

  test("erasing a seeker takes its matches with it", async () => {
    const reg = await register({ initials: "E.", surname: "Erasmus", birthDate: "1993-10-10" });
    await putSeeker("S-800", { initials: "E.", surname: "Erasmus", birthDate: "1993-10-10" });
    assert.equal((await pendingFor(reg.id)).length, 1);
    await call("DELETE", "/api/v1/seekers/S-800", fx.allocation);
    const rows = await fx.ctx.database.db
      .select()
      .from(seekerMatch)
      .where(eq(seekerMatch.seekerNumber, "S-800"));
    assert.equal(rows.length, 0);
  });
});

describe("region settings: the matching threshold", () => {
  test("a consortium admin raises the threshold; proposals below it are not made", async () => {
    const admin = bearer(fx.demo.consortiumAdmin.apiKey);
    assert.equal((await call("GET", "/api/v1/region/settings", admin)).json().matchThreshold, 18);
    const bad = await call("PATCH", "/api/v1/region/settings", admin, { matchThreshold: 2 });
    assert.equal(bad.statusCode, 400);
    assert.equal(
      (await call("PATCH", "/api/v1/region/settings", fx.officerA, { matchThreshold: 30 }))
        .statusCode,
      403,
    );
    const raised = await call("PATCH", "/api/v1/region/settings", admin, { matchThreshold: 39 });
    assert.equal(raised.statusCode, 200, raised.body);
    const reg = await register({ initials: "H.", surname: "Hoogdrempel", birthDate: "1961-04-04" });
    await putSeeker("S-900", { initials: "H.", surname: "Hoogdrempel", birthDate: "1961-04-04" });
    assert.equal((await pendingFor(reg.id)).length, 0);
    await call("PATCH", "/api/v1/region/settings", admin, { matchThreshold: 18 });
    await putSeeker("S-900", {
      initials: "H.",
      firstNames: "Henk",
      surname: "Hoogdrempel",
      birthDate: "1961-04-04",
    });
    assert.equal((await pendingFor(reg.id)).length, 1);
  });
});

describe("blind indexes under an earlier blocking scheme", () => {
  test("are recomputed (as the server does at start), and the registration is found again", async () => {
    const reg = await register({ initials: "O.", surname: "Oudschema", birthDate: "1958-02-22" });
    const db = fx.ctx.database.db;
    // Session 1 stored other kinds of key: simulate such a registration.
    await db
      .update(registrationBlindIndex)
      .set({ kind: "surname_initial_birth_date" })
      .where(eq(registrationBlindIndex.registrationId, reg.id));
    await putSeeker("S-OLD", { initials: "O.", surname: "Oudschema", birthDate: "1958-02-22" });
    assert.equal((await pendingFor(reg.id)).length, 0);
    assert.equal(await fx.ctx.services.registrations.reindexBlindIndexes(), 1);
    const kinds = await db
      .select()
      .from(registrationBlindIndex)
      .where(eq(registrationBlindIndex.registrationId, reg.id));
    assert.ok(kinds.every((k) => BLOCKING_KINDS.includes(k.kind as never)));
    assert.equal((await pendingFor(reg.id)).length, 1);
    assert.equal(await fx.ctx.services.registrations.reindexBlindIndexes(), 0, "idempotent");
    // --all also recomputes every seeker's; the result is the same set of indexes.
    const beforeKeys = await db
      .select()
      .from(seekerBlindIndex)
      .where(eq(seekerBlindIndex.seekerNumber, "S-OLD"));
    const n = await fx.ctx.services.seekers.reindexBlindIndexes(2);
    assert.ok(n >= 1);
    const afterKeys = await db
      .select()
      .from(seekerBlindIndex)
      .where(eq(seekerBlindIndex.seekerNumber, "S-OLD"));
    const key = (k: { kind: string; value: string }) => `${k.kind}:${k.value}`;
    assert.deepEqual(afterKeys.map(key).sort(), beforeKeys.map(key).sort());
  });
});

describe("how common a surname is among the region's own house seekers", () => {
  test("each seeker's surname is counted under a blind key, never by name", async () => {
    await putSeeker("S-CNT", {
      initials: "K.",
      surname: "Telnaam-de Wit",
      birthDate: "1981-01-11",
    });
    const rows = await fx.ctx.database.db
      .select()
      .from(seekerBlindIndex)
      .where(
        and(eq(seekerBlindIndex.seekerNumber, "S-CNT"), eq(seekerBlindIndex.kind, "surname_count")),
      );
    // The whole double name and each of its parts.
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => !/telnaam|wit/i.test(r.value)));
  });

  test("seekers stored before surnames were counted get their count keys (server start)", async () => {
    const db = fx.ctx.database.db;
    const countRows = () =>
      db
        .select()
        .from(seekerBlindIndex)
        .where(
          and(
            eq(seekerBlindIndex.seekerNumber, "S-CNT"),
            eq(seekerBlindIndex.kind, "surname_count"),
          ),
        );
    const before = await countRows();
    await db
      .delete(seekerBlindIndex)
      .where(
        and(eq(seekerBlindIndex.seekerNumber, "S-CNT"), eq(seekerBlindIndex.kind, "surname_count")),
      );
    assert.equal(await fx.ctx.services.seekers.reindexBlindIndexes(500, { stale: true }), 1);
    assert.deepEqual(
      (await countRows()).map((r) => r.value).sort(),
      before.map((r) => r.value).sort(),
    );
    assert.equal(await fx.ctx.services.seekers.reindexBlindIndexes(500, { stale: true }), 0);
  });

  test("a small region scores on the national table only", async () => {
    const scoring = await fx.ctx.services.seekers.scoringFor([]);
    assert.equal(scoring.regionalFrequencies, undefined);
    assert.deepEqual(Object.keys(scoring), ["thresholds"]);
  });

  test("a name many seekers bear weighs less; a rare one keeps its national weight", async () => {
    // The same database, with the rules lowered to this test's size (default: 10,000 seekers,
    // 10 bearers).
    const { createSeekersService } = await import("./service.ts");
    const seekers = createSeekersService(fx.ctx, {
      organisations: fx.ctx.services.organisations,
      registrations: fx.ctx.services.registrations,
      letters: fx.ctx.services.letters,
      regionalFrequencyRules: { minSeekers: 5, minBearers: 3 },
    });
    for (let i = 0; i < 6; i++) {
      const res = await putSeeker(`S-KOW-${i}`, {
        initials: `${"ABCDEF"[i]}.`,
        surname: "Kowalczyk",
        birthDate: `197${i}-03-0${i + 1}`,
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    const { normalisePerson } = await import("../matching/normalise.ts");
    const { scoreNormalised } = await import("../matching/score.ts");
    const a = normalisePerson({ initials: "J.", surname: "Kowalczyk", birthDate: "1980-04-03" });
    const b = normalisePerson({ initials: "J.", surname: "Kowalczyk", birthDate: "1980-04-26" });
    const rare = normalisePerson({
      initials: "J.",
      surname: "Zeldzaamheid",
      birthDate: "1980-04-03",
    });
    // The seeker total is stored and counted again once it is a minute old (D-1015).
    fx.ctx.clock.advance(61_000);
    const regional = await seekers.scoringFor([a, b, rare]);
    assert.ok(regional.regionalFrequencies, "the region is large enough under these rules");
    const total = await fx.ctx.database.db.$count(seeker);
    const surnameWeight = (scoring: typeof regional, x = a, y = b) =>
      scoreNormalised(x, y, scoring).reasons.find((r) => r.field === "surname")!;
    const national = surnameWeight({ thresholds: regional.thresholds });
    const local = surnameWeight(regional);
    assert.equal(national.level, "exact");
    // Six bearers minus the person themself, out of every seeker in the region.
    assert.match(local.detail, new RegExp(`frequency ≈ ${(5 / total).toPrecision(2)}`));
    assert.ok(local.weight < national.weight - 3, `${local.weight} vs ${national.weight}`);
    // Fewer bearers than the rule asks: the national table alone.
    assert.equal(
      surnameWeight(regional, rare, rare).weight,
      surnameWeight({ thresholds: regional.thresholds }, rare, rare).weight,
    );
  });
});
