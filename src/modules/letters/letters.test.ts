/**
 * Letters and notification duties through the real API and database: e-mail to the outbox,
 * the no-address path of 003 ch. 10, immutability, the worklist, skipping, erasure, kkr's
 * notice-first placement, hit letters, and deadlines under the Algemene termijnenwet.
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { buildApp } from "../../app.ts";
import { seedDemoRegion } from "../../demo/demo-region.ts";
import type { App } from "../../platform/context.ts";
import { termEnd } from "../../platform/werkdagen.ts";
import { getProfile } from "../../protocol/index.ts";
import { demoUserOf } from "../../testing/authorization.ts";
import { createTestContext, type TestContext } from "../../testing/context.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import {
  apiCalls,
  apiRequest,
  assertRefused,
  bearer,
  placeRegistrationThroughApi,
  signIn,
} from "../../testing/http.ts";

const TODAY = "2026-06-01";

const person = (surname: string, extra: Record<string, string> = {}) => ({
  initials: "M.",
  firstNames: "Marit",
  surname,
  birthDate: "1988-08-08",
  gender: "V",
  ...extra,
});
const address = {
  street: "Dorpsstraat",
  houseNumber: "5",
  postcode: "9903 CD",
  city: "Valleidorp",
};
const registration = (p: object, withAddress = true) =>
  withEvidence({
    person: p,
    ...(withAddress ? { address } : {}),
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: "2026-05-01",
  });

function pdfText(bytes: Buffer): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: bytes })
    .toString("utf8")
    .replace(/\s+/g, " ");
}

const fx = useDemoApi({ today: TODAY });

const { call } = apiCalls(() => fx.app);

async function register(headers: Record<string, string>, payload: object) {
  return placeRegistrationThroughApi<{ id: string; status: string }>(fx.app, headers, payload);
}

async function lettersOf(registrationId: string, headers = fx.officerA) {
  const res = await call("GET", `/api/v1/letters?registrationId=${registrationId}`, headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as {
    id: string;
    kind: string;
    status: string;
    channel: string;
    pdfSha256: string;
    contentAvailable: boolean;
    language: string;
    dutyId: string;
  }[];
}

describe("the placement letter by e-mail", () => {
  let registrationId: string;
  let letterId: string;

  before(async () => {
    registrationId = (
      await register(
        fx.officerA,
        registration(person("Brievenbus", { email: "m.brievenbus@example.org" })),
      )
    ).id;
  });

  test("is produced and e-mailed at once: the outbox holds the message with the PDF", async () => {
    const letters = await lettersOf(registrationId);
    assert.equal(letters.length, 1);
    const letter = letters[0]!;
    letterId = letter.id;
    assert.equal(letter.kind, "placement");
    assert.equal(letter.status, "sent");
    assert.equal(letter.channel, "email");
    const outbox = fx.ctx.services.letters.outboxDir!;
    const file = readdirSync(outbox).find((f) => f.endsWith(`${letter.id}.eml`));
    assert.ok(file, "an .eml file for the letter in the outbox");
    const eml = readFileSync(path.join(outbox, file), "utf8");
    assert.match(eml, /^To: m\.brievenbus@example\.org$/m);
    assert.match(
      eml,
      /^From: "?Woonstichting De Linde \(demo\)"? <noreply@woonsignaal\.invalid>$/m,
    );
    assert.match(eml, /^Subject: .*Mededeling van uw opname/m);
    assert.match(eml, /Content-Type: application\/pdf/);
    // The person reads the attachment's name too: Dutch words, never the API's kind code.
    assert.match(eml, /filename="?brief-registratie-\d{4}-\d{2}-\d{2}\.pdf/);
    assert.doesNotMatch(eml, /placement/);
    // The attachment is exactly the stored letter.
    const attachment =
      /Content-Transfer-Encoding: base64\r?\n[^\n]*\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(
        eml.slice(eml.indexOf("application/pdf")),
      );
    assert.ok(attachment, "a base64 PDF part");
    const pdf = Buffer.from(attachment[1]!.replace(/\s+/g, ""), "base64");
    assert.equal(createHash("sha256").update(pdf).digest("hex"), letter.pdfSha256);
    const duties = await fx.ctx.services.letters.dutiesOf(registrationId);
    assert.equal(duties[0]!.status, "fulfilled");
  });

  test("GET /letters/{id}/pdf gives the PDF with the person's own data; metadata has none", async () => {
    const meta = await call("GET", `/api/v1/letters/${letterId}`, fx.officerA);
    assert.equal(meta.statusCode, 200);
    assert.ok(!meta.body.includes("Brievenbus"), "no personal data in the metadata");
    const res = await call("GET", `/api/v1/letters/${letterId}/pdf`, fx.officerA);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.match(
      String(res.headers["content-disposition"]),
      new RegExp(`filename="brief-registratie-\\d{4}-\\d{2}-\\d{2}-${letterId.slice(0, 8)}\\.pdf"`),
    );
    const text = pdfText(res.rawPayload);
    for (const s of ["Marit Brievenbus", "8 augustus 1988", "Dorpsstraat 5", "Postbus 1000"]) {
      assert.ok(text.includes(s), s);
    }
    const viewed = await fx.ctx.database.query(
      "SELECT 1 FROM audit_event WHERE action = 'letter.viewed' AND object_id = $1",
      [letterId],
    );
    assert.equal(viewed.length, 1, "reading a letter is logged");
  });

  test("another organisation gets 404, a querier 403, the consortium admin sees it", async () => {
    for (const url of [`/api/v1/letters/${letterId}`, `/api/v1/letters/${letterId}/pdf`]) {
      const other = await call("GET", url, fx.officerB);
      assertRefused(other, 404, "not_found");
      assert.equal((await call("GET", url, fx.querierA)).statusCode, 403);
      assert.equal((await call("GET", url, fx.admin)).statusCode, 200);
    }
    assert.deepEqual(await lettersOf(registrationId, fx.officerB), []);
    const post = await call("POST", `/api/v1/letters/${letterId}/sent`, fx.officerB, {
      sentOn: TODAY,
    });
    assert.equal(post.statusCode, 404);
  });

  test("a sent letter never changes: 'sent' or 'documented' again is 409", async () => {
    const again = await call("POST", `/api/v1/letters/${letterId}/sent`, fx.officerA, {
      sentOn: TODAY,
    });
    assertRefused(again, 409, "letter_final");
    const documented = await call(
      "POST",
      `/api/v1/letters/${letterId}/documented`,
      fx.officerA,
      {},
    );
    assert.equal(documented.statusCode, 409);
  });
});

describe("no address known (003 ch. 10): documented, then sent once an address is known", () => {
  let registrationId: string;
  let firstLetter: string;

  test("the letter is drawn up without an address and can only be documented", async () => {
    registrationId = (await register(fx.officerA, registration(person("Noorderzon"), false))).id;
    const [letter] = await lettersOf(registrationId);
    assert.ok(letter);
    firstLetter = letter.id;
    assert.equal(letter.status, "draft");
    assert.equal(letter.channel, "none");
    const text = pdfText(
      (await call("GET", `/api/v1/letters/${letter.id}/pdf`, fx.officerA)).rawPayload,
    );
    assert.ok(text.includes("geen adres bekend"));
    const sent = await call("POST", `/api/v1/letters/${letter.id}/sent`, fx.officerA, {
      sentOn: TODAY,
    });
    assertRefused(sent, 422, "letter_has_no_address");
    const documented = await call(
      "POST",
      `/api/v1/letters/${letter.id}/documented`,
      fx.officerA,
      {},
    );
    assert.equal(documented.statusCode, 200, documented.body);
    assert.equal(documented.json().status, "documented");
    const duty = (await fx.ctx.services.letters.dutiesOf(registrationId))[0]!;
    assert.equal(duty.status, "documented", "documenting meets the duty for now");
    const twice = await call("POST", `/api/v1/letters/${letter.id}/documented`, fx.officerA, {});
    assert.equal(twice.statusCode, 409);
  });

  test("an address added later reopens the duty with a new deadline and a letter for the post", async () => {
    fx.ctx.clock.set("2026-06-10");
    const patched = await call("PATCH", `/api/v1/registrations/${registrationId}`, fx.officerA, {
      address,
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const duty = (await fx.ctx.services.letters.dutiesOf(registrationId))[0]!;
    assert.equal(duty.status, "open");
    assert.ok(duty.reopenedAt);
    const rule = getProfile("aedes-2021").deadlines.placement_letter_late_address!;
    assert.equal(duty.dueDate, termEnd("2026-06-10", rule.term).date);
    assert.equal(duty.deadlineKey, "placement_letter_late_address");
    const letters = await lettersOf(registrationId);
    assert.equal(letters.length, 2, "the documented letter stays; a new one is made");
    const fresh = letters.find((l) => l.id !== firstLetter)!;
    assert.equal(fresh.status, "draft");
    assert.equal(fresh.channel, "post");
    const text = pdfText(
      (await call("GET", `/api/v1/letters/${fresh.id}/pdf`, fx.officerA)).rawPayload,
    );
    assert.ok(text.includes("Dorpsstraat 5") && text.includes("10 juni 2026"));

    const early = await call("POST", `/api/v1/letters/${fresh.id}/sent`, fx.officerA, {
      sentOn: "2026-06-01",
    });
    assert.equal(early.statusCode, 400, "not posted before the letter's date");
    const sent = await call("POST", `/api/v1/letters/${fresh.id}/sent`, fx.officerA, {
      sentOn: "2026-06-10",
    });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().sentOn, "2026-06-10");
    assert.equal(sent.json().actedBy.kind, "api_key");
    assert.equal((await fx.ctx.services.letters.dutiesOf(registrationId))[0]!.status, "fulfilled");
    const again = await call("POST", `/api/v1/letters/${fresh.id}/sent`, fx.officerA, {
      sentOn: "2026-06-10",
    });
    assert.equal(again.statusCode, 409);
    fx.ctx.clock.set(TODAY);
  });
});

describe("the worklist, producing again, skipping", () => {
  let dutyId: string;
  let registrationId: string;

  before(async () => {
    fx.ctx.clock.set("2026-04-01");
    registrationId = (
      await register(fx.officerA, {
        ...registration(person("Werklijst")),
        placementDate: "2026-03-01",
      })
    ).id;
    dutyId = (await fx.ctx.services.letters.dutiesOf(registrationId))[0]!.id;
    fx.ctx.clock.set(TODAY);
  });

  test("GET /duties?overdue=true lists open duties past due, oldest first, per organisation", async () => {
    const res = await call("GET", "/api/v1/duties?overdue=true", fx.officerA);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { id: string; dueDate: string; overdue: boolean }[];
    assert.ok(items.some((d) => d.id === dutyId));
    assert.ok(items.every((d) => d.overdue && d.dueDate < TODAY));
    const dates = items.map((d) => d.dueDate);
    assert.deepEqual(dates, [...dates].sort(), "oldest first");
    const other = await call("GET", "/api/v1/duties?overdue=true", fx.officerB);
    assert.ok(!(other.json().items as { id: string }[]).some((d) => d.id === dutyId));
    const all = await call("GET", "/api/v1/duties?overdue=true", fx.admin);
    assert.ok((all.json().items as { id: string }[]).some((d) => d.id === dutyId));
    assert.equal((await call("GET", "/api/v1/duties", fx.querierA)).statusCode, 403);
  });

  test("the letter can be produced again in English; the draft is replaced", async () => {
    const res = await call("POST", `/api/v1/duties/${dutyId}/letter`, fx.officerA, {
      language: "en",
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().language, "en");
    const letters = await lettersOf(registrationId);
    assert.equal(letters.length, 1, "the Dutch draft was replaced");
    const text = pdfText(
      (await call("GET", `/api/v1/letters/${letters[0]!.id}/pdf`, fx.officerA)).rawPayload,
    );
    assert.ok(text.includes("Notice of your registration"));
  });

  test("skipping: only for a fixed reason the profile allows; who and why are recorded", async () => {
    const free = await call("POST", `/api/v1/duties/${dutyId}/skip`, fx.officerA, {
      reason: "he knows, I told him on the phone",
    });
    assert.equal(free.statusCode, 400, "no free text");
    const skipped = await call("POST", `/api/v1/duties/${dutyId}/skip`, fx.officerA, {
      reason: "informed_in_person",
    });
    assert.equal(skipped.statusCode, 200, skipped.body);
    assert.equal(skipped.json().status, "skipped");
    assert.equal(skipped.json().skipReason, "informed_in_person");
    const [letter] = await lettersOf(registrationId);
    assert.equal(letter!.status, "skipped");
    assert.equal(letter!.contentAvailable, false, "the unsent draft's content is gone");
    const audit = await fx.ctx.database.query<{ details: { reason: string } }>(
      "SELECT details FROM audit_event WHERE action = 'duty.skipped' AND object_id = $1",
      [dutyId],
    );
    assert.equal(audit[0]!.details.reason, "informed_in_person");
    const again = await call("POST", `/api/v1/duties/${dutyId}/skip`, fx.officerA, {
      reason: "informed_in_person",
    });
    assert.equal(again.statusCode, 409);
  });
});

describe("erasure: the removal letter, and no letter content left behind", () => {
  test("with an e-mail address: the removal letter is e-mailed, then nothing readable remains", async () => {
    const { id } = await register(
      fx.officerA,
      registration(person("Wisser", { email: "wisser@example.org" })),
    );
    const erased = await call("DELETE", `/api/v1/registrations/${id}`, fx.officerA);
    assert.equal(erased.statusCode, 204, erased.body);
    const letters = await lettersOf(id);
    const removal = letters.find((l) => l.kind === "removal")!;
    const placement = letters.find((l) => l.kind === "placement")!;
    assert.equal(removal.status, "sent");
    assert.equal(removal.channel, "email");
    assert.ok(
      readdirSync(fx.ctx.services.letters.outboxDir!).some((f) => f.endsWith(`${removal.id}.eml`)),
    );
    for (const l of [removal, placement]) {
      assert.equal(l.contentAvailable, false, `${l.kind}: content erased`);
      const pdf = await call("GET", `/api/v1/letters/${l.id}/pdf`, fx.officerA);
      assertRefused(pdf, 404, "letter_content_erased");
    }
    const rows = await fx.ctx.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM letter WHERE registration_id = $1 AND pdf_ciphertext IS NOT NULL",
      [id],
    );
    assert.equal(rows[0]!.n, 0);
    const duties = await fx.ctx.services.letters.dutiesOf(id);
    assert.equal(duties.find((d) => d.kind === "removal")!.status, "fulfilled");
    assert.equal(duties.find((d) => d.kind === "removal")!.reason, "erased_by_primary_source");
  });

  test("without any address: the removal letter waits to be documented, then its content goes", async () => {
    const { id } = await register(fx.officerA, registration(person("Spoorloos"), false));
    assert.equal(
      (await call("DELETE", `/api/v1/registrations/${id}`, fx.officerA)).statusCode,
      204,
    );
    const letters = await lettersOf(id);
    const placement = letters.find((l) => l.kind === "placement")!;
    assert.equal(placement.status, "skipped", "the unsent placement draft is not sent any more");
    const removal = letters.find((l) => l.kind === "removal")!;
    assert.equal(removal.channel, "none");
    assert.equal(removal.contentAvailable, true);
    const text = pdfText(
      (await call("GET", `/api/v1/letters/${removal.id}/pdf`, fx.officerA)).rawPayload,
    );
    assert.ok(text.includes("Marit Spoorloos") && text.includes("verwijderd"));
    const documented = await call(
      "POST",
      `/api/v1/letters/${removal.id}/documented`,
      fx.officerA,
      {},
    );
    assert.equal(documented.statusCode, 200, documented.body);
    assert.equal(documented.json().contentAvailable, false);
    const placementDuty = (await fx.ctx.services.letters.dutiesOf(id)).find(
      (d) => d.kind === "placement",
    )!;
    assert.equal(placementDuty.status, "cancelled");
  });
});

describe("hit letters (001 §9.1 D): from the querying organisation", () => {
  test("the querier's own data of the candidate; the primary source named, never the reason", async () => {
    const { id } = await register(fx.officerA, registration(person("Treffer")));
    const profile = getProfile("aedes-2021");
    const querier = fx.demo.organisations[1]!.id;
    const sealed = await fx.ctx.services.letters.sealDutyData(querier, {
      person: { initials: "M.", surname: "Treffer", birthDate: "1988-08-08" },
      address: { street: "Havenweg", houseNumber: "9", postcode: "9902 XY", city: "Havenstad" },
      hit: {
        screeningDate: TODAY,
        purpose: "allocation",
        since: "2026-05-01",
        until: "2028-05-01",
        scope: "organisation",
        primarySourceId: fx.demo.organisations[0]!.id,
      },
    });
    const duty = await fx.ctx.database.db.transaction((tx) =>
      fx.ctx.services.letters.recordDuty(tx, profile, {
        organisationId: querier,
        registrationId: null,
        kind: "hit",
        eventDate: TODAY,
        sealed,
      }),
    );
    await fx.ctx.services.letters.produceAfterEvent(duty.id);
    const res = await call("GET", `/api/v1/letters?dutyId=${duty.id}`, fx.officerB);
    const [letter] = res.json().items as { id: string; channel: string; organisationId: string }[];
    assert.ok(letter);
    assert.equal(letter.organisationId, querier);
    assert.equal(letter.channel, "post");
    const text = pdfText(
      (await call("GET", `/api/v1/letters/${letter.id}/pdf`, fx.officerB)).rawPayload,
    );
    for (const s of [
      "Havenweg 9",
      "Wooncorporatie Havenstad (demo)",
      "Woonstichting De Linde (demo)",
      "Postbus 1000",
    ]) {
      assert.ok(text.includes(s), s);
    }
    assert.ok(!text.includes("Overlast"), "the category is not disclosed to the querier");
    assert.equal((await call("GET", `/api/v1/letters/${letter.id}`, fx.officerA)).statusCode, 404);
    assert.ok(id);
  });
});

describe("deadlines (Algemene termijnenwet)", () => {
  test("four calendar weeks ending on Koningsdag move to the next working day", async () => {
    fx.ctx.clock.set("2026-03-30");
    const { id } = await register(fx.officerA, {
      ...registration(person("Koning")),
      placementDate: "2026-03-02",
    });
    const duty = (await fx.ctx.services.letters.dutiesOf(id))[0]!;
    assert.equal(duty.eventDate, "2026-03-30");
    assert.equal(duty.dueDate, "2026-04-28", "27 April 2026 is Koningsdag (Monday)");
    fx.ctx.clock.set(TODAY);
  });

  test("working days skip the weekend and Koningsdag; weeks do not count them", async () => {
    const keurmerk = getProfile("keurmerk-2013");
    const org = fx.demo.organisations[0]!.id;
    const [days, weeks] = await fx.ctx.database.db.transaction(async (tx) => [
      await fx.ctx.services.letters.recordDuty(tx, keurmerk, {
        organisationId: org,
        registrationId: null,
        kind: "removal",
        eventDate: "2026-04-22",
        deadlineKey: "upheld_objection_removal", // 5 werkdagen (001 §3.4)
      }),
      await fx.ctx.services.letters.recordDuty(tx, keurmerk, {
        organisationId: org,
        registrationId: null,
        kind: "acknowledgement",
        eventDate: "2026-04-22",
      }),
    ]);
    assert.equal(
      days.dueDate,
      "2026-04-30",
      "Thu 23, Fri 24, (weekend, Koningsdag) Tue 28, Wed 29, Thu 30",
    );
    assert.equal(
      weeks.dueDate,
      "2026-05-06",
      "2 weeks: 6 May (Bevrijdingsdag 2026 is no general holiday)",
    );
  });

  test("a letter the profile does not know is refused (aedes has no continuation letter)", async () => {
    await assert.rejects(
      fx.ctx.database.db.transaction((tx) =>
        fx.ctx.services.letters.recordDuty(tx, getProfile("aedes-2021"), {
          organisationId: fx.demo.organisations[0]!.id,
          registrationId: null,
          kind: "continuation",
          eventDate: TODAY,
        }),
      ),
      /no continuation letter/,
    );
  });
});

describe("the letterhead", () => {
  test("an organisation's logo (PNG data URL) appears on its letters; anything else is refused", async () => {
    const orgC = fx.demo.organisations[2]!;
    const png =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    const bad = await call("PATCH", `/api/v1/organisations/${orgC.id}`, fx.admin, {
      logo: "https://example.org/logo.png",
    });
    assert.equal(bad.statusCode, 400);
    const ok = await call("PATCH", `/api/v1/organisations/${orgC.id}`, fx.admin, { logo: png });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().hasLogo, true);
    const { id } = await register(bearer(orgC.apiKeys.officer), registration(person("Briefhoofd")));
    const [letter] = await lettersOf(id, bearer(orgC.apiKeys.officer));
    const pdf = await call(
      "GET",
      `/api/v1/letters/${letter!.id}/pdf`,
      bearer(orgC.apiKeys.officer),
    );
    assert.match(pdf.rawPayload.toString("latin1"), /\/Subtype \/Image/);
    assert.ok(pdfText(pdf.rawPayload).includes("Stichting Thuis in de Vallei (demo)"));
  });
});

describe("an import's letters are produced on request", () => {
  test("POST /duties/letters produces the letters of open duties that have none", async () => {
    const csv = [
      "initials,surname,birthDate,categories,criteria,placementDate,claimCents,street,houseNumber,postcode,city,evidence",
      "K.,Ingelezen,1970-01-01,A.I,a,2026-05-01,,Kerkstraat,3,9901 AB,Lindendal,a|vonnis|2026-04-01",
    ].join("\n");
    const imported = await call(
      "POST",
      "/api/v1/registrations/import?dryRun=false",
      { ...fx.officerB, "content-type": "text/csv" },
      csv,
    );
    assert.equal(imported.statusCode, 200, imported.body);
    // An import's rows are drafts until its officer confirms them, all at once (D-841): then
    // their letters are owed and produced on request.
    const session = await signIn(
      fx.app,
      fx.ctx.clock,
      demoUserOf(fx.demo, "officer", fx.demo.organisations[1]!.id),
    );
    const page = await fx.app.inject({
      method: "GET",
      url: "/werklijst",
      headers: { cookie: session.cookie },
    });
    const action = `/werklijst/import/${imported.json().importId}/bevestigen`;
    assert.ok(page.body.includes(action), "the worklist offers to confirm the import");
    const confirm = (fields: string) =>
      fx.app.inject({
        method: "POST",
        url: action,
        headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: `_csrf=${encodeURIComponent(session.csrfToken)}&declaration=yes${fields}`,
      });
    // 003-02: the importing officer's weighing goes with the confirmation (D-1060).
    const unweighed = await confirm("");
    assert.equal(unweighed.headers.location, "/werklijst?melding=afweging");
    const confirmed = await confirm("&interestsWeighed=yes&weighingTerm=standard");
    assert.equal(confirmed.statusCode, 303, confirmed.body);
    assert.equal(confirmed.headers.location, "/werklijst?melding=bevestigd");
    const res = await call("POST", "/api/v1/duties/letters", fx.officerB, {});
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(res.json().produced >= 1);
    assert.equal(res.json().failed, 0);
  });
});

describe("kkr: the registration takes effect once its notice is sent or documented", () => {
  let k: TestContext;
  let kapp: App;
  let kofficer: Record<string, string>;
  before(async () => {
    k = await createTestContext({ today: TODAY });
    const kdemo = (await seedDemoRegion(k.services, "kkr")).demo;
    kapp = await buildApp(k, k.services);
    kofficer = bearer(kdemo.organisations[0]!.apiKeys.officer);
  });
  after(async () => {
    await kapp?.close();
    await k?.close();
  });
  const kregistration = (p: object, withAddress: boolean) =>
    withEvidence({
      person: p,
      ...(withAddress ? { address } : {}),
      categories: ["FIN"],
      criteria: ["FIN.1"],
      placementDate: "2026-05-01",
    });
  const kcall = (method: string, url: string, payload?: object) =>
    apiRequest(kapp, method, url, kofficer, payload);
  const kregister = (p: object, withAddress: boolean) =>
    kcall("POST", "/api/v1/registrations", kregistration(p, withAddress));

  test("e-mailed at once: active at once", async () => {
    const res = await kregister(person("Landelijk", { email: "landelijk@example.org" }), true);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, "active");
  });

  test("no address: pending_notice until the letter is documented", async () => {
    const res = await kregister(person("Wachtend"), false);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, "pending_notice");
    const id = res.json().id as string;
    const list = await kcall("GET", `/api/v1/letters?registrationId=${id}`);
    const letter = list.json().items[0] as { id: string };
    const text = pdfText((await kcall("GET", `/api/v1/letters/${letter.id}/pdf`)).rawPayload);
    assert.ok(text.includes("De registratie gaat pas in nadat deze kennisgeving"));
    const documented = await kcall("POST", `/api/v1/letters/${letter.id}/documented`, {});
    assert.equal(documented.statusCode, 200, documented.body);
    const reg = await kcall("GET", `/api/v1/registrations/${id}`);
    assert.equal(reg.json().status, "active");
  });

  test("by post: active once the officer records it as sent", async () => {
    const res = await kregister(person("Postbode"), true);
    assert.equal(res.json().status, "pending_notice");
    const id = res.json().id as string;
    const list = await kcall("GET", `/api/v1/letters?registrationId=${id}`);
    const letter = list.json().items[0] as { id: string; channel: string };
    assert.equal(letter.channel, "post");
    const sent = await kcall("POST", `/api/v1/letters/${letter.id}/sent`, {
      sentOn: TODAY,
    });
    assert.equal(sent.statusCode, 200, sent.body);
    const reg = await kcall("GET", `/api/v1/registrations/${id}`);
    assert.equal(reg.json().status, "active");
  });
});
