import type { Database } from "../../../platform/db/database.ts";

// ---- the monthly selection's facts, for all of a landlord's tenancies at once -----------

export const EVENT_BITS = {
  contact_attempt: 1,
  debt_help_referral: 2,
  reminder_with_sharing_offer: 4,
  tenant_refused: 8,
} as const;

/**
 * Per tenancy in arrears: which event types are recorded within its current episode (on or
 * after the arrears began, not after `until`), as a bit mask of EVENT_BITS.
 */
export async function episodeEventTypes(
  database: Database,
  organisationId: string,
  until: string,
): Promise<Map<string, number>> {
  const rows = await database.query<{ tenancy_id: string; mask: number }>(
    `SELECT e.tenancy_id, bit_or(CASE e.type WHEN 'contact_attempt' THEN 1 WHEN 'debt_help_referral' THEN 2
                                   WHEN 'reminder_with_sharing_offer' THEN 4 ELSE 8 END) AS mask
       FROM arrears_event e JOIN arrears_tenancy t ON t.id = e.tenancy_id
      WHERE t.organisation_id = $1 AND t.arrears_cents > 0
        AND e.date >= t.arrears_began_on AND e.date <= $2::date
      GROUP BY e.tenancy_id`,
    [organisationId, until],
  );
  return new Map(rows.map((r) => [r.tenancy_id, Number(r.mask)]));
}

/** The last signal of every tenancy of the landlord. */
export async function lastSignals(database: Database, organisationId: string) {
  const rows = await database.query<{
    tenancy_id: string;
    arrears_began_on: string;
    arrears_cents: number;
    signal_date: string;
  }>(
    `SELECT DISTINCT ON (tenancy_id) tenancy_id, arrears_began_on::text AS arrears_began_on,
            arrears_cents::float8 AS arrears_cents, signal_date::text AS signal_date
       FROM arrears_signal WHERE organisation_id = $1
      ORDER BY tenancy_id, signal_date DESC, arrears_cents DESC`,
    [organisationId],
  );
  return new Map(
    rows.map((r) => [
      r.tenancy_id,
      {
        arrearsBeganOn: r.arrears_began_on,
        arrearsCents: Number(r.arrears_cents),
        signalDate: r.signal_date,
      },
    ]),
  );
}

/** The encrypted person and address of the landlord's tenancies in arrears in these municipalities. */
export async function ciphertextsIn(
  database: Database,
  organisationId: string,
  municipalityCodes: readonly string[],
) {
  const rows = await database.query<{
    id: string;
    person_ciphertext: string;
    address_ciphertext: string;
  }>(
    `SELECT id, person_ciphertext, address_ciphertext FROM arrears_tenancy
      WHERE organisation_id = $1 AND arrears_cents > 0 AND municipality_code = ANY($2::text[])`,
    [organisationId, municipalityCodes],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { personCiphertext: r.person_ciphertext, addressCiphertext: r.address_ciphertext },
    ]),
  );
}
