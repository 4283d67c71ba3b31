/**
 * Issue 22, F11: no personal data in the logs or the erasure journal. One app with a logger
 * that writes to memory runs the flows that carry personal data — sign-in, registrations,
 * screenings, the seeker index (PUT, block look-up, DELETE), vroegsignalering (positions,
 * a tenancy's events and page), a case, and a database statement that fails with a DPO's
 * name among its parameters — and then every value it made up is looked for in every line.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { Writable } from "node:stream";
import { after, before, test } from "node:test";
import { buildApp } from "./app.ts";
import { type DemoRegion, seedDemoRegion } from "./demo/demo-region.ts";
import type { App } from "./platform/context.ts";
import { identifierRefs } from "./platform/logger-identifiers.ts";
import { createTestContext, type TestContext } from "./testing/context.ts";
import { demoKeys } from "./testing/demo-app.ts";
import { apiCalls, placeRegistrationThroughApi } from "./testing/http.ts";
import { signInByForm } from "./testing/web.ts";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    cb();
  },
});

let ctx: TestContext;
let app: App;
let demo: DemoRegion;
let h: ReturnType<typeof demoKeys>;
const { call, ok } = apiCalls(() => app);

/** Every personal value the flows below create; none may appear in a log line. */
const person = {
  initials: "Q.W.",
  firstNames: "Quirijntje Wendelina",
  prefix: "van der",
  surname: "Zwanenburg-Oudshoorn",
  birthDate: "1971-09-23",
};
const address = {
  street: "Gravin Adelheidstraat",
  houseNumber: "117",
  postcode: "9931 QX",
  city: "Oudeschoot",
};
const SEEKER = "PRIV-770011";
const TENANCY = "HUUR-PRIV-4242";
const dpo = {
  name: "Gerrit Pijnacker-Hordijk",
  email: "g.pijnacker@privacy-test.example",
  phone: "06-98765432",
};
const tenant = {
  initials: "M.",
  surname: "Kooijmans-Brandsma",
  birthDate: "1983-04-19",
  email: "m.kooijmans@privacy-test.example",
};
const SECRETS = [
  person.firstNames,
  person.surname,
  "Zwanenburg",
  person.birthDate,
  address.street,
  address.postcode,
  SEEKER,
  TENANCY,
  dpo.name,
  dpo.email,
  dpo.phone,
  tenant.surname,
  tenant.birthDate,
  tenant.email,
  "Lindeboomsingel",
];

before(async () => {
  ctx = await createTestContext({ today: "2026-06-01", logDestination: sink });
  demo = (await seedDemoRegion(ctx.services, "aedes-2021")).demo;
  app = await buildApp(ctx, ctx.services);
  h = demoKeys(demo);
});
after(async () => {
  await app?.close();
  await ctx?.close();
});

test("F11 the logs of sign-in, registrations, screenings, seekers, arrears, cases and a failing query hold no personal value", async () => {
  // Sign-in through the pages (the e-mail address and password travel in the form).
  const officer = demo.users.find((u) => u.role === "officer")!;
  const session = await signInByForm(app, ctx.clock, officer);

  // A registration, and a screening of the same person with a seeker number.
  const reg = await placeRegistrationThroughApi(app, h.officerA, {
    person,
    address,
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: "2026-05-01",
  });
  await ok("POST", "/api/v1/screenings", h.querierB, {
    person: { ...person, seekerNumber: SEEKER },
    purpose: "allocation",
    address,
  });

  // The seeker index: in, looked up (with its query string), out.
  await ok("PUT", `/api/v1/seekers/${SEEKER}`, h.allocation, { person }, 201);
  await ok("GET", `/api/v1/seekers/${SEEKER}/block?purpose=allocation`, h.querierB);
  await ok("GET", `/api/v1/seekers/${SEEKER}/block`, h.allocation);

  // Vroegsignalering: a position, an event on the tenancy, the tenancy's page.
  const imported = await ok("POST", "/api/v1/arrears/positions", h.officerA, {
    asOf: "2026-05-31",
    items: [
      {
        tenancyRef: TENANCY,
        person: tenant,
        address: { ...address, street: "Lindeboomsingel", postcode: "9901 AB", city: "Lindendal" },
        monthlyRentCents: 80_000,
        arrearsCents: 90_000,
        oldestUnpaidDueDate: "2026-05-01",
      },
    ],
  });
  assert.equal(imported.imported, 1, JSON.stringify(imported));
  await ok(
    "POST",
    `/api/v1/arrears/tenancies/${TENANCY}/events`,
    h.officerA,
    { type: "contact_attempt", date: "2026-05-12", channel: "visit" },
    201,
  );
  await ok("GET", `/api/v1/arrears/tenancies/${TENANCY}`, h.officerA);
  const page = await app.inject({
    method: "GET",
    url: `/vroegsignalering/huurders/${TENANCY}?zoek=${encodeURIComponent(tenant.surname)}`,
    headers: { cookie: session.cookie },
  });
  assert.equal(page.statusCode, 200, page.body.slice(0, 300));

  // A case on the registration.
  await ok(
    "POST",
    "/api/v1/cases",
    h.officerA,
    { type: "objection", registrationId: reg.id, receivedDate: "2026-06-01" },
    201,
  );

  // A statement that fails in the database with a DPO's name, e-mail and phone among its
  // parameters (what the review saw in "unhandled error" lines).
  await ctx.database.query(
    `CREATE FUNCTION refuse_organisation() RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN RAISE EXCEPTION 'organisation refused (test)'; END $$`,
  );
  await ctx.database.query(
    "CREATE TRIGGER refuse_organisation BEFORE INSERT ON organisation " +
      "FOR EACH ROW EXECUTE FUNCTION refuse_organisation()",
  );
  const failed = await call("POST", "/api/v1/organisations", h.admin, {
    name: "Stichting Privacytoets",
    kind: "housing_corporation",
    dpo,
  });
  assert.equal(failed.statusCode, 500, failed.body);

  // Out of the index again: the journal keeps the number's reference, not the number.
  assert.equal((await call("DELETE", `/api/v1/seekers/${SEEKER}`, h.allocation)).statusCode, 204);

  const text = lines.join("\n");
  for (const secret of [...SECRETS, officer.email, officer.password]) {
    const at = lines.find((l) => l.toLowerCase().includes(secret.toLowerCase()));
    assert.equal(at, undefined, `"${secret}" is in the log: ${at}`);
  }
  // The test saw what it should: request lines, the failure (with its SQL, without values).
  const ref = await identifierRefs(ctx.keyring);
  const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const paths = entries.map((e) => (e.req as { path?: string } | undefined)?.path);
  assert.ok(paths.includes(`/api/v1/seekers/~${ref("seeker_number", SEEKER)}/block`));
  assert.ok(paths.includes(`/api/v1/arrears/tenancies/~${ref("tenancy_reference", TENANCY)}`));
  assert.ok(paths.includes(`/vroegsignalering/huurders/~${ref("tenancy_reference", TENANCY)}`));
  const failure = entries.find((e) => e.msg === "unhandled error");
  assert.ok(failure, "the failing statement was logged");
  assert.match(JSON.stringify(failure), /insert into \\"organisation\\"/i);
  assert.match(JSON.stringify(failure), /organisation refused \(test\)/);
  assert.ok(text.length > 0);

  const journal = fs.readFileSync(ctx.services.retention.journalFile, "utf8");
  assert.ok(!journal.includes(SEEKER), journal);
  assert.ok(journal.includes(ref("seeker_number", SEEKER)), journal);
});
