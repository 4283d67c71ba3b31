import type { Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { OrganisationAccess } from "../organisations/ports.ts";

/** What the arrears module needs of other modules (the composition root passes their services). */
export interface ArrearsDeps {
  organisations: {
    accessOf(id: string): Promise<OrganisationAccess | undefined>;
    registryFacts(id: string): Promise<{ name: string; kvkNumber: string | null } | undefined>;
  };
}

/** The environment every arrears use case and read model takes as its first argument. */
export interface ArrearsEnv {
  database: AppContext["database"];
  db: AppContext["database"]["db"];
  clock: AppContext["clock"];
  keyring: AppContext["keyring"];
  deps: ArrearsDeps;
}

export function createArrearsEnv(
  ctx: Pick<AppContext, "database" | "clock" | "keyring">,
  deps: ArrearsDeps,
): ArrearsEnv {
  return {
    database: ctx.database,
    db: ctx.database.db,
    clock: ctx.clock,
    keyring: ctx.keyring,
    deps,
  };
}

/** Who recorded an event, measure, hold or arrangement (stored beside the row). */
/** A landlord's own call, or the one an operator makes on its behalf. */
export type OnBehalfOf = { onBehalfOf?: string | undefined };

export type Recorder = {
  recordedByKind: "user" | "api_key" | "system";
  recordedBy: string | null;
};
export const recorder = (p: Principal): Recorder => ({ recordedByKind: p.kind, recordedBy: p.id });
