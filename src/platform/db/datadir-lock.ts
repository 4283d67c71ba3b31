import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * PGlite is one Postgres backend inside this process: a second process opening the same
 * directory would corrupt it. While the database is open we hold an exclusive OS lock on
 * `DATA_DIR/woonsignaal.lock` (an open-file-description lock, fcntl F_OFD_SETLK, on Linux;
 * LockFileEx on Windows; via fs-native-extensions). The kernel drops the lock when the
 * process ends, however it ends (kill -9 included), so a stale lock cannot exist and a
 * reused pid (pid 1 in a container) never blocks a restart (D-700). The pid written into
 * the file is only there to name the holder in the message; it decides nothing.
 */
export const LOCK_FILE_NAME = "woonsignaal.lock";

export class DataDirLockedError extends Error {
  /** The pid the holder wrote into the lock file; undefined when it wrote none yet. */
  readonly pid: number | undefined;
  constructor(dir: string, pid: number | undefined) {
    super(
      `The data directory ${dir} is in use by another Woonsignaal process` +
        `${pid === undefined ? "" : ` (pid ${pid})`}. ` +
        "Stop that process first, or point DATA_DIR elsewhere.",
    );
    this.name = "DataDirLockedError";
    this.pid = pid;
  }
}

interface NativeLock {
  /** True when the exclusive lock was taken, false when another holds it. */
  tryLock(fd: number): boolean;
  unlock(fd: number): void;
}

let native: NativeLock | undefined;
function osLock(): NativeLock {
  native ??= createRequire(import.meta.url)("fs-native-extensions") as NativeLock;
  return native;
}

/**
 * Takes the lock or throws `DataDirLockedError`. The returned function releases it (also
 * released by the OS when the process dies). The file itself stays: removing it would let a
 * second process lock a new file while the first still holds the old one.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE_NAME);
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  let locked = false;
  try {
    locked = osLock().tryLock(fd);
    if (!locked) throw new DataDirLockedError(dir, holderPid(fd));
    fs.ftruncateSync(fd, 0);
    fs.writeSync(fd, String(process.pid), 0);
    fs.fsyncSync(fd);
  } catch (err) {
    if (locked) osLock().unlock(fd);
    fs.closeSync(fd);
    throw err;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      fs.ftruncateSync(fd, 0);
      osLock().unlock(fd);
    } finally {
      fs.closeSync(fd);
    }
  };
}

/** The pid the holder wrote, for the message only; undefined when unreadable (Windows locks are mandatory). */
function holderPid(fd: number): number | undefined {
  try {
    const buffer = Buffer.alloc(32);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const pid = Number.parseInt(buffer.subarray(0, n).toString("utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
