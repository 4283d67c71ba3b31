import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { createLogger } from "../logger.ts";
import {
  DEV_MASTER_KEY_FILE,
  KeyError,
  loadMasterKeys,
  masterKeyId,
  parseMasterKeys,
} from "./master-key.ts";

const key = randomBytes(32);
const other = randomBytes(32);

describe("parseMasterKeys", () => {
  test("standard base64, url-safe base64 (with or without padding) and hex", () => {
    for (const encoded of [
      key.toString("base64"),
      key.toString("base64url"),
      `${key.toString("base64url")}=`,
      key.toString("base64").replace(/=$/, ""),
      key.toString("hex"),
      key.toString("hex").toUpperCase(),
      `  ${key.toString("base64")}  `,
    ]) {
      const keys = parseMasterKeys(encoded);
      assert.deepEqual(keys.current.key, key, encoded);
      assert.equal(keys.all.size, 1);
    }
  });

  test("ids: mk- and 16 hex digits, stable per key", () => {
    const id = masterKeyId(key);
    assert.match(id, /^mk-[0-9a-f]{16}$/);
    assert.equal(parseMasterKeys(key.toString("hex")).current.id, id);
    assert.notEqual(masterKeyId(other), id);
  });

  test("several keys: the first is current, all unwrap", () => {
    const keys = parseMasterKeys(`${other.toString("base64")}, ${key.toString("hex")}`);
    assert.deepEqual(keys.current.key, other);
    assert.equal(keys.current.id, masterKeyId(other));
    assert.deepEqual([...keys.all.keys()], [masterKeyId(other), masterKeyId(key)]);
    assert.deepEqual(keys.all.get(masterKeyId(key)), key);
  });

  test("malformed values: KeyError naming the variable, never the value", () => {
    const b64 = key.toString("base64");
    const hex = key.toString("hex");
    const cases = [
      "secret",
      randomBytes(31).toString("base64"),
      randomBytes(33).toString("base64"),
      randomBytes(16).toString("hex"),
      hex.slice(0, 63),
      `${hex}0`,
      `${hex.slice(0, 62)}zz`,
      `${b64.slice(0, 40)}!${b64.slice(41)}`,
      `-+${key.toString("base64url").slice(2)}`,
      `${b64},`,
      `${b64},${b64}`,
      `${b64.slice(0, 42)}B=`,
      Buffer.alloc(32).toString("base64"),
      "aGVsbG8gd29ybGQ=",
    ];
    for (const value of cases) {
      assert.throws(
        () => parseMasterKeys(value),
        (err: unknown) => {
          assert.ok(err instanceof KeyError, `${JSON.stringify(value)} gave ${String(err)}`);
          assert.match(err.message, /WOONSIGNAAL_MASTER_KEY/);
          assert.equal(err.message.split("\n").length, 1);
          for (const part of value.split(",")) {
            if (part.length >= 8) assert.ok(!err.message.includes(part.slice(0, 8)), err.message);
          }
          return true;
        },
      );
    }
  });
});

describe("loadMasterKeys", () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "woonsignaal-mk-"));
    dirs.push(dir);
    return dir;
  };
  const capture = () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      level: "debug",
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    return { logger, lines };
  };

  test("the environment wins; the data directory is not touched", () => {
    const dataDir = tempDir();
    const keys = loadMasterKeys({
      masterKey: key.toString("base64"),
      dataDir,
      isProduction: true,
    });
    assert.equal(keys.source, "environment");
    assert.deepEqual(keys.current.key, key);
    assert.deepEqual(fs.readdirSync(dataDir), []);
  });

  test("development: a key file is generated (0600), reused, and warned about", () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    const first = capture();
    const a = loadMasterKeys({ dataDir, isProduction: false, logger: first.logger });
    const file = path.join(dataDir, DEV_MASTER_KEY_FILE);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(a.source, "development-file");
    const warning = first.lines.find((l) => l.level === 40);
    assert.ok(warning, "a warning is logged");
    assert.match(String(warning.msg), /DEVELOPMENT master key/);
    assert.match(String(warning.msg), /NOT for production/);
    assert.match(String(warning.msg), /WOONSIGNAAL_MASTER_KEY/);
    assert.ok(!JSON.stringify(first.lines).includes(a.current.key.toString("base64")));

    const second = capture();
    const b = loadMasterKeys({
      masterKey: "",
      dataDir,
      isProduction: false,
      logger: second.logger,
    });
    assert.equal(b.current.id, a.current.id);
    assert.deepEqual(b.current.key, a.current.key);
    assert.ok(second.lines.some((l) => l.level === 40));
  });

  test("a damaged development key file is refused", () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, DEV_MASTER_KEY_FILE), "not a key\n", { mode: 0o600 });
    assert.throws(() => loadMasterKeys({ dataDir, isProduction: false }), KeyError);
  });

  test("production without WOONSIGNAAL_MASTER_KEY throws and writes nothing", () => {
    const dataDir = tempDir();
    assert.throws(
      () => loadMasterKeys({ masterKey: undefined, dataDir, isProduction: true }),
      (err: unknown) => err instanceof KeyError && /WOONSIGNAAL_MASTER_KEY/.test(err.message),
    );
    assert.deepEqual(fs.readdirSync(dataDir), []);
  });
});
