import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm run test:changed [-- <node --test options>]`: the inner loop. Runs the test files that
 * the changes since `main` (committed on this branch, staged, unstaged or untracked) are
 * likely to break:
 *
 * - changed test files themselves;
 * - the test files in a changed file's folder and in the folders above it up to its module
 *   (src/modules/<name>, src/platform/<name>, src/web, or src itself), so that a change in
 *   `modules/cases/use-cases/x.ts` runs `modules/cases/*.test.ts`;
 * - the test files that import a changed file directly.
 *
 * Options after `--` go to `node --test`, e.g. `-- --test-name-pattern="objection"`. The whole
 * suite (`npm test`) still decides; this only makes the loop between edits short.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SETUP = "src/testing/global-setup.ts";
const CONCURRENCY = "--test-concurrency=3";

function git(args: string[]): string[] {
  const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) return [];
  return r.stdout.split("\n").filter((l) => l.length > 0);
}

/** What changed since the branch left main (or since HEAD when there is no main). */
function changedFiles(): string[] {
  const base = git(["merge-base", "HEAD", "main"])[0] ?? "HEAD";
  const files = new Set([
    ...git(["diff", "--name-only", base]),
    ...git(["ls-files", "--others", "--exclude-standard"]),
  ]);
  return [...files].filter((f) => f.startsWith("src/") && f.endsWith(".ts"));
}

function allTestFiles(dir = "src"): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...allTestFiles(rel));
    else if (entry.name.endsWith(".test.ts")) out.push(rel);
  }
  return out;
}

/** The folder a file's module lives in: src/modules/<m>, src/platform/<p>, src/<x> or src. */
function moduleFolder(file: string): string {
  const parts = file.split("/");
  if ((parts[1] === "modules" || parts[1] === "platform") && parts.length > 3) {
    return parts.slice(0, 3).join("/");
  }
  return parts.length > 2 ? parts.slice(0, 2).join("/") : "src";
}

/** The relative imports of a file, resolved to paths from the repository root. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from|import\()\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
  }
  return found;
}

function testsFor(changed: string[], tests: string[]): string[] {
  const chosen = new Set<string>();
  const folders = new Set<string>();
  for (const file of changed) {
    if (file.endsWith(".test.ts")) chosen.add(file);
    const top = moduleFolder(file);
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      folders.add(dir);
      if (dir === top || !dir.includes("/")) break;
    }
  }
  const changedSet = new Set(changed);
  for (const test of tests) {
    if (folders.has(path.posix.dirname(test))) chosen.add(test);
    else if (importsOf(test).some((i) => changedSet.has(i))) chosen.add(test);
  }
  return [...chosen].filter((t) => fs.existsSync(path.join(ROOT, t))).sort();
}

if (import.meta.main) {
  const tests = testsFor(changedFiles(), allTestFiles());
  if (tests.length === 0) {
    console.log("No changed source files under src/ with tests to run; `npm test` runs them all.");
    process.exit(0);
  }
  console.log(`Running ${tests.length} test file(s):\n  ${tests.join("\n  ")}\n`);
  const r = spawnSync(
    process.execPath,
    ["--test", `--test-global-setup=${SETUP}`, CONCURRENCY, ...process.argv.slice(2), ...tests],
    { cwd: ROOT, stdio: "inherit" },
  );
  process.exit(r.status ?? 1);
}
