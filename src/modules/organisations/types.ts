/** The data organisations exchanges with other modules (ports.ts re-exports them). */
import type { Db } from "../../platform/db/database.ts";
import type { OrganisationView, SmtpTlsMode } from "./schemas.ts";

/** What identity needs to know about an organisation to let its people in. */
export interface OrganisationAccess {
  id: string;
  name: string;
  kind: OrganisationView["kind"];
  /** null when access is allowed; otherwise why not (a stable code). */
  refusal: null | "suspended" | "withdrawn" | "excluded" | "protocol_not_signed";
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
