import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { importReport } from "../../../platform/imports/line-errors.ts";
import { compareDates } from "../../../platform/werkdagen.ts";
import { addressPlace, personPlace, type StoredPerson } from "../encrypted.ts";
import { type ArrearsEnv, recorder } from "../env.ts";
import type { ParsedPositions } from "../import.ts";
import { landlordFor } from "../policy.ts";
import * as repo from "../repository.ts";

/**
 * The monthly position (CSV or JSON, already parsed line by line). Good lines are written
 * in one transaction; bad lines are reported and written not at all.
 */
export async function importPositions(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  asOf: string,
  parsed: ParsedPositions,
  /** dryRun: every check, nothing written (the import page's "check only"). */
  options: { onBehalfOf?: string | undefined; dryRun?: boolean } = {},
) {
  const { db, clock, keyring } = env;
  /** The contract's `{ imported, rejected, errors }`, the errors capped, with their counts (F13). */
  const answer = (imported: number) => ({
    imported,
    ...importReport(parsed.total, parsed.errors),
  });
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  if (compareDates(asOf, clock.today()) > 0) {
    throw new AppError("invalid_input", "asOf: the position date lies in the future.", {
      code: "as_of_in_future",
    });
  }
  const errors = parsed.errors;
  const states = await repo.tenancyStates(
    db,
    organisationId,
    parsed.lines.map((l) => l.item.tenancyRef),
  );
  const accepted = parsed.lines.filter((l) => {
    const s = states.get(l.item.tenancyRef);
    if (s && compareDates(asOf, s.asOf) < 0) {
      errors.add({
        line: l.line,
        code: "position_older_than_current",
        message: `a newer position (${s.asOf}) is already on file for this tenancy`,
      });
      return false;
    }
    return true;
  });
  // Encryption before the transaction (D-009).
  const encrypt = await keyring.encrypterFor(organisationId);
  const now = clock.now();
  const tenancies: Parameters<typeof repo.upsertTenancies>[1] = [];
  const positions: Parameters<typeof repo.upsertPositions>[1] = [];
  const events: Parameters<typeof repo.insertEvents>[1] = [];
  const ended: string[] = [];
  const arrearsOf = new Map<string, number>();
  let notStored = 0;
  for (const [n, l] of accepted.entries()) {
    // Encrypting 200,000 lines takes seconds: a turn of the event loop every hundred (D-742, D-744).
    if (n > 0 && n % 100 === 0) await setImmediate();
    const { item } = l;
    const s = states.get(item.tenancyRef);
    const inArrears = item.arrearsCents > 0;
    if (!s && !inArrears) {
      // Data minimisation (D-103): a tenancy without arrears and without a file is not stored.
      notStored++;
      continue;
    }
    const id = s?.id ?? randomUUID();
    let began = s?.arrearsBeganOn ?? null;
    let endedOn = s?.arrearsEndedOn ?? null;
    if (inArrears) {
      const continuing = s && s.arrearsCents > 0 && s.arrearsBeganOn && s.asOf !== asOf;
      const sameDayUpdate = s && s.asOf === asOf && s.arrearsCents > 0 && s.arrearsBeganOn;
      if (!continuing && !sameDayUpdate) began = item.oldestUnpaidDueDate!;
      endedOn = null;
    } else if (s && s.arrearsCents > 0) {
      endedOn = asOf;
      ended.push(id);
    }
    const stored: StoredPerson = { person: item.person, phone: item.phone };
    tenancies.push({
      id,
      organisationId,
      tenancyRef: item.tenancyRef,
      municipalityCode: l.municipalityCode,
      municipalityDerived: l.municipalityDerived,
      monthlyRentCents: item.monthlyRentCents,
      arrearsCents: item.arrearsCents,
      oldestUnpaidDueDate: inArrears ? item.oldestUnpaidDueDate! : null,
      asOf,
      arrearsBeganOn: began,
      arrearsEndedOn: endedOn,
      personCiphertext: encrypt(JSON.stringify(stored), personPlace(id)),
      addressCiphertext: encrypt(JSON.stringify(item.address), addressPlace(id)),
      createdAt: now,
      updatedAt: now,
    });
    positions.push({
      tenancyId: id,
      organisationId,
      asOf,
      monthlyRentCents: item.monthlyRentCents,
      arrearsCents: item.arrearsCents,
      oldestUnpaidDueDate: inArrears ? item.oldestUnpaidDueDate! : null,
      lastPaymentDate: item.lastPaymentDate ?? null,
    });
    arrearsOf.set(id, item.arrearsCents);
    for (const e of item.events ?? []) {
      events.push({
        id: randomUUID(),
        organisationId,
        tenancyId: id,
        type: e.type,
        date: e.date,
        channel: e.type === "contact_attempt" ? (e.channel ?? null) : null,
        ...recorder(principal),
        createdAt: now,
      });
    }
  }
  // 002 step 3 / convenant: during schuldenrust the new rent is expected to be paid; a
  // position that shows more arrears than when the hold began ends the hold early.
  const holdsToEnd = (await repo.openHolds(db, organisationId, asOf)).filter((h) => {
    const current = arrearsOf.get(h.hold.tenancyId);
    return (
      h.hold.kind === "schuldenrust" &&
      current !== undefined &&
      compareDates(h.hold.startDate, asOf) < 0 &&
      current > h.hold.arrearsCentsAtStart
    );
  });
  if (options.dryRun) return { ...answer(accepted.length), dryRun: true };
  await db.transaction(async (tx) => {
    await repo.upsertTenancies(tx, tenancies);
    await repo.upsertPositions(tx, positions);
    await repo.insertEvents(tx, events);
    await repo.markSignalsEpisodeEnded(tx, ended, asOf);
    for (const h of holdsToEnd) await repo.endHold(tx, h.hold.id, asOf, "new_rent_unpaid");
    await recordSuccess(tx, clock, meta, principal, {
      action: "arrears.positions_imported",
      objectType: "arrears_position",
      details: {
        landlord: organisationId,
        asOf,
        lines: parsed.total,
        imported: accepted.length,
        rejected: parsed.total - accepted.length,
        notStored,
        holdsEnded: holdsToEnd.length,
      },
    });
  });
  return answer(accepted.length);
}
