/** Organisations as people and other modules read them. */
import type { Principal } from "../../../platform/auth/access.ts";
import type { OrganisationsEnv } from "../env.ts";
import { getVisible } from "../lookup.ts";
import { accessRefusal, seesEveryOrganisation } from "../policy.ts";
import * as repo from "../repository.ts";
import type { OrganisationView } from "../schemas.ts";
import type { Letterhead, OrganisationAccess } from "../types.ts";
import { letterheadOf, view } from "../views.ts";
import { profile } from "./region.ts";

/** Access check for identity: may people of this organisation act today? */
export async function accessOf(
  env: OrganisationsEnv,
  id: string,
): Promise<OrganisationAccess | undefined> {
  const row = await repo.findOrganisation(env.db, id);
  if (!row) return undefined;
  const refusal = accessRefusal(row, env.clock.today());
  return { id: row.id, name: row.name, kind: row.kind, refusal };
}

/** The public list of participants (003 ch. 10 requires a web address for it). */
export async function listPublicParticipants(env: OrganisationsEnv) {
  const p = await profile(env);
  const rows = await repo.listParticipants(env.db, p.participantKinds.value, env.clock.today());
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    city: r.city,
    objectionAddress: r.objectionAddress,
    dpo: r.dpoName && r.dpoEmail ? { name: r.dpoName, email: r.dpoEmail, phone: r.dpoPhone } : null,
    participantSince: r.protocolSignedOn,
  }));
}

export async function listOrganisations(
  env: OrganisationsEnv,
  principal: Principal,
): Promise<OrganisationView[]> {
  const all = seesEveryOrganisation(principal);
  const rows = await repo.listOrganisations(env.db, all ? undefined : [principal.organisationId]);
  return rows.map(view);
}

export async function getOrganisation(
  env: OrganisationsEnv,
  principal: Principal,
  id: string,
): Promise<OrganisationView> {
  return view(await getVisible(env, principal, id));
}

/** The letterhead of an organisation (letters module); undefined when it does not exist. */
export async function letterhead(
  env: OrganisationsEnv,
  id: string,
): Promise<Letterhead | undefined> {
  const row = await repo.findOrganisation(env.db, id);
  return row ? letterheadOf(row) : undefined;
}

/** The first organisation of a kind (the consortium or the disputes committee), for letters. */
export async function letterheadOfKind(
  env: OrganisationsEnv,
  kind: "consortium" | "committee",
): Promise<Letterhead | undefined> {
  const row = (await repo.listOrganisations(env.db)).find(
    (r) => r.kind === kind && r.status === "active",
  );
  return row ? letterheadOf(row) : undefined;
}

/** The consortium's id: it sends what a departed participant no longer can. */
export async function consortiumId(env: OrganisationsEnv): Promise<string | undefined> {
  return (await repo.findConsortium(env.db))?.id;
}

export async function getName(env: OrganisationsEnv, id: string): Promise<string | undefined> {
  return (await repo.findOrganisation(env.db, id))?.name;
}

/** Name and KvK number (the landlord's fields of an arrears signal, issue #11). */
export async function registryFacts(
  env: OrganisationsEnv,
  id: string,
): Promise<{ name: string; kvkNumber: string | null } | undefined> {
  const row = await repo.findOrganisation(env.db, id);
  return row ? { name: row.name, kvkNumber: row.kvkNumber } : undefined;
}
