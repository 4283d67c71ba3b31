import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Database, openDatabase } from "../db/database.ts";
import { healthCheck } from "./health.ts";

let database: Database;
before(async () => {
  database = await openDatabase({ dataDir: "memory://" });
});
after(() => database.close());

/** Holds PGlite's one connection in a write transaction until `release()` is called. */
async function holdConnection() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started!: () => void;
  const inside = new Promise<void>((resolve) => {
    started = resolve;
  });
  const transaction = database.rawTransaction(async (tx) => {
    await tx.exec("CREATE TEMPORARY TABLE IF NOT EXISTS held (n int); INSERT INTO held VALUES (1)");
    started();
    await released;
  });
  await inside;
  return async () => {
    release();
    await transaction;
  };
}

test("F13 a health check answers healthy while a long write holds PGlite's connection", async () => {
  const check = healthCheck(database, { patienceMs: 20, staleMs: 10_000 });
  assert.deepEqual(await check(), { ok: true });
  const release = await holdConnection();
  try {
    const started = performance.now();
    assert.deepEqual(await check(), { ok: true }, "busy is not unhealthy");
    assert.ok(performance.now() - started < 5_000, "the check did not wait for the transaction");
    // While that probe is still queued, a further check does not wait for it at all, not even
    // its patience (D-791): here a patience of 5 s would show.
    const patient = healthCheck(database, { patienceMs: 5_000, staleMs: 60_000 });
    const first = patient(); // starts its own probe, queued behind the transaction
    const t = performance.now();
    for (let i = 0; i < 5; i++) assert.deepEqual(await patient(), { ok: true });
    assert.ok(performance.now() - t < 2_500, "checks behind a queued probe did not wait for it");
    void first;
  } finally {
    await release();
  }
  assert.deepEqual(await check(), { ok: true });
});

test("F13 a database that stays busy longer than the stale limit answers unhealthy", async () => {
  const check = healthCheck(database, { patienceMs: 10, staleMs: 50 });
  const release = await holdConnection();
  try {
    assert.equal((await check()).ok, true, "the first moment of a wait is still healthy");
    await new Promise((resolve) => setTimeout(resolve, 80));
    const answer = await check();
    assert.equal(answer.ok, false);
    assert.match(String((answer as { error: Error }).error.message), /has not answered for \d+ ms/);
  } finally {
    await release();
  }
  assert.deepEqual(await check(), { ok: true }, "healthy again once the probe comes back");
});

test("a database that refuses answers unhealthy at once, with its error", async () => {
  const closed = await openDatabase({ dataDir: "memory://" });
  await closed.close();
  const check = healthCheck(closed, { patienceMs: 1_000 });
  const answer = await check();
  assert.equal(answer.ok, false);
  assert.ok((answer as { error: unknown }).error instanceof Error);
});
