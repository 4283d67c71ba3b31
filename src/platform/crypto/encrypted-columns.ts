/**
 * The encrypted columns every module registers (modules/index.ts ENCRYPTED_COLUMNS) and the
 * SQL the keyring runs over them: re-encrypting a batch of rows under the active data key, and
 * asking whether any value still uses a retired version. Table and column names are checked
 * to be plain SQL identifiers before they reach a query.
 */
import type { Database, RawExecutor } from "../db/database.ts";
import {
  DecryptionError,
  decryptField,
  encryptField,
  FIELD_PREFIX,
  fieldAad,
  fieldKeyVersion,
} from "./envelope.ts";
import type { DataKey } from "./keyring-types.ts";

/**
 * A table's encrypted columns, as each module registers them for key rotation: every
 * column holding `encrypt(...)` output, the row id column and the organisation column that
 * were used in its AAD.
 */
export interface EncryptedColumn {
  table: string;
  idColumn: string;
  organisationColumn: string;
  columns: string[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new TypeError(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}

export interface Ident {
  name: string;
  sql: string;
}

export interface CheckedSpec {
  table: Ident;
  id: Ident;
  organisation: Ident;
  columns: Ident[];
}

export function checkedSpec(spec: EncryptedColumn): CheckedSpec {
  const id = (name: string): Ident => ({ name, sql: ident(name) });
  if (spec.columns.length === 0) {
    throw new TypeError(`encrypted columns of ${spec.table}: the column list is empty`);
  }
  return {
    table: id(spec.table),
    id: id(spec.idColumn),
    organisation: id(spec.organisationColumn),
    columns: spec.columns.map(id),
  };
}

/** One batch of `Keyring.reencrypt`: the next rows after `after` with a value not under `current`. */
export async function reencryptBatch(
  tx: RawExecutor,
  o: {
    spec: CheckedSpec;
    org: string;
    /** The active version's field prefix. */
    current: string;
    active: DataKey;
    keys: Map<number, Buffer>;
    after: unknown;
    batchSize: number;
  },
): Promise<{ count: number; changed: number; last: unknown }> {
  const { spec, org, current, active, keys, after } = o;
  const stale = spec.columns.map((c) => `(${c.sql} IS NOT NULL AND ${c.sql} NOT LIKE $2)`);
  const params: unknown[] = [org, `${current}%`];
  if (after !== undefined) params.push(after);
  const found = await tx.query<Record<string, unknown>>(
    `SELECT ${spec.id.sql}, ${spec.columns.map((c) => c.sql).join(", ")} ` +
      `FROM ${spec.table.sql} WHERE ${spec.organisation.sql} = $1 AND (${stale.join(" OR ")})` +
      (after === undefined ? "" : ` AND ${spec.id.sql} > $3`) +
      ` ORDER BY ${spec.id.sql} LIMIT ${o.batchSize} FOR UPDATE`,
    params,
  );
  let changed = 0;
  for (const row of found) {
    const rowId = row[spec.id.name];
    const sets: string[] = [];
    const updateParams: unknown[] = [rowId];
    for (const column of spec.columns) {
      const value = row[column.name];
      if (value === null || value === undefined) continue;
      const what = `value in ${spec.table.name}.${column.name} of row ${String(rowId)}`;
      if (typeof value !== "string") throw new DecryptionError("format", what);
      if (value.startsWith(current)) continue;
      const aad = fieldAad({
        organisationId: org,
        table: spec.table.name,
        column: column.name,
        rowId: String(rowId),
      });
      let plaintext: string;
      try {
        const key = keys.get(fieldKeyVersion(value));
        if (!key) throw new DecryptionError("key_unavailable", what);
        plaintext = decryptField(key, value, aad);
      } catch (err) {
        if (err instanceof DecryptionError) {
          throw new DecryptionError(err.reason, what, { cause: err });
        }
        throw err;
      }
      updateParams.push(encryptField(active.key, active.version, plaintext, aad));
      sets.push(`${column.sql} = $${updateParams.length}`);
    }
    if (sets.length === 0) continue;
    await tx.query(
      `UPDATE ${spec.table.sql} SET ${sets.join(", ")} WHERE ${spec.id.sql} = $1`,
      updateParams,
    );
    changed += sets.length;
  }
  const last = found.at(-1);
  return { count: found.length, changed, last: last?.[spec.id.name] };
}

export async function versionInUse(
  database: Database,
  org: string,
  version: number,
  specs: CheckedSpec[],
): Promise<boolean> {
  for (const spec of specs) {
    const uses = spec.columns.map((c) => `${c.sql} LIKE $2`).join(" OR ");
    const found = await database.query(
      `SELECT 1 FROM ${spec.table.sql} WHERE ${spec.organisation.sql} = $1 AND (${uses}) LIMIT 1`,
      [org, `${FIELD_PREFIX}${version}.%`],
    );
    if (found.length > 0) return true;
  }
  return false;
}
