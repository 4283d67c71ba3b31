import { randomUUID } from "node:crypto";
import { SYSTEM } from "../../../platform/audit/actor.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import { AppError } from "../../../platform/errors.ts";
import type { ProfileId } from "../../../protocol/index.ts";
import { type OrganisationsEnv, SYSTEM_META } from "../env.ts";
import * as repo from "../repository.ts";

/** Set-up (CLI only): the region and its profile, once per installation. */
export async function createRegion(
  env: OrganisationsEnv,
  input: { id?: string; name: string; profile: ProfileId; demo?: boolean },
) {
  const { db, clock } = env;
  if (await repo.findRegion(db)) {
    throw new AppError("conflict", "This installation already has a region.", {
      code: "region_exists",
    });
  }
  const id = input.id ?? randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertRegion(tx, {
      id,
      name: input.name,
      profile: input.profile,
      settings: input.demo ? { demo: true } : {},
      createdAt: clock.now(),
    });
    await recordSuccess(tx, clock, SYSTEM_META, SYSTEM, {
      action: "region.created",
      objectType: "region",
      objectId: id,
      details: { profile: input.profile, demo: input.demo === true },
    });
  });
  return (await repo.findRegion(db))!;
}
