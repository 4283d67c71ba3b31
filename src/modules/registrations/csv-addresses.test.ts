/**
 * The CSV initial load with the two addresses (issue 20 part 5; 003 §12.1 "Adresgegevens" vs
 * §16.3 "het adres van de woning die door betrokkene werd gehuurd"; D-822, D-952): the plain
 * address columns read as both, `dwelling…` columns the rented dwelling only, `contact…` columns
 * where letters go only; each address all or none; clear errors per line. Through HTTP on a
 * real PGlite database, with the documented example file.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, apiRequest } from "../../testing/http.ts";

const fx = useDemoApi({ today: "2026-06-01" });
const { ok } = apiCalls(() => fx.app);

const EXAMPLE = new URL("../../../docs/registrations-import-example.csv", import.meta.url);

interface RowOutcome {
  line: number;
  outcome: string;
  errors: { code: string; message: string; field?: string; column?: string }[];
}

async function importCsv(body: string, dryRun: boolean) {
  const res = await apiRequest(
    fx.app,
    "POST",
    `/api/v1/registrations/import?dryRun=${dryRun}`,
    { ...fx.officerB, "content-type": "text/csv" },
    body,
  );
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as {
    imported: number;
    refused: number;
    importId?: string;
    rows: RowOutcome[];
  };
}

const HEADER =
  "initials,surname,birthDate,categories,criteria,placementDate,evidence," +
  "street,houseNumber,postcode,city," +
  "dwellingStreet,dwellingHouseNumber,dwellingPostcode,dwellingCity," +
  "contactStreet,contactHouseNumber,contactPostcode,contactCity";
const DECISION = "A.I,a,2026-04-01,a|vonnis|2026-03-02";
const BOTH = "Kerkstraat,1,9901 AB,Lindendal";
const DWELLING = "Molenweg,7,9902 CD,Havenstad";
const CONTACT = "Nieuwe Gracht,40,9904 EF,Regiostad";
const NONE = ",,,";
const line = (surname: string, both: string, dwelling: string, contact: string) =>
  `Q.,${surname},1980-02-03,${DECISION},${both},${dwelling},${contact}`;

describe("CSV initial load: the dwelling and the contact address (D-952)", () => {
  test("D-822 the documented example imports: both from one address, a dwelling only, a dwelling and a separate contact address", async () => {
    const csv = readFileSync(EXAMPLE, "utf8");
    const dry = await importCsv(csv, true);
    assert.equal(dry.refused, 0, JSON.stringify(dry.rows));
    const done = await importCsv(csv, false);
    assert.equal(done.imported, 3, JSON.stringify(done));
    const list = await ok("GET", "/api/v1/registrations?status=draft&pageSize=200", fx.officerB);
    const mine = (list.items as { id: string; importId: string | null }[]).filter(
      (r) => r.importId === done.importId,
    );
    assert.equal(mine.length, 3);
    const views = await Promise.all(
      mine.map((r) => ok("GET", `/api/v1/registrations/${r.id}`, fx.officerB)),
    );
    const bySurname = new Map(views.map((v) => [v.person.surname as string, v]));
    const both = bySurname.get("Voorbeeld")!;
    assert.equal(both.dwellingAddress.street, "Kerkstraat");
    assert.deepEqual(both.contactAddress, both.dwellingAddress, "the plain columns are both");
    const gone = bySurname.get("Vertrokken")!;
    assert.equal(gone.dwellingAddress.street, "Molenweg");
    assert.equal(gone.contactAddress, null, "no contact address: the letter is documented");
    const moved = bySurname.get("Verhuisd")!;
    assert.equal(moved.dwellingAddress.street, "Dorpsstraat");
    assert.equal(moved.contactAddress.street, "Nieuwe Gracht");
  });

  test("003-66 a line with only the dwelling address is valid; a tenancy criterion with only a contact address is refused on its line", async () => {
    const body = [
      HEADER,
      line("Alleenwoning", NONE, DWELLING, NONE),
      line("Alleencontact", NONE, NONE, CONTACT),
    ].join("\n");
    const res = await importCsv(body, true);
    assert.deepEqual(
      res.rows.map((r) => r.outcome),
      ["valid", "refused"],
    );
    assert.equal(res.rows[1]!.errors[0]!.code, "dwelling_address_missing");
  });

  test("each address all or none, and never the plain and the dwelling columns on one line: errors name the line and the columns", async () => {
    const body = [
      HEADER,
      line("Halfwoning", NONE, "Molenweg,7,,", NONE),
      line("Halfcontact", NONE, DWELLING, ",40,9904 EF,"),
      line("Dubbel", BOTH, DWELLING, NONE),
      // A bad postcode in the dwelling columns is named by its column, with the birth date's.
      `Q.,Fout,not-a-date,${DECISION},${NONE},Molenweg,7,!!,Havenstad,${NONE}`,
    ].join("\n");
    const dry = await importCsv(body, true);
    const [half, halfContact, double, bad] = dry.rows;
    assert.deepEqual(
      [half, halfContact, double, bad].map((r) => [r!.line, r!.outcome]),
      [
        [2, "refused"],
        [3, "refused"],
        [4, "refused"],
        [5, "refused"],
      ],
    );
    assert.deepEqual(half!.errors, [
      {
        code: "address_incomplete",
        field: "dwellingAddress",
        column: "dwellingPostcode, dwellingCity",
        message:
          "dwellingPostcode, dwellingCity: missing. An address needs all of dwellingStreet, dwellingHouseNumber, dwellingPostcode, dwellingCity, or none of its columns.",
      },
    ]);
    assert.equal(halfContact!.errors[0]!.code, "address_incomplete");
    assert.equal(halfContact!.errors[0]!.column, "contactStreet, contactCity");
    assert.equal(double!.errors[0]!.code, "address_ambiguous");
    assert.match(double!.errors[0]!.message, /not both on one line/);
    assert.deepEqual(bad!.errors.map((e) => e.column).sort(), ["birthDate", "dwellingPostcode"]);
    assert.ok(
      bad!.errors.some((e) => e.message.startsWith("dwellingPostcode: must be a postcode")),
    );
    // All or none: one refused line and nothing is written.
    const before = await ok("GET", "/api/v1/registrations?pageSize=200", fx.officerB);
    const real = await importCsv(
      [HEADER, line("Goed", NONE, DWELLING, NONE), body.split("\n")[1]].join("\n"),
      false,
    );
    assert.equal(real.imported, 0);
    const after = await ok("GET", "/api/v1/registrations?pageSize=200", fx.officerB);
    assert.equal(after.total, before.total);
  });
});
