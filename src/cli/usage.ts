/** Help texts and exit codes of the `woonsignaal` command (contract §2). */
export const EXIT = {
  ok: 0,
  /** The command ran and found a problem (a failed job, a broken audit chain). */
  failed: 1,
  /** The command line was wrong; the message says how. */
  usage: 2,
  /** Configuration or key material is wrong or missing. */
  config: 3,
  /** The database cannot be reached or opened (or the data directory is in use). */
  database: 4,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  done
  1  the command ran and reports a failure (for example a job that failed)
  2  usage error (unknown command or option)
  3  configuration or key error (the message names the variable), or a production start on a
     database that holds demo data
  4  database unavailable, or the data directory is in use by another process (an OS lock,
     released when that process ends, however it ends)`;

export const HELP: Record<string, string> = {
  main: `Usage: woonsignaal <command> [options]

Woonsignaal: the regional signaleringslijst and vroegsignalering for landlords.

Commands:
  serve             run the web application and the scheduled jobs
  migrate           bring the database schema up to date
  setup             create the region and its first consortium admin (once)
  demo-seed         load the demo region (not in production)
  jobs run <name>   run one scheduled job now
  jobs list         list the scheduled jobs
  keys rotate       start using a new data key for an organisation and re-encrypt
  keys rewrap       re-wrap every stored key under the current master key
  audit verify      check the audit log's hash chain and signed checkpoints
  seekers import    load a whole region's house seekers from CSV or JSON lines
  matching reindex  recompute the blind indexes of registrations and seekers (after a scheme change)
  backup            back up the database (pg_dump, or a file copy of the embedded one)
  restore <dir>     restore a backup, then carry out every erasure made since it again
  erasures replay   carry out the erasure journal's erasures again (after a manual restore)

Every command takes --help. With --json a command prints exactly one JSON document on
stdout; logs always go to stderr.

Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL,
WOONSIGNAAL_MASTER_KEY, NODE_ENV, LOG_LEVEL, TRUST_PROXY (see README.md);
WOONSIGNAAL_AUDIT_SIGNING_KEY, WOONSIGNAAL_AUDIT_CHECKPOINT_DIR (docs/audit.md).

${EXIT_CODES_HELP}`,
  serve: `Usage: woonsignaal serve [--port N] [--data-dir DIR]

Serves the application on http://HOST:PORT (default 127.0.0.1:8080) and runs the scheduled
jobs. Without DATABASE_URL it uses the embedded PostgreSQL (PGlite) in DATA_DIR (default
./data). The schema is brought up to date first.

Options:
  --port N          overrides PORT
  --data-dir DIR    overrides DATA_DIR`,
  migrate: `Usage: woonsignaal migrate [--json] [--data-dir DIR]

Applies the committed SQL migrations that the database does not have yet. Safe to run
while other instances start: migrations are serialised.

Options:
  --json            print {"applied": [...]} on stdout
  --data-dir DIR    overrides DATA_DIR`,
  "jobs run": `Usage: woonsignaal jobs run <name> [--now YYYY-MM-DD] [--force] [--json]

Runs one scheduled job once, for the period (day or month) that contains --now (default
today, Europe/Amsterdam). A period that already ran is skipped unless --force is given.
Exit 1 when the job fails.

Options:
  --now YYYY-MM-DD  the job's clock: the date it runs as (retention never prunes the
                    erasure journal by it: that goes by the real clock only)
  --force           run again even if this period already succeeded
  --json            print the outcome as JSON on stdout`,
  setup: `Usage: woonsignaal setup --profile P --region-name NAME --admin-email E [--json]

Creates the region with its protocol profile (aedes-2021, keurmerk-2013 or kkr), the
consortium (samenwerkingsverband) and its first admin, and prints a one-time password. At
first sign-in the admin chooses a new password and sets up an authenticator app. Runs once.`,
  "demo-seed": `Usage: woonsignaal demo-seed [--json] [--profile P] [--data-dir DIR]

Loads the synthetic demo region (three participants with officer and querier, a consortium
admin, an auditor, a committee member and a support account, with API keys) if it is not
there yet, and prints it. The same region, passwords, TOTP secrets and keys on every call.
Refused when NODE_ENV=production.`,
  "jobs list": `Usage: woonsignaal jobs list [--json]

Lists the scheduled jobs with their schedule (cron, Europe/Amsterdam) and period.`,
  "keys rotate": `Usage: woonsignaal keys rotate --organisation <id> [--json]

Creates a new data key for the organisation, re-encrypts every stored value of theirs under
it, and destroys the old key once nothing uses it (docs/keys.md).`,
  "keys rewrap": `Usage: woonsignaal keys rewrap [--json]

Re-wraps every data key and region key under the first key in WOONSIGNAAL_MASTER_KEY, so that
an older master key can then be removed from the environment (docs/keys.md).`,
  "audit verify": `Usage: woonsignaal audit verify [--json] [--data-dir DIR]

Recomputes the audit log's hash chain from its start (or from the signed prune anchor that
retention left), checks the signature of every checkpoint and prune anchor and that each
lies on the chain, and that the chain reaches the newest checkpoint exported outside the
database (WOONSIGNAAL_AUDIT_CHECKPOINT_DIR, default <DATA_DIR>-audit-checkpoints). Every event
must carry its hash under the chain key (derived from WOONSIGNAAL_AUDIT_SIGNING_KEY, or the
development key in DATA_DIR), and the checkpoints that AUDIT_CHECKPOINT_EVENTS / _MINUTES call
for must be there: a tail with none (older than twice the interval, or more than twice the
event count) fails. Trusted signing keys: the configured one and those of the outside file.
Signs nothing itself. See docs/audit.md.

Exit 0 when the log is intact, 1 when it is not (the first broken entry is named), 3 when the
signing key is missing.

Options:
  --json            print {"ok": true, "events", "checkpoints", …} or
                    {"ok": false, "firstBrokenSeq", "reason", "problems", …} on stdout
  --data-dir DIR    overrides DATA_DIR`,
  "seekers import": `Usage: woonsignaal seekers import <file> [--format csv|jsonl]
                          [--organisation ID] [--check] [--json] [--data-dir DIR]

The initial load of the house-seeker index (docs/seekers-import.md). The file is read twice,
streamed: first every line is checked and every bad line reported (line, code, field,
message); only when no line is bad is everything written, in one transaction, and then every
registration in effect is matched against the seekers. A file with errors writes nothing.

Options:
  --format F        csv (default) or jsonl (default for *.jsonl / *.ndjson)
  --organisation ID the organisation that maintains the index (default: the consortium)
  --check           only check the file; write nothing
  --json            print {"lines", "imported", "matchesProposed", "rejected", "errorCount",
                    "errorsByCode", "errors": [...]} on stdout (the first 100 errors listed)

Exit 0 when imported (or checked clean), 1 when the file has errors.`,
  "matching reindex": `Usage: woonsignaal matching reindex [--all] [--json] [--data-dir DIR]

Recomputes the blind indexes under which registrations and house seekers are found. Without
--all only those written under an earlier scheme: registrations with other kinds of key, and
seekers stored before their surnames were counted (the server also does both at start); with
--all every registration's and every house seeker's, which is needed after a change of the
phonetic rules (BLOCKING_SCHEME_VERSION). Changed registrations are matched again.`,
  backup: `Usage: woonsignaal backup [--out DIR] [--json] [--data-dir DIR]

Writes a backup directory (default DATA_DIR/backups/woonsignaal-<time>): with DATABASE_URL a
pg_dump in custom format (pg_dump of the server's version must be installed), otherwise a
file copy of the embedded database — the server must be stopped (the data directory is
locked while it runs). backup.json records when the backup was made. The erasure journal
(ERASURE_JOURNAL) is not part of it on purpose. See docs/operations.md.`,
  restore: `Usage: woonsignaal restore <dir> [--json] [--data-dir DIR]

Restores a backup made by "woonsignaal backup" (pg_restore --clean into DATABASE_URL, or the
embedded database's files, keeping the current ones aside), brings the schema up to date and
then carries out every erasure journalled since the backup was made, so nobody erased comes
back. The server must be stopped. A backup older than BACKUP_MAX_AGE_DAYS (default 400) is
refused: the erasure journal no longer holds every erasure since then. See docs/operations.md.`,
  "erasures replay": `Usage: woonsignaal erasures replay [--since TIME] [--json] [--data-dir DIR]

Carries out again every erasure in the erasure journal (from --since on), for a database that
was restored by hand (pg_restore). What is already gone is left alone. The server does this
at every start as well.`,
};
