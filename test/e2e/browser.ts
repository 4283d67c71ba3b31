/// <reference lib="dom" />
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { type DemoRegion, demoSecretOf, describeDemoRegion } from "../../src/demo/demo-region.ts";
import { totpCodeAt } from "../../src/platform/auth/index.ts";
import { parseMasterKeys } from "../../src/platform/crypto/index.ts";
import type { ProfileId } from "../../src/protocol/profile.ts";
import { freePort } from "../../src/testing/cli.ts";

/**
 * Browser tests drive Debian's Chromium (no browser downloads here) against a real server
 * started from src/main.ts on a free loopback port with its own data directory.
 * Locally, a machine without Chromium skips them; CI sets REQUIRE_E2E=1 so they can't.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const REQUIRED = process.env.REQUIRE_E2E === "1";

export function e2eSkipReason(): string | false {
  if (fs.existsSync(CHROMIUM)) return false;
  if (REQUIRED) throw new Error(`REQUIRE_E2E=1 but Chromium is not at ${CHROMIUM}`);
  return `Chromium not found at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The master key of the servers this process starts (one test file, one process). */
const E2E_MASTER_KEY = randomBytes(32).toString("base64");

/** The demo region as the servers this process starts load it (their passwords, TOTP secrets, keys). */
export function e2eDemoRegion(profile: ProfileId = "aedes-2021"): DemoRegion {
  return describeDemoRegion(profile, demoSecretOf(parseMasterKeys(E2E_MASTER_KEY).current.key));
}

export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-e2e-"));
  const port = await freePort();
  const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  // A master key this process knows, so that it knows the demo's secrets too (F3: they are
  // derived per installation; e2eDemoRegion).
  env.WOONSIGNAAL_MASTER_KEY = E2E_MASTER_KEY;
  const child: ChildProcess = spawn(process.execPath, [main, "serve", "--port", String(port)], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000);
    child.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
      if (stderr.includes("Woonsignaal is running at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}-audit-checkpoints`, { recursive: true, force: true }); // beside it
    },
  };
}

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page; returns serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * The usual fixture of a browser test file: one server and one browser, started in `before`
 * and stopped in `after`; `skip` is the reason to skip (false when Chromium is there).
 */
export function useServerAndBrowser(hooks: {
  before: (fn: () => Promise<void>) => void;
  after: (fn: () => Promise<void>) => void;
}) {
  const skip = e2eSkipReason();
  const state: { server?: RunningServer; browser?: Browser } = {};
  hooks.before(async () => {
    if (skip) return;
    state.server = await startServer();
    state.browser = await launchBrowser();
  });
  hooks.after(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return {
    skip,
    get server() {
      return state.server!;
    },
    get browser() {
      return state.browser!;
    },
  };
}

/** Fails with every serious or critical axe-core violation on the page, named. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(
    violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    ),
    [],
    `accessibility problems on ${where}`,
  );
}

/**
 * Collects script errors and console errors of a page; console lines about HTTP statuses the
 * test provokes on purpose (`expected`, e.g. [403, 422]) are not errors.
 */
export function watchErrors(page: Page, expected: readonly number[] = [403, 422]): string[] {
  const errors: string[] = [];
  const provoked = new RegExp(`status of (${expected.join("|")})\\b`);
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !(expected.length > 0 && provoked.test(m.text()))) {
      errors.push(m.text());
    }
  });
  return errors;
}

let lastTotpStep = 0;
/**
 * A TOTP code of a 30-second step this process has not used yet (the server refuses a
 * replayed step), and not in the last seconds of its step (it must still be valid when sent).
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    if (step > lastTotpStep && now % 30_000 <= 25_000) {
      lastTotpStep = step;
      return totpCodeAt(secret, new Date(now));
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Signs a demo user in through the pages: password, TOTP code, and the declaration when the
 * role owes one. `check` runs on each page on the way (for example `assertAccessible`).
 * Resolves on the user's start page.
 */
export async function signInThroughPages(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string; totpSecret: string },
  check: (page: Page, where: string) => Promise<void> = async () => {},
): Promise<void> {
  await page.goto(`${baseUrl}/aanmelden`);
  await check(page, "sign-in");
  await page.getByLabel("E-mailadres").fill(user.email);
  await page.getByLabel("Wachtwoord").fill(user.password);
  await page.getByRole("button", { name: "Verder" }).click();
  await page.waitForURL(/\/aanmelden\/code$/);
  await check(page, "code");
  await page.getByLabel("Code", { exact: true }).fill(await freshTotpCode(user.totpSecret));
  await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/aanmelden"));
  if (new URL(page.url()).pathname === "/verklaring") {
    await check(page, "declaration");
    await page.getByLabel("Ik verklaar dit en houd mij eraan").check();
    await page.getByRole("button", { name: "Verklaring afleggen" }).click();
    await page.waitForURL((url) => url.pathname !== "/verklaring");
  }
}
