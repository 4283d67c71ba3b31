/**
 * Issue 22, F11: the erasure journal names an erased house seeker by the keyed reference of
 * its number, never the number — and still carries the erasure out again after a restore.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { identifierRefs } from "../../platform/logger-identifiers.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls } from "../../testing/http.ts";

const fx = useDemoApi();
const { call, ok } = apiCalls(() => fx.app);
const person = (surname: string) => ({ initials: "J.", surname, birthDate: "1979-11-02" });

/** The journal's lines as they are in the file. */
function journalLines(): { at: string; kind: string; id: string }[] {
  const file = fx.ctx.services.retention.journalFile;
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

test("F11 an erased seeker is journalled by its keyed reference, and a restore erases it again", async () => {
  await ok("PUT", "/api/v1/seekers/JRN-5501", fx.allocation, { person: person("Journaal") }, 201);
  assert.equal((await call("DELETE", "/api/v1/seekers/JRN-5501", fx.allocation)).statusCode, 204);
  const ref = await identifierRefs(fx.ctx.keyring);
  const text = fs.readFileSync(fx.ctx.services.retention.journalFile, "utf8");
  assert.ok(!text.includes("JRN-5501"), text);
  assert.deepEqual(
    journalLines().map((l) => [l.kind, l.id]),
    [["seeker_ref", ref("seeker_number", "JRN-5501")]],
  );
  // A restored backup brings the seeker back (here: the allocation system's PUT before it was
  // erased, replayed); the start's replay erases it again.
  await ok("PUT", "/api/v1/seekers/JRN-5501", fx.allocation, { person: person("Journaal") }, 201);
  await ok("PUT", "/api/v1/seekers/JRN-5502", fx.allocation, { person: person("Blijft") }, 201);
  const replayed = await fx.ctx.services.retention.replay();
  assert.equal(replayed.erased, 1);
  assert.deepEqual(
    await fx.ctx.services.seekers.existingNumbers(["JRN-5501", "JRN-5502"]),
    ["JRN-5502"],
    "the erased seeker is gone again, the other stays",
  );
});

test("F11 journal lines with a seeker number (before issue 22) still replay, and are rewritten as references", async () => {
  const file = fx.ctx.services.retention.journalFile;
  const at = new Date().toISOString();
  fs.appendFileSync(file, `${JSON.stringify({ at, kind: "seeker", id: "JRN-OLD-1" })}\n`);
  await ok("PUT", "/api/v1/seekers/JRN-OLD-1", fx.allocation, { person: person("Oudlijn") }, 201);
  const replayed = await fx.ctx.services.retention.replay();
  assert.equal(replayed.erased, 1, "the old line is carried out");
  assert.deepEqual(await fx.ctx.services.seekers.existingNumbers(["JRN-OLD-1"]), []);
  const ref = await identifierRefs(fx.ctx.keyring);
  assert.ok(!fs.readFileSync(file, "utf8").includes("JRN-OLD-1"), "no number is left");
  const upgraded = journalLines().find((l) => l.id === ref("seeker_number", "JRN-OLD-1"));
  assert.deepEqual(upgraded, { at, kind: "seeker_ref", id: ref("seeker_number", "JRN-OLD-1") });
  // The upgraded line keeps its guarantee: the seeker, brought back once more, goes again.
  await ok("PUT", "/api/v1/seekers/JRN-OLD-1", fx.allocation, { person: person("Oudlijn") }, 201);
  assert.equal((await fx.ctx.services.retention.replay()).erased, 1);
  assert.deepEqual(await fx.ctx.services.seekers.existingNumbers(["JRN-OLD-1"]), []);
});
