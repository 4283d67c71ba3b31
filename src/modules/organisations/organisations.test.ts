/**
 * Organisations through the HTTP API: the public participants list, accession (no access
 * before the protocol is signed), withdrawal (today and on a later date, carried out by the
 * housekeeping job), temporary suspension and reinstatement, definitive exclusion, the
 * participant kinds a profile allows, and who may see which organisation.
 */

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { totpCodeAt } from "../../platform/auth/totp.ts";
import { JobRunner } from "../../platform/jobs/runner.ts";
import { addDays } from "../../platform/werkdagen.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { withEvidence } from "../../testing/evidence.ts";
import {
  type ApiRequest,
  apiRequest,
  bearer,
  createUserThroughApi,
  errorCode,
  issueApiKeyThroughApi,
  sessionHeadersOf,
  signIn,
} from "../../testing/http.ts";
import { organisationBody, postOrganisation } from "../../testing/organisations.ts";
import { allJobs } from "../jobs.ts";

const TODAY = "2026-06-01";
type Headers = Record<string, string>;

const fx = useDemoApi({ today: TODAY });

const call = (...r: ApiRequest) => apiRequest(fx.app, ...r);

async function publicNames(): Promise<string[]> {
  const res = await call("GET", "/api/v1/public/participants");
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().items as { name: string }[]).map((i) => i.name);
}

async function dataKeysOf(organisationId: string): Promise<number> {
  const [row] = await fx.ctx.database.query<{ n: number | string }>(
    "SELECT count(*) AS n FROM data_key WHERE organisation_id = $1",
    [organisationId],
  );
  return Number(row?.n ?? 0);
}

async function auditActions(organisationId: string): Promise<string[]> {
  const rows = await fx.ctx.database.query<{ action: string }>(
    "SELECT action FROM audit_event WHERE object_type = 'organisation' AND object_id = $1 ORDER BY seq",
    [organisationId],
  );
  return rows.map((r) => r.action);
}

async function usersOf(organisationId: string) {
  const res = await call("GET", `/api/v1/users?organisationId=${organisationId}`, fx.admin);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as { id: string; email: string; status: string }[];
}

async function me(headers: Headers) {
  return call("GET", "/api/v1/auth/me", headers);
}

async function passwordStep(email: string, password: string) {
  return call("POST", "/api/v1/auth/sign-in", {}, { email, password });
}

interface Participant {
  id: string;
  name: string;
  officerKey: string;
  user: { email: string; password: string; totpSecret: string };
  session: Headers;
}

/** A signed participant with an officer account (enrolled, signed in) and an officer API key. */
async function newParticipant(slug: string): Promise<Participant> {
  const name = `Woonstichting ${slug}`;
  const org = await postOrganisation(
    fx.app,
    fx.admin,
    organisationBody(name, { protocolSignedOn: fx.ctx.clock.today() }),
  );
  assert.equal(org.statusCode, 201, org.body);
  const id = org.json().id as string;
  const email = `functionaris@${slug.toLowerCase()}.example`;
  const user = await createUserThroughApi(fx.app, fx.admin, {
    organisationId: id,
    email,
    displayName: `Functionaris ${slug}`,
    roles: ["officer"],
  });
  const password = user.activationPassword;
  const first = await passwordStep(email, password);
  assert.equal(first.statusCode, 200, first.body);
  const pre = sessionHeadersOf(first);
  const enrolment = await call("POST", "/api/v1/auth/mfa/enrolment", pre);
  assert.equal(enrolment.statusCode, 200, enrolment.body);
  const totpSecret = enrolment.json().secret as string;
  const confirmed = await call("POST", "/api/v1/auth/mfa/enrolment/confirm", pre, {
    code: totpCodeAt(totpSecret, fx.ctx.clock.now()),
  });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  const session = sessionHeadersOf(confirmed);
  // Any key of the organisation shows its access; an officer key would need a named officer who
  // made the declaration (D-840), which is not what these tests are about.
  const key = await issueApiKeyThroughApi(fx.app, fx.admin, {
    organisationId: id,
    role: "querier",
    label: "Querier system",
  });
  return { id, name, officerKey: key.key, user: { email, password, totpSecret }, session };
}

async function assertAccess(p: Participant, expected: 200 | 401, why: string) {
  assert.equal((await me(bearer(p.officerKey))).statusCode, expected, `API key ${why}`);
  assert.equal((await me(p.session)).statusCode, expected, `session ${why}`);
}

/** The demo region's first two organisations. */
const orgA = () => fx.demo.organisations[0]!.id;
const orgB = () => fx.demo.organisations[1]!.id;

describe("the public participants list", () => {
  test("needs no sign-in and lists the three participants with objection address and DPO only", async () => {
    const res = await call("GET", "/api/v1/public/participants");
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.region.profile, "aedes-2021");
    assert.equal(body.region.name, fx.demo.region.name);
    const items = body.items as {
      name: string;
      kind: string;
      objectionAddress: string | null;
      dpo: { name: string; email: string } | null;
      participantSince: string | null;
    }[];
    assert.deepEqual(
      items.map((i) => i.name).sort(),
      fx.demo.organisations.map((o) => o.name).sort(),
    );
    for (const item of items) {
      assert.equal(item.kind, "housing_corporation");
      assert.match(item.objectionAddress ?? "", /bezwaren/);
      assert.ok(item.dpo?.name && item.dpo.email, `${item.name} names its DPO`);
      assert.equal(item.participantSince, "2026-01-01");
      // The id is the handle of POST /public/requests (D-221); other internal fields stay out.
      assert.match((item as { id?: string }).id ?? "", /^[0-9a-f-]{36}$/);
      assert.ok(!("kvkNumber" in item) && !("status" in item), "no internal fields");
    }
    for (const body of ["consortium", "auditor", "committee", "supplier"]) {
      assert.ok(!items.some((i) => i.kind === body), `${body} is no participant`);
    }
    assert.doesNotMatch(
      res.body,
      /Samenwerkingsverband|Auditbureau|Geschillencommissie|Leverancier/,
    );
  });

  test("an organisation that has not signed the protocol is not listed and its users cannot sign in", async () => {
    const org = await postOrganisation(
      fx.app,
      fx.admin,
      organisationBody("Woonstichting Nog Niet"),
    );
    assert.equal(org.statusCode, 201, org.body);
    const id = org.json().id as string;
    assert.equal(org.json().protocolSignedOn, null);
    assert.equal(org.json().status, "active");
    assert.ok(!(await publicNames()).includes("Woonstichting Nog Niet"));

    const user = await createUserThroughApi(fx.app, fx.admin, {
      organisationId: id,
      email: "functionaris@nog-niet.example",
      displayName: "Functionaris Nognietgetekend",
      roles: ["officer"],
    });
    const password = user.activationPassword;
    const refused = await passwordStep("functionaris@nog-niet.example", password);
    assert.equal(refused.statusCode, 401);
    assert.equal(errorCode(refused), "invalid_credentials");
    const key = await issueApiKeyThroughApi(fx.app, fx.admin, {
      organisationId: id,
      role: "querier",
      label: "Not yet",
    });
    assert.equal((await me(bearer(key.key))).statusCode, 401, "no key works before signing");

    // A signing date ahead is no access yet either.
    const later = await call("PATCH", `/api/v1/organisations/${id}`, fx.admin, {
      protocolSignedOn: addDays(fx.ctx.clock.today(), 5),
    });
    assert.equal(later.statusCode, 200, later.body);
    assert.equal((await passwordStep("functionaris@nog-niet.example", password)).statusCode, 401);

    const signed = await call("PATCH", `/api/v1/organisations/${id}`, fx.admin, {
      protocolSignedOn: fx.ctx.clock.today(),
    });
    assert.equal(signed.statusCode, 200, signed.body);
    assert.equal(signed.json().protocolSignedOn, fx.ctx.clock.today());
    const now = await passwordStep("functionaris@nog-niet.example", password);
    assert.equal(now.statusCode, 200, now.body);
    assert.equal(now.json().status, "mfa_enrolment_required");
    assert.equal((await me(bearer(key.key))).statusCode, 200);
    assert.ok((await publicNames()).includes("Woonstichting Nog Niet"));
  });

  test("an organisation whose signing date lies ahead is not listed yet", async () => {
    const org = await postOrganisation(
      fx.app,
      fx.admin,
      organisationBody("Woonstichting Straks", {
        protocolSignedOn: addDays(fx.ctx.clock.today(), 30),
      }),
    );
    assert.equal(org.statusCode, 201, org.body);
    assert.ok(!(await publicNames()).includes("Woonstichting Straks"));
  });
});

describe("who sees which organisation", () => {
  test("a participant sees its own organisation (200) but not another (404)", async () => {
    for (const key of [
      fx.demo.organisations[0]!.apiKeys.officer,
      fx.demo.organisations[0]!.apiKeys.querier,
    ]) {
      const own = await call("GET", `/api/v1/organisations/${orgA()}`, bearer(key));
      assert.equal(own.statusCode, 200, own.body);
      assert.equal(own.json().id, orgA());
      const other = await call("GET", `/api/v1/organisations/${orgB()}`, bearer(key));
      assert.equal(other.statusCode, 404);
      assert.equal(errorCode(other), "not_found");
      const consortium = await call(
        "GET",
        `/api/v1/organisations/${fx.demo.consortiumAdmin.organisationId}`,
        bearer(key),
      );
      assert.equal(consortium.statusCode, 404);
      const list = await call("GET", "/api/v1/organisations", bearer(key));
      assert.deepEqual(
        (list.json().items as { id: string }[]).map((o) => o.id),
        [orgA()],
      );
    }
    const all = await call("GET", "/api/v1/organisations", fx.admin);
    assert.ok(
      (all.json().items as unknown[]).length >= 7,
      "the consortium sees every organisation",
    );
  });

  test("only the consortium admin changes organisations", async () => {
    const res = await call(
      "PATCH",
      `/api/v1/organisations/${orgA()}`,
      bearer(fx.demo.organisations[0]!.apiKeys.officer),
      { name: "Woonstichting Eigenmachtig" },
    );
    assert.equal(res.statusCode, 403);
  });
});

describe("participant kinds follow the profile", () => {
  test("under aedes-2021 a private landlord or municipality cannot be a participant (422, 003 §17)", async () => {
    for (const kind of ["private_landlord", "municipality"]) {
      const res = await postOrganisation(
        fx.app,
        fx.admin,
        organisationBody(`Verhuurder ${kind}`, { kind }),
      );
      assert.equal(res.statusCode, 422, res.body);
      const error = res.json().error;
      assert.equal(error.code, "participant_kind_not_allowed");
      assert.match(error.details.source, /003 §17/);
    }
    const patch = await call("PATCH", `/api/v1/organisations/${orgA()}`, fx.admin, {
      kind: "private_landlord",
    });
    assert.equal(patch.statusCode, 422, patch.body);
    assert.equal(errorCode(patch), "participant_kind_not_allowed");
  });
});

describe("leaving the register", () => {
  test("withdrawal today: keys and sessions stop, users disabled, data keys shredded, delisted, audited", async () => {
    const c = fx.demo.organisations[2]!;
    const officer = fx.demo.users.find((u) => u.role === "officer" && u.organisationId === c.id)!;
    const session = await signIn(fx.app, fx.ctx.clock, officer);
    assert.equal((await me(session.headers)).statusCode, 200);
    assert.equal((await me(bearer(c.apiKeys.officer))).statusCode, 200);
    assert.ok((await dataKeysOf(c.id)) > 0, "the organisation has data keys to shred");
    assert.ok((await publicNames()).includes(c.name));
    const registration = await call(
      "POST",
      "/api/v1/registrations",
      bearer(c.apiKeys.officer),
      withEvidence({
        person: { initials: "T.", surname: "Vertrekkend", birthDate: "1980-01-01" },
        categories: ["A.I"],
        criteria: ["a"],
        placementDate: addDays(fx.ctx.clock.today(), -30),
      }),
    );
    assert.equal(registration.statusCode, 201, registration.body);
    const registrationsOf = async () =>
      Number(
        (
          await fx.ctx.database.query<{ n: number | string }>(
            "SELECT count(*) AS n FROM registration WHERE organisation_id = $1",
            [c.id],
          )
        )[0]?.n,
      );
    assert.equal(await registrationsOf(), 1);

    const res = await call("POST", `/api/v1/organisations/${c.id}/withdrawal`, fx.admin, {
      date: fx.ctx.clock.today(),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "withdrawn");
    assert.equal(res.json().withdrawnOn, fx.ctx.clock.today());

    assert.equal((await me(bearer(c.apiKeys.officer))).statusCode, 401);
    assert.equal((await me(bearer(c.apiKeys.querier))).statusCode, 401);
    assert.equal((await me(session.headers)).statusCode, 401);
    assert.equal((await passwordStep(officer.email, officer.password)).statusCode, 401);
    const users = await usersOf(c.id);
    assert.ok(users.length >= 2);
    assert.ok(
      users.every((u) => u.status === "disabled"),
      JSON.stringify(users),
    );
    const keys = await call("GET", `/api/v1/api-keys?organisationId=${c.id}`, fx.admin);
    assert.ok(
      (keys.json().items as { revokedAt: string | null }[]).every((k) => k.revokedAt !== null),
    );
    assert.equal(await dataKeysOf(c.id), 0, "crypto-shredded");
    assert.equal(await registrationsOf(), 0, "its registrations are erased");
    assert.ok(!(await publicNames()).includes(c.name));
    const actions = await auditActions(c.id);
    assert.ok(actions.includes("organisation.withdrawal_recorded"), actions.join());
    assert.ok(actions.includes("organisation.withdrawal_carried_out"), actions.join());

    // Gone is gone: no second withdrawal, no changes, no new accounts or keys.
    const again = await call("POST", `/api/v1/organisations/${c.id}/withdrawal`, fx.admin, {
      date: fx.ctx.clock.today(),
    });
    assert.equal(again.statusCode, 409);
    const patch = await call("PATCH", `/api/v1/organisations/${c.id}`, fx.admin, { name: "Terug" });
    assert.equal(patch.statusCode, 409);
    const user = await call("POST", "/api/v1/users", fx.admin, {
      organisationId: c.id,
      email: "nieuw@vallei.example",
      displayName: "Nieuwe Medewerker",
      roles: ["querier"],
    });
    assert.equal(user.statusCode, 409);
    const key = await call("POST", "/api/v1/api-keys", fx.admin, {
      organisationId: c.id,
      role: "querier",
      label: "Na vertrek",
    });
    assert.equal(key.statusCode, 409);
  });

  test("temporary suspension: access refused, data kept; reinstatement needs a new sign-in", async () => {
    const p = await newParticipant("Geschorst");
    await assertAccess(p, 200, "before the suspension");
    const keysBefore = await dataKeysOf(p.id);
    assert.ok(keysBefore > 0);

    const res = await call("POST", `/api/v1/organisations/${p.id}/suspension`, fx.admin, {
      date: fx.ctx.clock.today(),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "suspended");
    await assertAccess(p, 401, "while suspended");
    assert.equal((await passwordStep(p.user.email, p.user.password)).statusCode, 401);
    assert.equal(await dataKeysOf(p.id), keysBefore, "data keys are kept");
    assert.ok(
      (await usersOf(p.id)).every((u) => u.status === "active"),
      "accounts are kept",
    );
    const twice = await call("POST", `/api/v1/organisations/${p.id}/suspension`, fx.admin, {
      date: fx.ctx.clock.today(),
    });
    assert.equal(twice.statusCode, 409);

    const back = await call("POST", `/api/v1/organisations/${p.id}/reinstatement`, fx.admin);
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().status, "active");
    assert.equal(back.json().suspendedOn, null);
    assert.equal((await me(bearer(p.officerKey))).statusCode, 200, "the key works again");
    assert.equal((await me(p.session)).statusCode, 401, "old sessions stay ended");
    const fresh = await signIn(fx.app, fx.ctx.clock, p.user);
    assert.equal((await me(fresh.headers)).statusCode, 200);
    const actions = await auditActions(p.id);
    assert.ok(
      actions.includes("organisation.suspended") && actions.includes("organisation.reinstated"),
    );
  });

  test("definitive exclusion behaves like withdrawal", async () => {
    const p = await newParticipant("Uitgesloten");
    await assertAccess(p, 200, "before the exclusion");
    assert.ok((await publicNames()).includes(p.name));
    const res = await call("POST", `/api/v1/organisations/${p.id}/exclusion`, fx.admin, {
      date: fx.ctx.clock.today(),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "excluded");
    assert.equal(res.json().excludedOn, fx.ctx.clock.today());
    await assertAccess(p, 401, "after the exclusion");
    assert.equal((await passwordStep(p.user.email, p.user.password)).statusCode, 401);
    assert.ok((await usersOf(p.id)).every((u) => u.status === "disabled"));
    assert.equal(await dataKeysOf(p.id), 0);
    assert.ok(!(await publicNames()).includes(p.name));
    const actions = await auditActions(p.id);
    assert.ok(actions.includes("organisation.exclusion_recorded"), actions.join());
    assert.ok(actions.includes("organisation.exclusion_carried_out"), actions.join());
    const reinstate = await call("POST", `/api/v1/organisations/${p.id}/reinstatement`, fx.admin);
    assert.equal(reinstate.statusCode, 409, "an exclusion is definitive");
  });

  test("the consortium cannot withdraw itself", async () => {
    const res = await call(
      "POST",
      `/api/v1/organisations/${fx.demo.consortiumAdmin.organisationId}/withdrawal`,
      fx.admin,
      { date: fx.ctx.clock.today() },
    );
    assert.equal(res.statusCode, 409, res.body);
    assert.equal((await me(fx.admin)).statusCode, 200);
  });

  test("withdrawal on a later date: access continues until then; housekeeping carries it out", async () => {
    const p = await newParticipant("Vertrekt");
    const start = fx.ctx.clock.today();
    const date = addDays(start, 10);
    const res = await call("POST", `/api/v1/organisations/${p.id}/withdrawal`, fx.admin, { date });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, "active");
    assert.equal(res.json().withdrawnOn, date);
    await assertAccess(p, 200, "right after recording a later withdrawal");
    assert.ok((await publicNames()).includes(p.name));
    let actions = await auditActions(p.id);
    assert.ok(actions.includes("organisation.withdrawal_recorded"));
    assert.ok(!actions.includes("organisation.withdrawal_carried_out"));

    const runner = new JobRunner({ ...fx.ctx, jobs: allJobs() });
    // The day before: still in.
    fx.ctx.clock.set(addDays(date, -1));
    const dayBefore = await runner.runOnce("housekeeping");
    assert.equal(dayBefore.status, "succeeded", JSON.stringify(dayBefore));
    assert.equal(dayBefore.status === "succeeded" && dayBefore.result.terminationsCarriedOut, 0);
    assert.equal((await me(bearer(p.officerKey))).statusCode, 200);
    const session = await signIn(fx.app, fx.ctx.clock, p.user);
    assert.equal((await me(session.headers)).statusCode, 200);
    assert.ok((await dataKeysOf(p.id)) > 0);

    // The day itself: access ends at once, the job carries the rest out.
    fx.ctx.clock.set(date);
    assert.equal((await me(bearer(p.officerKey))).statusCode, 401, "no access from the date on");
    const run = await runner.runOnce("housekeeping");
    assert.equal(run.status, "succeeded", JSON.stringify(run));
    assert.equal(run.status === "succeeded" && run.result.terminationsCarriedOut, 1);
    const org = await call("GET", `/api/v1/organisations/${p.id}`, fx.admin);
    assert.equal(org.json().status, "withdrawn");
    assert.equal((await me(session.headers)).statusCode, 401);
    assert.ok((await usersOf(p.id)).every((u) => u.status === "disabled"));
    const keys = await call("GET", `/api/v1/api-keys?organisationId=${p.id}`, fx.admin);
    assert.ok(
      (keys.json().items as { revokedAt: string | null }[]).every((k) => k.revokedAt !== null),
    );
    assert.equal(await dataKeysOf(p.id), 0);
    assert.ok(!(await publicNames()).includes(p.name));
    actions = await auditActions(p.id);
    assert.ok(actions.includes("organisation.withdrawal_carried_out"), actions.join());
  });
});
