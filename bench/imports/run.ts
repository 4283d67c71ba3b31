/**
 * F13: /healthz while the server reads a large CSV import (healthz.ts).
 *
 *   node bench/imports/run.ts [--lines 200000] [--parallel 1,3] [--kind bad|good]
 *
 * Prints one JSON document on stdout; the figures go to docs/benchmarks.md "CSV import and
 * /healthz".
 */
import { parseArgs } from "node:util";
import { measureImportHealthz } from "./healthz.ts";

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "200000" },
    parallel: { type: "string", default: "1,3" },
    kind: { type: "string", default: "bad" },
  },
});
if (values.kind !== "bad" && values.kind !== "good") throw new Error("--kind bad or good");
const result = await measureImportHealthz({
  lines: Number(values.lines),
  parallel: values.parallel.split(",").map(Number),
  kind: values.kind,
});
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
