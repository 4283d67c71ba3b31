import { SYSTEM } from "../../../platform/audit/actor.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { addMonths } from "../../../platform/werkdagen.ts";
import { type DeliveryDocument, documentPlace } from "../encrypted.ts";
import type { ArrearsEnv } from "../env.ts";
import { POSITION_HISTORY_MONTHS, RETENTION_MONTHS_AFTER_ARREARS } from "../periods.ts";
import * as repo from "../repository.ts";

/**
 * Erases arrears data whose time is up (docs/retention.md "Vroegsignalering"): a tenancy
 * and everything about it 12 months after its arrears ended (or after the last position
 * that mentioned it); signals and feedback 12 months after the arrears they reported
 * ended; position history after 13 months. Delivered files are rewritten without the
 * erased signals, or erased when none is left. Called by the daily `retention` job.
 */
export async function eraseExpiredArrears(env: ArrearsEnv, today: string) {
  const { db, clock, keyring } = env;
  const cutoff = addMonths(today, -RETENTION_MONTHS_AFTER_ARREARS);
  const expiring = await repo.expiringSignals(db, cutoff);
  const goneByDelivery = new Map<string, Set<string>>();
  for (const s of expiring) {
    const set = goneByDelivery.get(s.deliveryId) ?? new Set<string>();
    set.add(s.id);
    goneByDelivery.set(s.deliveryId, set);
  }
  // Rewrite the affected files before the transaction (decrypt/encrypt, D-009).
  const rewrites: { id: string; documentCiphertext: string }[] = [];
  const drop: string[] = [];
  const remainingSignals = await repo.signalsOfDeliveries(db, [...goneByDelivery.keys()]);
  for (const [deliveryId, gone] of goneByDelivery) {
    const remaining = remainingSignals.filter(
      (s) => s.deliveryId === deliveryId && !gone.has(s.id),
    );
    if (remaining.length === 0) {
      drop.push(deliveryId);
      continue;
    }
    const d = (await repo.findDelivery(db, deliveryId))!;
    const doc = JSON.parse(
      await keyring.decrypt(d.organisationId, d.documentCiphertext, documentPlace(d.id)),
    ) as DeliveryDocument;
    const keep = new Set(remaining.map((s) => s.tenancyRef));
    doc.signals = doc.signals.filter((s) => keep.has(s.tenancyRef));
    rewrites.push({
      id: d.id,
      documentCiphertext: await keyring.encrypt(
        d.organisationId,
        JSON.stringify(doc),
        documentPlace(d.id),
      ),
    });
  }
  const result = {
    tenancies: 0,
    signals: expiring.length,
    deliveriesErased: drop.length,
    deliveriesRewritten: rewrites.length,
    positions: 0,
  };
  await db.transaction(async (tx) => {
    for (const id of drop) await repo.deleteDelivery(tx, id);
    for (const r of rewrites) await repo.updateDeliveryDocument(tx, r.id, r.documentCiphertext);
    await repo.deleteSignals(
      tx,
      expiring.map((s) => s.id),
    );
    result.tenancies = await repo.deleteExpiredTenancies(tx, cutoff);
    result.positions = await repo.deletePositionsBefore(
      tx,
      addMonths(today, -POSITION_HISTORY_MONTHS),
    );
    await recordSuccess(tx, clock, { requestId: null, clientAddress: null }, SYSTEM, {
      action: "arrears.retention",
      objectType: "arrears_tenancy",
      details: { today, cutoff, ...result },
    });
  });
  return result;
}
