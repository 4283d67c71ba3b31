import os from "node:os";
import path from "node:path";
import { type Config, loadConfig } from "../config.ts";
import type { App, AppContext } from "../platform/context.ts";
import type { EncryptedColumn } from "../platform/crypto/index.ts";
import { registerArrearsRoutes } from "./arrears/routes.ts";
import {
  ARREARS_ENCRYPTED_COLUMNS,
  type ArrearsService,
  createArrearsService,
} from "./arrears/service.ts";
import { registerCaseRoutes } from "./cases/routes.ts";
import { CASE_ENCRYPTED_COLUMNS, type CasesService, createCasesService } from "./cases/service.ts";
import { registerIdentityRoutes } from "./identity/routes.ts";
import {
  createIdentityService,
  IDENTITY_ENCRYPTED_COLUMNS,
  type IdentityService,
} from "./identity/service.ts";
import { registerLetterRoutes } from "./letters/routes.ts";
import {
  createLettersService,
  DUTY_ENCRYPTED_COLUMNS,
  LETTER_ENCRYPTED_COLUMNS,
  type LettersService,
} from "./letters/service.ts";
import { registerOrganisationRoutes } from "./organisations/routes.ts";
import {
  createOrganisationsService,
  type OrganisationsService,
  REGION_MAIL_ENCRYPTED_COLUMNS,
} from "./organisations/service.ts";
import { registerOversightRoutes } from "./oversight/routes.ts";
import { createOversightService, type OversightService } from "./oversight/service.ts";
import { registerRegistrationRoutes } from "./registrations/routes.ts";
import {
  createRegistrationsService,
  REGISTRATION_ENCRYPTED_COLUMNS,
  type RegistrationsService,
} from "./registrations/service.ts";
import { ErasureJournal } from "./retention/journal.ts";
import { createRetentionService, type RetentionService } from "./retention/service.ts";
import { registerScreeningRoutes } from "./screenings/routes.ts";
import {
  createScreeningsService,
  SCREENING_CANDIDATE_ENCRYPTED_COLUMNS,
  type ScreeningsService,
} from "./screenings/service.ts";
import { registerSeekerRoutes } from "./seekers/routes.ts";
import {
  createSeekersService,
  SEEKER_ENCRYPTED_COLUMNS,
  type SeekersService,
} from "./seekers/service.ts";

/**
 * Every column holding values encrypted with an organisation's data key. Key rotation
 * re-encrypts exactly these, and a retired key is destroyed only when none of them still uses
 * it: a module that adds an encrypted column MUST list it here, or its data would become
 * unreadable after a rotation (docs/keys.md).
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  IDENTITY_ENCRYPTED_COLUMNS,
  REGISTRATION_ENCRYPTED_COLUMNS,
  LETTER_ENCRYPTED_COLUMNS,
  DUTY_ENCRYPTED_COLUMNS,
  SEEKER_ENCRYPTED_COLUMNS,
  CASE_ENCRYPTED_COLUMNS,
  ...ARREARS_ENCRYPTED_COLUMNS,
  REGION_MAIL_ENCRYPTED_COLUMNS,
  SCREENING_CANDIDATE_ENCRYPTED_COLUMNS,
];

/**
 * Services created without a configuration (a test that builds them by hand; createTestContext
 * passes one pointing into its own directory): test settings, with the e-mail outbox and the
 * erasure journal in a fresh temporary directory rather than ./data, removed when the process
 * exits so that no test leaves files in the system's temporary directory.
 */
let fallbackDir: string | undefined;
function fallbackConfig(): Config {
  const fs = process.getBuiltinModule("node:fs");
  if (fallbackDir === undefined) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-services-"));
    process.once("exit", () => fs.rmSync(made, { recursive: true, force: true }));
    fallbackDir = made;
  }
  // One directory per services instance; the outbox is created only when a first e-mail is
  // written (letters/mail.ts), the journal when a first erasure is journalled.
  const dir = fs.mkdtempSync(path.join(fallbackDir, "services-"));
  return loadConfig({
    NODE_ENV: "test",
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
    ERASURE_JOURNAL: path.join(dir, "erasure-journal.jsonl"),
  });
}

/** A module's counts under its own prefix in a job summary. */
function prefixed(prefix: string, counts: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([, v]) => typeof v === "number")
      .map(([k, v]) => [`${prefix}.${k}`, v as number]),
  );
}

/** The services of every module, wired together once (the composition root). */
export interface Services {
  organisations: OrganisationsService;
  identity: IdentityService;
  letters: LettersService;
  registrations: RegistrationsService;
  seekers: SeekersService;
  screenings: ScreeningsService;
  cases: CasesService;
  retention: RetentionService;
  oversight: OversightService;
  arrears: ArrearsService;
}

export function createServices(
  ctx: Pick<AppContext, "database" | "clock" | "keyring" | "logger"> & {
    /** Optional: the audit checkpoint job needs it (signing key, checkpoint directory). */
    config?: AppContext["config"] | undefined;
  },
): Services {
  const config = ctx.config ?? fallbackConfig();
  // Organisations and identity need each other (access status ↔ access revocation); the
  // hooks below are called only after both exist.
  const services = {} as Services;
  const journal = new ErasureJournal(config.erasureJournal, config.backupMaxAgeDays);
  services.organisations = createOrganisationsService(ctx, {
    beforeTermination: [(id) => services.registrations.prepareTerminationLetters(id)],
    afterTermination: [
      (id) => services.registrations.deliverTerminationLetters(id),
      async (id) => journal.record("organisation_keys", [id]),
    ],
    onTermination: [
      (db, id, reason) => services.registrations.eraseAllOfOrganisation(db, id, reason),
      (db, id) => services.identity.revokeOrganisationAccess(db, id),
      (db, id) => services.arrears.eraseAllOfOrganisation(db, id),
    ],
    onSuspension: [(db, id) => services.identity.endOrganisationSessions(db, id)],
  });
  services.identity = createIdentityService(ctx, {
    organisations: services.organisations,
    mail: () => services.letters,
  });
  services.letters = createLettersService(
    { ...ctx, config },
    { organisations: services.organisations, registrations: () => services.registrations },
  );
  services.registrations = createRegistrationsService(ctx, {
    organisations: services.organisations,
    letters: services.letters,
    people: services.identity,
    journal,
    scoring: () => services.seekers,
    afterChange: [
      async (id) => {
        await services.seekers.matchRegistration(id);
      },
    ],
  });
  services.seekers = createSeekersService(ctx, {
    organisations: services.organisations,
    registrations: services.registrations,
    letters: services.letters,
    journal,
    hitDuties: () => services.screenings,
  });
  services.screenings = createScreeningsService(ctx, {
    organisations: services.organisations,
    registrations: services.registrations,
    seekers: services.seekers,
    letters: services.letters,
    cases: () => services.cases,
  });
  services.cases = createCasesService(ctx, {
    organisations: services.organisations,
    registrations: services.registrations,
    letters: services.letters,
    screenings: () => services.screenings,
    seekers: () => services.seekers,
  });
  services.retention = createRetentionService(ctx, {
    organisations: services.organisations,
    identity: services.identity,
    registrations: services.registrations,
    seekers: services.seekers,
    cases: services.cases,
    journal,
    // Vroegsignalering's own periods (docs/retention.md "Vroegsignalering"); the sealed facts
    // of recipient notices nobody processed (docs/retention.md, D-660).
    more: () => [
      async (today) => prefixed("arrears", await services.arrears.eraseExpiredArrears(today)),
      (today) => services.letters.expireUnreadNotices(today),
    ],
  });
  services.oversight = createOversightService(ctx, {
    organisations: services.organisations,
    identity: services.identity,
    later: () => ({
      screenings: services.screenings,
      seekers: services.seekers,
      cases: services.cases,
      letters: services.letters,
    }),
  });
  // Vroegsignalering: independent of the register (design.md §2.8), it needs organisations only.
  services.arrears = createArrearsService(ctx, { organisations: services.organisations });
  return services;
}

export function registerModuleRoutes(app: App, services: Services) {
  registerOrganisationRoutes(app, services.organisations);
  registerIdentityRoutes(app, services.identity);
  registerRegistrationRoutes(app, services.registrations);
  registerLetterRoutes(app, services.letters);
  registerSeekerRoutes(app, services.seekers);
  registerScreeningRoutes(app, services.screenings);
  registerCaseRoutes(app, services.cases);
  registerOversightRoutes(app, services.oversight);
  registerArrearsRoutes(app, services.arrears);
}
