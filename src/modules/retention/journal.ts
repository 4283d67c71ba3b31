/**
 * The erasure journal (issue 9): every erasure appends one line with the kind of record and
 * its id — never personal data — to a file kept outside the database and outside its backups.
 * After a restore, every erasure journalled after the backup was made is carried out again
 * before the server accepts requests, so a restored backup never brings an erased person back.
 *
 * Lines are JSON: {"at":"2026-06-01T10:00:00.000Z","kind":"registration","id":"…"}. The file is
 * appended with an fsync per batch; a torn last line (a crash while writing) is ignored.
 *
 * A house seeker is journalled by the keyed reference of its number (`seeker_ref`, issue 22,
 * F11: a seeker number identifies a person in the allocation system), never the number. Lines
 * written before that (`seeker` with the number) are still read and replayed, and the next
 * retention run or start rewrites them as references (`upgrade`).
 *
 * Every entry is kept `keepDays` (BACKUP_MAX_AGE_DAYS) after its own `at`, measured by the wall
 * clock of this machine — never by a job's `--now` (issue 22, F2: a job run "in 2029" once
 * emptied the journal, and a restore then brought erased people back). A backup older than the
 * journal's horizon is not restored (backup.ts).
 */
import fs from "node:fs";
import path from "node:path";

export const JOURNAL_KINDS = [
  "registration",
  "seeker_ref",
  /** Before issue 22 (F11): a seeker by its number; read, replayed and upgraded to `seeker_ref`. */
  "seeker",
  "case",
  "organisation_keys",
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export interface JournalEntry {
  at: string;
  kind: JournalKind;
  id: string;
}

export class ErasureJournal {
  readonly file: string;
  readonly keepDays: number;

  constructor(file: string, keepDays: number) {
    this.file = file;
    this.keepDays = keepDays;
  }

  /**
   * The oldest moment whose erasures the journal still holds in full: entries from this moment
   * on are all kept, so a backup made at or after it can be restored safely.
   */
  horizon(wallNow: Date = new Date()): Date {
    return new Date(wallNow.getTime() - this.keepDays * 86_400_000);
  }

  /** Appends the erasures that have just committed. */
  record(kind: JournalKind, ids: readonly string[], at: Date = new Date()): void {
    if (ids.length === 0) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const lines = ids
      .map((id) => `${JSON.stringify({ at: at.toISOString(), kind, id })}\n`)
      .join("");
    const fd = fs.openSync(this.file, "a", 0o600);
    try {
      fs.writeSync(fd, lines);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Every entry at or after `since` (all entries without it), oldest first. */
  entries(since?: Date): JournalEntry[] {
    if (!fs.existsSync(this.file)) return [];
    const out: JournalEntry[] = [];
    for (const line of fs.readFileSync(this.file, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // a torn last line
      }
      if (
        !(JOURNAL_KINDS as readonly string[]).includes(entry.kind) ||
        typeof entry.id !== "string"
      )
        continue;
      if (since && Date.parse(entry.at) < since.getTime()) continue;
      out.push(entry);
    }
    return out;
  }

  /**
   * Drops entries written more than `keepDays` ago by the wall clock (older than the oldest
   * backup that may be restored): rewrite atomically. Takes no date on purpose (F2).
   */
  prune(): number {
    const before = this.horizon(new Date()).getTime();
    const all = this.entries();
    // An unreadable time is kept: only what is certainly old enough goes.
    const keep = all.filter((e) => !(Date.parse(e.at) < before));
    if (keep.length === all.length) return 0;
    this.#rewrite(keep);
    return all.length - keep.length;
  }

  /**
   * Rewrites the entries `change` changes (each keeps its own `at`): how many changed. Used to
   * replace the seeker numbers of old lines by their references (F11).
   */
  upgrade(change: (entry: JournalEntry) => JournalEntry): number {
    const all = this.entries();
    let changed = 0;
    const next = all.map((e) => {
      const out = change(e);
      if (out !== e) changed++;
      return out;
    });
    if (changed > 0) this.#rewrite(next);
    return changed;
  }

  /** Replaces the file's content at once (a crash leaves the old or the new file, never half). */
  #rewrite(entries: JournalEntry[]): void {
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, entries.map((e) => `${JSON.stringify(e)}\n`).join(""), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
