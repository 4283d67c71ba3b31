import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { buildApp } from "../../app.ts";
import { openRuntime } from "../../bootstrap.ts";
import { demoSecretOf, describeDemoRegion } from "../../demo/demo-region.ts";
import { parseMasterKeys } from "../../platform/crypto/index.ts";
import { createTestDatabase } from "../../platform/db/test-database.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { bearer } from "../../testing/http.ts";
import { createServices } from "../index.ts";

const MAIN = fileURLToPath(new URL("../../main.ts", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-backup-"));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const dataDir = path.join(dir, "data");
const journal = path.join(dir, "journal", "erasures.jsonl");
/** The database under test: the embedded one, or a throw-away database on the server. */
let serverUrl: string | undefined;
function env(): Record<string, string | undefined> {
  const e: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    DATA_DIR: dataDir,
    ERASURE_JOURNAL: journal,
  };
  delete e.DATABASE_URL;
  delete e.WOONSIGNAAL_MASTER_KEY;
  if (serverUrl) e.DATABASE_URL = serverUrl;
  return e;
}
function cli(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    env: { ...env(), ...extra } as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The demo region of this installation: its secrets derive from the master key in DATA_DIR (F3). */
function installedDemo() {
  const key = fs.readFileSync(path.join(dataDir, "master.key"), "utf8").trim();
  return describeDemoRegion("aedes-2021", demoSecretOf(parseMasterKeys(key).current.key));
}

/** Opens the embedded database in-process, as the server would, and runs `fn` on its API. */
async function withApp<T>(
  fn: (
    call: (
      m: "GET" | "POST" | "PUT" | "DELETE",
      url: string,
      payload?: object,
      headers?: Record<string, string>,
    ) => Promise<{ statusCode: number; json(): Record<string, unknown> }>,
  ) => Promise<T>,
) {
  const rt = await openRuntime({ env: env() });
  const services = createServices(rt);
  await services.retention.replay(); // what `serve` does before it accepts requests
  const app = await buildApp(rt, services);
  const demo = describeDemoRegion("aedes-2021", rt.demoSecret);
  const officer = bearer(demo.organisations[0]!.apiKeys.officer);
  try {
    return await fn((method, url, payload, headers = officer) =>
      app.inject({ method, url, headers, ...(payload ? { payload } : {}) }),
    );
  } finally {
    await app.close();
    await rt.close();
  }
}

const registration = (surname: string) =>
  withEvidence({
    person: { initials: "B.", surname, birthDate: "1966-10-10" },
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: new Date().toISOString().slice(0, 10),
  });

test("back up, erase, restore: the erased person is still gone, the others are back", async () => {
  assert.equal(cli(["demo-seed", "--json"]).code, 0);
  const ids = await withApp(async (call) => {
    const kept = await call("POST", "/api/v1/registrations", registration("Blijvend"));
    const erased = await call("POST", "/api/v1/registrations", registration("Gewist"));
    assert.equal(kept.statusCode, 201);
    assert.equal(erased.statusCode, 201);
    return { kept: kept.json().id as string, erased: erased.json().id as string };
  });
  const backup = path.join(dir, "backup-1");
  const made = cli(["backup", "--out", backup, "--json"]);
  assert.equal(made.code, 0, made.stderr);
  assert.equal(JSON.parse(made.stdout).format, "pglite_copy");
  assert.ok(fs.existsSync(path.join(backup, "backup.json")));
  assert.ok(
    !fs.readdirSync(backup).some((f) => f.includes("journal")),
    "the journal is not in the backup",
  );
  await withApp(async (call) => {
    assert.equal((await call("DELETE", `/api/v1/registrations/${ids.erased}`)).statusCode, 204);
  });
  assert.ok(fs.readFileSync(journal, "utf8").includes(ids.erased));
  const restored = cli(["restore", backup, "--json"]);
  assert.equal(restored.code, 0, restored.stderr);
  assert.equal(JSON.parse(restored.stdout).replayed.erased, 1);
  await withApp(async (call) => {
    assert.equal((await call("GET", `/api/v1/registrations/${ids.erased}`)).statusCode, 404);
    assert.equal((await call("GET", `/api/v1/registrations/${ids.kept}`)).statusCode, 200);
  });
});

test("a restore by hand (files copied back) is caught at the next start", async () => {
  const backup = path.join(dir, "backup-2");
  const id = await withApp(
    async (call) =>
      (await call("POST", "/api/v1/registrations", registration("Handmatig"))).json().id as string,
  );
  assert.equal(cli(["backup", "--out", backup]).code, 0);
  await withApp(async (call) => {
    assert.equal((await call("DELETE", `/api/v1/registrations/${id}`)).statusCode, 204);
  });
  fs.rmSync(path.join(dataDir, "pglite"), { recursive: true });
  fs.cpSync(path.join(backup, "pglite"), path.join(dataDir, "pglite"), { recursive: true });
  await withApp(async (call) => {
    assert.equal((await call("GET", `/api/v1/registrations/${id}`)).statusCode, 404);
  });
});

test("F11 back up, erase a house seeker, restore: the journal never held the number, and the seeker stays erased", async () => {
  const allocation = bearer(installedDemo().allocationSystem.apiKey);
  const person = { initials: "Z.", surname: "Zoekterug", birthDate: "1970-07-07" };
  await withApp(async (call) => {
    const put = await call("PUT", "/api/v1/seekers/WZ-BACKUP-1", { person }, allocation);
    assert.equal(put.statusCode, 201);
  });
  const backup = path.join(dir, "backup-seeker");
  assert.equal(cli(["backup", "--out", backup]).code, 0);
  await withApp(async (call) => {
    const gone = await call("DELETE", "/api/v1/seekers/WZ-BACKUP-1", undefined, allocation);
    assert.equal(gone.statusCode, 204);
  });
  assert.ok(!fs.readFileSync(journal, "utf8").includes("WZ-BACKUP-1"), "no seeker number");
  const restored = cli(["restore", backup, "--json"]);
  assert.equal(restored.code, 0, restored.stderr);
  assert.ok(JSON.parse(restored.stdout).replayed.erased >= 1, restored.stdout);
  await withApp(async (call) => {
    const again = await call("DELETE", "/api/v1/seekers/WZ-BACKUP-1", undefined, allocation);
    assert.equal(again.statusCode, 404, "the restored seeker was erased again");
  });
});

const DAY = 86_400_000;
/** A calendar date `years` from today's real date (the review ran `--now 2029-01-01`). */
const yearsAhead = (years: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
};

test("F2 backup, erase, retention run three years ahead, restore, start: the person stays erased", async () => {
  const id = await withApp(
    async (call) =>
      (await call("POST", "/api/v1/registrations", registration("Toekomst"))).json().id as string,
  );
  const backup = path.join(dir, "backup-f2");
  assert.equal(cli(["backup", "--out", backup]).code, 0);
  await withApp(async (call) => {
    assert.equal((await call("DELETE", `/api/v1/registrations/${id}`)).statusCode, 204);
  });
  // The job's clock is three years ahead: it erases what has expired by then, but the journal
  // is pruned by the wall clock only, so nothing of it goes.
  const ran = cli(["jobs", "run", "retention", "--now", yearsAhead(3), "--force", "--json"]);
  assert.equal(ran.code, 0, ran.stderr);
  const outcome = JSON.parse(ran.stdout);
  assert.equal(outcome.status, "succeeded", ran.stdout);
  assert.equal(outcome.result.journalPruned, 0);
  assert.ok(outcome.result.journalPruneRefusedDaysAhead >= 3 * 365, ran.stdout);
  assert.ok(fs.readFileSync(journal, "utf8").includes(id), "the erasure is still journalled");
  const restored = cli(["restore", backup, "--json"]);
  assert.equal(restored.code, 0, restored.stderr);
  assert.ok(JSON.parse(restored.stdout).replayed.erased >= 1);
  await withApp(async (call) => {
    assert.equal((await call("GET", `/api/v1/registrations/${id}`)).statusCode, 404);
  });
});

test("F2 the journal is pruned by the wall clock: an entry goes BACKUP_MAX_AGE_DAYS after it was written", () => {
  const line = (daysAgo: number, id: string) =>
    `${JSON.stringify({ at: new Date(Date.now() - daysAgo * DAY).toISOString(), kind: "case", id })}\n`;
  const [oldEnough, kept399, fresh] = [randomUUID(), randomUUID(), randomUUID()];
  fs.appendFileSync(journal, line(401, oldEnough) + line(399, kept399) + line(0, fresh));
  const ran = cli(["jobs", "run", "retention", "--force", "--json"]);
  assert.equal(ran.code, 0, ran.stderr);
  assert.equal(JSON.parse(ran.stdout).result.journalPruned, 1);
  assert.equal(JSON.parse(ran.stdout).result.journalPruneRefusedDaysAhead, undefined);
  const kept = fs.readFileSync(journal, "utf8");
  assert.ok(!kept.includes(oldEnough));
  assert.ok(kept.includes(kept399) && kept.includes(fresh));
  // A longer setting keeps more: nothing of the 399-day entry goes at 500 days.
  const longer = cli(["jobs", "run", "retention", "--force", "--json"], {
    BACKUP_MAX_AGE_DAYS: "500",
  });
  assert.equal(JSON.parse(longer.stdout).result.journalPruned, 0);
});

test("F2 restore refuses a backup older than the journal's horizon, and changes nothing", () => {
  const old = path.join(dir, "backup-old");
  fs.cpSync(path.join(dir, "backup-f2"), old, { recursive: true });
  const manifestFile = path.join(old, "backup.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  manifest.createdAt = new Date(Date.now() - 401 * DAY).toISOString();
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const before = fs.readdirSync(dataDir).sort();
  const refused = cli(["restore", old]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /more than 400 days ago \(BACKUP_MAX_AGE_DAYS\)/);
  assert.match(refused.stderr, /could bring erased people back/);
  assert.deepEqual(fs.readdirSync(dataDir).sort(), before, "the database was not touched");
  // The same backup is within a longer horizon.
  const allowed = cli(["restore", old, "--json"], { BACKUP_MAX_AGE_DAYS: "402" });
  assert.equal(allowed.code, 0, allowed.stderr);
});

test("on PostgreSQL: pg_dump, erase, pg_restore, and the erasure is replayed", {
  skip: !process.env.DATABASE_URL && "needs DATABASE_URL (CI runs it)",
}, async () => {
  const server = await createTestDatabase({ migrate: false });
  serverUrl = server.url;
  try {
    assert.equal(cli(["migrate"]).code, 0);
    assert.equal(cli(["demo-seed", "--json"]).code, 0);
    const id = await withApp(
      async (call) =>
        (await call("POST", "/api/v1/registrations", registration("Serverkant"))).json()
          .id as string,
    );
    const backup = path.join(dir, "backup-pg");
    const made = cli(["backup", "--out", backup, "--json"]);
    assert.equal(made.code, 0, made.stderr);
    assert.equal(JSON.parse(made.stdout).format, "pg_dump");
    await withApp(async (call) => {
      assert.equal((await call("DELETE", `/api/v1/registrations/${id}`)).statusCode, 204);
    });
    const restored = cli(["restore", backup, "--json"]);
    assert.equal(restored.code, 0, restored.stderr);
    await withApp(async (call) => {
      assert.equal((await call("GET", `/api/v1/registrations/${id}`)).statusCode, 404);
    });
  } finally {
    serverUrl = undefined;
    await server.close();
  }
});

test("bad input: not a backup, a non-empty target, a missing argument", () => {
  const notBackup = cli(["restore", dir]);
  assert.equal(notBackup.code, 1);
  assert.match(notBackup.stderr, /not a Woonsignaal backup/);
  const busy = cli(["backup", "--out", path.join(dir, "backup-1")]);
  assert.equal(busy.code, 1);
  assert.match(busy.stderr, /not empty/);
  assert.equal(cli(["restore"]).code, 2);
});
