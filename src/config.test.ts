import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./config.ts";

test("defaults match the contract: port 8080, ./data, embedded database", () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.equal(c.dataDir, path.resolve("./data"));
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.env, "development");
  assert.deepEqual(c.trustProxy, []);
});

test("a bad variable stops start-up with one line naming it and the bad value", () => {
  for (const [name, value] of [
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["NODE_ENV", "staging"],
    ["LOG_LEVEL", "loud"],
    ["BODY_LIMIT_BYTES", "12"],
  ] as const) {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.equal(err.variable, name);
        assert.match(err.message, new RegExp(`^Configuration error: ${name} `));
        assert.ok(err.message.includes(JSON.stringify(value)), err.message);
        assert.ok(!err.message.includes("\n"), "one line");
        return true;
      },
    );
  }
});

test("empty strings count as unset", () => {
  assert.equal(loadConfig({ PORT: "", DATABASE_URL: "" }).port, 8080);
});

test("production refuses to start without a master key", () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: "production" }),
    (err: unknown) => err instanceof ConfigError && err.variable === "WOONSIGNAAL_MASTER_KEY",
  );
  assert.equal(
    loadConfig({
      NODE_ENV: "production",
      WOONSIGNAAL_MASTER_KEY: "k",
      PUBLIC_BASE_URL: "https://signaleringslijst.example.org",
    }).isProduction,
    true,
  );
});

test("G-14 production refuses to start without PUBLIC_BASE_URL, naming the variable", () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: "production", WOONSIGNAAL_MASTER_KEY: "k" }),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.variable, "PUBLIC_BASE_URL");
      assert.match(
        err.message,
        /^Configuration error: PUBLIC_BASE_URL is required when NODE_ENV=production/,
      );
      assert.ok(!err.message.includes("\n"), "one line");
      return true;
    },
  );
  const prod = loadConfig({
    NODE_ENV: "production",
    WOONSIGNAAL_MASTER_KEY: "k",
    PUBLIC_BASE_URL: "https://signaleringslijst.example.org/",
  });
  assert.equal(prod.publicBaseUrl, "https://signaleringslijst.example.org");
  // Outside production the development address stays the default.
  assert.equal(loadConfig({}).publicBaseUrl, "http://localhost:8080");
});

test("TRUST_PROXY is a comma-separated list", () => {
  assert.deepEqual(loadConfig({ TRUST_PROXY: "10.0.0.1, 192.168.0.0/16" }).trustProxy, [
    "10.0.0.1",
    "192.168.0.0/16",
  ]);
});

test("F2 BACKUP_MAX_AGE_DAYS: 400 days by default; not a whole number of days from 1 to 3650 is refused", () => {
  assert.equal(loadConfig({}).backupMaxAgeDays, 400);
  assert.equal(loadConfig({ BACKUP_MAX_AGE_DAYS: "800" }).backupMaxAgeDays, 800);
  for (const value of ["0", "-5", "1.5", "4000", "a year"]) {
    assert.throws(
      () => loadConfig({ BACKUP_MAX_AGE_DAYS: value }),
      (err: unknown) =>
        err instanceof ConfigError &&
        err.variable === "BACKUP_MAX_AGE_DAYS" &&
        err.message.includes("whole number of days between 1 and 3650") &&
        err.message.includes(JSON.stringify(value)),
    );
  }
});
