/**
 * The case page's "Verloop" names every event in words (common brief: never a snake_case code
 * on a page). The usability walk of issue 21 found "candidates_found" printed as is: the
 * catalogue had no label for the events the person's route added. This test reads the event
 * names the cases module records and asks for a label in both languages.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { caseMessages } from "./messages.ts";

const casesModule = fileURLToPath(new URL("../../../modules/cases/", import.meta.url));

function recordedEventNames(): string[] {
  const names = new Set<string>();
  const files = readdirSync(casesModule, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  );
  for (const file of files) {
    const source = readFileSync(path.join(casesModule, file), "utf8");
    // recordCaseEvent(env, tx, id, actor, <name>, …): the fifth argument, up to its details.
    for (const call of source.matchAll(/recordCaseEvent\(([^{;]*)/g)) {
      const args = call[1]!.split(",");
      const name = args.slice(4).join(",");
      // Every string in it, but not what a condition compares with (`action === "removed"`).
      for (const literal of name.matchAll(/(?<!=== )"([a-z_]+)"/g)) names.add(literal[1]!);
      // `access_candidate_${input.decision}`: the two decisions an officer can take.
      if (name.includes("`access_candidate_$")) {
        names.add("access_candidate_confirmed");
        names.add("access_candidate_rejected");
      }
    }
  }
  return [...names].sort();
}

test("21 every event the cases module records has a label on the case page, in Dutch and English", () => {
  const names = recordedEventNames();
  assert.ok(names.includes("candidates_found") && names.includes("decided"), names.join(", "));
  for (const lang of ["nl", "en"] as const) {
    const labels = caseMessages[lang].caseEvents as Record<string, string>;
    assert.deepEqual(
      names.filter((n) => !labels[n]),
      [],
      `event names without a ${lang} label`,
    );
  }
});
