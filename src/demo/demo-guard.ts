import type { Database } from "../platform/db/database.ts";
import { demoMarkers } from "./demo-region.ts";

/** A production start on a store that holds demo data (main.ts: exit 3). */
export class DemoDataInProductionError extends Error {
  constructor(found: string[]) {
    super(
      `Refusing to start with NODE_ENV=production: this database holds demo data (${found.join(", ")}). ` +
        "Demo accounts and keys are for trying Woonsignaal out, never for real use. Start production " +
        "on a new, empty database (see docs/deployment.md), or run this one without NODE_ENV=production.",
    );
    this.name = "DemoDataInProductionError";
  }
}

/** Throws DemoDataInProductionError when the store holds the demo region, a demo key or account. */
export async function refuseDemoData(database: Database): Promise<void> {
  const m = demoMarkers();
  const found: string[] = [];
  const any = async (sql: string, params: unknown[]) =>
    (await database.query(sql, params)).length > 0;
  if (
    await any(`SELECT 1 FROM region WHERE id = $1 OR settings->>'demo' = 'true' LIMIT 1`, [
      m.regionId,
    ])
  ) {
    found.push("the demo region");
  }
  if (
    await any(
      "SELECT 1 FROM api_key WHERE prefix = ANY($1) OR prefix LIKE 'ws\\_demo\\_%' LIMIT 1",
      [m.keyPrefixes],
    )
  ) {
    found.push("demo API keys");
  }
  if (await any("SELECT 1 FROM app_user WHERE email = ANY($1) LIMIT 1", [m.emails])) {
    found.push("demo accounts");
  }
  if (found.length > 0) throw new DemoDataInProductionError(found);
}
