/**
 * Bad input and error shapes, proven through HTTP (security review 2026-12, F9, F12, F14,
 * F15): control characters are refused with 400 everywhere, the sign-in form carries a CSRF
 * token, organisation texts are one line without markup, and every error has the contract's
 * shape `{ error: { code, message, details? } }`.
 */
import assert from "node:assert/strict";
import net from "node:net";
import { test } from "node:test";
import { useDemoApi } from "./testing/demo-app.ts";
import {
  apiRequest,
  contractError,
  errorCode,
  placeRegistrationThroughApi,
  sessionCookieOf,
} from "./testing/http.ts";
import { organisationBody, postOrganisation } from "./testing/organisations.ts";
import { FORM, form, postSignInForm } from "./testing/web.ts";

const fx = useDemoApi({ today: "2026-06-01" });

test("F9 a NUL byte in a body field or a query parameter is refused with 400, never 500", async () => {
  const call = (...r: Parameters<typeof apiRequest> extends [unknown, ...infer R] ? R : never) =>
    apiRequest(fx.app, ...r);
  const cases = [
    await call("POST", "/api/v1/organisations", fx.admin, organisationBody("Nul\u0000Wonen")),
    await call("POST", "/api/v1/organisations", fx.admin, {
      ...organisationBody("Nulwonen"),
      dpo: { name: "F. Gegevens", email: "fg@test.example", phone: "06\u0000123" },
    }),
    await call("GET", "/api/v1/registrations?category=%00", fx.officerA),
    await call("GET", "/api/v1/audit?actorId=%00", fx.auditor),
    await call("GET", "/api/v1/seekers/WZ-%00", fx.officerA),
  ];
  for (const res of cases) {
    assert.equal(res.statusCode, 400, res.body);
    const { error } = contractError(res.body);
    assert.equal(error.code, "control_character");
    assert.match(error.message, /control character/);
  }
  // The field is named where it was found.
  assert.match(cases[1]!.body, /"path":"dpo.phone"/);
  // Other control characters too (here an escape in a query), and a tab in a query.
  const esc = await call("GET", "/api/v1/registrations?category=%1B", fx.officerA);
  assert.equal(errorCode(esc), "control_character");
  const tab = await call("GET", "/api/v1/registrations?category=a%09b", fx.officerA);
  assert.equal(errorCode(tab), "control_character");
  // Access is checked first: without a key the answer stays 401.
  const anonymous = await call("GET", "/api/v1/registrations?category=%00");
  assert.equal(anonymous.statusCode, 401);
});

test("F9 a NUL byte in a page's form or query answers a 400 page, not a server error", async () => {
  const res = await fx.app.inject({
    method: "POST",
    url: "/aanmelden",
    headers: FORM,
    payload: form([
      ["email", "a\u0000@example.org"],
      ["password", "x"],
    ]),
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.match(res.headers["content-type"] ?? "", /text\/html/);
  assert.match(res.body, /onzichtbaar stuurteken/);
  const query = await fx.app.inject({ method: "GET", url: "/aanmelden?reden=%00" });
  assert.equal(query.statusCode, 400);
});

test("F12 the sign-in form needs its own CSRF token; a forged post replaces no session", async () => {
  const user = { email: fx.demo.users.find((u) => u.role === "officer")!.email };
  const password = fx.demo.users.find((u) => u.role === "officer")!.password;
  // A cross-site auto-submitting form: the right credentials, but no token and no cookie.
  const forged = await fx.app.inject({
    method: "POST",
    url: "/aanmelden",
    headers: FORM,
    payload: form([
      ["email", user.email],
      ["password", password],
    ]),
  });
  assert.equal(forged.statusCode, 403, forged.body);
  assert.match(forged.body, /Het formulier is verlopen/);
  assert.throws(() => sessionCookieOf(forged.headers["set-cookie"]));
  // A token in the form that is not the browser's own cookie is refused too.
  const page = await fx.app.inject({ method: "GET", url: "/aanmelden" });
  assert.match(page.body, /name="_csrf" value="[A-Za-z0-9_-]{43}"/);
  const mismatched = await fx.app.inject({
    method: "POST",
    url: "/aanmelden",
    headers: { ...FORM, cookie: `__Host-woonsignaal-aanmelden=${"A".repeat(43)}` },
    payload: form([
      ["_csrf", "B".repeat(43)],
      ["email", user.email],
      ["password", password],
    ]),
  });
  assert.equal(mismatched.statusCode, 403);
  // The real page's form signs in.
  const real = await postSignInForm(fx.app, [
    ["email", user.email],
    ["password", password],
  ]);
  assert.equal(real.statusCode, 303, real.body);
  assert.equal(real.headers.location, "/aanmelden/code");
});

test("F14 organisation texts refuse line breaks and markup with 400 naming the field", async () => {
  const injected = await postOrganisation(
    fx.app,
    fx.admin,
    organisationBody("Kwaadwillig Wonen\r\nBcc: iedereen@example.org"),
  );
  assert.equal(injected.statusCode, 400, injected.body);
  const { error } = contractError(injected.body);
  assert.equal(error.code, "invalid_input");
  assert.deepEqual(
    (error.details as { path?: string }[]).map((d) => d.path),
    ["name"],
  );
  const markup = await postOrganisation(fx.app, fx.admin, {
    ...organisationBody("Nette Naam"),
    dpo: { name: "<b>F.</b> Gegevens", email: "fg@test.example" },
    objectionAddress: "Postbus 1\n9999 ZZ Teststad",
  });
  assert.equal(markup.statusCode, 400, markup.body);
  assert.deepEqual(
    (contractError(markup.body).error.details as { path?: string }[]).map((d) => d.path).sort(),
    ["dpo.name", "objectionAddress"],
  );
  const orgId = fx.demo.organisations[0]!.id;
  const patched = await apiRequest(fx.app, "PATCH", `/api/v1/organisations/${orgId}`, fx.admin, {
    address: { street: "Straat\t>", houseNumber: "1", postcode: "9999 ZZ", city: "Stad" },
  });
  assert.equal(patched.statusCode, 400, patched.body);
  assert.match(patched.body, /"path":"address.street"/);
  // An ordinary name with an ampersand, an apostrophe and accents is still welcome.
  const fine = await postOrganisation(fx.app, fx.admin, organisationBody("Wonen & Zorg 't Hûs"));
  assert.equal(fine.statusCode, 201, fine.body);
});

test("F15 errors of the HTTP parser, the body parser and static files have the contract shape", async () => {
  // Body parser: bad JSON, wrong content type, an empty JSON body.
  const postRaw = (contentType: string, payload: string) =>
    fx.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: { ...fx.admin, "content-type": contentType },
      payload,
    });
  const bad = await postRaw("application/json", "{not json");
  assert.equal(bad.statusCode, 400);
  assert.equal(contractError(bad.body).error.code, "invalid_json");
  const xml = await postRaw("application/xml", "<a/>");
  assert.equal(xml.statusCode, 415);
  contractError(xml.body);
  // Static files: one that is not there, and a path that tries to leave the folder.
  for (const url of ["/static/nothing-here.css", "/static/..%2f..%2fpackage.json"]) {
    const res = await fx.app.inject({ method: "GET", url });
    assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
    assert.equal(contractError(res.body).error.code, "not_found");
  }
  // The HTTP parser: a Content-Length that does not match the body, on a real socket.
  await fx.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = fx.app.server.address() as net.AddressInfo;
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString("utf8");
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(text));
    socket.write(
      "POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        'Content-Length: 2\r\n\r\n{}{"trailing": "bytes that are no request"}\r\n\r\n',
    );
    setTimeout(() => socket.end(), 500);
  });
  const bodies = raw
    .split(/HTTP\/1\.1 /)
    .filter(Boolean)
    .map((response) => response.slice(response.indexOf("\r\n\r\n") + 4).trim());
  assert.ok(bodies.length >= 1, raw);
  for (const body of bodies) contractError(body);
  assert.match(raw, /"code":"invalid_request"/);
});

test("F15 another organisation's case answers 404 before its body is validated", async () => {
  const { id: registrationId } = await placeRegistrationThroughApi(fx.app, fx.officerA, {
    person: { initials: "E.", surname: "Eigenaarstoets", birthDate: "1972-02-12" },
    categories: ["A.I"],
    criteria: ["a"],
    placementDate: "2026-05-01",
  });
  const opened = await apiRequest(fx.app, "POST", "/api/v1/cases", fx.officerA, {
    type: "access",
    registrationId,
    receivedDate: "2026-06-01",
  });
  assert.equal(opened.statusCode, 201, opened.body);
  const caseId = (opened.json() as { id: string }).id;
  const tooShort = { kind: "challenge", member: "x", outcome: "granted", date: "2026-06-01" };
  const challengeBy = (officer: Record<string, string>) =>
    apiRequest(fx.app, "POST", `/api/v1/cases/${caseId}/challenge`, officer, tooShort);
  // B may not see A's case: 404 whatever the body (before: 400 for the too-short member).
  const byB = await challengeBy(fx.officerB);
  assert.equal(byB.statusCode, 404, byB.body);
  assert.equal(contractError(byB.body).error.code, "not_found");
  const unknownField = await apiRequest(
    fx.app,
    "POST",
    `/api/v1/cases/${caseId}/decision`,
    fx.officerB,
    { nonsense: true },
  );
  assert.equal(unknownField.statusCode, 404, unknownField.body);
  // The owner still gets the validation error for the same body.
  const byA = await challengeBy(fx.officerA);
  assert.equal(byA.statusCode, 400, byA.body);
  assert.equal(contractError(byA.body).error.code, "invalid_input");
  // An id that is not an id is still a 400 of validation.
  const notAnId = await apiRequest(fx.app, "POST", "/api/v1/cases/nope/challenge", fx.officerB, {});
  assert.equal(notAnId.statusCode, 400, notAnId.body);
});
