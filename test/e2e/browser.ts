/// <reference lib="dom" />
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-e2e-"));
  const port = await freePort();
  const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.WOONSIGNAAL_MASTER_KEY;
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
