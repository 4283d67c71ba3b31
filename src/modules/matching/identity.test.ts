/**
 * Exact identity (issue 24 part 4, D-1010): what another participant may be told without a
 * person of the primary source confirming it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sameIdentity } from "./identity.ts";

const base = { initials: "M.C.", prefix: "van der", surname: "Berg", birthDate: "1985-03-14" };

test("24-4 the written forms of one name are one identity", () => {
  for (const other of [
    { ...base, prefix: undefined, surname: "Berg, van der" },
    { ...base, prefix: "", surname: "van der Berg" },
    { ...base, initials: "m. c.", prefix: "VAN DER", surname: "BERG" },
    { ...base, initials: "Maria Christina" },
    { ...base, firstNames: "Maria Christina", gender: "V" as const },
  ]) {
    assert.ok(sameIdentity(base, other), JSON.stringify(other));
  }
  const double = { initials: "E.", surname: "Jansen-de Vries", birthDate: "1990-01-02" };
  assert.ok(sameIdentity(double, { ...double, surname: "de Vries-Jansen" }));
  assert.ok(sameIdentity(double, { ...double, surname: "Jansen de Vries" }));
});

test("24-4 one day, one initial, one letter or a differing field both carry is not exact", () => {
  for (const other of [
    { ...base, birthDate: "1985-03-15" },
    { ...base, initials: "M." },
    { ...base, surname: "Bergh" },
    { ...base, prefix: undefined },
  ]) {
    assert.ok(!sameIdentity(base, other), JSON.stringify(other));
  }
  const a = { ...base, firstNames: "Maria Christina", gender: "V" as const };
  assert.ok(!sameIdentity(a, { ...a, firstNames: "Maria Christine" }));
  assert.ok(!sameIdentity(a, { ...a, gender: "M" }));
  assert.ok(!sameIdentity({ ...a, birthName: "Smit" }, { ...a, birthName: "Smits" }));
});
