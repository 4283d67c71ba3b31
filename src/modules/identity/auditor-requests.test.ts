/**
 * F16 (issue 22): auditor access needs four eyes. An auditor organisation, key or account asked
 * by one consortium admin has no effect until a different consortium admin approves it; the
 * existing auditors are told; every step is audited.
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiRequest, type BrowserSession, errorCode, signIn } from "../../testing/http.ts";
import { browserOn } from "../../testing/web.ts";

const fx = useDemoApi({ today: "2026-06-01" });

const admins = () => fx.demo.users.filter((u) => u.role === "consortium_admin");
const call = (method: string, url: string, headers: Record<string, string>, body?: object) =>
  apiRequest(fx.app, method, url, headers, body);
/** Approves or rejects (withdraws) an auditor request as `headers`. */
const decide = (id: string, decision: "approval" | "rejection", headers: Record<string, string>) =>
  call("POST", `/api/v1/auditor-requests/${id}/${decision}`, headers);

/** The e-mails about one request in the outbox, by file name. */
function mailsAbout(requestId: string): Map<string, string> {
  const outbox = fx.ctx.services.letters.outboxDir!;
  let files: string[] = [];
  try {
    files = readdirSync(outbox);
  } catch {
    return new Map();
  }
  return new Map(
    files
      .filter((f) => f.includes(`auditor-request-${requestId}-`))
      .map((f) => [f, readFileSync(path.join(outbox, f), "utf8").replace(/=\r?\n/g, "")]),
  );
}

let first: BrowserSession;
let second: BrowserSession;

test("F16 the demo region has two consortium admins who can sign in", async () => {
  assert.equal(admins().length, 2);
  first = await signIn(fx.app, fx.ctx.clock, admins()[0]!);
  second = await signIn(fx.app, fx.ctx.clock, admins()[1]!);
});

test("F16 an auditor organisation needs a second consortium admin: refused directly, pending until approved by another person, the auditors told, all audited", async () => {
  const organisation = { name: "Controlebureau Tweede Lijn", kind: "auditor" };
  // Directly, by a person or by the consortium's key: refused, nothing made.
  for (const headers of [first.headers, fx.admin]) {
    const direct = await call("POST", "/api/v1/organisations", headers, organisation);
    assert.equal(direct.statusCode, 403, direct.body);
    assert.equal(errorCode(direct), "four_eyes_required");
  }
  const asked = await call("POST", "/api/v1/auditor-requests", first.headers, {
    kind: "organisation",
    organisation,
  });
  assert.equal(asked.statusCode, 201, asked.body);
  const request = asked.json();
  assert.equal(request.status, "pending");
  // Until approved it has no effect.
  const names = async () =>
    ((await call("GET", "/api/v1/organisations", fx.admin)).json().items as { name: string }[]).map(
      (o) => o.name,
    );
  assert.ok(!(await names()).includes(organisation.name));
  // The consortium admins and the auditors see it.
  for (const headers of [second.headers, fx.auditor]) {
    const list = await call("GET", "/api/v1/auditor-requests", headers);
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().items[0].id, request.id);
  }
  // The existing auditor was told, in plain Dutch.
  const told = [...mailsAbout(request.id).entries()];
  assert.equal(told.length, 1, "one e-mail to the one demo auditor");
  assert.match(told[0]![0], /-requested-/);
  assert.match(told[0]![1], /To: auditor@auditbureau\.example/);
  assert.match(told[0]![1], /tweede beheerder/);
  assert.match(told[0]![1], /Controlebureau Tweede Lijn/);
  assert.doesNotMatch(told[0]![1], /auditor_request|api_key|pending/);

  // The one who asked cannot approve; nor can a key; another person can.
  const self = await decide(request.id, "approval", first.headers);
  assert.equal(self.statusCode, 403);
  assert.equal(errorCode(self), "four_eyes_same_person");
  const byKey = await decide(request.id, "approval", fx.admin);
  assert.equal(byKey.statusCode, 403);
  assert.equal(errorCode(byKey), "four_eyes_person_required");
  assert.ok(!(await names()).includes(organisation.name), "still nothing made");
  const approved = await decide(request.id, "approval", second.headers);
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().request.status, "approved");
  const orgId = approved.json().organisation.id as string;
  assert.equal(approved.json().request.resultId, orgId);
  assert.ok((await names()).includes(organisation.name));
  const again = await decide(request.id, "approval", second.headers);
  assert.equal(again.statusCode, 409);
  assert.equal(errorCode(again), "request_already_decided");
  assert.equal(mailsAbout(request.id).size, 2, "the auditor is told of the approval too");

  const events = await fx.ctx.database.query<{ action: string }>(
    "SELECT action FROM audit_event WHERE object_id = $1 ORDER BY seq",
    [request.id],
  );
  assert.deepEqual(
    events.map((e) => e.action),
    [
      "auditor_request.created",
      "auditor_request.auditors_told",
      "auditor_request.approved",
      "auditor_request.auditors_told",
    ],
  );
  const created = await fx.ctx.database.query<{ actor_id: string }>(
    "SELECT actor_id FROM audit_event WHERE action = 'organisation.created' AND object_id = $1",
    [orgId],
  );
  assert.equal(created.length, 1);

  // F16 for its key: refused directly, asked, approved by the other admin, then it reads the log.
  const keyInput = { organisationId: orgId, role: "auditor", label: "Controle" };
  const direct = await call("POST", "/api/v1/api-keys", second.headers, keyInput);
  assert.equal(direct.statusCode, 403);
  assert.equal(errorCode(direct), "four_eyes_required");
  const keyAsked = await call("POST", "/api/v1/auditor-requests", second.headers, {
    kind: "api_key",
    apiKey: keyInput,
  });
  assert.equal(keyAsked.statusCode, 201, keyAsked.body);
  const keys = await call("GET", `/api/v1/api-keys?organisationId=${orgId}`, fx.admin);
  assert.deepEqual(keys.json().items, [], "no key before the approval");
  const keyApproved = await decide(keyAsked.json().id, "approval", first.headers);
  assert.equal(keyApproved.statusCode, 200, keyApproved.body);
  const key = keyApproved.json().apiKey.key as string;
  const audit = await call("GET", "/api/v1/audit", { authorization: `Bearer ${key}` });
  assert.equal(audit.statusCode, 200, audit.body);
});

test("F16 an auditor account asked and then refused is never made; other requests are refused as not auditor access", async () => {
  const user = {
    organisationId: fx.demo.auditor.organisationId,
    email: "tweede.auditor@auditbureau.example",
    displayName: "Tweede Auditor",
    roles: ["auditor"],
  };
  const direct = await call("POST", "/api/v1/users", first.headers, user);
  assert.equal(direct.statusCode, 403);
  assert.equal(errorCode(direct), "four_eyes_required");
  const asked = await call("POST", "/api/v1/auditor-requests", first.headers, {
    kind: "user",
    user,
  });
  assert.equal(asked.statusCode, 201, asked.body);
  // The one who asked may withdraw it.
  const withdrawn = await decide(asked.json().id, "rejection", first.headers);
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  assert.equal(withdrawn.json().status, "rejected");
  const late = await decide(asked.json().id, "approval", second.headers);
  assert.equal(late.statusCode, 409);
  const users = await call("GET", "/api/v1/users", fx.admin);
  assert.ok(
    !(users.json().items as { email: string }[]).some((u) => u.email === user.email),
    "no account",
  );
  // A request that is not for auditor access, or a bad one, is refused with a code.
  const notAuditor = await call("POST", "/api/v1/auditor-requests", first.headers, {
    kind: "organisation",
    organisation: { name: "Gewone Corporatie", kind: "housing_corporation" },
  });
  assert.equal(notAuditor.statusCode, 400);
  assert.equal(errorCode(notAuditor), "not_auditor_access");
  const wrongPlace = await call("POST", "/api/v1/auditor-requests", first.headers, {
    kind: "user",
    user: { ...user, organisationId: fx.demo.organisations[0]!.id, email: "x@de-linde.example" },
  });
  assert.equal(wrongPlace.statusCode, 422);
  assert.equal(errorCode(wrongPlace), "role_not_allowed_for_organisation");
  const querier = await call("GET", "/api/v1/auditor-requests", fx.querierA);
  assert.equal(querier.statusCode, 403);
});

test("F16 the beheer pages: an auditor account asked on the users page waits on Goedkeuringen; only the other admin can approve it, and sees the one-time password once", async () => {
  const browser = browserOn(() => fx);
  const one = await browser.signInByForm(admins()[0]!);
  const two = await browser.signInByForm(admins()[1]!);
  const asked = await browser.post(one, "/beheer/gebruikers", [
    ["user.organisationId", fx.demo.auditor.organisationId],
    ["user.email", "nieuwe.auditor@auditbureau.example"],
    ["user.displayName", "Nieuwe Auditor"],
    ["user.roles", "auditor"],
  ]);
  assert.equal(asked.statusCode, 303, asked.body);
  assert.equal(asked.headers.location, "/beheer/goedkeuringen?melding=aangevraagd");
  const mine = await browser.get(one, "/beheer/goedkeuringen?melding=aangevraagd");
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, /tweede beheerder|andere beheerder/);
  assert.match(mine.body, /Account voor Nieuwe Auditor/);
  assert.match(mine.body, /wacht op goedkeuring/);
  assert.doesNotMatch(mine.body, />Goedkeuren</, "not for the one who asked");
  assert.match(mine.body, />Intrekken</);
  const theirs = await browser.get(two, "/beheer/goedkeuringen");
  const action = /action="(\/beheer\/goedkeuringen\/[0-9a-f-]+\/goedkeuren)"/.exec(theirs.body);
  assert.ok(action, "the other admin has the approve button");
  // The one who asked, posting the approval anyway: refused in plain words.
  const self = await browser.post(one, action[1]!, []);
  assert.equal(self.statusCode, 422);
  assert.match(self.body, /U heeft dit zelf aangevraagd/);
  assert.doesNotMatch(self.body, /four_eyes/);
  const approved = await browser.post(two, action[1]!, []);
  assert.equal(approved.statusCode, 200, approved.body);
  assert.match(approved.body, /Goedgekeurd/);
  assert.match(approved.body, /data-testid="secret">[A-Za-z0-9]{20}</);
  const users = await call("GET", "/api/v1/users", fx.admin);
  assert.ok(
    (users.json().items as { email: string }[]).some(
      (u) => u.email === "nieuwe.auditor@auditbureau.example",
    ),
  );
});

test("F16 resetting an auditor's account (a new one-time password) needs the second admin too; other accounts are reset at once", async () => {
  const users = (await call("GET", "/api/v1/users", fx.admin)).json().items as {
    id: string;
    email: string;
  }[];
  const auditor = users.find((u) => u.email === "auditor@auditbureau.example")!;
  const direct = await call("POST", `/api/v1/users/${auditor.id}/reset`, first.headers);
  assert.equal(direct.statusCode, 403);
  assert.equal(errorCode(direct), "four_eyes_required");
  const asked = await call("POST", "/api/v1/auditor-requests", first.headers, {
    kind: "reset",
    userId: auditor.id,
  });
  assert.equal(asked.statusCode, 201, asked.body);
  // Until approved the auditor's own password still works.
  const auditorUser = fx.demo.users.find((u) => u.role === "auditor")!;
  const stillWorks = await call(
    "POST",
    "/api/v1/auth/sign-in",
    {},
    {
      email: auditorUser.email,
      password: auditorUser.password,
    },
  );
  assert.equal(stillWorks.statusCode, 200);
  const approved = await decide(asked.json().id, "approval", second.headers);
  assert.equal(approved.statusCode, 200, approved.body);
  assert.match(approved.json().activationPassword, /^[A-Za-z0-9]{20}$/);
  assert.equal(approved.json().user.id, auditor.id);
  // Somebody who is no auditor: a request is refused, the reset is direct.
  const officer = users.find((u) => u.email.startsWith("functionaris@"))!;
  const notAuditor = await call("POST", "/api/v1/auditor-requests", first.headers, {
    kind: "reset",
    userId: officer.id,
  });
  assert.equal(errorCode(notAuditor), "not_auditor_access");
  const reset = await call("POST", `/api/v1/users/${officer.id}/reset`, first.headers);
  assert.equal(reset.statusCode, 200, reset.body);
});

test("F16 a disabled auditor account is enabled again only with the second admin: the direct change is refused, an approved reset enables it", async () => {
  const users = (await call("GET", "/api/v1/users", fx.admin)).json().items as {
    id: string;
    email: string;
    status: string;
  }[];
  const auditor = users.find((u) => u.email === "auditor@auditbureau.example")!;
  const disabled = await call("PATCH", `/api/v1/users/${auditor.id}`, first.headers, {
    status: "disabled",
  });
  assert.equal(disabled.statusCode, 200, disabled.body);
  const enable = await call("PATCH", `/api/v1/users/${auditor.id}`, first.headers, {
    status: "active",
  });
  assert.equal(enable.statusCode, 403);
  assert.equal(errorCode(enable), "four_eyes_required");
  const stillDisabled = (await call("GET", "/api/v1/users", fx.admin))
    .json()
    .items.find((u: { id: string }) => u.id === auditor.id);
  assert.equal(stillDisabled.status, "disabled", "a refused change leaves the account as it was");
  const asked = await call("POST", "/api/v1/auditor-requests", first.headers, {
    kind: "reset",
    userId: auditor.id,
  });
  assert.equal(asked.statusCode, 201, asked.body);
  const approved = await decide(asked.json().id, "approval", second.headers);
  assert.equal(approved.statusCode, 200, approved.body);
  const after = (await call("GET", "/api/v1/users", fx.admin))
    .json()
    .items.find((u: { id: string }) => u.id === auditor.id);
  assert.equal(after.status, "active");
});
