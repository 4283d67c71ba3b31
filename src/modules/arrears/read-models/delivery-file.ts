import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { type DeliveryDocument, documentPlace } from "../encrypted.ts";
import type { ArrearsEnv, OnBehalfOf } from "../env.ts";
import { deliveryOf, landlordFor } from "../policy.ts";
import type * as repo from "../repository.ts";
import { REPORTING_POINTS } from "../signal-format.ts";

/** The delivery's file content with the personal data (its reading is audited). */
export async function getDeliveryDocument(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  options: OnBehalfOf = {},
): Promise<{ document: DeliveryDocument; delivery: repo.DeliveryRow }> {
  const { db, clock, keyring } = env;
  const organisationId = await landlordFor(env, principal, options.onBehalfOf);
  const delivery = await deliveryOf(env, organisationId, id);
  const document = JSON.parse(
    await keyring.decrypt(organisationId, delivery.documentCiphertext, documentPlace(id)),
  ) as DeliveryDocument;
  await recordSuccess(db, clock, meta, principal, {
    action: "arrears.delivery_read",
    objectType: "arrears_delivery",
    objectId: id,
    details: { municipalityCode: delivery.municipalityCode, signals: document.signals.length },
  });
  return { document, delivery };
}

/** The delivery's file as the reporting point's CSV (read through getDeliveryDocument: audited). */
export async function getDeliveryCsv(
  env: ArrearsEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
  options: OnBehalfOf = {},
) {
  const { document, delivery } = await getDeliveryDocument(env, principal, meta, id, options);
  const adapter = REPORTING_POINTS[delivery.reportingPoint];
  return {
    fileName: adapter.fileName(delivery.municipalityCode, delivery.month),
    csv: adapter.csv(document.signals),
  };
}
