/**
 * Issue #24 part 1: names as people and systems write them, through the API. The rows are
 * read from the tables in docs/matching.md ("Names as people write them"), so the document and
 * the test cannot drift apart.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { setImmediate } from "node:timers/promises";
import { runCli } from "../../testing/cli.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, contractError, placeRegistrationThroughApi } from "../../testing/http.ts";
import { browserOn, csrfIn, demoUser } from "../../testing/web.ts";
import { brokenNameRule, NAME_RULES } from "./written-names.ts";

const TODAY = "2026-06-01";
/** A registration's decision, the same for every person placed here. */
const PLACEMENT = { categories: ["B.II"], criteria: ["a"], placementDate: "2026-05-01" };
const BIRTH_DATE = "1974-08-21";
const NAME_FIELDS = ["initials", "prefix", "surname"] as const;
type NameFields = Partial<Record<(typeof NAME_FIELDS)[number], string>>;

const doc = readFileSync(new URL("../../../docs/matching.md", import.meta.url), "utf8");

/** The body rows of the Markdown table whose header line starts with `header`. */
function tableRows(header: string): string[][] {
  const lines = doc.split("\n");
  const start = lines.findIndex((l) => l.startsWith(header));
  assert.ok(start >= 0, `docs/matching.md has the table "${header}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(" | ")
        .map((c) => c.trim()),
    );
  }
  return rows;
}

/** A cell as sent: `text` exactly, "–" not given, "(empty)" the empty string, "(NFD)" decomposed. */
function cellValue(cell: string): string | undefined {
  if (cell === "–") return undefined;
  if (cell === "(empty)") return "";
  const long = /^(\d+) × `(.)`$/.exec(cell);
  if (long) return long[2]!.repeat(Number(long[1]));
  const quoted = /^`(.*)`(?: \((NFD)\)| \(.*\))?$/.exec(cell);
  assert.ok(quoted, `a cell in backticks: ${cell}`);
  const text = JSON.parse(`"${quoted[1]!.replace(/"/g, '\\"')}"`) as string;
  return quoted[2] === "NFD" ? text.normalize("NFD") : text;
}

function person(fields: NameFields, seekerNumber?: string) {
  const p: Record<string, string> = { birthDate: BIRTH_DATE };
  for (const f of NAME_FIELDS) if (fields[f] !== undefined) p[f] = fields[f];
  if (seekerNumber) p.seekerNumber = seekerNumber;
  return p;
}

const accepted = tableRows("| form | initials |").map((cells) => {
  const [form, ...values] = cells;
  const [registered, written] = [values.slice(0, 3), values.slice(3, 6)].map((vs) =>
    Object.fromEntries(NAME_FIELDS.map((f, k) => [f, cellValue(vs[k]!)])),
  ) as [NameFields, NameFields];
  return { form: form!, registered, written };
});

const refused = tableRows("| field | written | rule |").map(([field, written, rule]) => ({
  field: field!,
  written: cellValue(written!)!,
  rule: cellValue(rule!)!,
}));

describe("24-1 names as people write them, through the API (docs/matching.md)", () => {
  const fx = useDemoApi({ today: TODAY });
  const { call, ok } = apiCalls(() => fx.app);
  let seekerNo = 0;

  /** Registers `placed`; a screening and a house seeker written as `sought` find it. */
  async function foundAcross(placed: NameFields, sought: NameFields) {
    const registration = await placeRegistrationThroughApi(fx.app, fx.officerA, {
      person: person(placed),
      ...PLACEMENT,
    });
    await setImmediate();
    const screening = (await ok("POST", "/api/v1/screenings", fx.officerA, {
      person: person(sought),
      purpose: "allocation",
    })) as { hit: boolean; results: unknown[] };
    assert.equal(screening.hit, true, "the screening finds the registration");
    assert.equal(screening.results.length, 1);
    await setImmediate();
    seekerNo += 1;
    const seekerNumber = `WN-${seekerNo}`;
    const put = await call("PUT", `/api/v1/seekers/${seekerNumber}`, fx.allocation, {
      person: person(sought),
    });
    assert.equal(put.statusCode, 201, put.body);
    await setImmediate();
    const matches = (await ok("GET", "/api/v1/matches?status=pending", fx.officerA)) as {
      items: { id: string; registrationId: string; seekerNumber: string }[];
    };
    const match = matches.items.find(
      (m) => m.registrationId === registration.id && m.seekerNumber === seekerNumber,
    );
    assert.ok(match, "the house seeker is proposed as a match for the registration");
    // Stored as written: the officer judging the pair sees both forms as they were sent.
    const detail = (await ok("GET", `/api/v1/matches/${match.id}`, fx.officerA)) as {
      registrationPerson: Record<string, string>;
      seekerPerson: Record<string, string>;
    };
    for (const f of NAME_FIELDS) {
      assert.equal(detail.seekerPerson[f] ?? "", sought[f]?.trim() ?? "", `seeker ${f}`);
      assert.equal(detail.registrationPerson[f] ?? "", placed[f]?.trim() ?? "", `registered ${f}`);
    }
    // Out of the way of the next row (same birth date, often the same name).
    const erased = await call("DELETE", `/api/v1/registrations/${registration.id}`, fx.officerA);
    assert.equal(erased.statusCode, 204, erased.body);
    const gone = await call("DELETE", `/api/v1/seekers/${seekerNumber}`, fx.allocation);
    assert.equal(gone.statusCode, 204, gone.body);
    await setImmediate();
  }

  test("the tables are there and hold every form the issue names", () => {
    assert.ok(accepted.length >= 20, `${accepted.length} accepted forms`);
    assert.deepEqual(new Set(refused.map((r) => r.rule)), new Set(NAME_RULES));
  });

  test("24-1 the screening form takes the written forms and says in Dutch why a name is refused", async () => {
    const { signInByForm, get, post } = browserOn(() => fx);
    const registration = await placeRegistrationThroughApi(fx.app, fx.officerA, {
      person: person({ initials: "M.C.", prefix: "van der", surname: "Vormbeek" }),
      ...PLACEMENT,
    });
    const querier = await signInByForm(demoUser(fx.demo, "querier"));
    const screen = async (fields: NameFields) => {
      const page = await get(querier, "/toetsen");
      return post(
        querier,
        "/toetsen",
        [
          ["purpose", "allocation"],
          ...NAME_FIELDS.flatMap((f): [string, string][] =>
            fields[f] === undefined ? [] : [[`person.${f}`, fields[f]]],
          ),
          ["person.birthDate", BIRTH_DATE],
        ],
        csrfIn(page.body),
      );
    };
    const hit = await screen({ initials: "m. c.", surname: "VORMBEEK, v.d." });
    assert.equal(hit.statusCode, 200, hit.body);
    assert.match(hit.body, /Treffer/);
    const refusedPage = await screen({ initials: "M.C.", surname: "Vormbeek3" });
    assert.match(refusedPage.body, /Een naam bevat geen cijfers\./);
    assert.doesNotMatch(refusedPage.body, /Treffer/);
    const erased = await call("DELETE", `/api/v1/registrations/${registration.id}`, fx.officerA);
    assert.equal(erased.statusCode, 204, erased.body);
  });

  for (const row of accepted) {
    test(`24-1 accepted: ${row.form} (registered → written, then written → registered)`, async () => {
      await foundAcross(row.registered, row.written);
      await foundAcross(row.written, row.registered);
    });
  }

  for (const row of refused) {
    test(`24-1 refused: ${row.field} ${JSON.stringify(row.written).slice(0, 30)} → 400 ${row.rule}`, async () => {
      assert.equal(brokenNameRule(row.written), row.rule);
      const named = {
        ...person({ initials: "J.", surname: "Weigering" }),
        [row.field]: row.written,
      };
      const requests = [
        ["POST", "/api/v1/registrations", fx.officerA, { person: named, ...PLACEMENT }],
        ["PUT", "/api/v1/seekers/WN-refused", fx.allocation, { person: named }],
        ["POST", "/api/v1/screenings", fx.querierA, { person: named, purpose: "allocation" }],
      ] as const;
      for (const [method, url, headers, body] of requests) {
        const res = await call(method, url, headers, body);
        assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
        const error = contractError(res.body).error;
        assert.equal(error.code, "invalid_input");
        const details = error.details as { path?: string; problem: string; message: string }[];
        assert.ok(
          details.some((d) => d.path === `person.${row.field}` && d.problem === row.rule),
          `names person.${row.field} and the rule ${row.rule}: ${res.body}`,
        );
        await setImmediate();
      }
    });
  }
});

describe("24-1 names as people write them, through the seeker import (CSV and JSON lines)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "woonsignaal-written-names-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const csvCell = (v: string | undefined) => (v === undefined ? "" : `"${v.replace(/"/g, '""')}"`);

  test("24-1 every written form of the table is imported, from CSV and from JSON lines", () => {
    const dataDir = path.join(dir, "good");
    assert.equal(runCli(["demo-seed", "--json"], { DATA_DIR: dataDir }).code, 0);
    const csv = [
      "seekerNumber,initials,prefix,surname,birthDate",
      ...accepted.map(({ written }, i) =>
        [`C-${i}`, ...NAME_FIELDS.map((f) => csvCell(written[f])), BIRTH_DATE].join(","),
      ),
    ].join("\n");
    const jsonl = accepted
      .map(({ written }, i) => JSON.stringify({ seekerNumber: `J-${i}`, person: person(written) }))
      .join("\n");
    for (const file of [write("written.csv", csv), write("written.jsonl", jsonl)]) {
      const r = runCli(["seekers", "import", file, "--json"], { DATA_DIR: dataDir });
      assert.equal(r.code, 0, `${file}: ${r.stdout} ${r.stderr}`);
      const doc = JSON.parse(r.stdout) as { imported: number; errors: unknown[] };
      assert.equal(doc.imported, accepted.length);
      assert.deepEqual(doc.errors, []);
    }
  });

  test("24-1 every refused form is reported with its line, the field and the rule; nothing written", () => {
    const jsonl = refused
      .map((row, i) =>
        JSON.stringify({
          seekerNumber: `R-${i}`,
          person: { ...person({ initials: "J.", surname: "Weigering" }), [row.field]: row.written },
        }),
      )
      .join("\n");
    const dataDir = path.join(dir, "bad");
    const r = runCli(["seekers", "import", write("refused.jsonl", jsonl), "--json"], {
      DATA_DIR: dataDir,
    });
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      imported: number;
      errors: { line: number; errors: { field: string; message: string }[] }[];
    };
    assert.equal(doc.imported, 0);
    refused.forEach((row, i) => {
      const line = doc.errors.find((e) => e.line === i + 1);
      const error = line?.errors.find((e) => e.field === `person.${row.field}`);
      assert.ok(error, `line ${i + 1} names person.${row.field}: ${r.stdout}`);
      assert.match(error.message, new RegExp(`rule: ${row.rule}`));
    });
  });
});
