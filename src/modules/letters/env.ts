import type { Config } from "../../config.ts";
import type { RequestMeta } from "../../platform/audit/audit.ts";
import type { AppContext } from "../../platform/context.ts";
import type { Db } from "../../platform/db/database.ts";
import { protocolRule } from "../../platform/errors.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { Letterhead } from "../organisations/ports.ts";
import { type LetterContent, type LetterKind, letterContent } from "./content.ts";
import type { LetterAddress, LetterPerson, RegistrationFacts } from "./letter-input.ts";
import { createMailer, createRegionMailer, type Mailer, type SmtpServer } from "./mail.ts";

/** What the registrations module tells letters about a registration (decrypted, no access check). */
export interface LetterSubject {
  organisationId: string;
  status: "draft" | "pending_notice" | "active" | "restricted";
  person: LetterPerson;
  /** The contact address: where the letter goes. */
  address: LetterAddress | null;
  /** The rented dwelling the registration is about (003 §16.3; 001 §3.4). */
  dwellingAddress: LetterAddress | null;
  facts: RegistrationFacts;
}

export interface RegistrationsForLetters {
  letterSubject(id: string): Promise<LetterSubject | undefined>;
  /** Two-step placement (kkr): pending_notice → active, in the caller's transaction. */
  activateAfterNotice(tx: Db, id: string, meta: RequestMeta): Promise<boolean>;
}

export interface OrganisationsForLetters {
  profile(): Promise<Profile>;
  letterhead(id: string): Promise<Letterhead | undefined>;
  letterheadOfKind(kind: "consortium" | "committee"): Promise<Letterhead | undefined>;
  /** The region's own SMTP server (region settings), when an admin has set one. */
  mailServer(): Promise<(SmtpServer & { version: string }) | undefined>;
}

/** What the composition root passes to `createLettersService`. */
export type LettersContext = Pick<AppContext, "database" | "clock" | "keyring" | "logger"> & {
  config: Pick<Config, "publicBaseUrl" | "smtpUrl" | "mailFrom" | "outboxDir" | "isProduction">;
};

export interface LettersDeps {
  organisations: OrganisationsForLetters;
  registrations: () => RegistrationsForLetters;
}

/** The environment every letters use case takes: built once by `createLettersService`. */
export interface LettersEnv {
  db: Db;
  clock: AppContext["clock"];
  keyring: AppContext["keyring"];
  logger: AppContext["logger"];
  config: LettersContext["config"];
  deps: LettersDeps;
  mailers: {
    /** From the environment (SMTP_URL, or the outbox outside production): the fallback. */
    environment: Mailer;
    /**
     * The mailer for the next message: the region's SMTP server when one is set, otherwise
     * the environment's. Never call it inside a transaction (it reads the region settings,
     * D-009).
     */
    current(): Promise<Mailer>;
  };
}

export const NO_META: RequestMeta = { requestId: null, clientAddress: null };

/** The profile's content list for a letter kind; a profile without that letter is refused. */
export function contentOf(profile: Profile, kind: string): LetterContent {
  const content = letterContent(profile.id, kind as LetterKind);
  if (!content) {
    throw protocolRule(
      "letter_not_in_profile",
      `The protocol ${profile.title} has no ${kind} letter.`,
      `${profile.seed} (profile ${profile.id})`,
    );
  }
  return content;
}

/**
 * The mailers of `LettersEnv`: the region's SMTP server when one is set (rebuilt when its
 * settings change), otherwise the environment's. Settings that cannot be read (the password's
 * key destroyed) fall back to the environment, loudly.
 */
export function createMailers(
  config: LettersContext["config"],
  organisations: OrganisationsForLetters,
  logger: AppContext["logger"],
): LettersEnv["mailers"] {
  const environment: Mailer = createMailer(config);
  let regionMailer: { version: string; mailer: Mailer } | undefined;
  return {
    environment,
    async current() {
      let server: (SmtpServer & { version: string }) | undefined;
      try {
        server = await organisations.mailServer();
      } catch (err) {
        logger.error(
          { error: (err as Error).message },
          "the region's SMTP settings cannot be read; e-mail uses the environment's settings",
        );
        return environment;
      }
      if (!server) return environment;
      if (regionMailer?.version !== server.version) {
        regionMailer = { version: server.version, mailer: createRegionMailer(server) };
      }
      return regionMailer.mailer;
    },
  };
}
