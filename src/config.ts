import path from "node:path";
import { z } from "zod";

/**
 * The environment, parsed once at start-up. A bad value stops the process with one line
 * that names the variable (see `ConfigError`), never a stack trace.
 */
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce
    .number({ error: "must be a whole number between 1 and 65535" })
    .int("must be a whole number between 1 and 65535")
    .min(1, "must be a whole number between 1 and 65535")
    .max(65535, "must be a whole number between 1 and 65535")
    .default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// connection URL")
    .optional(),
  WOONSIGNAAL_MASTER_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
    .default("info"),
  /** Comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For we believe. */
  TRUST_PROXY: z.string().default(""),
  BODY_LIMIT_BYTES: z.coerce
    .number({ error: "must be a whole number of bytes" })
    .int("must be a whole number of bytes")
    .min(1024, "must be at least 1024")
    .max(50 * 1024 * 1024, "must be at most 52428800 (50 MiB)")
    .default(1024 * 1024),
  /** How long to keep retrying an unreachable database at start-up before giving up. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds" })
    .int()
    .min(0)
    .max(3600)
    .default(60),
  /**
   * Where this installation is reached from outside; letters print `${PUBLIC_BASE_URL}/deelnemers`
   * (003 hoofdstuk 10). Required in production (G-14): the development default would print a
   * dead link in every letter.
   */
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "must be an http:// or https:// address")
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  /** SMTP server for letters by e-mail, e.g. smtps://user:password@mail.example.nl:465. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The sender of letters by e-mail (the organisation's name is shown in front of it). */
  MAIL_FROM: z.email("must be an e-mail address").default("noreply@woonsignaal.invalid"),
  /** Without SMTP_URL (development, tests): e-mails are written here; default DATA_DIR/outbox. */
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  /** The audit signing key (Ed25519, base64 PKCS#8 DER); docs/audit.md. */
  WOONSIGNAAL_AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  /**
   * Where audit checkpoints are exported outside the database; required in production, outside
   * DATA_DIR; default <DATA_DIR>-audit-checkpoints (platform/audit/settings.ts).
   */
  WOONSIGNAAL_AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /** Earlier audit signing keys, comma-separated (after a rotation): verify still checks what they chained. */
  WOONSIGNAAL_AUDIT_PREVIOUS_SIGNING_KEYS: z.string().min(1).optional(),
  /** F4: a signed audit checkpoint at least every this many events. */
  AUDIT_CHECKPOINT_EVENTS: z.coerce
    .number({ error: "must be a whole number of events between 10 and 1000000" })
    .int("must be a whole number of events between 10 and 1000000")
    .min(10, "must be a whole number of events between 10 and 1000000")
    .max(1_000_000, "must be a whole number of events between 10 and 1000000")
    .default(1000),
  /** F4: … and at least every this many minutes while events come in. */
  AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes between 1 and 1440" })
    .int("must be a whole number of minutes between 1 and 1440")
    .min(1, "must be a whole number of minutes between 1 and 1440")
    .max(1440, "must be a whole number of minutes between 1 and 1440")
    .default(5),
  /** The erasure journal (ids only), kept outside the backups; default DATA_DIR/erasure-journal.jsonl. */
  ERASURE_JOURNAL: z.string().min(1).optional(),
  /** F5: API requests without a signed-in caller, per source address per window; 0 = no limit. */
  ANONYMOUS_RATE_LIMIT: z.coerce
    .number({ error: "must be a whole number of requests (0 = no limit)" })
    .int("must be a whole number of requests (0 = no limit)")
    .min(0, "must be 0 or more")
    .default(120),
  /** F5: the window of ANONYMOUS_RATE_LIMIT, and of the aggregated refusal audit events. */
  ANONYMOUS_RATE_WINDOW_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1")
    .max(3600, "must be at most 3600")
    .default(60),
  /**
   * The age in days of the oldest backup that may ever be restored (issue 22, F2): the erasure
   * journal keeps every entry this long after it was written, and `restore` refuses older backups.
   */
  BACKUP_MAX_AGE_DAYS: z.coerce
    .number({ error: "must be a whole number of days between 1 and 3650" })
    .int("must be a whole number of days between 1 and 3650")
    .min(1, "must be a whole number of days between 1 and 3650")
    .max(3650, "must be a whole number of days between 1 and 3650")
    .default(400),
});

export type Env = z.infer<typeof envSchema>;

/** PUBLIC_BASE_URL outside production when it is not set. */
export const DEVELOPMENT_BASE_URL = "http://localhost:8080";

export interface Config {
  env: Env["NODE_ENV"];
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  masterKey: string | undefined;
  logLevel: Env["LOG_LEVEL"];
  trustProxy: string[];
  bodyLimitBytes: number;
  databaseConnectTimeoutMs: number;
  /** Without trailing slash. */
  publicBaseUrl: string;
  /** The erasure journal file (docs/operations.md): replayed after a restore. */
  erasureJournal: string;
  /** BACKUP_MAX_AGE_DAYS: journal entries are kept this long; older backups are not restored. */
  backupMaxAgeDays: number;
  /** Letters by e-mail: SMTP when set; otherwise the file outbox (not in production). */
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxDir: string;
  /** WOONSIGNAAL_AUDIT_SIGNING_KEY (docs/audit.md); never stored in the database. */
  auditSigningKey?: string | undefined;
  /** WOONSIGNAAL_AUDIT_CHECKPOINT_DIR, resolved; undefined means <DATA_DIR>-audit-checkpoints. */
  auditCheckpointDir?: string | undefined;
  /** WOONSIGNAAL_AUDIT_PREVIOUS_SIGNING_KEYS, split; never stored in the database. */
  auditPreviousSigningKeys?: string[] | undefined;
  /** AUDIT_CHECKPOINT_EVENTS (F4); undefined means 1000. */
  auditCheckpointEvents?: number | undefined;
  /** AUDIT_CHECKPOINT_MINUTES (F4); undefined means 5. */
  auditCheckpointMinutes?: number | undefined;
  /** F5: requests per source per window without a signed-in caller on /api/v1; 0 = no limit. */
  anonymousRateLimit: number;
  /** F5: the limit's window, also the period of one aggregated `access.refused` event. */
  anonymousRateWindowMs: number;
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`Configuration error: ${variable} ${message}`);
    this.name = "ConfigError";
    this.variable = variable;
  }
}

/** Parses the environment; throws a `ConfigError` naming the first bad variable. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  // Empty strings count as "not set", as they do in most deployment tools.
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") cleaned[key] = value;
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const got = cleaned[variable];
    throw new ConfigError(
      variable,
      `${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`,
    );
  }
  const e = parsed.data;
  const config: Config = {
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === "production",
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    masterKey: e.WOONSIGNAAL_MASTER_KEY,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
    auditSigningKey: e.WOONSIGNAAL_AUDIT_SIGNING_KEY,
    auditCheckpointDir:
      e.WOONSIGNAAL_AUDIT_CHECKPOINT_DIR === undefined
        ? undefined
        : path.resolve(e.WOONSIGNAAL_AUDIT_CHECKPOINT_DIR),
    auditPreviousSigningKeys: (e.WOONSIGNAAL_AUDIT_PREVIOUS_SIGNING_KEYS ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean),
    auditCheckpointEvents: e.AUDIT_CHECKPOINT_EVENTS,
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? DEVELOPMENT_BASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    outboxDir: path.resolve(e.MAIL_OUTBOX_DIR ?? path.join(e.DATA_DIR, "outbox")),
    erasureJournal: path.resolve(
      e.ERASURE_JOURNAL ?? path.join(e.DATA_DIR, "erasure-journal.jsonl"),
    ),
    anonymousRateLimit: e.ANONYMOUS_RATE_LIMIT,
    anonymousRateWindowMs: e.ANONYMOUS_RATE_WINDOW_SECONDS * 1000,
    backupMaxAgeDays: e.BACKUP_MAX_AGE_DAYS,
    ...overrides,
  };
  if (config.isProduction && !config.masterKey) {
    throw new ConfigError(
      "WOONSIGNAAL_MASTER_KEY",
      "is required when NODE_ENV=production (a generated development key is never used in production; see docs/keys.md)",
    );
  }
  if (config.isProduction && e.PUBLIC_BASE_URL === undefined && !overrides.publicBaseUrl) {
    throw new ConfigError(
      "PUBLIC_BASE_URL",
      "is required when NODE_ENV=production: letters print <PUBLIC_BASE_URL>/deelnemers as the address where the participants are listed, e.g. PUBLIC_BASE_URL=https://signaleringslijst.example.org",
    );
  }
  return config;
}
