import fs from "node:fs";
import path from "node:path";
import type { SignedStatement } from "./signing.ts";

/**
 * The copy of every checkpoint and prune anchor OUTSIDE the database: one JSON line each,
 * appended to `checkpoints.jsonl`. In production this file belongs on append-only (WORM)
 * storage or a second machine (docs/audit.md): it is what catches a rewrite of the whole
 * database, tail included.
 */
export interface OutsideEntry {
  type: "checkpoint" | "prune_anchor";
  seq: number;
  hash: string;
  count: number;
  time: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

/** A checkpoint or prune anchor as the database stores it (audit_checkpoint, audit_prune_anchor). */
export interface StoredSignedPoint {
  seq: number;
  hash: string;
  createdAt: Date;
  keyId: string;
  publicKey: string;
  signature: string;
}

/** The outside line of a stored checkpoint or prune anchor; `count` is its eventCount or prunedCount. */
export function outsideEntryOf(
  type: OutsideEntry["type"],
  row: StoredSignedPoint,
  count: number,
): OutsideEntry {
  return {
    type,
    seq: row.seq,
    hash: row.hash,
    count,
    time: row.createdAt.toISOString(),
    keyId: row.keyId,
    publicKey: row.publicKey,
    signature: row.signature,
  };
}

/** What a checkpoint or prune anchor signs. */
export function statementOf(
  point: Pick<OutsideEntry, "type" | "seq" | "hash" | "count" | "time">,
): SignedStatement {
  return {
    type:
      point.type === "checkpoint"
        ? "woonsignaal.audit.checkpoint"
        : "woonsignaal.audit.prune_anchor",
    seq: point.seq,
    hash: point.hash,
    count: point.count,
    time: point.time,
  };
}

const HEX64 = /^[0-9a-f]{64}$/;

function parseEntry(value: unknown): OutsideEntry | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  const int = (k: string) =>
    typeof v[k] === "number" && Number.isSafeInteger(v[k]) && (v[k] as number) >= 0
      ? (v[k] as number)
      : undefined;
  const type = v.type;
  const seq = int("seq");
  const count = int("count");
  const hash = str("hash");
  const time = str("time");
  const keyId = str("keyId");
  const publicKey = str("publicKey");
  const signature = str("signature");
  if (type !== "checkpoint" && type !== "prune_anchor") return undefined;
  if (seq === undefined || count === undefined || !hash || !HEX64.test(hash)) return undefined;
  if (!time || !keyId || !publicKey || !signature) return undefined;
  return { type, seq, hash, count, time, keyId, publicKey, signature };
}

export interface OutsideRead {
  /** False when the file does not exist. */
  exists: boolean;
  entries: OutsideEntry[];
  /** Lines that could not be read (a torn last line after a crash, say). */
  warnings: string[];
}

export function readOutsideFile(file: string): OutsideRead {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      return { exists: false, entries: [], warnings: [] };
    }
    throw err;
  }
  const entries: OutsideEntry[] = [];
  const warnings: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      warnings.push(`${file} line ${i + 1} is not JSON; ignored`);
      return;
    }
    const entry = parseEntry(parsed);
    if (entry) entries.push(entry);
    else warnings.push(`${file} line ${i + 1} is not a checkpoint or prune anchor; ignored`);
  });
  return { exists: true, entries, warnings };
}

/** Appends entries as JSON lines and flushes them to disk before returning. */
export function appendOutside(file: string, entries: OutsideEntry[]): void {
  if (entries.length === 0) return;
  const dir = path.dirname(file);
  const isNew = !fs.existsSync(file);
  fs.mkdirSync(dir, { recursive: true });
  const fd = fs.openSync(file, "a", 0o640);
  try {
    let text = entries.map((e) => JSON.stringify(e)).join("\n");
    // A line torn by a crash must not swallow the next one.
    const size = fs.fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const read = fs.openSync(file, "r");
      try {
        fs.readSync(read, last, 0, 1, size - 1);
      } finally {
        fs.closeSync(read);
      }
      if (last.toString() !== "\n") text = `\n${text}`;
    }
    fs.writeSync(fd, `${text}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (isNew) {
    try {
      const dirFd = fs.openSync(dir, "r");
      try {
        fs.fsyncSync(dirFd);
      } finally {
        fs.closeSync(dirFd);
      }
    } catch {
      // Not every platform can fsync a directory; the file itself is flushed.
    }
  }
}
