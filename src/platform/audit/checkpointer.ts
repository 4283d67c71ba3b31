import { desc, eq } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import type { Logger } from "../logger.ts";
import { onAuditAppended } from "./audit.ts";
import { type CheckpointSummary, createCheckpoint, exportMissing } from "./checkpoint.ts";
import { type AuditSettings, outsideFileOf } from "./settings.ts";
import type { AuditSigningKey } from "./signing.ts";
import { auditCheckpoint, auditHead } from "./tables.ts";

/** How often the checkpointer looks at the head at most (the interval may be shorter). */
const POLL_MS = 15_000;

/**
 * F4 (issue 22): the audit log's tail is covered. Every process that writes audit events signs
 * a checkpoint when it opens the database (covering what a crash left), at least every
 * `checkpointEvents` events or `checkpointIntervalMs` while events come in, and when it
 * closes — after the last events of the process (the refusal tally's flush) are written.
 * Checkpoints are made one at a time; a failure is logged and tried again at the next cue.
 */
export class AuditCheckpointer {
  readonly #database: Database;
  readonly #settings: AuditSettings;
  readonly #key: AuditSigningKey;
  readonly #clock: { now(): Date };
  readonly #logger: Pick<Logger, "error">;
  #timer: NodeJS.Timeout | undefined;
  #unlisten: (() => void) | undefined;
  #appended = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #exported = false;

  constructor(options: {
    database: Database;
    settings: AuditSettings;
    key: AuditSigningKey;
    clock: { now(): Date };
    logger: Pick<Logger, "error">;
  }) {
    this.#database = options.database;
    this.#settings = options.settings;
    this.#key = options.key;
    this.#clock = options.clock;
    this.#logger = options.logger;
  }

  /** Signs the chain's end now (nothing when it is already covered). */
  checkpoint(): Promise<CheckpointSummary> {
    const run = this.#queue.then(async () => {
      const outsideFile = outsideFileOf(this.#settings);
      if (!this.#exported) {
        // A moved or new checkpoint directory gets every earlier checkpoint first.
        await exportMissing(this.#database.db, outsideFile);
        this.#exported = true;
      }
      this.#appended = 0;
      return createCheckpoint(this.#database.db, {
        clock: this.#clock,
        key: this.#key,
        outsideFile,
      });
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Starts the cues: a timer, and a count of the events this process appends. */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(
      () => void this.#due(),
      Math.min(POLL_MS, this.#settings.checkpointIntervalMs),
    );
    this.#timer.unref();
    this.#unlisten = onAuditAppended(() => {
      this.#appended++;
      // After the appending transaction has had its chance to commit.
      if (this.#appended === this.#settings.checkpointEvents) setImmediate(() => void this.#due());
    });
  }

  /** Stops the cues and signs the final checkpoint. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#unlisten?.();
    this.#unlisten = undefined;
    await this.checkpoint();
  }

  /** Checkpoints when the events since the last one reach the count or the interval has passed. */
  async #due(): Promise<void> {
    try {
      const db = this.#database.db;
      const [head] = await db
        .select({ seq: auditHead.seq })
        .from(auditHead)
        .where(eq(auditHead.id, 1));
      const [last] = await db
        .select({ seq: auditCheckpoint.seq, createdAt: auditCheckpoint.createdAt })
        .from(auditCheckpoint)
        .orderBy(desc(auditCheckpoint.seq))
        .limit(1);
      if (!head || head.seq <= (last?.seq ?? 0)) return;
      const since = head.seq - (last?.seq ?? 0);
      const age = this.#clock.now().getTime() - (last?.createdAt.getTime() ?? 0);
      if (since >= this.#settings.checkpointEvents || age >= this.#settings.checkpointIntervalMs) {
        await this.checkpoint();
      }
    } catch (err) {
      this.#appended = 0;
      this.#logger.error({ err }, "could not sign an audit checkpoint; trying again later");
    }
  }
}
