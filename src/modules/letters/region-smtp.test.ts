/**
 * The region's own SMTP server (issue #10): set through `PATCH /region/settings`, the password
 * encrypted at rest and write-only, letters e-mailed through it (a real SMTP server on
 * loopback, src/testing/smtp-sink.ts), the test message with the server's error, and the
 * environment's settings (here the outbox) as the fallback when it is cleared.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { DemoRegion } from "../../demo/demo-region.ts";
import { createDemoApp, type DemoApp } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import { apiRequest, assertRefused, bearer } from "../../testing/http.ts";
import { type SmtpSink, startSmtpSink } from "../../testing/smtp-sink.ts";

const PASSWORD = "geheim-Wachtwoord-42";

let fx: DemoApp;
let demo: DemoRegion;
let sink: SmtpSink;
let admin: Record<string, string>;

before(async () => {
  fx = await createDemoApp({ today: "2026-06-01" });
  demo = fx.demo;
  admin = bearer(demo.consortiumAdmin.apiKey);
  sink = await startSmtpSink({ credentials: { user: "woonsignaal", password: PASSWORD } });
});
after(async () => {
  await sink?.close();
  await fx?.close();
});

const call = (method: "GET" | "PATCH" | "POST", url: string, payload?: object) =>
  fx.app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });

const smtp = (extra: Record<string, unknown> = {}) => ({
  host: "127.0.0.1",
  port: sink.port,
  tls: "none",
  username: "woonsignaal",
  password: PASSWORD,
  from: "brieven@regio.example",
  ...extra,
});

describe("the region's SMTP server", () => {
  test("has none at first: e-mail comes from the environment", async () => {
    const res = await call("GET", "/api/v1/region/settings");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().smtp, null);
    assert.equal(res.json().matchThreshold, 18);
  });

  test("bad settings are refused and change nothing", async () => {
    for (const bad of [
      smtp({ host: "mail server!" }),
      smtp({ port: 70_000 }),
      smtp({ tls: "ssl" }),
      smtp({ from: "geen adres" }),
      smtp({ extra: 1 }),
    ]) {
      const res = await call("PATCH", "/api/v1/region/settings", { smtp: bad });
      assert.equal(res.statusCode, 400, JSON.stringify(bad));
    }
    const noUser = await call("PATCH", "/api/v1/region/settings", {
      smtp: smtp({ username: null }),
    });
    assertRefused(noUser, 400, "smtp_password_without_username");
    assert.equal((await call("GET", "/api/v1/region/settings")).json().smtp, null);
  });

  test("is saved with the password encrypted, never shown back, and audited without it", async () => {
    const res = await call("PATCH", "/api/v1/region/settings", { smtp: smtp() });
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json().smtp;
    assert.equal(view.host, "127.0.0.1");
    assert.equal(view.passwordSet, true);
    assert.equal(view.username, "woonsignaal");
    assert.ok(!res.body.includes(PASSWORD), "the password is write-only");
    const got = await call("GET", "/api/v1/region/settings");
    assert.ok(!got.body.includes(PASSWORD));
    assert.equal(got.json().smtp.passwordSet, true);
    const [row] = await fx.ctx.database.query<{ password: string }>(
      "SELECT password FROM region_mail",
    );
    assert.match(row!.password, /^ws1\.\d+\./, "encrypted at rest");
    assert.ok(!row!.password.includes(PASSWORD));
    const audit = await apiRequest(
      fx.app,
      "GET",
      "/api/v1/audit?action=region.settings_changed",
      bearer(demo.auditor.apiKey),
    );
    assert.equal(audit.statusCode, 200, audit.body);
    const last = audit.json().items.at(-1);
    assert.equal(last.details.smtpPassword, "replaced");
    assert.equal(last.details.after.smtp.host, "127.0.0.1");
    assert.equal(last.details.after.smtp.passwordSet, true);
    assert.ok(!audit.body.includes(PASSWORD), "no password in the audit log");
    assert.ok(!audit.body.includes(row!.password), "nor its ciphertext");
  });

  test("a test message goes through it, logged in", async () => {
    const before = sink.messages.length;
    const res = await call("POST", "/api/v1/region/mail-test", { to: "beheer@regio.example" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().source, "region");
    assert.equal(res.json().kind, "smtp");
    assert.equal(sink.messages.length, before + 1);
    const message = sink.messages.at(-1)!;
    assert.equal(message.user, "woonsignaal");
    assert.equal(message.from, "brieven@regio.example");
    assert.deepEqual(message.to, ["beheer@regio.example"]);
    assert.match(message.data, /Subject: Woonsignaal: testbericht/);
  });

  test("a letter is e-mailed through it, with its PDF", async () => {
    const before = sink.messages.length;
    const reg = await apiRequest(
      fx.app,
      "POST",
      "/api/v1/registrations",
      bearer(demo.organisations[0]!.apiKeys.officer),
      withEvidence({
        person: {
          initials: "M.",
          surname: "Postbode",
          birthDate: "1988-08-08",
          email: "m.postbode@example.org",
        },
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: "2026-05-01",
      }),
    );
    assert.equal(reg.statusCode, 201, reg.body);
    assert.equal(sink.messages.length, before + 1, "the placement letter went by SMTP");
    const message = sink.messages.at(-1)!;
    assert.deepEqual(message.to, ["m.postbode@example.org"]);
    assert.match(message.data, /Content-Type: application\/pdf/);
    assert.match(message.data, /^From: .*<brieven@regio\.example>/m);
  });

  test("keeps the password when it is left out; a wrong one gives the server's error", async () => {
    const { password: _password, ...withoutPassword } = smtp({ from: "post@regio.example" });
    const kept = await call("PATCH", "/api/v1/region/settings", { smtp: withoutPassword });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.equal(kept.json().smtp.passwordSet, true);
    assert.equal(kept.json().smtp.from, "post@regio.example");
    const ok = await call("POST", "/api/v1/region/mail-test", { to: "beheer@regio.example" });
    assert.equal(ok.statusCode, 200, ok.body);

    const wrong = await call("PATCH", "/api/v1/region/settings", {
      smtp: smtp({ password: "fout" }),
    });
    assert.equal(wrong.statusCode, 200);
    const failed = await call("POST", "/api/v1/region/mail-test", { to: "beheer@regio.example" });
    assert.equal(failed.statusCode, 409, failed.body);
    const error = failed.json().error;
    assert.equal(error.code, "mail_test_failed");
    assert.equal(error.details.code, "EAUTH");
    assert.match(error.details.reply, /535/);
    assert.ok(!failed.body.includes("fout"), "the password is not in the error");
    const audit = await apiRequest(
      fx.app,
      "GET",
      "/api/v1/audit?action=region.mail_test",
      bearer(demo.auditor.apiKey),
    );
    const last = audit.json().items.at(-1);
    assert.equal(last.outcome, "failed");
    assert.equal(last.details.error, "EAUTH");
  });

  test("a server that does not answer is reported, not hung on", async () => {
    const closed = await startSmtpSink();
    const port = closed.port;
    await closed.close();
    const res = await call("PATCH", "/api/v1/region/settings", {
      smtp: smtp({ port, username: null, password: null }),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().smtp.passwordSet, false, "the password is cleared");
    const failed = await call("POST", "/api/v1/region/mail-test", { to: "beheer@regio.example" });
    assert.equal(failed.statusCode, 409);
    assert.equal(failed.json().error.details.code, "ESOCKET");
  });

  test("cleared, e-mail falls back to the environment (the outbox in tests)", async () => {
    const res = await call("PATCH", "/api/v1/region/settings", { smtp: null });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().smtp, null);
    const sent = await call("POST", "/api/v1/region/mail-test", { to: "beheer@regio.example" });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().source, "environment");
    assert.equal(sent.json().kind, "outbox");
    const outbox = fx.ctx.services.letters.outboxDir!;
    assert.ok(readdirSync(outbox).some((f) => f.includes("test-")));
  });

  test("only a consortium admin changes it or sends a test", async () => {
    const officer = bearer(demo.organisations[0]!.apiKeys.officer);
    const patch = await apiRequest(fx.app, "PATCH", "/api/v1/region/settings", officer, {
      smtp: null,
    });
    assert.equal(patch.statusCode, 403);
    const mailTest = await apiRequest(fx.app, "POST", "/api/v1/region/mail-test", officer, {
      to: "x@example.org",
    });
    assert.equal(mailTest.statusCode, 403);
  });
});
