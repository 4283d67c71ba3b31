/**
 * The matching benchmark through the HTTP API (api.ts): engine and API side by side.
 *
 *   node bench/matching/api-run.ts [--cases 5000] [--registrations 2000] [--seed 20250501]
 *
 * Prints one JSON document on stdout; the figures go to docs/benchmarks.md ("Through the
 * front door").
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { measureApiAgreement } from "./api.ts";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "5000" },
    registrations: { type: "string", default: "2000" },
    seed: { type: "string", default: "20250501" },
  },
});
const whole = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
};
const result = await measureApiAgreement({
  cases: whole("cases", values.cases),
  registrations: whole("registrations", values.registrations),
  seed: whole("seed", values.seed),
});
process.stdout.write(
  `${JSON.stringify({ node: process.version, cpus: os.cpus().length, load: os.loadavg(), ...result }, null, 2)}\n`,
);
