/**
 * The erasure journal (issue 9): every erasure appends one line with the kind of record and
 * its id — never personal data — to a file kept outside the database and outside its backups.
 * After a restore, every erasure journalled after the backup was made is carried out again
 * before the server accepts requests, so a restored backup never brings an erased person back.
 *
 * Lines are JSON: {"at":"2026-06-01T10:00:00.000Z","kind":"registration","id":"…"}. The file is
 * appended with an fsync per batch; a torn last line (a crash while writing) is ignored.
 */
import fs from "node:fs";
import path from "node:path";

export const JOURNAL_KINDS = ["registration", "seeker", "case", "organisation_keys"] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export interface JournalEntry {
  at: string;
  kind: JournalKind;
  id: string;
}

export class ErasureJournal {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
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

  /** Drops entries older than `before` (older than the oldest backup kept): rewrite atomically. */
  prune(before: Date): number {
    const all = this.entries();
    const keep = all.filter((e) => Date.parse(e.at) >= before.getTime());
    if (keep.length === all.length) return 0;
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, keep.map((e) => `${JSON.stringify(e)}\n`).join(""), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    return all.length - keep.length;
  }
}
