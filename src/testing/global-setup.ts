import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestTemplates, TEST_RUN_DIR_ENV } from "../platform/db/test-database.ts";

/**
 * `node --test --test-global-setup=src/testing/global-setup.ts` (npm test): runs once in the
 * test runner before any test file starts, and its environment variables reach every test
 * file (and the CLI processes those start).
 *
 * - a scratch directory for the run, removed at the end: test contexts, databases and the
 *   CLI tests keep their files there, each in a directory of its own;
 * - the database templates every test database is copied from (migrating once, not per test);
 * - Node's compile cache in that directory, so the ~60 test files and the CLI processes they
 *   start compile the application's modules once rather than each on its own.
 */
let removeTemplates: (() => Promise<void>) | undefined;
let runDir: string | undefined;

export async function globalSetup() {
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-test-run-"));
  process.env[TEST_RUN_DIR_ENV] = runDir;
  process.env.NODE_COMPILE_CACHE ??= path.join(runDir, "compile-cache");
  const templates = await createTestTemplates(runDir);
  removeTemplates = templates.remove;
  Object.assign(process.env, templates.env);
}

export async function globalTeardown() {
  try {
    await removeTemplates?.();
  } finally {
    if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
  }
}
