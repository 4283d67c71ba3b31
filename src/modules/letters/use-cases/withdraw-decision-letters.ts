import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { updateRows } from "../../../platform/db/rows.ts";
import type { LettersEnv } from "../env.ts";
import { letter, notificationDuty } from "../tables.ts";

/** The letters that tell a decision's values (its dates, term, categories). */
const ABOUT_THE_DECISION = ["placement", "correction", "continuation"];

/**
 * In the transaction of a changed decision (003 §12.3; issue 20 part 4, D-844): every letter
 * about the old values that has not gone out is withdrawn — its open duty cancelled and its
 * unsent draft kept from going out, without content — so no officer sends a letter with a
 * date that no longer holds (review item 8). Answers whether the person was already told of
 * the decision (a letter sent or documented): then a correction letter is owed, otherwise
 * the placement letter still is.
 */
export async function withdrawDecisionLetters(
  env: LettersEnv,
  tx: Db,
  registration: { id: string; organisationId: string },
): Promise<{ withdrawn: number; told: boolean }> {
  const now = env.clock.now();
  const mine = (t: typeof notificationDuty | typeof letter) => [
    eq(t.registrationId, registration.id),
    eq(t.organisationId, registration.organisationId),
    inArray(t.kind, ABOUT_THE_DECISION),
  ];
  const withdrawn = await updateRows(
    tx,
    notificationDuty,
    { status: "cancelled", closedAt: now, closedByKind: "system", closedBy: null },
    [...mine(notificationDuty), eq(notificationDuty.status, "open")],
  );
  await updateRows(tx, letter, { status: "skipped", pdfCiphertext: null, contentErasedAt: now }, [
    ...mine(letter),
    eq(letter.status, "draft"),
  ]);
  const told = await tx
    .select({ id: letter.id })
    .from(letter)
    .where(and(...mine(letter), inArray(letter.status, ["sent", "documented"])))
    .limit(1);
  return { withdrawn, told: told.length > 0 };
}
