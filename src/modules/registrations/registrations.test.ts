import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { SHORTER_WEIGHING, withEvidence } from "../../testing/evidence.ts";
import { apiRequest, bearer } from "../../testing/http.ts";
import { JAN_PIETER } from "../../testing/people.ts";
import { findRegistration } from "./repository.ts";

const TODAY = "2026-06-01";
const fx = useDemoApi({ today: TODAY });
const person = JAN_PIETER;
const address = { street: "Kerkstraat", houseNumber: "12", postcode: "9901 AB", city: "Lindendal" };
const nuisance = {
  person,
  address,
  categories: ["A.I"],
  criteria: ["a"],
  placementDate: "2026-05-01",
};

async function post(
  headers: Record<string, string>,
  payload: unknown,
  url = "/api/v1/registrations",
) {
  return apiRequest(fx.app, "POST", url, headers, withEvidence(payload as object));
}

describe("placing a person on the list", () => {
  test("201 with the computed term, scope and primary source; the person is not echoed", async () => {
    const res = await post(fx.officerA, nuisance);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.status, "active");
    assert.deepEqual(body.categories, ["A.I"]);
    assert.equal(body.startDate, "2026-05-01");
    assert.equal(body.endDate, "2028-05-01", "A: at most 2 years (003 ch. 7)");
    assert.equal(body.scope, "organisation", "A: uitsluiting corporatie (003 ch. 7)");
    assert.deepEqual(body.primarySource, {
      id: fx.demo.organisations[0]!.id,
      name: fx.demo.organisations[0]!.name,
    });
    assert.equal(body.enteredBy.name, "Demo officer", "a named officer (003 §12.1)");
    assert.ok(!res.body.includes("Zwaanswijk"), "no personal data in the answer");
  });

  test("damage brackets set the term of D.VIII (003 ch. 7)", async () => {
    const res = await post(fx.officerA, {
      ...nuisance,
      categories: ["D.VIII"],
      criteria: ["d"],
      claimCents: 150_000,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().endDate, "2028-05-01", "EUR 1,500 → 2 years");
  });

  test("a shorter term than the maximum is kept; a longer one is refused (422, rule and article)", async () => {
    const shorter = await post(fx.officerA, { ...nuisance, termMonths: 6 });
    assert.equal(shorter.json().endDate, "2026-11-01");
    const longer = await post(fx.officerA, { ...nuisance, termMonths: 30 });
    assert.equal(longer.statusCode, 422);
    assert.equal(longer.json().error.code, "term_exceeds_maximum");
    assert.match(longer.json().error.details.source, /003/);
  });

  test("unmet formal criteria, unknown codes and a past end date are refused with 422", async () => {
    for (const [payload, code] of [
      [{ ...nuisance, criteria: ["d"] }, /criterion/],
      [{ ...nuisance, categories: ["Z.IX"] }, /unknown_category/],
      [{ ...nuisance, criteria: ["q"] }, /unknown_criterion/],
      [{ ...nuisance, placementDate: "2023-01-01" }, /end_date_passed/],
      [{ ...nuisance, placementDate: "2026-07-01" }, /placement_in_future/],
      [
        { ...nuisance, categories: ["D.VIII"], criteria: ["d"], claimCents: 40_000 },
        /claim_below_minimum/,
      ],
    ] as const) {
      const res = await post(fx.officerA, payload);
      assert.equal(res.statusCode, 422, `${JSON.stringify(payload)} → ${res.body}`);
      assert.match(res.json().error.code, code);
      assert.ok(res.json().error.details.source, "every refusal cites its article");
    }
  });

  test("any field beyond the contract is refused (400): no free text, no reasons", async () => {
    for (const payload of [
      { ...nuisance, reason: "smashed windows" },
      { ...nuisance, person: { ...person, note: "aggressive" } },
      { ...nuisance, address: { ...address, remarks: "x" } },
      { ...nuisance, organisationId: fx.demo.organisations[1]!.id },
    ]) {
      const res = await post(fx.officerA, payload);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, "unknown_field");
    }
    const freeText = await post(fx.officerA, {
      ...nuisance,
      person: { ...person, surname: "Jansen; threatened staff 3x" },
    });
    assert.equal(freeText.statusCode, 400, "names cannot carry free text");
    for (const birthDate of ["not-a-date", "1985-02-30", "1850-01-01"]) {
      const bad = await post(fx.officerA, { ...nuisance, person: { ...person, birthDate } });
      assert.equal(bad.statusCode, 400, `${birthDate}: ${bad.body}`);
      assert.equal(bad.json().error.details[0].path, "person.birthDate");
    }
  });

  test("queriers cannot register (403); an officer cannot register for another organisation", async () => {
    assert.equal((await post(fx.querierA, nuisance)).statusCode, 403);
    const other = await post(
      fx.officerA,
      nuisance,
      `/api/v1/registrations?onBehalfOf=${fx.demo.organisations[1]!.id}`,
    );
    assert.equal(other.statusCode, 403);
  });

  test("the consortium admin registers on behalf of a participant, which becomes the primary source", async () => {
    const res = await post(
      fx.admin,
      nuisance,
      `/api/v1/registrations?onBehalfOf=${fx.demo.organisations[2]!.id}`,
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().primarySource.id, fx.demo.organisations[2]!.id);
    const own = await post(fx.admin, nuisance);
    assert.equal(own.statusCode, 422, "the consortium itself is no primary source");
    assert.equal(own.json().error.code, "primary_source_not_participant");
  });

  test("a placement letter duty is recorded with its deadline", async () => {
    const res = await post(fx.officerA, nuisance);
    const duties = await fx.ctx.services.letters.dutiesOf(res.json().id);
    assert.equal(duties.length, 1);
    assert.equal(duties[0]!.kind, "placement");
    // The person's e-mail address is known: the placement letter went out at once (letters module).
    assert.equal(duties[0]!.status, "fulfilled");
    assert.ok(duties[0]!.dueDate > TODAY);
  });
});

describe("reading, changing, restricting and erasing", () => {
  let id: string;
  before(async () => {
    id = (await post(fx.officerA, nuisance)).json().id;
  });

  test("the primary source's officer sees the person; other organisations get 404", async () => {
    const res = await apiRequest(fx.app, "GET", `/api/v1/registrations/${id}`, fx.officerA);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().person.surname, "Zwaanswijk");
    assert.equal(res.json().address.city, "Lindendal");
    const other = await apiRequest(fx.app, "GET", `/api/v1/registrations/${id}`, fx.officerB);
    assert.equal(other.statusCode, 404);
    const patch = await apiRequest(fx.app, "PATCH", `/api/v1/registrations/${id}`, fx.officerB, {
      termMonths: 3,
      reason: "entry_error",
    });
    assert.equal(patch.statusCode, 404);
    const del = await apiRequest(fx.app, "DELETE", `/api/v1/registrations/${id}`, fx.officerB);
    assert.equal(del.statusCode, 404);
  });

  test("F1 (003-46) a querier sees screening answers, not the register: 403 on list and detail", async () => {
    for (const headers of [fx.querierA, fx.querierB]) {
      for (const url of [`/api/v1/registrations/${id}`, "/api/v1/registrations"]) {
        const res = await apiRequest(fx.app, "GET", url, headers);
        assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
        assert.equal(res.json().error.code, "forbidden");
        assert.ok(!res.body.includes("Zwaanswijk"), "no personal data in the refusal");
      }
    }
  });

  test("a querier of the primary source may not change it (403)", async () => {
    const res = await apiRequest(fx.app, "PATCH", `/api/v1/registrations/${id}`, fx.querierA, {
      termMonths: 3,
      reason: "entry_error",
    });
    assert.equal(res.statusCode, 403);
  });

  test("a change is checked by the same rules and audited with field names only", async () => {
    const ok = await apiRequest(fx.app, "PATCH", `/api/v1/registrations/${id}`, fx.officerA, {
      termMonths: 12,
      reason: "proportionality_reweighed",
      weighing: SHORTER_WEIGHING,
      person: { ...person, surname: "Zwaanswijk-de Boer" },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().endDate, "2027-05-01");
    const bad = await apiRequest(fx.app, "PATCH", `/api/v1/registrations/${id}`, fx.officerA, {
      termMonths: 40,
      reason: "entry_error",
    });
    assert.equal(bad.statusCode, 422);
    const events = await fx.ctx.database.query<{ details: { fields: string[] } }>(
      "SELECT details FROM audit_event WHERE action = 'registration.updated' AND object_id = $1",
      [id],
    );
    assert.deepEqual(
      events[0]!.details.fields.sort(),
      [
        "person.birthDate",
        "person.email",
        "person.firstNames",
        "person.gender",
        "person.initials",
        "person.prefix",
        "person.surname",
        "termMonths",
        "weighing",
      ].sort(),
    );
    const text = JSON.stringify(await fx.ctx.database.query("SELECT * FROM audit_event"));
    assert.ok(!text.includes("Zwaanswijk"), "no names in the audit log");
  });

  test("restriction keeps the registration but takes it out of effect; lifting restores it", async () => {
    const r = await apiRequest(
      fx.app,
      "POST",
      `/api/v1/registrations/${id}/restriction`,
      fx.officerA,
      {
        reason: "accuracy_contested",
      },
    );
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().status, "restricted");
    const [row] = await fx.ctx.database.query<{ status: string }>(
      "SELECT status FROM registration WHERE id = $1",
      [id],
    );
    assert.equal(row!.status, "restricted");
    const list = await apiRequest(
      fx.app,
      "GET",
      "/api/v1/registrations?status=restricted",
      fx.officerA,
    );
    assert.ok(list.json().items.some((i: { id: string }) => i.id === id));
    const lifted = await apiRequest(
      fx.app,
      "DELETE",
      `/api/v1/registrations/${id}/restriction`,
      fx.officerA,
    );
    assert.equal(lifted.json().status, "active");
  });

  test("the list holds the caller's organisation's registrations only, paginated", async () => {
    const page = await apiRequest(
      fx.app,
      "GET",
      "/api/v1/registrations?pageSize=2&page=1",
      fx.officerA,
    );
    assert.equal(page.statusCode, 200);
    const body = page.json();
    assert.equal(body.items.length, 2);
    assert.ok(body.total >= 4);
    assert.ok(
      body.items.every(
        (i: { primarySource: { id: string } }) =>
          i.primarySource.id === fx.demo.organisations[0]!.id,
      ),
    );
    const other = await apiRequest(fx.app, "GET", "/api/v1/registrations", fx.officerB);
    assert.equal(other.statusCode, 200);
    assert.ok(other.json().items.every((i: { id: string }) => i.id !== id));
    const bad = await apiRequest(fx.app, "GET", "/api/v1/registrations?status=gone", fx.officerA);
    assert.equal(bad.statusCode, 400);
  });

  test("erasure deletes the row, its encrypted fields and blind indexes; a receipt stays", async () => {
    const del = await apiRequest(fx.app, "DELETE", `/api/v1/registrations/${id}`, fx.officerA);
    assert.equal(del.statusCode, 204);
    assert.equal(
      (await apiRequest(fx.app, "GET", `/api/v1/registrations/${id}`, fx.officerA)).statusCode,
      404,
    );
    assert.deepEqual(
      await fx.ctx.database.query("SELECT id FROM registration WHERE id = $1", [id]),
      [],
    );
    assert.deepEqual(
      await fx.ctx.database.query(
        "SELECT 1 FROM registration_blind_index WHERE registration_id = $1",
        [id],
      ),
      [],
    );
    const receipt = await fx.ctx.database.query<{ details: unknown }>(
      "SELECT details FROM audit_event WHERE action = 'registration.erased' AND object_id = $1",
      [id],
    );
    assert.equal(receipt.length, 1);
  });
});

describe("which registrations are in effect (hit, match, block)", () => {
  test("restricted, not yet started and ended registrations are not in effect", async () => {
    const id = (await post(fx.officerA, nuisance)).json().id as string;
    const row = async () => (await findRegistration(fx.ctx.database.db, id))!;
    const { registrations } = fx.ctx.services;
    assert.equal(registrations.isEffective(await row()), true);
    await apiRequest(fx.app, "POST", `/api/v1/registrations/${id}/restriction`, fx.officerA, {
      reason: "objection_pending",
    });
    assert.equal(
      registrations.isEffective(await row()),
      false,
      "a restricted registration never hits",
    );
    await apiRequest(fx.app, "DELETE", `/api/v1/registrations/${id}/restriction`, fx.officerA);
    const r = await row();
    assert.equal(registrations.isEffective(r), true);
    assert.equal(
      registrations.isEffective({ ...r, startDate: "2026-06-02" }),
      false,
      "not started",
    );
    assert.equal(
      registrations.isEffective({ ...r, endDate: TODAY }),
      false,
      "the end date is exclusive",
    );
    assert.equal(registrations.isEffective({ ...r, status: "pending_notice" }), false);
  });
});

describe("encryption at rest", () => {
  test("names, birth dates and addresses are not in the registration table in plain text", async () => {
    await post(fx.officerA, nuisance);
    const rows = await fx.ctx.database.query("SELECT * FROM registration");
    const text = JSON.stringify(rows);
    for (const secret of ["Zwaanswijk", "1985-03-14", "Kerkstraat", "jp.zwaanswijk@example.org"]) {
      assert.ok(!text.includes(secret), `${secret} stored in plain text`);
    }
    const indexes = JSON.stringify(
      await fx.ctx.database.query("SELECT * FROM registration_blind_index"),
    );
    assert.ok(!indexes.includes("1985-03-14") && !indexes.includes("zwaanswijk"));
  });
});

describe("CSV initial load", () => {
  const header =
    "initials,surname,birthDate,categories,criteria,placementDate,claimCents,street,houseNumber,postcode,city,evidence";
  const dwelling = "Kerkstraat,1,9901 AB,Lindendal";
  const good = [
    `A.,Visser,1990-01-02,A.I,a,2026-04-01,,${dwelling},a|vonnis|2026-03-01|C/09/612345 / KG ZA 26-123`,
    `B.,Bakker,1979-12-31,D.VIII,d,2026-04-15,250000,${dwelling},d|schaderapport|2026-04-15`,
  ];
  const csv = (lines: string[]) => [header, ...lines].join("\n");
  const importCsv = (body: string, dryRun: boolean) =>
    apiRequest(
      fx.app,
      "POST",
      `/api/v1/registrations/import?dryRun=${dryRun}`,
      { ...fx.officerB, "content-type": "text/csv" },
      body,
    );
  const countB = async () =>
    (
      await fx.ctx.database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM registration WHERE organisation_id = $1",
        [fx.demo.organisations[1]!.id],
      )
    )[0]!.n;

  test("a dry run reports every line's outcome and writes nothing", async () => {
    const before = await countB();
    const res = await importCsv(
      csv([...good, `C.,Smit,1980-05-05,A.I,d,2026-04-01,,${dwelling},d|schaderapport|2026-04-01`]),
      true,
    );
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.refused, 1);
    assert.deepEqual(
      body.rows.map((r: { outcome: string }) => r.outcome),
      ["valid", "valid", "refused"],
    );
    assert.equal(body.rows[2].line, 4);
    assert.equal(await countB(), before);
  });

  test("one bad line means nothing is written; all good lines are written together", async () => {
    const before = await countB();
    const refused = await importCsv(
      csv([...good, `C.,Smit,not-a-date,A.I,a,2026-04-01,,${dwelling},a|vonnis|2026-03-01`]),
      false,
    );
    assert.equal(refused.json().imported, 0, refused.body);
    assert.equal(refused.json().rows[2].errors[0].field, "person.birthDate");
    assert.equal(await countB(), before);
    const ok = await importCsv(csv(good), false);
    assert.equal(ok.json().imported, 2, ok.body);
    assert.equal(await countB(), before + 2);
  });

  test("F13 300 refused lines: every row's outcome, the first 100 errors on their rows, every error counted", async () => {
    const before = await countB();
    const bad = Array.from(
      { length: 300 },
      () => `C.,Smit,not-a-date,A.I,a,2026-04-01,,${dwelling},a|vonnis|2026-03-01`,
    );
    const res = await importCsv(csv([...good, ...bad]), false);
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const body = res.json() as {
      imported: number;
      refused: number;
      lines: number;
      errorCount: number;
      errorsByCode: Record<string, number>;
      rows: { line: number; outcome: string; errors: { code: string; field?: string }[] }[];
    };
    assert.equal(body.imported, 0);
    assert.equal(body.refused, 300);
    assert.equal(body.lines, 302);
    assert.equal(body.rows.length, 302, "every line's outcome");
    assert.deepEqual(
      body.rows.slice(0, 3).map((r) => [r.line, r.outcome]),
      [
        [2, "valid"],
        [3, "valid"],
        [4, "refused"],
      ],
    );
    const listed = body.rows.flatMap((r) => r.errors.map(() => r.line));
    assert.equal(listed.length, 100, "the first 100 errors are listed");
    assert.equal(listed.at(-1), 103, "the first by line");
    assert.equal(body.rows[3]!.errors[0]!.field, "person.birthDate");
    assert.equal(body.errorCount, 300);
    assert.deepEqual(body.errorsByCode, { invalid_input: 300 });
    assert.equal(await countB(), before);
  });

  test("unknown columns, a broken file and a JSON route given CSV are refused clearly", async () => {
    const unknown = await importCsv("initials,surname,notes\nA.,B,c", true);
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, "unknown_column");
    const broken = await importCsv(`${header}\n"A.,Visser`, true);
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error.code, "invalid_csv");
    const json = await apiRequest(
      fx.app,
      "POST",
      "/api/v1/registrations",
      { ...fx.officerA, "content-type": "text/csv" },
      csv(good),
    );
    assert.equal(json.statusCode, 415);
  });
});

describe("withdrawal of the primary source", () => {
  test("erases every registration it is the primary source of", async () => {
    const org = fx.demo.organisations[2]!;
    const { email: _noEmail, ...byPost } = person;
    // Its own named officer decides (a consortium system key would leave a draft, D-841).
    const created = await post(bearer(org.apiKeys.officer), { ...nuisance, person: byPost });
    const registrationId = created.json().id as string;
    const res = await apiRequest(
      fx.app,
      "POST",
      `/api/v1/organisations/${org.id}/withdrawal`,
      fx.admin,
      {
        date: TODAY,
      },
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      await fx.ctx.database.query("SELECT id FROM registration WHERE organisation_id = $1", [
        org.id,
      ]),
      [],
    );
    const receipts = await fx.ctx.database.query<{ details: { rule: string } }>(
      "SELECT details FROM audit_event WHERE action = 'registration.erased' AND details->>'rule' = 'withdrawal'",
    );
    assert.ok(receipts.length >= 1);

    // Each person is owed the removal letter (001 §7.3): written before the keys were shredded,
    // sent by the consortium, still readable afterwards for posting (no e-mail address here).
    const letters = await apiRequest(
      fx.app,
      "GET",
      `/api/v1/letters?registrationId=${registrationId}`,
      fx.admin,
    );
    assert.equal(letters.statusCode, 200, letters.body);
    const removal = letters.json().items.find((l: { kind: string }) => l.kind === "removal");
    assert.ok(removal, letters.body);
    const pdf = await apiRequest(fx.app, "GET", `/api/v1/letters/${removal.id}/pdf`, fx.admin);
    assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 300));
    assert.equal(pdf.headers["content-type"], "application/pdf");
  });
});
