/**
 * Issue 24 part 7: matching does not depend on the process. The seeker index is the
 * database's (blind indexes, counts, matches): a restarted app answers from it without a
 * rebuild, and two app instances on one PostgreSQL give the same answers. On PGlite one
 * process owns the store (D-700), so there the restart path is tested; the two-instance test
 * runs when DATABASE_URL points at a PostgreSQL server (as in CI's PostgreSQL run).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { count } from "drizzle-orm";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { seedDemoRegion } from "../../demo/demo-region.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { Keyring, parseMasterKeys } from "../../platform/crypto/index.ts";
import { type Database, openDatabase } from "../../platform/db/database.ts";
import { migrate } from "../../platform/db/migrate.ts";
import { createTestDatabase, makeTestDir } from "../../platform/db/test-database.ts";
import { createLogger } from "../../platform/logger.ts";
import { demoKeys } from "../../testing/demo-app.ts";
import { apiRequest, placeRegistrationThroughApi } from "../../testing/http.ts";
import { createServices } from "../index.ts";
import { seekerBlindIndex } from "./tables.ts";

const TODAY = "2026-06-01";

/** One app instance on `database`: its own keyring, services and HTTP app, as `serve` builds them. */
async function instance(database: Database, masterKey: string, dir: string) {
  const clock = new FixedClock(TODAY);
  const logger = createLogger({ level: "silent" });
  const keyring = await Keyring.open(database, parseMasterKeys(masterKey), logger, { clock });
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dir,
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
    ERASURE_JOURNAL: path.join(dir, "erasure-journal.jsonl"),
    WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: path.join(dir, "audit-checkpoints"),
    ANONYMOUS_RATE_LIMIT: "100000",
  });
  const ctx = { config, database, keyring, clock, logger };
  const services = createServices(ctx);
  const app = await buildApp(ctx, services);
  return { app, services, close: () => app.close() };
}

const call = (app: App, method: string, url: string, headers: object, body?: object) =>
  apiRequest(app, method, url, headers as Record<string, string>, body);

/** What a registration's match list and a screening look like, without ids or times. */
async function answersOf(app: App, keys: ReturnType<typeof demoKeys>, person: object) {
  const matches = await call(app, "GET", "/api/v1/matches?status=pending", keys.officerA);
  assert.equal(matches.statusCode, 200, matches.body);
  const screening = await call(app, "POST", "/api/v1/screenings", keys.querierA, {
    person,
    purpose: "allocation",
  });
  assert.equal(screening.statusCode, 200, screening.body);
  const { id: _id, ...answer } = screening.json() as { id: string };
  return {
    matches: (matches.json().items as { seekerNumber: string; score: number }[]).map((m) => ({
      seekerNumber: m.seekerNumber,
      score: m.score,
    })),
    screening: answer,
  };
}

const person = { initials: "H.", surname: "Herstart", birthDate: "1972-08-19" };

describe("24-7 the seeker index survives a restart without a rebuild", () => {
  const dir = makeTestDir("woonsignaal-restart-");
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("24-7 after a restart the same matches and screenings come from the database, nothing re-indexed", async () => {
    const masterKey = randomBytes(32).toString("base64");
    // PGlite: a data directory, as `serve` keeps it; PostgreSQL: a throw-away database that
    // outlives both connections.
    const dataDir = path.join(dir, "data");
    const server = process.env.DATABASE_URL ? await createTestDatabase() : undefined;
    const open = () => (server ? openDatabase({ url: server.url! }) : openDatabase({ dataDir }));
    let database = await open();
    if (!server) await migrate(database);
    let first = await instance(database, masterKey, dir);
    const demo = (await seedDemoRegion(first.services, "aedes-2021")).demo;
    const keys = demoKeys(demo);
    await placeRegistrationThroughApi(first.app, keys.officerA, {
      person,
      categories: ["B.II"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    });
    const put = await call(first.app, "PUT", "/api/v1/seekers/R-1", keys.allocation, {
      person: { ...person, surname: "Herstardt" },
    });
    assert.equal(put.statusCode, 201, put.body);
    const before = await answersOf(first.app, keys, person);
    assert.equal(before.matches.length, 1, "the near seeker is proposed");
    const rows = async (db: Database) =>
      (await db.db.select({ n: count() }).from(seekerBlindIndex))[0]!.n;
    const indexRows = await rows(database);
    await first.close();
    await database.close();

    // The restart: a new process would open the same store and build a new app.
    database = await open();
    first = await instance(database, masterKey, dir);
    try {
      assert.equal(
        await first.services.seekers.reindexBlindIndexes(500, { stale: true }),
        0,
        "no seeker needs its keys again",
      );
      assert.deepEqual(await answersOf(first.app, keys, person), before);
      assert.equal(await rows(database), indexRows);
      // A new registration after the restart finds the seeker stored before it.
      await placeRegistrationThroughApi(first.app, keys.officerA, {
        person: { ...person, initials: "H.J." },
        categories: ["B.II"],
        criteria: ["a"],
        placementDate: "2026-05-02",
      });
      const after = await call(first.app, "GET", "/api/v1/matches?status=pending", keys.officerA);
      assert.equal(after.json().items.length, 2, after.body);
    } finally {
      await first.close();
      await database.close();
      await server?.close();
    }
  });
});

describe("24-7 two app instances on one PostgreSQL give the same answers", () => {
  test("24-7 a seeker put through one instance is matched and screened alike by the other", async (t) => {
    if (!process.env.DATABASE_URL) {
      t.skip("needs PostgreSQL (DATABASE_URL): PGlite has one process per store");
      return;
    }
    const dir = makeTestDir("woonsignaal-two-");
    const database = await createTestDatabase();
    const other = await openDatabase({ url: database.url! });
    const masterKey = randomBytes(32).toString("base64");
    const a = await instance(database, masterKey, dir);
    const b = await instance(other, masterKey, dir);
    try {
      const keys = demoKeys((await seedDemoRegion(a.services, "aedes-2021")).demo);
      await placeRegistrationThroughApi(b.app, keys.officerA, {
        person,
        categories: ["B.II"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      });
      const put = await call(a.app, "PUT", "/api/v1/seekers/T-1", keys.allocation, {
        person: { ...person, surname: "Herstardt" },
      });
      assert.equal(put.statusCode, 201, put.body);
      const fromA = await answersOf(a.app, keys, person);
      const fromB = await answersOf(b.app, keys, person);
      assert.equal(fromA.matches.length, 1);
      assert.deepEqual(fromB, fromA);
    } finally {
      await a.close();
      await b.close();
      await other.close();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
