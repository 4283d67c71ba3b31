/**
 * F3 (issue 22, security review 2026-12): demo data never runs in production. The demo's
 * passwords, TOTP secrets and API keys are generated per installation, and a production start
 * on a store that holds the demo region, a demo key or a demo account is refused (exit 3).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { generateSigningKeyBase64 } from "../platform/audit/signing.ts";
import { isPublishedPassword } from "../platform/auth/published-passwords.ts";
import { parseMasterKeys } from "../platform/crypto/index.ts";
import { runCli } from "../testing/cli.ts";
import { type DemoRegion, demoSecretOf, describeDemoRegion } from "./demo-region.ts";

const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test("F3 demo passwords, TOTP secrets and API keys differ between installations", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-demo-two-"));
  dirs.push(root);
  const seed = (dataDir: string) => {
    const r = runCli(["demo-seed", "--json"], { DATA_DIR: dataDir });
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as DemoRegion;
  };
  const first = seed(path.join(root, "a"));
  const other = seed(path.join(root, "b"));
  assert.equal(other.region.id, first.region.id, "ids are not secrets");
  for (const [i, u] of first.users.entries()) {
    assert.equal(other.users[i]!.email, u.email);
    assert.notEqual(other.users[i]!.password, u.password);
    assert.notEqual(other.users[i]!.totpSecret, u.totpSecret);
    // Still recognised as a demo password, so that the policy refuses it as a real one (F10).
    assert.ok(isPublishedPassword(u.password), u.password);
  }
  assert.notEqual(other.auditor.apiKey, first.auditor.apiKey);
  assert.notEqual(other.organisations[0]!.apiKeys.officer, first.organisations[0]!.apiKeys.officer);
  // One installation: the document follows from its master key, the same on every call.
  const key = fs.readFileSync(path.join(root, "a", "master.key"), "utf8").trim();
  const derived = describeDemoRegion("aedes-2021", demoSecretOf(parseMasterKeys(key).current.key));
  assert.deepEqual(derived, first);
});

test("F3 a production start on a store with the demo region is refused with exit 3; an empty one starts", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-demo-prod-"));
  dirs.push(root);
  const masterKey = randomBytes(32).toString("base64");
  const run = (args: string[], dataDir: string, production: boolean) => {
    const r = runCli(args, {
      NODE_ENV: production ? "production" : "test",
      DATA_DIR: dataDir,
      WOONSIGNAAL_MASTER_KEY: masterKey,
      WOONSIGNAAL_AUDIT_SIGNING_KEY: generateSigningKeyBase64(),
      WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: path.join(root, `checkpoints-${path.basename(dataDir)}`),
      PUBLIC_BASE_URL: "https://signaleringslijst.example.org",
    });
    return { status: r.code, stdout: r.stdout, stderr: r.stderr };
  };
  const demoDir = path.join(root, "demo");
  const seeded = run(["demo-seed", "--json"], demoDir, false);
  assert.equal(seeded.status, 0, seeded.stderr);
  const refused = run(["serve", "--port", "18080"], demoDir, true);
  assert.equal(refused.status, 3, refused.stderr);
  assert.match(
    refused.stderr,
    /Refusing to start with NODE_ENV=production: this database holds demo data \(the demo region, demo API keys, demo accounts\)/,
  );
  const refusedToo = run(["migrate"], demoDir, true);
  assert.equal(refusedToo.status, 3, "every command, not only serve");
  // A production installation on its own empty database is not mistaken for a demo.
  const fresh = run(["migrate"], path.join(root, "fresh"), true);
  assert.equal(fresh.status, 0, fresh.stderr);
});
