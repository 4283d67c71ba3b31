/**
 * What each party sees (issue #19 parts 1–2; review rows 003-19, 003-47; contract §6): role ×
 * profile × registration scope × own or other organisation, through HTTP, for both
 * POST /screenings and GET /seekers/{n}/block. Every answer's keys are asserted exactly, so no
 * field beyond the grant can reach an answer unnoticed.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { auditEvent } from "../../platform/audit/tables.ts";
import { getProfile } from "../../protocol/index.ts";
import type { ProfileId } from "../../protocol/profile.ts";
import { useDemoApi } from "../../testing/demo-app.ts";
import { apiCalls, assertRefused, placeRegistrationThroughApi } from "../../testing/http.ts";

const TODAY = "2026-06-01";

type Caller = "officerA" | "querierA" | "officerB" | "querierB" | "admin" | "allocation";
type Scope = "region" | "organisation" | "national";

/** What the primary source's officer and the consortium see of a hit: everything stored. */
const FULL = [
  "appliesToCaller",
  "categories",
  "claimCents",
  "criteria",
  "decidedBy",
  "enteredBy",
  "objectionStatus",
  "placementDate",
  "primarySource",
  "scope",
  "since",
  "until",
];
const DATES_SCOPE_SOURCE = ["appliesToCaller", "primarySource", "scope", "since", "until"];
/** 003 §6 punt 6, §13.5: only that there is a block, whether it applies, whom to contact. */
const BLOCK_ONLY = ["appliesToCaller", "primarySource"];
/** 001 §5.2: opgenomen, sinds wanneer, door welke deelnemer, W-categorie; no end date. */
const TOETSING = ["appliesToCaller", "categories", "primarySource", "scope", "since"];

interface ProfileCase {
  profile: ProfileId;
  /** A registration per scope the profile has: its category and criterion. */
  registrations: Partial<Record<Scope, { categories: string[]; criteria: string[] }>>;
  /** The keys of one screening result per caller (allocation: not a screener). */
  screening: Record<Exclude<Caller, "allocation">, string[]>;
  /** The keys of a participant's block view beyond `blocked` and `appliesToCaller`. */
  block: Record<Exclude<Caller, "allocation">, string[]>;
  /** Whether the allocation system's parts carry the end date. */
  allocationUntil: boolean;
}

/**
 * The profiles (aedes-2021, kkr) under which the own organisation sees dates, scope and source,
 * another organisation only that there is a block, and the allocation system the end date.
 */
const OTHERS_SEE_BLOCK_ONLY: Omit<ProfileCase, "profile" | "registrations"> = {
  screening: {
    officerA: FULL,
    querierA: DATES_SCOPE_SOURCE,
    officerB: BLOCK_ONLY,
    querierB: BLOCK_ONLY,
    admin: FULL,
  },
  block: {
    officerA: ["primarySource", "scope", "since", "until"],
    querierA: ["primarySource", "scope", "since", "until"],
    officerB: ["primarySource"],
    querierB: ["primarySource"],
    admin: ["primarySource", "scope", "since", "until"],
  },
  allocationUntil: true,
};

const CASES: ProfileCase[] = [
  {
    profile: "aedes-2021",
    registrations: {
      region: { categories: ["B.II"], criteria: ["a"] },
      organisation: { categories: ["A.I"], criteria: ["a"] },
    },
    ...OTHERS_SEE_BLOCK_ONLY,
  },
  {
    profile: "keurmerk-2013",
    registrations: { region: { categories: ["W1"], criteria: ["W1.1"] } },
    screening: {
      officerA: FULL,
      querierA: TOETSING,
      officerB: TOETSING,
      querierB: TOETSING,
      admin: FULL,
    },
    block: {
      officerA: ["primarySource", "scope", "since", "until"],
      querierA: ["primarySource", "scope", "since"],
      officerB: ["primarySource", "scope", "since"],
      querierB: ["primarySource", "scope", "since"],
      admin: ["primarySource", "scope", "since", "until"],
    },
    allocationUntil: false,
  },
  {
    profile: "kkr",
    registrations: { national: { categories: ["CRIM"], criteria: ["CRIM.1"] } },
    ...OTHERS_SEE_BLOCK_ONLY,
  },
];

const keys = (o: object) => Object.keys(o).sort();

for (const c of CASES) {
  describe(`what each party sees under ${c.profile}`, () => {
    const h = useDemoApi({ today: TODAY, profile: c.profile });
    const { call } = apiCalls(() => h.app);
    const people = new Map<Scope, { person: object; seeker: string; endDate: string }>();
    const headersOf = (caller: Caller) => h[caller];
    const orgA = () => ({ id: h.demo.organisations[0]!.id, name: h.demo.organisations[0]!.name });

    before(async () => {
      let n = 0;
      for (const [scope, reg] of Object.entries(c.registrations) as [Scope, object][]) {
        n++;
        const person = {
          initials: "M.",
          surname: ["Zichtbaar", "Zichtveld", "Zichtberg"][n - 1]!,
          birthDate: `1980-0${n}-11`,
        };
        const registration = await placeRegistrationThroughApi<{
          id: string;
          endDate: string;
          scope: string;
          status: string;
        }>(h.app, h.officerA, { person, ...reg, placementDate: "2026-05-01" });
        assert.equal(registration.scope, scope);
        if (registration.status === "pending_notice") {
          // kkr: notice first (no address known) — in effect once the letter is documented.
          const letters = await call(
            "GET",
            `/api/v1/letters?registrationId=${registration.id}`,
            h.officerA,
          );
          const letter = letters.json().items[0] as { id: string };
          const url = `/api/v1/letters/${letter.id}/documented`;
          const documented = await call("POST", url, h.officerA, {});
          assert.equal(documented.statusCode, 200, documented.body);
        }
        const seeker = `ZM-${n}`;
        const put = await call("PUT", `/api/v1/seekers/${seeker}`, h.allocation, { person });
        assert.equal(put.statusCode, 201, put.body);
        const pending = await call("GET", "/api/v1/matches?status=pending", h.officerA);
        const match = (pending.json().items as { id: string; registrationId: string }[]).find(
          (m) => m.registrationId === registration.id,
        );
        assert.ok(match, pending.body);
        const decided = await call("POST", `/api/v1/matches/${match.id}/decision`, h.officerA, {
          decision: "confirm",
        });
        assert.equal(decided.statusCode, 200, decided.body);
        people.set(scope, {
          person: { ...person, seekerNumber: seeker },
          seeker,
          endDate: registration.endDate,
        });
      }
    });

    test("003-19 a screening shows each role exactly its grant, per scope and organisation", async () => {
      for (const [scope, { person }] of people) {
        for (const caller of Object.keys(c.screening) as (keyof ProfileCase["screening"])[]) {
          const res = await call("POST", "/api/v1/screenings", headersOf(caller), {
            person,
            purpose: "allocation",
          });
          assert.equal(res.statusCode, 200, `${caller} ${scope}: ${res.body}`);
          const answer = res.json() as { hit: boolean; results: Record<string, unknown>[] };
          assert.deepEqual(keys(answer), ["hit", "id", "pending", "results"]);
          assert.equal(answer.hit, true, `${caller} ${scope}`);
          assert.equal(answer.results.length, 1, `${caller} ${scope}`);
          const result = answer.results[0]!;
          assert.deepEqual(keys(result), c.screening[caller], `${c.profile} ${caller} ${scope}`);
          const own = caller.endsWith("A");
          assert.equal(
            result.appliesToCaller,
            scope !== "organisation" || own,
            `${caller} ${scope}`,
          );
          assert.deepEqual(result.primarySource, orgA());
        }
        const refused = await call("POST", "/api/v1/screenings", h.allocation, {
          person,
          purpose: "allocation",
        });
        assert.equal(refused.statusCode, 403, "the allocation system does not screen");
      }
    });

    test("003-47 the allocation system gets the block per part, with the organisations of a corporation-only part", async () => {
      for (const [scope, { seeker, endDate }] of people) {
        const res = await call("GET", `/api/v1/seekers/${seeker}/block`, h.allocation);
        assert.equal(res.statusCode, 200, res.body);
        const until = c.allocationUntil ? { until: endDate } : {};
        const part =
          scope === "organisation"
            ? { ...until, scope, organisations: [orgA()] }
            : { ...until, scope };
        assert.deepEqual(res.json(), { blocked: true, parts: [part] }, `${c.profile} ${scope}`);
      }
      const none = await call("GET", "/api/v1/seekers/ZM-unknown/block", h.allocation);
      assert.deepEqual(none.json(), { blocked: false });
    });

    test("003-19 a participant's block view: blocked, whether it applies to it, and only its grant", async () => {
      for (const [scope, { seeker }] of people) {
        for (const caller of Object.keys(c.block) as (keyof ProfileCase["block"])[]) {
          const res = await call(
            "GET",
            `/api/v1/seekers/${seeker}/block?purpose=allocation`,
            headersOf(caller),
          );
          assert.equal(res.statusCode, 200, `${caller} ${scope}: ${res.body}`);
          const view = res.json() as Record<string, unknown>;
          assert.deepEqual(
            keys(view),
            ["appliesToCaller", "blocked", ...c.block[caller]].sort(),
            `${c.profile} ${caller} ${scope}`,
          );
          assert.equal(view.blocked, true);
          const own = caller.endsWith("A");
          assert.equal(view.appliesToCaller, scope !== "organisation" || own, `${caller} ${scope}`);
          assert.deepEqual(view.primarySource, orgA());
        }
        const auditor = await call(
          "GET",
          `/api/v1/seekers/${seeker}/block?purpose=allocation`,
          h.auditor,
        );
        assert.equal(auditor.statusCode, 403, "the auditor looks up no blocks");
      }
    });
  });
}

describe("a participant's block look-up needs a purpose, like a screening", () => {
  const h = useDemoApi({ today: TODAY });
  const { call } = apiCalls(() => h.app);

  test("missing or unknown purpose → 400 with a clear message; the purpose is logged", async () => {
    const missing = await call("GET", "/api/v1/seekers/ZP-1/block", h.querierB);
    assertRefused(missing, 400, "purpose_required");
    assert.match(missing.json().error.message, /purpose/);
    const wrong = await call("GET", "/api/v1/seekers/ZP-1/block?purpose=curiosity", h.querierB);
    assertRefused(wrong, 400, "invalid_input");
    assert.match(JSON.stringify(wrong.json().error.details), /allocation, urgency/);
    const ok = await call("GET", "/api/v1/seekers/ZP-1/block?purpose=urgency", h.querierB);
    assert.deepEqual(ok.json(), { blocked: false, appliesToCaller: false });
    const [event] = await h.ctx.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "seeker.block_checked"), eq(auditEvent.objectId, "ZP-1")));
    assert.ok(event);
    assert.deepEqual(event.details, { purpose: "urgency" });
    // The allocation system applies blocks for every dwelling; it needs no purpose.
    const system = await call("GET", "/api/v1/seekers/ZP-1/block", h.allocation);
    assert.equal(system.statusCode, 200, system.body);
  });
});

test("003-19 no grant to another participant under aedes-2021 or kkr shows dates, scope or reason", () => {
  for (const id of ["aedes-2021", "kkr"] as const) {
    const grants = getProfile(id).disclosure.hit.other_participant;
    for (const role of ["officer", "querier"] as const) {
      assert.deepEqual([...(grants[role]?.fields ?? [])].sort(), BLOCK_ONLY, `${id} ${role}`);
      assert.match(grants[role]?.source ?? "", /§6 punt/, "the grant cites its article");
    }
    assert.deepEqual(getProfile(id).disclosure.consent.fields, [], "no consent widens it");
  }
});
