import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { DemoRegion } from "../../demo/demo-region.ts";
import { recordAudit } from "../../platform/audit/audit.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import type { TestContext } from "../../testing/context.ts";
import { createDemoApp } from "../../testing/demo-app.ts";
import { apiRequest, bearer } from "../../testing/http.ts";
import { CSV_COLUMNS, csvCell } from "./service.ts";

let ctx: TestContext;
let app: App;
let demo: DemoRegion;
let auditor: Record<string, string>;
const ORG = "0b9a4f9e-1111-4c55-9d2f-00000000000a";

async function event(
  at: string,
  action: string,
  extra: { org?: string; actor?: string; outcome?: "success" | "refused"; objectId?: string } = {},
) {
  await recordAudit(
    ctx.database.db,
    new FixedClock(new Date(at)),
    { requestId: "r", clientAddress: "192.0.2.1" },
    {
      actor: {
        type: "user",
        id: extra.actor ?? "user-x",
        organisationId: extra.org ?? ORG,
        role: "officer",
      },
      action,
      objectType: "registration",
      objectId: extra.objectId ?? "obj",
      outcome: extra.outcome ?? "success",
    },
  );
}

before(async () => {
  ({ ctx, app, demo } = await createDemoApp({ today: "2026-06-01" }));
  auditor = bearer(demo.auditor.apiKey);
  // 2026-03-10 23:30 in Amsterdam, and 2026-03-11 00:30 in Amsterdam.
  await event("2026-03-10T22:30:00.000Z", "test.alpha", { actor: "user-a" });
  await event("2026-03-10T23:30:00.000Z", "test.beta", { actor: "user-b", outcome: "refused" });
  await event("2026-03-12T09:00:00.000Z", "test.alpha", {
    org: "0b9a4f9e-2222-4c55-9d2f-00000000000b",
  });
  await event("2026-03-12T10:00:00.000Z", "test_other.gamma", {
    objectId: '=HYPERLINK("http://x")',
  });
});
after(async () => {
  await app?.close();
  await ctx?.close();
});

const get = (url: string, headers: Record<string, string> = auditor) =>
  apiRequest(app, "GET", url, headers);

describe("GET /api/v1/audit", () => {
  test("is for the auditor only", async () => {
    const callers: [string, Record<string, string>, number][] = [
      ["anonymous", {}, 401],
      ["officer", bearer(demo.organisations[0]!.apiKeys.officer), 403],
      ["querier", bearer(demo.organisations[0]!.apiKeys.querier), 403],
      ["consortium admin", bearer(demo.consortiumAdmin.apiKey), 403],
      ["auditor", auditor, 200],
    ];
    for (const [who, headers, status] of callers) {
      const res = await get("/api/v1/audit", headers);
      assert.equal(res.statusCode, status, `${who}: ${res.body.slice(0, 200)}`);
      if (status === 403) assert.equal(res.json().error.code, "forbidden");
    }
    const csv = await get(
      "/api/v1/audit?format=csv",
      bearer(demo.organisations[0]!.apiKeys.officer),
    );
    assert.equal(csv.statusCode, 403);
  });

  test("pages through the log in seq order, with the chain's hashes", async () => {
    const first = (await get("/api/v1/audit?pageSize=5")).json();
    assert.equal(first.page, 1);
    assert.equal(first.pageSize, 5);
    assert.ok(first.total > 10);
    assert.deepEqual(
      first.items.map((i: { seq: number }) => i.seq),
      [1, 2, 3, 4, 5],
    );
    for (let i = 1; i < first.items.length; i++) {
      assert.equal(first.items[i].prevHash, first.items[i - 1].hash);
    }
    const second = (await get("/api/v1/audit?pageSize=5&page=2")).json();
    assert.deepEqual(
      second.items.map((i: { seq: number }) => i.seq),
      [6, 7, 8, 9, 10],
    );
    assert.equal(second.items[0].prevHash, first.items[4].hash);
    const item = first.items[0];
    assert.deepEqual(Object.keys(item.actor).sort(), ["id", "organisationId", "role", "type"]);
    assert.match(item.occurredAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  test("filters: action (exact or prefix), organisation, actor, outcome", async () => {
    const actions = async (query: string) =>
      (await get(`/api/v1/audit?${query}`)).json().items.map((i: { action: string }) => i.action);
    assert.deepEqual(await actions("action=test.alpha"), ["test.alpha", "test.alpha"]);
    assert.deepEqual(await actions("action=test.*"), ["test.alpha", "test.beta", "test.alpha"]);
    // "_" in a prefix is a character, not a LIKE wildcard.
    assert.deepEqual(await actions("action=test_other.*"), ["test_other.gamma"]);
    assert.deepEqual(await actions(`organisationId=${ORG}&action=test.*`), [
      "test.alpha",
      "test.beta",
    ]);
    assert.deepEqual(await actions("actorId=user-b"), ["test.beta"]);
    assert.deepEqual(await actions("outcome=refused&action=test.*"), ["test.beta"]);
  });

  test("filters: from and to, as whole Amsterdam days or as instants, inclusive", async () => {
    const objects = async (query: string) =>
      (await get(`/api/v1/audit?action=test.*&${query}`))
        .json()
        .items.map((i: { occurredAt: string }) => i.occurredAt);
    assert.deepEqual(await objects("from=2026-03-10&to=2026-03-10"), ["2026-03-10T22:30:00.000Z"]);
    assert.deepEqual(await objects("from=2026-03-11&to=2026-03-11"), ["2026-03-10T23:30:00.000Z"]);
    assert.deepEqual(await objects("from=2026-03-11"), [
      "2026-03-10T23:30:00.000Z",
      "2026-03-12T09:00:00.000Z",
    ]);
    assert.deepEqual(await objects("from=2026-03-10T22:30:00Z&to=2026-03-10T23:30:00%2B00:00"), [
      "2026-03-10T22:30:00.000Z",
      "2026-03-10T23:30:00.000Z",
    ]);
    assert.deepEqual(await objects("to=2026-03-10T23:30:00%2B01:00"), ["2026-03-10T22:30:00.000Z"]);
  });

  test("refuses what it does not understand (400)", async () => {
    for (const query of [
      "pageSize=501",
      "page=0",
      "from=yesterday",
      "to=2026-02-30",
      "outcome=maybe",
      "action=DROP TABLE",
      "format=xml",
      "organisationId=not-a-uuid",
      "reason=curiosity",
      "from=2026-03-12&to=2026-03-11",
    ]) {
      const res = await get(`/api/v1/audit?${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
    }
    assert.equal((await get("/api/v1/audit?reason=x")).json().error.code, "unknown_field");
  });

  test("format=csv: text/csv with the same filters", async () => {
    const res = await get("/api/v1/audit?format=csv&action=test.*");
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^text\/csv; charset=utf-8/);
    assert.match(
      String(res.headers["content-disposition"]),
      /attachment; filename="woonsignaal-audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = res.body.trimEnd().split("\r\n");
    assert.equal(lines[0], CSV_COLUMNS.join(","));
    assert.equal(lines.length, 4);
    assert.match(lines[1]!, /,test\.alpha,registration,obj,success,192\.0\.2\.1,r,,/);
    const [json] = (await get("/api/v1/audit?action=test.*&pageSize=1")).json().items;
    assert.ok(lines[1]!.startsWith(`${json.seq},${json.id},${json.occurredAt},user,user-a,`));
    assert.ok(lines[1]!.endsWith(`,${json.prevHash},${json.hash}`));

    const total = (await get("/api/v1/audit?pageSize=1")).json().total;
    const all = await get("/api/v1/audit?format=csv");
    // Everything there was when it was asked for: the events counted above, and that look.
    assert.equal(all.body.trimEnd().split("\r\n").length - 1, total + 1);

    const paged = await get("/api/v1/audit?format=csv&pageSize=2&page=2");
    const pagedLines = paged.body.trimEnd().split("\r\n");
    assert.equal(pagedLines.length, 3);
    assert.ok(pagedLines[1]!.startsWith("3,"));

    const formula = (await get("/api/v1/audit?format=csv&action=test_other.*")).body;
    assert.match(
      formula,
      /,"'=HYPERLINK\(""http:\/\/x""\)",/,
      "a formula is never run by a spreadsheet",
    );
  });

  test("every look at the log is itself logged", async () => {
    await get("/api/v1/audit?action=test.beta");
    const res = (await get("/api/v1/audit?action=audit.viewed")).json();
    const last = res.items.at(-1);
    assert.equal(last.action, "audit.viewed");
    assert.equal(last.actor.organisationId, demo.auditor.organisationId);
    assert.equal(last.actor.type, "api_key");
    assert.deepEqual(last.details.filters, { action: "test.beta" });
    await get("/api/v1/audit?format=csv&action=test.beta");
    const exported = (await get("/api/v1/audit?action=audit.exported")).json().items;
    assert.equal(exported.at(-1).details.format, "csv");
  });
});

describe("CSV cells", () => {
  test("quote what needs quoting and defuse formulas", () => {
    assert.equal(csvCell(null), "");
    assert.equal(csvCell("plain"), "plain");
    assert.equal(csvCell('a,"b"'), '"a,""b"""');
    assert.equal(csvCell("line\nbreak"), '"line\nbreak"');
    assert.equal(csvCell("=1+1"), "'=1+1");
    assert.equal(csvCell("-2"), "'-2");
    assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
    assert.equal(csvCell({ b: 1 }), '"{""b"":1}"');
  });
});
