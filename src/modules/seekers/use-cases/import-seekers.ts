import { SYSTEM } from "../../../platform/audit/actor.ts";
import { recordAudit } from "../../../platform/audit/audit.ts";
import { AppError } from "../../../platform/errors.ts";
import { matchFingerprint, rememberingIndexer, subjectValue } from "../../matching/blind-keys.ts";
import { normalisePerson } from "../../matching/normalise.ts";
import type { Person } from "../../registrations/schemas.ts";
import type { SeekersEnv } from "../env.ts";
import { SYSTEM_META } from "../pairs.ts";
import * as repo from "../repository.ts";
import { seekerBlindKeys, seekerPlace, storedPerson } from "../seeker-data.ts";
import { matchRegistration } from "./match-registration.ts";

/**
 * The initial load of a region's seekers (issue 5): all rows in one transaction or none;
 * then every registration in effect is matched against them (from the registrations' side:
 * far fewer look-ups than one per seeker, and the blocking keys are symmetric).
 */
export async function importSeekers(
  env: SeekersEnv,
  organisationId: string,
  rows: AsyncIterable<{ seekerNumber: string; person: Person }>,
  options: { batchSize?: number } = {},
): Promise<{ imported: number; matchesProposed: number }> {
  const { db, clock, keyring } = env;
  const batchSize = options.batchSize ?? 500;
  const now = clock.now();
  let imported = 0;
  const seen = new Set<string>();
  // Inside the one transaction nothing may look anything up through another connection
  // (PGlite: D-009): the data key and the blind-index key are fetched before it opens.
  const encrypt = await keyring.encrypterFor(organisationId);
  await keyring.regionKey("blind_index");
  await keyring.regionKey("audit_subject");
  const iterator = rows[Symbol.asyncIterator]();
  const remembering = rememberingIndexer(keyring);
  await db.transaction(async (tx) => {
    // The database writes one batch while the next is encrypted and hashed here.
    let writing: Promise<void> | undefined;
    for (;;) {
      const batch: { seekerNumber: string; person: Person }[] = [];
      while (batch.length < batchSize) {
        const next = await iterator.next();
        if (next.done) break;
        batch.push(next.value);
      }
      if (batch.length === 0) break;
      const seekerRows: Parameters<typeof repo.upsertSeekers>[1] = [];
      const indexRows: { seekerNumber: string; kind: string; value: string }[] = [];
      for (const { seekerNumber, person } of batch) {
        if (seen.has(seekerNumber)) {
          throw new AppError("conflict", `Seeker number ${seekerNumber} occurs twice.`, {
            code: "duplicate_seeker_number",
          });
        }
        seen.add(seekerNumber);
        const stored = storedPerson(person);
        const normalised = normalisePerson(stored);
        seekerRows.push({
          seekerNumber,
          organisationId,
          personCiphertext: encrypt(JSON.stringify(stored), seekerPlace(seekerNumber)),
          fingerprint: await matchFingerprint(keyring, normalised),
          subjectRef: await keyring.subjectRef(subjectValue(normalised)),
          createdAt: now,
          updatedAt: now,
        });
        for (const k of await seekerBlindKeys(env, normalised, remembering)) {
          indexRows.push({ seekerNumber, ...k });
        }
        // Let the database's answer to the previous write in, so that its next statement
        // goes out while this batch is being prepared.
        if (seekerRows.length % 100 === 0) await new Promise((r) => setImmediate(r));
      }
      await writing;
      writing = repo.upsertSeekers(tx, seekerRows, indexRows);
      // Awaited before the next write or after the loop; a failure then ends the import.
      writing.catch(() => undefined);
      imported += batch.length;
    }
    await writing;
    await recordAudit(tx, clock, SYSTEM_META, {
      actor: { ...SYSTEM.audit, organisationId },
      action: "seekers.imported",
      objectType: "seeker",
      outcome: "success",
      details: { count: imported },
    });
  });
  let matchesProposed = 0;
  for (const id of await env.deps.registrations.effectiveIds()) {
    matchesProposed += await matchRegistration(env, id);
  }
  return { imported, matchesProposed };
}
