import type { Database } from "../../../platform/db/database.ts";

// ---- early warnings and dashboard -------------------------------------------------------

/** The last four positions of every tenancy of the landlord, oldest first per tenancy. */
export async function recentPositions(database: Database, organisationId: string) {
  return database.query<{
    tenancy_id: string;
    tenancy_ref: string;
    municipality_code: string;
    as_of: string;
    arrears_cents: number;
    monthly_rent_cents: number;
    last_payment_date: string | null;
  }>(
    `SELECT p.tenancy_id, t.tenancy_ref, t.municipality_code, p.as_of::text AS as_of,
            p.arrears_cents::float8 AS arrears_cents, p.monthly_rent_cents::float8 AS monthly_rent_cents,
            p.last_payment_date::text AS last_payment_date
       FROM (SELECT *, row_number() OVER (PARTITION BY tenancy_id ORDER BY as_of DESC) AS n
               FROM arrears_position WHERE organisation_id = $1) p
       JOIN arrears_tenancy t ON t.id = p.tenancy_id
      WHERE p.n <= 4
      ORDER BY p.tenancy_id, p.as_of`,
    [organisationId],
  );
}

export async function positionTrend(database: Database, organisationId: string, since: string) {
  return database.query<{ as_of: string; in_arrears: number; arrears_cents: number }>(
    `SELECT as_of::text AS as_of, count(*) FILTER (WHERE arrears_cents > 0)::int AS in_arrears,
            coalesce(sum(arrears_cents), 0)::float8 AS arrears_cents
       FROM arrears_position WHERE organisation_id = $1 AND as_of >= $2::date
      GROUP BY as_of ORDER BY as_of`,
    [organisationId, since],
  );
}

export async function signalTrend(database: Database, organisationId: string, since: string) {
  return database.query<{ month: string; signals: number; repeated: number }>(
    `SELECT to_char(signal_date, 'YYYY-MM') AS month, count(*)::int AS signals,
            count(*) FILTER (WHERE repeated)::int AS repeated
       FROM arrears_signal WHERE organisation_id = $1 AND signal_date >= $2::date
      GROUP BY 1 ORDER BY 1`,
    [organisationId, since],
  );
}

export async function outcomeCounts(database: Database, organisationId: string, since: string) {
  return database.query<{ outcome: string; count: number }>(
    `SELECT outcome, count(*)::int AS count FROM arrears_feedback
      WHERE organisation_id = $1 AND date >= $2::date GROUP BY outcome ORDER BY outcome`,
    [organisationId, since],
  );
}
