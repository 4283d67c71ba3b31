import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Services } from "../modules/index.ts";
import { demoPassword } from "../platform/auth/published-passwords.ts";
import type { OrganisationKind, Role } from "../platform/auth/roles.ts";
import type { ProfileId } from "../protocol/profile.ts";

/**
 * The demo region (contract §5): synthetic organisations, people and keys so that a newcomer
 * can sign in at once. Ids and key prefixes are derived from fixed names; passwords, TOTP
 * secrets and API key secrets from the installation's demo secret (F3, D-704: never the same
 * on two installations), so `demo-seed --json` prints the same document on every call without
 * the database having to keep secrets it should only hold as hashes. Demo data exists only
 * outside production: a production start refuses a store that holds it (demo-guard.ts).
 */

export interface DemoRegion {
  region: { id: string; name: string; profile: ProfileId };
  organisations: {
    id: string;
    name: string;
    apiKeys: { officer: string; querier: string };
  }[];
  consortiumAdmin: { apiKey: string; organisationId: string };
  /** The region's housing-allocation system (keeps the seeker index in step). */
  allocationSystem: { apiKey: string; organisationId: string };
  auditor: { apiKey: string; organisationId: string };
  users: {
    email: string;
    password: string;
    role: Role;
    organisationId: string;
    totpSecret: string;
  }[];
}

const SEED = "woonsignaal-demo-v1";

function digest(label: string, secret: Buffer | string = SEED): Buffer {
  return createHmac("sha256", secret).update(label).digest();
}

/** A process without an installation secret (a test seeding its own database) gets a random one. */
const processSecret = randomBytes(32);

/**
 * The installation's demo secret (F3, D-704): the demo's passwords, TOTP secrets and API keys
 * are derived from it, so no two installations share them. Derived (HMAC, its own label) from
 * the current master key (bootstrap.ts `Runtime.demoSecret`): stable for one installation,
 * unknown to anyone without its master key. After a master key rotation the demo accounts keep
 * the passwords they were created with, while `demo-seed` prints new ones: seed a new demo.
 */
export function demoSecretOf(masterKey: Buffer): Buffer {
  return createHmac("sha256", masterKey).update("woonsignaal demo secrets v2").digest();
}

/** A stable UUID (version 4 layout) derived from a label. */
export function demoUuid(label: string): string {
  const h = createHash("sha256").update(`${SEED}:${label}`).digest("hex");
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The fixed prefix (`ws_demo_<8>`) of a demo API key: not secret; it lets a production start find demo keys. */
function demoKeyPrefix(label: string): string {
  return `ws_demo_${digest(`api-key:${label}`).toString("hex").slice(0, 8)}`;
}

/** A demo API key in the product's key format (`ws_demo_<8>_<secret>`). */
function demoApiKey(label: string, secret: Buffer): string {
  return `${demoKeyPrefix(label)}_${digest(`api-key-secret:${label}`, secret).toString("base64url")}`;
}

const DEMO_KEY_LABELS = [
  "de-linde:officer",
  "de-linde:querier",
  "havenstad:officer",
  "havenstad:querier",
  "vallei:officer",
  "vallei:querier",
  "consortium:admin",
  "consortium:allocation-system",
  "auditor:auditor",
];

/** What marks demo data in a store, whatever its secrets: ids, key prefixes, e-mail addresses. */
export function demoMarkers(): { regionId: string; keyPrefixes: string[]; emails: string[] } {
  return {
    regionId: demoUuid("region"),
    keyPrefixes: DEMO_KEY_LABELS.map(demoKeyPrefix),
    emails: describeDemoRegion("aedes-2021").users.map((u) => u.email),
  };
}

interface DemoOrg {
  slug: string;
  name: string;
  city: string;
  street: string;
  houseNumber: string;
  postcode: string;
  kvk: string;
}

/** Synthetic organisations: the names and numbers exist only here. */
const PARTICIPANTS: DemoOrg[] = [
  {
    slug: "de-linde",
    name: "Woonstichting De Linde (demo)",
    city: "Lindendal",
    street: "Lindelaan",
    houseNumber: "12",
    postcode: "9901 AA",
    kvk: "99000011",
  },
  {
    slug: "havenstad",
    name: "Wooncorporatie Havenstad (demo)",
    city: "Havenstad",
    street: "Kadeweg",
    houseNumber: "3",
    postcode: "9902 BB",
    kvk: "99000022",
  },
  {
    slug: "vallei",
    name: "Stichting Thuis in de Vallei (demo)",
    city: "Valleidorp",
    street: "Dorpsstraat",
    houseNumber: "88",
    postcode: "9903 CC",
    kvk: "99000033",
  },
];

function participantKind(profile: ProfileId): OrganisationKind {
  return profile === "aedes-2021" ? "housing_corporation" : "private_landlord";
}

function capitalised(slug: string) {
  return slug
    .split("-")
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("");
}

/**
 * The demo document for a profile and an installation's demo secret (`demoSecretOf`):
 * pure, so the same on every call with the same secret.
 */
export function describeDemoRegion(profile: ProfileId, secret: Buffer = processSecret): DemoRegion {
  const demoApiKeyOf = (label: string) => demoApiKey(label, secret);
  const consortiumId = demoUuid("org:consortium");
  const auditorOrgId = demoUuid("org:auditor");
  // `second`: another person with the same role in the same organisation (its own password
  // and TOTP secret), such as the second consortium admin whom four eyes need (F16).
  const user = (slug: string, role: Role, organisationId: string, local: string, second = "") => ({
    email: `${local}@${slug}.example`,
    // The organisation word and role as before, then a part from the installation's secret:
    // never the same on two installations (F3); still ending like every published demo
    // password, so that the password policy refuses it as a real one (F10).
    password: demoPassword(
      capitalised(slug) + second,
      `${role}-${base32(digest(`password:${slug}:${role}:${second}`, secret))
        .slice(0, 12)
        .toLowerCase()}`,
    ),
    role,
    organisationId,
    totpSecret: base32(
      digest(`totp:${slug}:${role}${second ? `:${second}` : ""}`, secret).subarray(0, 20),
    ),
  });
  return {
    region: { id: demoUuid("region"), name: "Regio Woning in Zicht (demo)", profile },
    organisations: PARTICIPANTS.map((o) => ({
      id: demoUuid(`org:${o.slug}`),
      name: o.name,
      apiKeys: {
        officer: demoApiKeyOf(`${o.slug}:officer`),
        querier: demoApiKeyOf(`${o.slug}:querier`),
      },
    })),
    consortiumAdmin: { apiKey: demoApiKeyOf("consortium:admin"), organisationId: consortiumId },
    allocationSystem: {
      apiKey: demoApiKeyOf("consortium:allocation-system"),
      organisationId: consortiumId,
    },
    auditor: { apiKey: demoApiKeyOf("auditor:auditor"), organisationId: auditorOrgId },
    users: [
      ...PARTICIPANTS.flatMap((o) => [
        user(o.slug, "officer", demoUuid(`org:${o.slug}`), "functionaris"),
        user(o.slug, "querier", demoUuid(`org:${o.slug}`), "bevrager"),
      ]),
      user("samenwerkingsverband", "consortium_admin", consortiumId, "beheer"),
      user("samenwerkingsverband", "consortium_admin", consortiumId, "tweede.beheer", "Tweede"),
      user("auditbureau", "auditor", auditorOrgId, "auditor"),
      user("geschillencommissie", "committee", demoUuid("org:committee"), "secretaris"),
      user("leverancier", "support", demoUuid("org:supplier"), "support"),
    ],
  };
}

export type DemoSeedOutcome = { created: boolean; demo: DemoRegion };

export class NotTheDemoRegionError extends Error {
  constructor() {
    super(
      "This database already holds a region that is not the demo region; demo-seed leaves it alone.",
    );
    this.name = "NotTheDemoRegionError";
  }
}

/** Loads the demo region into an empty database; on a demo database, only describes it. */
/** The demo disputes committee's postal address (a committee must have one). */
export const COMMITTEE_ADDRESS = {
  street: "Postbus",
  houseNumber: "2050",
  postcode: "9900 AB",
  city: "Regiostad",
};

export async function seedDemoRegion(
  services: Services,
  profile: ProfileId,
  /** The installation's demo secret (`demoSecretOf`); a random one for this process otherwise. */
  secret: Buffer = processSecret,
): Promise<DemoSeedOutcome> {
  const existing = await services.organisations.region().catch(() => undefined);
  if (existing) {
    const settings = existing.settings as { demo?: boolean };
    if (!settings.demo || existing.id !== demoUuid("region")) throw new NotTheDemoRegionError();
    return { created: false, demo: describeDemoRegion(existing.profile as ProfileId, secret) };
  }
  const demo = describeDemoRegion(profile, secret);
  const { organisations: orgs, identity } = services;
  await orgs.createRegion({ id: demo.region.id, name: demo.region.name, profile, demo: true });
  const signed = "2026-01-01";
  const kind = participantKind(profile);
  for (const [i, o] of PARTICIPANTS.entries()) {
    await orgs.bootstrapOrganisation({
      id: demo.organisations[i]!.id,
      name: o.name,
      kind,
      kvkNumber: o.kvk,
      address: { street: o.street, houseNumber: o.houseNumber, postcode: o.postcode, city: o.city },
      objectionAddress: `${o.name}, t.a.v. bezwaren signaleringslijst, Postbus ${1000 + i}, ${o.postcode.slice(0, 4)} ZZ ${o.city}`,
      dpo: { name: "Functionaris Gegevensbescherming", email: `fg@${o.slug}.example` },
      protocolSignedOn: signed,
      // 001 §2, §7.1: a Keurmerk participant lets through a Keurmerk makelaar (D-763).
      ...(profile === "keurmerk-2013" ? { lettingAgent: "Makelaardij Keurhuis (demo)" } : {}),
    });
  }
  const bodies: [string, string, OrganisationKind][] = [
    ["consortium", "Samenwerkingsverband Woning in Zicht (demo)", "consortium"],
    ["auditor", "Auditbureau Zorgvuldig (demo)", "auditor"],
    ["committee", "Geschillencommissie Woning in Zicht (demo)", "committee"],
    ["supplier", "Leverancier Woonsignaal (demo)", "supplier"],
  ];
  for (const [slug, name, k] of bodies) {
    await orgs.bootstrapOrganisation({
      id: demoUuid(`org:${slug}`),
      name,
      kind: k,
      // Every decision letter prints the committee's postal address (003 §16.3; 001 §11).
      ...(k === "committee" ? { address: COMMITTEE_ADDRESS } : {}),
    });
  }
  // Each participant's officer key belongs to its demo officer, who has made the declaration
  // (003 §12.1, §12.2, §19; D-840).
  const officers = new Map<string, string>();
  for (const u of demo.users) {
    const participantOfficer =
      u.role === "officer" && demo.organisations.some((o) => o.id === u.organisationId);
    const id = await identity.bootstrapUser({
      organisationId: u.organisationId,
      email: u.email,
      displayName: `Demo ${u.role}`,
      roles: [u.role],
      password: u.password,
      mustChangePassword: false,
      totpSecret: u.totpSecret,
      ...(participantOfficer ? { declared: true } : {}),
    });
    if (participantOfficer) officers.set(u.organisationId, id);
  }
  for (const o of demo.organisations) {
    await identity.bootstrapApiKey({
      organisationId: o.id,
      role: "officer",
      label: "Demo officer key",
      key: o.apiKeys.officer,
      userId: officers.get(o.id)!,
    });
    await identity.bootstrapApiKey({
      organisationId: o.id,
      role: "querier",
      label: "Demo querier key",
      key: o.apiKeys.querier,
    });
  }
  await identity.bootstrapApiKey({
    organisationId: demo.consortiumAdmin.organisationId,
    role: "consortium_admin",
    label: "Demo consortium admin key",
    key: demo.consortiumAdmin.apiKey,
  });
  await identity.bootstrapApiKey({
    organisationId: demo.allocationSystem.organisationId,
    role: "allocation_system",
    label: "Demo allocation system key",
    key: demo.allocationSystem.apiKey,
  });
  await identity.bootstrapApiKey({
    organisationId: demo.auditor.organisationId,
    role: "auditor",
    label: "Demo auditor key",
    key: demo.auditor.apiKey,
  });
  return { created: true, demo };
}
