import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { generateProtocolsDoc } from "../../scripts/generate-protocols-doc.ts";
import { ROLES } from "../platform/auth/roles.ts";
import { termEnd } from "../platform/werkdagen.ts";
import { DAMAGE_BRACKETS, findDamageBracket } from "./damage-brackets.ts";
import {
  type DamageBracket,
  DISCLOSURE_FIELDS,
  getProfile,
  HIT_AUDIENCES,
  isProfileId,
  PROFILE_IDS,
  type Profile,
  SCOPES,
} from "./index.ts";

const profiles: Profile[] = PROFILE_IDS.map((id) => getProfile(id));

/** contract.md §4: build exactly these codes. */
const CONTRACT_CODES: Record<string, { categories: string[]; criteria?: string[] }> = {
  "aedes-2021": {
    categories: ["A.I", "B.II", "B.III", "C.IV", "C.V", "C.VI", "D.VII", "D.VIII", "E.IX"],
    criteria: ["a", "b", "c", "d", "e.i", "e.ii", "e.iii"],
  },
  "keurmerk-2013": {
    categories: ["W1", "W2", "W3"],
    criteria: ["W1.1", "W1.2", "W2.1", "W2.2", "W3.1", "W3.2"],
  },
  kkr: { categories: ["FIN", "CRIM", "PSY"] },
};

const TERM_KEYS = new Set(["days", "weeks", "months", "workingDays"]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Walks a profile. Every object is a rule and must carry a non-empty `source`, except: the
 * profile itself, containers (all values objects/arrays: deadlines, disclosure maps,
 * registrationRules), pure numbers (a Term, a damage bracket, removal params).
 */
function rulesWithoutSource(node: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      rulesWithoutSource(v, `${path}[${i}]`, out);
    });
    return out;
  }
  if (!isPlainObject(node)) return out;
  const values = Object.values(node);
  const isContainer = values.length > 0 && values.every((v) => typeof v === "object" && v !== null);
  const isTerm = Object.keys(node).every((k) => TERM_KEYS.has(k));
  const isBracket = "termMonths" in node && "minCents" in node;
  const isParams = path.endsWith(".params");
  const isRoot = path === "";
  if (!isContainer && !isTerm && !isBracket && !isParams && !isRoot) {
    const source = node.source;
    if (typeof source !== "string" || source.trim().length === 0) out.push(path);
    if ("note" in node && (typeof node.note !== "string" || node.note.trim().length === 0)) {
      out.push(`${path}.note (empty)`);
    }
  }
  for (const [k, v] of Object.entries(node)) rulesWithoutSource(v, `${path}.${k}`, out);
  return out;
}

describe("profiles", () => {
  test("getProfile and isProfileId keep working for every shipped profile", () => {
    for (const id of PROFILE_IDS) {
      assert.equal(isProfileId(id), true);
      assert.equal(getProfile(id).id, id);
    }
    assert.equal(isProfileId("aedes-2020"), false);
    assert.equal(
      getProfile("keurmerk-2013").maxOfficersPerParticipant.value,
      2,
      "001: at most two officers",
    );
    assert.equal(getProfile("aedes-2021").maxOfficersPerParticipant.value, null);
  });

  for (const profile of profiles) {
    describe(profile.id, () => {
      test("has exactly the codes of contract.md §4", () => {
        const codes = CONTRACT_CODES[profile.id];
        assert.ok(codes);
        assert.deepEqual(
          profile.categories.map((c) => c.code),
          codes.categories,
        );
        if (codes.criteria)
          assert.deepEqual(
            profile.criteria.map((c) => c.code),
            codes.criteria,
          );
      });

      test("every rule object has a non-empty source (and no empty note)", () => {
        assert.deepEqual(rulesWithoutSource(profile, "", []), []);
      });

      test("the source walk notices a missing source", () => {
        // A JSON copy: the profiles share rule objects, structuredClone would keep the sharing.
        const broken = JSON.parse(JSON.stringify(profile)) as {
          categories: { scope: { source: string } }[];
        };
        const first = broken.categories[0];
        assert.ok(first);
        first.scope.source = " ";
        assert.deepEqual(rulesWithoutSource(broken, "", []), [".categories[0].scope"]);
      });

      test("criteria and categories reference each other consistently", () => {
        const categoryCodes = new Set(profile.categories.map((c) => c.code));
        const criterionCodes = profile.criteria.map((c) => c.code);
        assert.equal(
          new Set(criterionCodes).size,
          criterionCodes.length,
          "criterion codes are unique",
        );
        assert.equal(categoryCodes.size, profile.categories.length, "category codes are unique");
        for (const k of profile.criteria) {
          assert.ok(k.categories.length > 0, k.code);
          for (const c of k.categories) assert.ok(categoryCodes.has(c), `${k.code} → ${c}`);
        }
        for (const c of profile.categories) {
          const grounds = profile.criteria
            .filter((k) => k.categories.includes(c.code))
            .map((k) => k.code);
          assert.ok(grounds.length > 0, `${c.code} has a criterion`);
          for (const f of c.placement.futureAllowedForCriteria)
            assert.ok(grounds.includes(f), `${c.code} ${f}`);
        }
      });

      test("terms, scopes and claims are well formed", () => {
        for (const c of profile.categories) {
          assert.ok(Number.isSafeInteger(c.term.maxMonths) && c.term.maxMonths >= 1, c.code);
          assert.ok(SCOPES.includes(c.scope.value), c.code);
          const brackets = c.term.damageBrackets;
          if (brackets) {
            assert.equal(c.claim.mode, "required", `${c.code}: brackets need the claim`);
            const first = brackets[0];
            const last = brackets.at(-1);
            assert.ok(first && last);
            assert.equal(
              c.claim.minimumCents,
              first.minCents,
              "the minimum is where the brackets start",
            );
            assert.equal(first.minInclusive, true);
            assert.equal(last.maxCents, null, "the last bracket is open-ended");
            for (let i = 1; i < brackets.length; i++) {
              const prev: DamageBracket | undefined = brackets[i - 1];
              const cur: DamageBracket | undefined = brackets[i];
              assert.ok(prev && cur);
              assert.equal(cur.minCents, prev.maxCents, "contiguous");
              assert.notEqual(
                cur.minInclusive,
                prev.maxInclusive,
                "each boundary in exactly one bracket",
              );
              assert.ok(cur.termMonths > prev.termMonths, "longer for more damage");
            }
            assert.ok(brackets.every((b) => b.termMonths <= c.term.maxMonths));
          }
          if (c.claim.mode === "not_applicable")
            assert.equal(c.claim.minimumCents, undefined, c.code);
          for (const r of c.removal) {
            if (r.onlyWhenSoleGroup)
              assert.equal(r.onlyWhenSoleGroup, c.group, `${c.code} ${r.trigger}`);
          }
        }
        assert.ok(profile.generalRemoval.some((r) => r.trigger === "term_expired"));
        assert.ok(profile.generalRemoval.some((r) => r.trigger === "objection_upheld"));
      });

      test("disclosure grants name known fields and roles; deadlines they refer to exist", () => {
        for (const audience of HIT_AUDIENCES) {
          for (const [role, grant] of Object.entries(profile.disclosure.hit[audience])) {
            assert.ok((ROLES as readonly string[]).includes(role), role);
            for (const f of grant?.fields ?? [])
              assert.ok(DISCLOSURE_FIELDS.includes(f), `${role} ${f}`);
          }
          for (const role of ["auditor", "support", "committee"] as const) {
            assert.equal(
              profile.disclosure.hit[audience][role],
              undefined,
              `${role} screens nothing`,
            );
          }
        }
        const consent = profile.disclosure.consent;
        if (consent.reflectionDeadline) assert.ok(profile.deadlines[consent.reflectionDeadline]);
        if (!consent.allowed) assert.deepEqual(consent.fields, []);
      });

      test("every deadline has a term werkdagen can count, an anchor, an actor and a text", () => {
        for (const [key, d] of Object.entries(profile.deadlines)) {
          assert.match(key, /^[a-z]+(_[a-z]+)*$/);
          assert.doesNotThrow(() => termEnd("2026-03-02", d.term), key);
          assert.ok(d.text.length > 0 && d.from.length > 0 && d.by.length > 0, key);
        }
      });
    });
  }
});

describe("protocol choices taken from the seeds", () => {
  const aedes = getProfile("aedes-2021");
  const keurmerk = getProfile("keurmerk-2013");
  const kkr = getProfile("kkr");
  const category = (p: Profile, code: string) => {
    const c = p.categories.find((k) => k.code === code);
    assert.ok(c, code);
    return c;
  };

  test("001 W2 uses the same damage brackets as 003 D.VIII", () => {
    assert.deepEqual(
      category(keurmerk, "W2").term.damageBrackets,
      category(aedes, "D.VIII").term.damageBrackets,
    );
    assert.equal(category(aedes, "D.VIII").term.damageBrackets, DAMAGE_BRACKETS);
  });

  test("boundary amounts fall in the lower (shorter) bracket", () => {
    for (const [cents, months] of [
      [50_000, 12],
      [100_000, 12],
      [200_000, 24],
      [500_000, 36],
      [1_000_000, 48],
    ] as const) {
      assert.equal(findDamageBracket(DAMAGE_BRACKETS, cents)?.termMonths, months, String(cents));
    }
    assert.equal(findDamageBracket(DAMAGE_BRACKETS, 49_999), undefined);
  });

  test("twoStepPlacement: 003 ch. 10 and 001 §3.4 inform after placement; kkr informs first", () => {
    assert.equal(aedes.twoStepPlacement.value, false);
    assert.equal(keurmerk.twoStepPlacement.value, false);
    assert.equal(kkr.twoStepPlacement.value, true);
    assert.ok(kkr.twoStepPlacement.note, "a choice where the seed is silent says so");
  });

  test("003 §6/§13: another participant sees only the block, after a confirmed match, never the category", () => {
    for (const p of [aedes, kkr]) {
      for (const role of ["querier", "officer"] as const) {
        const grant = p.disclosure.hit.other_participant[role];
        assert.ok(grant);
        assert.equal(grant.requiresConfirmedMatch, true);
        assert.ok(
          !grant.fields.includes("categories") && !grant.fields.includes("criteria"),
          `${p.id} ${role}`,
        );
      }
      assert.ok(
        p.disclosure.hit.primary_source.officer?.fields.includes("categories"),
        "own: everything",
      );
      assert.equal(p.disclosure.consent.allowed, false);
    }
  });

  test("001 §5.2: since when, by whom, which W-category, whether a begeleiding procedure took place", () => {
    const grant = keurmerk.disclosure.hit.other_participant.querier;
    assert.ok(grant);
    for (const f of ["since", "primarySource", "categories", "supportTeamProcedure"] as const) {
      assert.ok(grant.fields.includes(f), f);
    }
    assert.ok(!grant.fields.includes("until"), "the end date would betray the damage bracket");
    assert.ok(
      !grant.fields.includes("criteria"),
      "no reason for the registration without consent (§5.5)",
    );
    assert.equal(keurmerk.disclosure.consent.allowed, true);
    assert.deepEqual(keurmerk.deadlines.consent_reflection?.term, { workingDays: 3 });
  });

  test("removal: 003 §12.4 D only when D is the sole group; 001 W2 half-paid rule; W3 none early", () => {
    for (const code of ["D.VII", "D.VIII"]) {
      const triggers = category(aedes, code).removal.map((r) => [r.trigger, r.onlyWhenSoleGroup]);
      assert.deepEqual(triggers, [
        ["claim_paid_in_full", "D"],
        ["claim_settled", "D"],
      ]);
    }
    for (const code of ["A.I", "B.III", "E.IX"])
      assert.deepEqual(category(aedes, code).removal, []);
    assert.deepEqual(
      category(keurmerk, "W2").removal.map((r) => r.trigger),
      ["claim_paid_in_full", "claim_half_paid_with_arrangement"],
    );
    assert.deepEqual(category(keurmerk, "W2").removal[1]?.params, {
      paidFractionAtLeast: 0.5,
      withinFractionOfTerm: 0.5,
    });
    assert.deepEqual(
      category(keurmerk, "W1").removal.map((r) => r.trigger),
      ["support_team_rehousing"],
    );
    assert.deepEqual(category(keurmerk, "W3").removal, []);
    assert.equal(category(keurmerk, "W3").term.kind, "fixed");
  });

  /** [profile, key, term] — the deadlines as the seeds state them. */
  const DEADLINES: [Profile, string, Record<string, number>][] = [
    [aedes, "access_request_decision", { weeks: 4 }], // 003 §15 "binnen vier weken"
    [aedes, "rectification_request_decision", { weeks: 4 }],
    [aedes, "erasure_request_decision", { weeks: 4 }],
    [aedes, "restriction_request_decision", { weeks: 4 }],
    [aedes, "objection_decision", { weeks: 4 }], // §16.4 "binnen vier weken"
    [aedes, "complaint_decision", { weeks: 4 }], // §4.5
    [aedes, "upheld_complaint_removal", { weeks: 2 }], // §16.3 "binnen twee weken"
    [aedes, "upheld_objection_removal", { weeks: 2 }],
    [aedes, "upheld_appeal_removal", { weeks: 2 }], // §16.4
    [aedes, "complaint_window", { weeks: 6 }], // §16.1 "binnen weken": number missing → 6
    [aedes, "placement_letter", { weeks: 4 }], // §10: no term → 4
    [aedes, "hit_letter", { weeks: 4 }],
    [keurmerk, "placement_letter", { weeks: 4 }], // 001 §9.1 A
    [keurmerk, "continuation_letter", { weeks: 4 }], // §9.1 B
    [keurmerk, "removal_letter", { weeks: 4 }], // §9.1 C
    [keurmerk, "hit_letter", { weeks: 4 }], // §9.1 D
    [keurmerk, "objection_window", { weeks: 6 }], // §9.1, §11, Bijlage 2 art. 5
    [keurmerk, "objection_acknowledgement", { weeks: 2 }], // §11
    [keurmerk, "objection_decision", { weeks: 3 }], // §11: 3 vs 6 weeks → 3
    [keurmerk, "upheld_objection_removal", { workingDays: 5 }], // §3.4
    [keurmerk, "upheld_appeal_removal", { workingDays: 5 }],
    [keurmerk, "appeal_window", { weeks: 6 }], // §11
    [keurmerk, "appeal_acknowledgement", { weeks: 2 }], // §11, Bijlage 2 art. 18.1
    [keurmerk, "appeal_decision", { weeks: 6 }], // §11 (after the acknowledgement)
    [keurmerk, "access_request_decision", { weeks: 3 }], // §9.3
    [keurmerk, "access_copies", { weeks: 4 }], // §9.2
    [keurmerk, "rectification_request_decision", { weeks: 3 }], // §9.4
    [keurmerk, "correction_execution", { weeks: 5 }], // §9.4: 3 + 2 weeks
    [keurmerk, "correction_notification", { weeks: 4 }], // §9.4
    [keurmerk, "consent_reflection", { workingDays: 3 }], // §5.5
    [keurmerk, "appeal_written_submission", { weeks: 2 }], // Bijlage 2 art. 14.4
    [keurmerk, "appeal_not_handled_notice", { weeks: 4 }], // art. 15.2
    [keurmerk, "appeal_participant_response", { weeks: 2 }], // art. 16.1
    [keurmerk, "appeal_witness_names", { weeks: 1 }], // art. 17.1 (before the hearing)
    [keurmerk, "appeal_expert_report_reaction", { weeks: 2 }], // art. 17.4
    [keurmerk, "appeal_correction_request", { weeks: 2 }], // art. 18.9
    [keurmerk, "appeal_recusal_window", { weeks: 1 }], // art. 20.2
    [keurmerk, "binding_advice_annulment_window", { months: 6 }], // art. 21
    [kkr, "access_request_decision", { weeks: 4 }], // 000 silent → 003 §15
    [kkr, "placement_letter", { weeks: 4 }],
    [kkr, "hit_letter", { weeks: 4 }],
    // 003 §6 punt 5 names no term: 4 weeks as the other letters; 001 and 000 follow (D-620).
    [aedes, "block_letter", { weeks: 4 }],
    [keurmerk, "block_letter", { weeks: 4 }],
    [kkr, "block_letter", { weeks: 4 }],
  ];
  for (const [p, key, term] of DEADLINES) {
    test(`${p.id} ${key}: ${JSON.stringify(term)}`, () => {
      const d = p.deadlines[key];
      assert.ok(d, `${p.id} has ${key}`);
      assert.deepEqual(d.term, term);
    });
  }

  test("the keys the cases and letters modules read exist in every profile", () => {
    const common = [
      "placement_letter",
      "block_letter",
      "hit_letter",
      "removal_letter",
      "access_request_decision",
      "rectification_request_decision",
      "erasure_request_decision",
      "restriction_request_decision",
      "objection_acknowledgement",
      "objection_decision",
      "upheld_objection_removal",
      "appeal_acknowledgement",
      "appeal_decision",
      "upheld_appeal_removal",
    ];
    for (const p of [aedes, keurmerk, kkr]) {
      for (const key of common) assert.ok(p.deadlines[key], `${p.id} ${key}`);
    }
  });

  test("kkr follows 003 where 000 is silent and says so", () => {
    for (const d of Object.values(kkr.deadlines))
      assert.match(d.source, /^000 zwijgt; gevolgd wordt 003/);
    for (const c of kkr.categories) {
      assert.equal(c.scope.value, "national");
      assert.ok(c.kinds && c.kinds.length > 0, `${c.code} lists 000's sub-kinds`);
      assert.match(c.term.source, /000 zwijgt/);
    }
  });

  test("every profile records its ambiguity choices with a reason", () => {
    for (const p of [aedes, keurmerk, kkr]) {
      assert.ok(p.ambiguities.length >= 5, p.id);
      for (const a of p.ambiguities)
        assert.ok(a.topic && a.choice && a.reason && a.source, a.topic);
    }
  });
});

test("docs/protocols.md is exactly what scripts/generate-protocols-doc.ts produces", () => {
  const path = fileURLToPath(new URL("../../docs/protocols.md", import.meta.url));
  const onDisk = readFileSync(path, "utf8");
  assert.equal(
    onDisk,
    generateProtocolsDoc(),
    "docs/protocols.md is stale: run node_modules/.bin/node scripts/generate-protocols-doc.ts > docs/protocols.md",
  );
});
