import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { type LineError, LineErrors } from "../../../platform/imports/line-errors.ts";
import { type Evaluation, evaluateRegistration } from "../../../protocol/engine.ts";
import { optInViolations } from "../../../protocol/index.ts";
import { changed } from "../changes.ts";
import type { ParsedRow } from "../csv-import.ts";
import type { RegistrationsEnv } from "../env.ts";
import { groundsViolations, personDataOf } from "../grounds.ts";
import { blindIndexesOf, encryptPerson } from "../person-data.ts";
import { placeRegistration } from "../placement.ts";
import { primarySourceFor } from "../primary-source.ts";
import { personFieldError } from "../profile-limits.ts";
import type { RegistrationInput } from "../schemas.ts";

/**
 * The initial load (001 §4.3): every row is checked with the same rules as the API; a dry
 * run reports each row's outcome; a real run writes all rows in one transaction, or none
 * when any row is refused. The rows enter as drafts of one import (D-841).
 */
export async function importRegistrations(
  env: RegistrationsEnv,
  principal: Principal,
  meta: RequestMeta,
  rows: ParsedRow[],
  options: { dryRun: boolean; onBehalfOf?: string | undefined },
) {
  const { db, clock, keyring, deps } = env;
  const organisationId = await primarySourceFor(env, principal, options.onBehalfOf);
  const profile = await deps.organisations.profile();
  const today = clock.today();
  const switchedOn = await deps.organisations.categoriesSwitchedOn();
  const outcomes: RowOutcome[] = [];
  for (const row of rows) {
    // 20,000 rows take seconds: a turn of the event loop every few hundred (F13, D-742).
    if (outcomes.length % 500 === 499) await setImmediate();
    outcomes.push(outcomeOf(row));
  }
  function outcomeOf(row: ParsedRow) {
    if (!row.input) return { line: row.line, outcome: "refused" as const, errors: row.errors };
    const fieldError = personFieldError(profile, row.input.person);
    if (fieldError) {
      const { code, message } = fieldError;
      return { line: row.line, outcome: "refused" as const, errors: [{ code, message }] };
    }
    const evaluation = evaluateRegistration(profile, row.input, today);
    const optIn = optInViolations(profile, row.input.categories, switchedOn);
    const grounds = groundsViolations(profile, row.input, today);
    if (!evaluation.ok || optIn.length > 0 || grounds.length > 0) {
      return {
        line: row.line,
        outcome: "refused" as const,
        errors: [...optIn, ...(evaluation.ok ? [] : evaluation.violations), ...grounds].map(
          (v) => ({
            code: v.rule,
            message: v.message,
            source: v.source,
          }),
        ),
      };
    }
    return {
      line: row.line,
      outcome: "valid" as const,
      errors: [],
      input: row.input,
      evaluation,
    };
  }
  const refused = outcomes.filter((o) => o.outcome === "refused").length;
  // The first 100 errors stay on their rows; every error is counted (F13, D-740).
  const tally = new LineErrors<LineError & Record<string, unknown>>();
  for (const o of outcomes) for (const e of o.errors) tally.add({ line: o.line, ...e });
  const { errors: listed, errorCount, errorsByCode } = tally.summary();
  const listedOf = Map.groupBy(listed, (e) => e.line);
  const report = {
    dryRun: options.dryRun,
    imported: 0,
    refused,
    rows: outcomes.map(({ line, outcome }) => ({
      line,
      outcome,
      errors: (listedOf.get(line) ?? []).map(({ line: _, ...e }) => e),
    })),
    lines: rows.length,
    errorCount,
    errorsByCode,
  };
  if (options.dryRun || refused > 0 || rows.length === 0) return report;
  const prepared: {
    id: string;
    input: RegistrationInput;
    evaluation: Evaluation;
    encrypted: Awaited<ReturnType<typeof encryptPerson>>;
    indexes: Awaited<ReturnType<typeof blindIndexesOf>>;
  }[] = [];
  for (const o of outcomes) {
    if (o.outcome !== "valid") continue;
    if (prepared.length % 500 === 499) await setImmediate();
    const id = randomUUID();
    prepared.push({
      id,
      input: o.input,
      evaluation: o.evaluation,
      encrypted: await encryptPerson(env, organisationId, id, personDataOf(o.input)),
      indexes: await blindIndexesOf(keyring, o.input.person),
    });
  }
  const now = clock.now();
  // 003 §12.2: an import decides nothing. Its rows wait as drafts, without any effect, until
  // the importing officer confirms them with the declaration (D-841).
  const importId = randomUUID();
  await db.transaction(async (tx) => {
    for (const p of prepared) {
      if (!p.evaluation.ok) continue;
      await placeRegistration(
        env,
        tx,
        principal,
        meta,
        profile,
        { ...p, organisationId, evaluation: p.evaluation },
        { now, today },
        { draft: true, decidedBy: null, importId },
        { import: true },
      );
    }
  });
  for (const p of prepared) await changed(env, p.id);
  return { ...report, imported: prepared.length, importId };
}

type RowOutcome =
  | { line: number; outcome: "refused"; errors: { code: string; message: string }[] }
  | {
      line: number;
      outcome: "valid";
      errors: never[];
      input: RegistrationInput;
      evaluation: Evaluation & { ok: true };
    };
