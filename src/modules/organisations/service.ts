import { randomUUID } from "node:crypto";
import { actorOf } from "../../platform/audit/actor.ts";
import {
  type AuditActor,
  type RequestMeta,
  recordAudit,
  SYSTEM_ACTOR,
} from "../../platform/audit/audit.ts";
import { hasRole, type Principal } from "../../platform/auth/access.ts";
import type { AppContext } from "../../platform/context.ts";
import type { EncryptedColumn } from "../../platform/crypto/index.ts";
import type { Db } from "../../platform/db/database.ts";
import { AppError, notFound, protocolRule } from "../../platform/errors.ts";
import { compareDates } from "../../platform/werkdagen.ts";
import { getProfile, isProfileId, type Profile, type ProfileId } from "../../protocol/index.ts";
import * as repo from "./repository.ts";
import {
  type OrganisationInput,
  type OrganisationPatch,
  type OrganisationView,
  type RegionSettings,
  type RegionSettingsPatch,
  type RegionSettingsView,
  regionSettings,
  type SmtpSettingsView,
  type SmtpTlsMode,
} from "./schemas.ts";

/** The region's SMTP password, encrypted with the consortium's data key (D-013). */
export const REGION_MAIL_ENCRYPTED_COLUMNS: EncryptedColumn = {
  table: "region_mail",
  idColumn: "region_id",
  organisationColumn: "key_organisation_id",
  columns: ["password"],
};

const passwordAt = (regionId: string) => ({
  table: "region_mail",
  column: "password",
  rowId: regionId,
});

/** What the mailer needs of the region's SMTP server, password decrypted (never shown). */
export interface RegionSmtp {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  username: string | null;
  password: string | null;
  from: string;
  /** Changes with every save: a mailer built on older settings is replaced. */
  version: string;
}

function smtpView(row: repo.RegionMailRow): SmtpSettingsView {
  return {
    host: row.host,
    port: row.port,
    tls: row.tls,
    username: row.username,
    passwordSet: row.password !== null,
    from: row.fromAddress,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The SMTP settings as the audit log keeps them: without the password. */
function smtpAudit(view: SmtpSettingsView | null) {
  if (!view) return null;
  const { updatedAt: _updatedAt, ...rest } = view;
  return rest;
}

/** What identity needs to know about an organisation to let its people in. */
export interface OrganisationAccess {
  id: string;
  name: string;
  kind: OrganisationView["kind"];
  /** null when access is allowed; otherwise why not (a stable code). */
  refusal: null | "suspended" | "withdrawn" | "excluded" | "protocol_not_signed";
}

/**
 * Called inside the transaction that carries out a withdrawal or definitive exclusion, for
 * every module that holds data of the organisation (003 §17, §20; 001 §7.2–7.3). Identity
 * revokes access; registrations (when they land) erase the primary source's registrations
 * and owe each person the removal letter.
 */
export type TerminationHandler = (
  db: Db,
  organisationId: string,
  reason: "withdrawn" | "excluded",
) => Promise<void>;

const SYSTEM_META: RequestMeta = { requestId: null, clientAddress: null };

const PARTICIPANT_SCOPED = new Set(["housing_corporation", "private_landlord", "municipality"]);

function view(row: repo.OrganisationRow): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    kvkNumber: row.kvkNumber,
    address:
      row.street && row.houseNumber && row.postcode && row.city
        ? {
            street: row.street,
            houseNumber: row.houseNumber,
            postcode: row.postcode,
            city: row.city,
          }
        : null,
    objectionAddress: row.objectionAddress,
    dpo:
      row.dpoName && row.dpoEmail
        ? { name: row.dpoName, email: row.dpoEmail, phone: row.dpoPhone }
        : null,
    protocolSignedOn: row.protocolSignedOn,
    status: row.status,
    suspendedOn: row.suspendedOn,
    withdrawnOn: row.withdrawnOn,
    excludedOn: row.excludedOn,
    hasLogo: row.logo !== null,
  };
}

/** What a letter's letterhead and its objection and privacy paragraphs need of an organisation. */
export interface Letterhead {
  id: string;
  name: string;
  kind: OrganisationView["kind"];
  address: OrganisationView["address"];
  objectionAddress: string | null;
  dpo: OrganisationView["dpo"];
  /** PNG or JPEG data URL, or null. */
  logo: string | null;
}

function letterheadOf(row: repo.OrganisationRow): Letterhead {
  const v = view(row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: v.address,
    objectionAddress: row.objectionAddress,
    dpo: v.dpo,
    logo: row.logo,
  };
}

function columnsOf(input: OrganisationPatch) {
  const out: Partial<repo.OrganisationRow> = {};
  if (input.name !== undefined) out.name = input.name;
  if (input.kind !== undefined) out.kind = input.kind;
  if (input.kvkNumber !== undefined) out.kvkNumber = input.kvkNumber;
  if (input.address !== undefined) {
    out.street = input.address.street;
    out.houseNumber = input.address.houseNumber;
    out.postcode = input.address.postcode.toUpperCase().replace(/^(\d{4}) ?/, "$1 ");
    out.city = input.address.city;
  }
  if (input.objectionAddress !== undefined) out.objectionAddress = input.objectionAddress;
  if (input.dpo !== undefined) {
    out.dpoName = input.dpo.name;
    out.dpoEmail = input.dpo.email;
    out.dpoPhone = input.dpo.phone ?? null;
  }
  if (input.protocolSignedOn !== undefined) out.protocolSignedOn = input.protocolSignedOn;
  if (input.logo !== undefined) out.logo = input.logo;
  return out;
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;

/** What other modules do when an organisation is suspended or leaves (wired in modules/index.ts). */
export interface OrganisationHooks {
  /** Before the terminating transaction: what needs data that will be gone (removal letters). */
  beforeTermination?: ((
    organisationId: string,
    reason: "withdrawn" | "excluded",
  ) => Promise<void>)[];
  onTermination: TerminationHandler[];
  /** After the terminating transaction (delivering what was prepared). */
  afterTermination?: ((organisationId: string) => Promise<void>)[];
  /** Temporary exclusion: authorisations suspended at once (sessions revoked). */
  onSuspension: ((db: Db, organisationId: string) => Promise<void>)[];
}

export function createOrganisationsService(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger">,
  hooks: OrganisationHooks,
) {
  const { database, clock } = ctx;
  const db = database.db;

  async function region() {
    const r = await repo.findRegion(db);
    if (!r) {
      throw new AppError("service_unavailable", "This installation has no region yet.", {
        internalMessage: "no region: run `woonsignaal setup` or `demo-seed`",
      });
    }
    return r;
  }

  async function profile(): Promise<Profile> {
    const r = await region();
    if (!isProfileId(r.profile)) throw new Error(`unknown profile ${r.profile} in region`);
    return getProfile(r.profile);
  }

  function checkKind(p: Profile, kind: OrganisationView["kind"]) {
    if (PARTICIPANT_SCOPED.has(kind) && !p.participantKinds.value.includes(kind)) {
      throw protocolRule(
        "participant_kind_not_allowed",
        `Under ${p.title} an organisation of this kind cannot be a participant.`,
        p.participantKinds.source,
        { kind },
      );
    }
  }

  /** Can this caller see organisation `id`? Consortium staff see all; others only their own. */
  function canSee(principal: Principal, id: string) {
    return (
      principal.organisationId === id ||
      hasRole(principal, ["consortium_admin", "auditor", "support"])
    );
  }

  async function getVisible(principal: Principal, id: string) {
    const row = await repo.findOrganisation(db, id);
    if (!row || !canSee(principal, id)) throw notFound("organisation");
    return row;
  }

  /** One way to add an organisation: by the set-up commands and by a consortium admin alike. */
  async function addOrganisation(
    actor: AuditActor,
    meta: RequestMeta,
    input: OrganisationInput & { id?: string },
  ) {
    checkKind(await profile(), input.kind);
    const r = await region();
    const id = input.id ?? randomUUID();
    const now = clock.now();
    await db.transaction(async (tx) => {
      await repo.insertOrganisation(tx, {
        id,
        regionId: r.id,
        name: input.name,
        kind: input.kind,
        status: "active",
        createdAt: now,
        updatedAt: now,
        ...columnsOf(input),
      });
      await recordAudit(tx, clock, meta, {
        actor,
        action: "organisation.created",
        objectType: "organisation",
        objectId: id,
        outcome: "success",
        details: { kind: input.kind },
      });
    });
    return view((await repo.findOrganisation(db, id))!);
  }

  /** Carries out a withdrawal or definitive exclusion: status, access, data, audit. */
  async function terminate(
    row: repo.OrganisationRow,
    reason: "withdrawn" | "excluded",
    meta: RequestMeta,
  ) {
    for (const prepare of hooks.beforeTermination ?? []) await prepare(row.id, reason);
    await db.transaction(async (tx) => {
      await repo.updateOrganisation(tx, row.id, { status: reason, updatedAt: clock.now() });
      for (const handler of hooks.onTermination) await handler(tx, row.id, reason);
      await recordAudit(tx, clock, meta, {
        actor: SYSTEM_ACTOR,
        action:
          reason === "withdrawn"
            ? "organisation.withdrawal_carried_out"
            : "organisation.exclusion_carried_out",
        objectType: "organisation",
        objectId: row.id,
        outcome: "success",
      });
    });
    // Nothing of theirs is readable any more once their data keys are gone (crypto-shredding).
    await ctx.keyring.shredOrganisation(row.id);
    for (const after of hooks.afterTermination ?? []) await after(row.id);
  }

  return {
    region,
    profile,

    /** Set-up (CLI only): the region and its profile, once per installation. */
    async createRegion(input: { id?: string; name: string; profile: ProfileId; demo?: boolean }) {
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
        await recordAudit(tx, clock, SYSTEM_META, {
          actor: SYSTEM_ACTOR,
          action: "region.created",
          objectType: "region",
          objectId: id,
          outcome: "success",
          details: { profile: input.profile, demo: input.demo === true },
        });
      });
      return (await repo.findRegion(db))!;
    },

    /** The region's settings with their defaults (schemas.ts regionSettings). */
    async settings(): Promise<RegionSettings> {
      return regionSettings.parse((await region()).settings ?? {});
    },

    /** The settings with the region's SMTP server (the API and the settings page). */
    async settingsView(): Promise<RegionSettingsView> {
      const r = await region();
      const mail = await repo.findRegionMail(db, r.id);
      return {
        ...regionSettings.parse(r.settings ?? {}),
        smtp: mail ? smtpView(mail) : null,
      };
    },

    /**
     * The region's SMTP server for the letters module's mailer, password decrypted; undefined
     * when none is set (the mailer then uses SMTP_URL or the outbox). Never for display.
     */
    async mailServer(): Promise<RegionSmtp | undefined> {
      const r = await region();
      const row = await repo.findRegionMail(db, r.id);
      if (!row) return undefined;
      const password = await ctx.keyring.decrypt(
        row.keyOrganisationId,
        row.password,
        passwordAt(r.id),
      );
      return {
        host: row.host,
        port: row.port,
        tls: row.tls,
        username: row.username,
        password,
        from: row.fromAddress,
        version: `${row.updatedAt.toISOString()}|${row.password ?? ""}`,
      };
    },

    /**
     * Changes region settings (consortium admin); audited with the old and new values — for
     * the SMTP server without its password, only whether it was kept, replaced or cleared.
     */
    async updateSettings(
      principal: Principal,
      meta: RequestMeta,
      patch: RegionSettingsPatch,
    ): Promise<RegionSettingsView> {
      const r = await region();
      const { smtp, ...numbers } = patch;
      const before = regionSettings.parse(r.settings ?? {});
      const stored = { ...(r.settings as Record<string, unknown>), ...numbers };
      const mailBefore = await repo.findRegionMail(db, r.id);
      let mailAfter: repo.RegionMailRow | null | undefined = mailBefore;
      let password: "kept" | "replaced" | "cleared" | "none" = mailBefore?.password
        ? "kept"
        : "none";
      if (smtp === null) {
        mailAfter = null;
        password = mailBefore?.password ? "cleared" : "none";
      } else if (smtp) {
        const keyOrganisationId =
          mailBefore?.keyOrganisationId ??
          (await repo.findConsortium(db))?.id ??
          principal.organisationId;
        const username =
          smtp.username === undefined ? (mailBefore?.username ?? null) : smtp.username;
        let ciphertext = mailBefore?.password ?? null;
        if (smtp.password === null) {
          ciphertext = null;
          password = mailBefore?.password ? "cleared" : "none";
        } else if (smtp.password !== undefined) {
          // Encrypted before the transaction opens (D-009).
          ciphertext = await ctx.keyring.encrypt(
            keyOrganisationId,
            smtp.password,
            passwordAt(r.id),
          );
          password = "replaced";
        }
        if (ciphertext !== null && username === null) {
          throw new AppError(
            "invalid_input",
            "An SMTP password needs a user name; give one, or clear the password.",
            { code: "smtp_password_without_username" },
          );
        }
        mailAfter = {
          regionId: r.id,
          keyOrganisationId,
          host: smtp.host,
          port: smtp.port,
          tls: smtp.tls,
          username,
          password: ciphertext,
          fromAddress: smtp.from,
          updatedAt: clock.now(),
        };
      }
      await db.transaction(async (tx) => {
        if (Object.keys(numbers).length > 0) await repo.updateRegionSettings(tx, r.id, stored);
        if (smtp && mailAfter) await repo.upsertRegionMail(tx, mailAfter);
        else if (smtp === null && mailBefore) await repo.deleteRegionMail(tx, r.id);
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "region.settings_changed",
          objectType: "region",
          objectId: r.id,
          outcome: "success",
          details: {
            before: { ...before, smtp: smtpAudit(mailBefore ? smtpView(mailBefore) : null) },
            after: {
              ...regionSettings.parse(stored),
              smtp: smtpAudit(mailAfter ? smtpView(mailAfter) : null),
            },
            ...(smtp !== undefined ? { smtpPassword: password } : {}),
          },
        });
      });
      return this.settingsView();
    },

    /** Set-up (CLI only): an organisation created by the system, not by a signed-in admin. */
    async bootstrapOrganisation(input: OrganisationInput & { id?: string }) {
      return addOrganisation(SYSTEM_ACTOR, SYSTEM_META, input);
    },

    /** Access check for identity: may people of this organisation act today? */
    async accessOf(id: string): Promise<OrganisationAccess | undefined> {
      const row = await repo.findOrganisation(db, id);
      if (!row) return undefined;
      const today = clock.today();
      let refusal: OrganisationAccess["refusal"] = null;
      if (
        row.status === "withdrawn" ||
        (row.withdrawnOn && compareDates(row.withdrawnOn, today) <= 0)
      ) {
        refusal = "withdrawn";
      } else if (
        row.status === "excluded" ||
        (row.excludedOn && compareDates(row.excludedOn, today) <= 0)
      ) {
        refusal = "excluded";
      } else if (row.status === "suspended") {
        refusal = "suspended";
      } else if (
        PARTICIPANT_SCOPED.has(row.kind) &&
        (!row.protocolSignedOn || compareDates(row.protocolSignedOn, today) > 0)
      ) {
        refusal = "protocol_not_signed"; // 003 §14, §17; 001 §7.1: sign first, then access
      }
      return { id: row.id, name: row.name, kind: row.kind, refusal };
    },

    /** The public list of participants (003 ch. 10 requires a web address for it). */
    async listPublicParticipants() {
      const p = await profile();
      const rows = await repo.listParticipants(db, p.participantKinds.value, clock.today());
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        city: r.city,
        objectionAddress: r.objectionAddress,
        dpo:
          r.dpoName && r.dpoEmail
            ? { name: r.dpoName, email: r.dpoEmail, phone: r.dpoPhone }
            : null,
        participantSince: r.protocolSignedOn,
      }));
    },

    async listOrganisations(principal: Principal): Promise<OrganisationView[]> {
      const all = hasRole(principal, ["consortium_admin", "auditor", "support"]);
      const rows = await repo.listOrganisations(db, all ? undefined : [principal.organisationId]);
      return rows.map(view);
    },

    async getOrganisation(principal: Principal, id: string): Promise<OrganisationView> {
      return view(await getVisible(principal, id));
    },

    /** The letterhead of an organisation (letters module); undefined when it does not exist. */
    async letterhead(id: string): Promise<Letterhead | undefined> {
      const row = await repo.findOrganisation(db, id);
      return row ? letterheadOf(row) : undefined;
    },

    /** The first organisation of a kind (the consortium or the disputes committee), for letters. */
    async letterheadOfKind(kind: "consortium" | "committee"): Promise<Letterhead | undefined> {
      const row = (await repo.listOrganisations(db)).find(
        (r) => r.kind === kind && r.status === "active",
      );
      return row ? letterheadOf(row) : undefined;
    },

    /** The consortium's id: it sends what a departed participant no longer can. */
    async consortiumId(): Promise<string | undefined> {
      return (await repo.findConsortium(db))?.id;
    },

    async getName(id: string): Promise<string | undefined> {
      return (await repo.findOrganisation(db, id))?.name;
    },

    /** Name and KvK number (the landlord's fields of an arrears signal, issue #11). */
    async registryFacts(
      id: string,
    ): Promise<{ name: string; kvkNumber: string | null } | undefined> {
      const row = await repo.findOrganisation(db, id);
      return row ? { name: row.name, kvkNumber: row.kvkNumber } : undefined;
    },

    async createOrganisation(principal: Principal, meta: RequestMeta, input: OrganisationInput) {
      return addOrganisation(actorOf(principal).audit, meta, input);
    },

    async updateOrganisation(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      patch: OrganisationPatch,
    ) {
      const row = await getVisible(principal, id);
      if (row.status === "withdrawn" || row.status === "excluded") {
        throw new AppError("conflict", "A withdrawn or excluded organisation cannot be changed.");
      }
      if (patch.kind) checkKind(await profile(), patch.kind);
      await db.transaction(async (tx) => {
        await repo.updateOrganisation(tx, id, { ...columnsOf(patch), updatedAt: clock.now() });
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "organisation.updated",
          objectType: "organisation",
          objectId: id,
          outcome: "success",
          details: { fields: Object.keys(patch) },
        });
      });
      return view((await repo.findOrganisation(db, id))!);
    },

    /**
     * Records a withdrawal (uittreding, 003 §17; 001 §7.2) on `date`. From that date all the
     * organisation's users and keys lose access (sessions included) and its registrations are
     * erased; a date in the past or today is carried out at once, a later one by the daily job.
     */
    async recordWithdrawal(principal: Principal, meta: RequestMeta, id: string, date: string) {
      return this.recordTermination(principal, meta, id, date, "withdrawn");
    },

    /** Definitive exclusion (003 §20; 001 §7.3): authorisations revoked, registrations erased. */
    async recordExclusion(principal: Principal, meta: RequestMeta, id: string, date: string) {
      return this.recordTermination(principal, meta, id, date, "excluded");
    },

    async recordTermination(
      principal: Principal,
      meta: RequestMeta,
      id: string,
      date: string,
      reason: "withdrawn" | "excluded",
    ) {
      const row = await getVisible(principal, id);
      if (row.status === "withdrawn" || row.status === "excluded") {
        throw new AppError("conflict", "This organisation has already left the register.");
      }
      if (row.kind === "consortium" && principal.organisationId === id) {
        throw new AppError("conflict", "The consortium cannot withdraw or exclude itself.");
      }
      await db.transaction(async (tx) => {
        await repo.updateOrganisation(tx, id, {
          ...(reason === "withdrawn" ? { withdrawnOn: date } : { excludedOn: date }),
          updatedAt: clock.now(),
        });
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action:
            reason === "withdrawn"
              ? "organisation.withdrawal_recorded"
              : "organisation.exclusion_recorded",
          objectType: "organisation",
          objectId: id,
          outcome: "success",
          details: { date },
        });
      });
      if (compareDates(date, clock.today()) <= 0) {
        await terminate((await repo.findOrganisation(db, id))!, reason, meta);
      }
      return view((await repo.findOrganisation(db, id))!);
    },

    /** Temporary exclusion (003 §20): all authorisations suspended; data stays. */
    async suspend(principal: Principal, meta: RequestMeta, id: string, date: string) {
      const row = await getVisible(principal, id);
      if (row.status !== "active") {
        throw new AppError("conflict", `The organisation is ${row.status}, not active.`);
      }
      if (compareDates(date, clock.today()) > 0) {
        throw new AppError(
          "invalid_input",
          "A suspension takes effect at once: record it on the day it starts.",
          {
            code: "suspension_date_in_future",
          },
        );
      }
      await db.transaction(async (tx) => {
        await repo.updateOrganisation(tx, id, {
          status: "suspended",
          suspendedOn: date,
          updatedAt: clock.now(),
        });
        for (const handler of hooks.onSuspension) await handler(tx, id);
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "organisation.suspended",
          objectType: "organisation",
          objectId: id,
          outcome: "success",
          details: { date },
        });
      });
      return view((await repo.findOrganisation(db, id))!);
    },

    async reinstate(principal: Principal, meta: RequestMeta, id: string) {
      const row = await getVisible(principal, id);
      if (row.status !== "suspended") {
        throw new AppError("conflict", "Only a suspended organisation can be reinstated.");
      }
      await db.transaction(async (tx) => {
        await repo.updateOrganisation(tx, id, {
          status: "active",
          suspendedOn: null,
          updatedAt: clock.now(),
        });
        await recordAudit(tx, clock, meta, {
          actor: actorOf(principal).audit,
          action: "organisation.reinstated",
          objectType: "organisation",
          objectId: id,
          outcome: "success",
        });
      });
      return view((await repo.findOrganisation(db, id))!);
    },

    /** Carries out withdrawals and exclusions whose date has come (daily job). */
    async applyDueTerminations(): Promise<number> {
      const due = await repo.dueTerminations(db, clock.today());
      for (const row of due) {
        const reason =
          row.withdrawnOn && compareDates(row.withdrawnOn, clock.today()) <= 0
            ? "withdrawn"
            : "excluded";
        await terminate(row, reason, SYSTEM_META);
      }
      return due.length;
    },
  };
}
