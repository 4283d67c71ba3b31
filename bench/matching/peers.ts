/**
 * The peers the engine is compared with, each set up the way a region could reasonably do it
 * without our engine. All get the same 100,000 registrations and the same screenings.
 *
 * - exact: a normalised key (our normalisePerson: surname core without tussenvoegsel, folded,
 *   letters only; first initial; birth date) looked up in a Map.
 * - fuse: fuse.js over "surname initials birthdate" (folded text, tussenvoegsel included),
 *   threshold 0.2 (0 = exact; fuse's default 0.6 proposes nearly everyone), every result under
 *   the threshold proposed.
 * - fuse_date: exact birth date (or the day/month-swapped date) as a filter, then fuse.js over
 *   "surname initials" of those registrations, threshold 0.3.
 * - postgres: PostgreSQL 15 with pg_trgm and fuzzystrmatch: candidates by trigram similarity
 *   of the folded full surname (GIN index, `%` with similarity_threshold 0.5) or an equal
 *   double metaphone of the folded surname core (expression index), then: same first initial
 *   and a birth date that is equal, day/month swapped, or one edit away (levenshtein ≤ 1 on
 *   YYYYMMDD). Every row returned is proposed.
 */

import Fuse from "fuse.js";
import pg from "pg";
import {
  compact,
  foldText,
  type MatchPerson,
  normalisePerson,
} from "../../src/modules/matching/index.ts";

export interface Peer {
  name: string;
  screen(person: MatchPerson): Promise<number[]> | number[];
  close?(): Promise<void>;
}

function fullSurname(p: MatchPerson): string {
  const text = p.prefix ? `${p.prefix} ${p.surname}` : p.surname;
  return foldText(text)
    .replace(/[^a-z ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function initialsText(p: MatchPerson): string {
  const n = normalisePerson(p);
  return n.initials.join("");
}

// ---------------------------------------------------------------------------------------------

export function exactKey(p: MatchPerson): string {
  const n = normalisePerson(p);
  return `${n.surname.coreVariants[0] ?? ""}|${n.initials[0] ?? ""}|${n.birthDate.iso}`;
}

export function exactPeer(registrations: readonly MatchPerson[]): Peer {
  const map = new Map<string, number[]>();
  registrations.forEach((r, id) => {
    const key = exactKey(r);
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  });
  return { name: "exact", screen: (p) => map.get(exactKey(p)) ?? [] };
}

// ---------------------------------------------------------------------------------------------

function fuseText(p: MatchPerson): string {
  return `${fullSurname(p)} ${initialsText(p)} ${p.birthDate}`;
}

export function fusePeer(registrations: readonly MatchPerson[], threshold = 0.2): Peer {
  const docs = registrations.map((r, id) => ({ id, text: fuseText(r) }));
  const fuse = new Fuse(docs, {
    keys: ["text"],
    includeScore: true,
    threshold,
    ignoreLocation: true,
  });
  return {
    name: "fuse",
    screen: (p) =>
      fuse
        .search(fuseText(p))
        .filter((r) => (r.score ?? 1) <= threshold)
        .map((r) => r.item.id),
  };
}

function swapped(iso: string): string | undefined {
  const [y, m, d] = iso.split("-");
  if (Number(d) > 12 || d === m) return undefined;
  return `${y}-${d}-${m}`;
}

export function fuseDatePeer(registrations: readonly MatchPerson[], threshold = 0.3): Peer {
  const byDate = new Map<string, { id: number; text: string }[]>();
  registrations.forEach((r, id) => {
    const doc = { id, text: `${fullSurname(r)} ${initialsText(r)}` };
    const list = byDate.get(r.birthDate);
    if (list) list.push(doc);
    else byDate.set(r.birthDate, [doc]);
  });
  return {
    name: "fuse_date",
    screen: (p) => {
      const other = swapped(p.birthDate);
      const docs = [
        ...(byDate.get(p.birthDate) ?? []),
        ...(other ? (byDate.get(other) ?? []) : []),
      ];
      if (docs.length === 0) return [];
      const fuse = new Fuse(docs, { keys: ["text"], includeScore: true, threshold });
      return fuse
        .search(`${fullSurname(p)} ${initialsText(p)}`)
        .filter((r) => (r.score ?? 1) <= threshold)
        .map((r) => r.item.id);
    },
  };
}

// ---------------------------------------------------------------------------------------------

export interface PgBuild {
  peer: Peer;
  /** Load + index build + analyze, milliseconds. */
  buildMs: number;
}

const PG_QUERY = `
  SELECT id FROM bench_registration
  WHERE (surname % $1 OR dmetaphone(core) = dmetaphone($2))
    AND initial = $3
    AND (birth_date = $4 OR birth_date = $5 OR levenshtein(digits, $6) <= 1)`;

export async function postgresPeer(
  url: string,
  registrations: readonly MatchPerson[],
  similarity = 0.5,
): Promise<PgBuild> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
  await client.query("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch");
  await client.query("DROP TABLE IF EXISTS bench_registration");
  await client.query(`CREATE TABLE bench_registration (
    id integer PRIMARY KEY, surname text NOT NULL, core text NOT NULL, initial text NOT NULL,
    birth_date text NOT NULL, digits text NOT NULL)`);
  const t = performance.now();
  const rows = registrations.map((r, id) => {
    const n = normalisePerson(r);
    return {
      id,
      surname: fullSurname(r),
      core: compact(n.surname.core) || compact(fullSurname(r)),
      initial: n.initials[0] ?? "",
      birthDate: r.birthDate,
    };
  });
  for (let k = 0; k < rows.length; k += 10_000) {
    const batch = rows.slice(k, k + 10_000);
    await client.query(
      `INSERT INTO bench_registration
       SELECT id, surname, core, initial, birth_date, replace(birth_date, '-', '')
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])
         AS t(id, surname, core, initial, birth_date)`,
      [
        batch.map((r) => r.id),
        batch.map((r) => r.surname),
        batch.map((r) => r.core),
        batch.map((r) => r.initial),
        batch.map((r) => r.birthDate),
      ],
    );
  }
  await client.query(
    "CREATE INDEX bench_registration_trgm ON bench_registration USING gin (surname gin_trgm_ops)",
  );
  await client.query(
    "CREATE INDEX bench_registration_dmetaphone ON bench_registration (dmetaphone(core))",
  );
  await client.query("CREATE INDEX bench_registration_date ON bench_registration (birth_date)");
  await client.query("ANALYZE bench_registration");
  const buildMs = performance.now() - t;
  await client.query(`SET pg_trgm.similarity_threshold = ${similarity}`);
  const peer: Peer = {
    name: "postgres",
    async screen(p) {
      const n = normalisePerson(p);
      const core = compact(n.surname.core) || compact(fullSurname(p));
      const res = await client.query<{ id: number }>({
        name: "screen",
        text: PG_QUERY,
        values: [
          fullSurname(p),
          core,
          n.initials[0] ?? "",
          p.birthDate,
          swapped(p.birthDate) ?? p.birthDate,
          p.birthDate.replace(/-/g, ""),
        ],
      });
      return res.rows.map((r) => r.id);
    },
    async close() {
      await client.end();
    },
  };
  return { peer, buildMs };
}

export async function explainPostgres(url: string, person: MatchPerson): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const n = normalisePerson(person);
    const res = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${PG_QUERY}`, [
      fullSurname(person),
      compact(n.surname.core),
      n.initials[0] ?? "",
      person.birthDate,
      person.birthDate,
      person.birthDate.replace(/-/g, ""),
    ]);
    return res.rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}
