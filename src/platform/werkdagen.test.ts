import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Holidays from "date-holidays";
import fc from "fast-check";
import {
  addDays,
  addMonths,
  addWeeks,
  addWorkingDays,
  addYears,
  compareDates,
  daysBetween,
  easterSunday,
  holidayName,
  isHoliday,
  isIsoDate,
  isWeekend,
  isWorkingDay,
  parseIsoDate,
  publicHolidays,
  ROYAL_DECREE_DAYS,
  type Term,
  termEnd,
  todayInAmsterdam,
} from "./werkdagen.ts";

describe("parseIsoDate / isIsoDate", () => {
  test("accepts real calendar dates", () => {
    assert.equal(parseIsoDate("2024-02-29"), "2024-02-29");
    assert.equal(parseIsoDate("2025-12-31"), "2025-12-31");
    assert.equal(isIsoDate("2000-02-29"), true);
  });

  for (const bad of [
    "2025-02-29",
    "2025-13-01",
    "25-01-01",
    "",
    "2025-1-01",
    "2025-04-31",
    "1900-02-29",
    " 2025-01-01",
    "2025-01-01T00:00",
  ]) {
    test(`refuses ${JSON.stringify(bad)}`, () => {
      assert.equal(isIsoDate(bad), false);
      assert.throws(() => parseIsoDate(bad), RangeError);
    });
  }

  test("error message names the input and the expected format", () => {
    assert.throws(() => parseIsoDate("2025-02-29"), /"2025-02-29".*YYYY-MM-DD/);
  });

  test("refuses non-strings and every date-taking function validates", () => {
    assert.throws(() => parseIsoDate(20250101), RangeError);
    assert.equal(isIsoDate(undefined), false);
    assert.throws(() => addDays("2025-02-29", 1), RangeError);
    assert.throws(() => isWorkingDay("2025-13-01"), RangeError);
    assert.throws(() => termEnd("25-01-01", { days: 3 }), RangeError);
    assert.throws(() => isWorkingDay("2026-01-05", { extraDays: ["2026-02-30"] }), RangeError);
  });
});

describe("easterSunday", () => {
  const known: Record<number, string> = {
    2024: "2024-03-31",
    2025: "2025-04-20",
    2026: "2026-04-05",
    2027: "2027-03-28",
    2028: "2028-04-16",
    2029: "2029-04-01",
    2030: "2030-04-21",
    // extremes of the range: latest possible (25 April) and earliest (22 March)
    2038: "2038-04-25",
    2285: "2285-03-22",
    1818: "1818-03-22",
    1943: "1943-04-25",
    2000: "2000-04-23",
  };
  for (const [year, date] of Object.entries(known)) {
    test(`${year}`, () => assert.equal(easterSunday(Number(year)), date));
  }

  test("refuses years outside the Gregorian range", () => {
    assert.throws(() => easterSunday(1500), RangeError);
    assert.throws(() => easterSunday(2025.5), RangeError);
  });
});

describe("publicHolidays", () => {
  const decreeDates = new Set(ROYAL_DECREE_DAYS.map((d) => d.date));

  // Independent cross-check against date-holidays (NL). Legitimate differences:
  // - Goede Vrijdag (Atw art. 3 lid 2) and Bevrijdingsdag (art. 3 lid 1, "de vijfde
  //   mei", every year) are not a day off for most employees, so date-holidays types
  //   them "school" (3.37: every year, whatever the lustrum). For the
  //   Atw both count every year, so they are taken from date-holidays by name,
  //   whatever their type.
  // - Days equated by royal decree (Atw art. 3 lid 3) are unknown to date-holidays
  //   and excluded from the comparison.
  // - date-holidays moves Koningsdag to 26 April when 27 April is a Sunday (2025),
  //   exactly like the Koningsdag rule, so that needs no special case.
  for (let year = 2024; year <= 2030; year++) {
    test(`${year} matches date-holidays (NL)`, () => {
      const hd = new Holidays("NL");
      const reference = new Set(
        hd
          .getHolidays(year)
          .filter(
            (h) => h.type === "public" || h.name === "Goede Vrijdag" || h.name === "Bevrijdingsdag",
          )
          .map((h) => h.date.slice(0, 10)),
      );
      const ours = new Set(
        publicHolidays(year)
          .map((h) => h.date)
          .filter((d) => !decreeDates.has(d)),
      );
      assert.deepEqual([...ours].sort(), [...reference].sort());
      assert.equal(ours.size, 11);
    });
  }

  test("2025 in full, with names and sources", () => {
    assert.deepEqual(
      publicHolidays(2025).map((h) => [h.date, h.name]),
      [
        ["2025-01-01", "Nieuwjaarsdag"],
        ["2025-04-18", "Goede Vrijdag"],
        ["2025-04-20", "Eerste Paasdag"],
        ["2025-04-21", "Tweede Paasdag"],
        ["2025-04-26", "Koningsdag"],
        ["2025-05-05", "Bevrijdingsdag"],
        ["2025-05-29", "Hemelvaartsdag"],
        ["2025-05-30", "Vrijdag na Hemelvaartsdag"],
        ["2025-06-08", "Eerste Pinksterdag"],
        ["2025-06-09", "Tweede Pinksterdag"],
        ["2025-12-25", "Eerste Kerstdag"],
        ["2025-12-26", "Tweede Kerstdag"],
      ],
    );
    for (const h of publicHolidays(2025)) assert.match(h.source, /^Atw art\. \d lid \d/);
    assert.equal(
      publicHolidays(2025).find((h) => h.name === "Goede Vrijdag")?.source,
      "Atw art. 3 lid 2",
    );
  });

  test("Koningsdag is 26 April when 27 April is a Sunday (2014, 2025), else 27 April", () => {
    const koningsdag = (year: number) =>
      publicHolidays(year).find((h) => h.name === "Koningsdag")?.date;
    assert.equal(koningsdag(2014), "2014-04-26");
    assert.equal(koningsdag(2025), "2025-04-26");
    assert.equal(koningsdag(2036), "2036-04-26");
    assert.equal(koningsdag(2024), "2024-04-27"); // Saturday: not moved
    assert.equal(koningsdag(2026), "2026-04-27");
    assert.equal(isHoliday("2025-04-27"), false);
  });

  test("Bevrijdingsdag counts every year, not only every fifth", () => {
    for (const year of [2024, 2026, 2027, 2029]) assert.equal(isHoliday(`${year}-05-05`), true);
    assert.equal(isWorkingDay("2026-05-05"), false);
  });

  test("royal decree days are non-working, and entries are well formed", () => {
    assert.equal(holidayName("2026-05-15"), "Vrijdag na Hemelvaartsdag");
    assert.equal(isWorkingDay("2026-01-02"), false);
    for (const d of ROYAL_DECREE_DAYS) {
      assert.equal(isIsoDate(d.date), true);
      assert.match(d.source, /^Atw art\. 3 lid 3; /);
      assert.equal(isWeekend(d.date), false);
    }
  });

  test("years before Koningsdag are refused rather than guessed", () => {
    assert.throws(() => publicHolidays(2013), RangeError);
    assert.throws(() => isWorkingDay("2013-04-30"), RangeError);
  });
});

describe("extraDays (Atw art. 3 lid 3 injected at run time)", () => {
  const extra = { extraDays: ["2026-06-01"] };

  test("an extra day is a holiday only when passed", () => {
    assert.equal(isWorkingDay("2026-06-01"), true);
    assert.equal(isWorkingDay("2026-06-01", extra), false);
    assert.equal(isHoliday("2026-06-01", extra), true);
    assert.equal(holidayName("2026-06-01", extra), "Gelijkgestelde dag");
    const listed = publicHolidays(2026, extra).find((h) => h.date === "2026-06-01");
    assert.equal(listed?.source, "Atw art. 3 lid 3 (opgegeven via extraDays)");
    assert.equal(publicHolidays(2026, extra).length, publicHolidays(2026).length + 1);
    assert.equal(publicHolidays(2027, extra).length, publicHolidays(2027).length);
  });

  test("extra days shift working-day counts and term ends", () => {
    // Friday 2026-05-29 + 1 working day: Monday 1 June, or Tuesday 2 June if equated.
    assert.equal(addWorkingDays("2026-05-29", 1), "2026-06-01");
    assert.equal(addWorkingDays("2026-05-29", 1, extra), "2026-06-02");
    assert.equal(termEnd("2026-05-18", { weeks: 2 }, extra).date, "2026-06-02");
  });

  test("Hemelvaartsdag on 7 May (2043): a term ending Saturday 2 May runs to Monday 11 May", () => {
    // With Bevrijdingsdag on Tuesday 5 May and Hemelvaartsdag on Thursday 7 May the
    // decrees typically equate 4, 6 and 8 May, giving the longest possible extension.
    assert.equal(easterSunday(2043), "2043-03-29");
    const bridges = { extraDays: ["2043-05-04", "2043-05-06", "2043-05-08"] };
    const result = termEnd("2043-04-18", { weeks: 2 }, bridges);
    assert.equal(result.unextended, "2043-05-02");
    assert.equal(result.date, "2043-05-11");
  });
});

describe("calendar arithmetic", () => {
  test("addDays / addWeeks across DST and year ends", () => {
    assert.equal(addDays("2025-03-29", 2), "2025-03-31"); // DST starts 30 March
    assert.equal(addDays("2025-10-25", 2), "2025-10-27"); // DST ends 26 October
    assert.equal(addDays("2025-12-31", 1), "2026-01-01");
    assert.equal(addDays("2024-03-01", -1), "2024-02-29");
    assert.equal(addWeeks("2026-04-13", 2), "2026-04-27");
    assert.equal(addWeeks("2026-01-05", -1), "2025-12-29");
  });

  test("addMonths clamps to the month end", () => {
    assert.equal(addMonths("2024-01-31", 1), "2024-02-29");
    assert.equal(addMonths("2025-01-31", 1), "2025-02-28");
    assert.equal(addMonths("2025-03-31", 1), "2025-04-30");
    assert.equal(addMonths("2024-03-31", -1), "2024-02-29");
    assert.equal(addMonths("2025-11-15", 3), "2026-02-15");
    assert.equal(addMonths("2025-01-15", -13), "2023-12-15");
  });

  test("addYears clamps 29 February", () => {
    assert.equal(addYears("2024-02-29", 1), "2025-02-28");
    assert.equal(addYears("2024-02-29", 4), "2028-02-29");
    assert.equal(addYears("2025-06-30", -1), "2024-06-30");
  });

  test("compareDates and daysBetween", () => {
    assert.equal(compareDates("2025-01-01", "2025-01-02"), -1);
    assert.equal(compareDates("2025-01-02", "2025-01-01"), 1);
    assert.equal(compareDates("2025-01-01", "2025-01-01"), 0);
    assert.equal(daysBetween("2024-01-01", "2025-01-01"), 366);
    assert.equal(daysBetween("2025-03-31", "2025-03-29"), -2);
  });

  test("non-integer amounts are refused", () => {
    assert.throws(() => addDays("2025-01-01", 1.5), RangeError);
    assert.throws(() => addMonths("2025-01-01", Number.NaN), RangeError);
  });

  test("todayInAmsterdam uses the Amsterdam calendar date", () => {
    assert.equal(todayInAmsterdam(new Date("2025-03-30T22:30:00Z")), "2025-03-31"); // CEST
    assert.equal(todayInAmsterdam(new Date("2025-12-31T22:59:59Z")), "2025-12-31"); // CET
    assert.equal(todayInAmsterdam(new Date("2025-12-31T23:00:00Z")), "2026-01-01");
    assert.equal(todayInAmsterdam(new Date("2025-07-01T21:59:59Z")), "2025-07-01");
    assert.throws(() => todayInAmsterdam(new Date(Number.NaN)), RangeError);
  });
});

describe("working days", () => {
  test("isWeekend / isWorkingDay", () => {
    assert.equal(isWeekend("2025-06-14"), true); // Saturday
    assert.equal(isWeekend("2025-06-15"), true); // Sunday
    assert.equal(isWeekend("2025-06-16"), false);
    assert.equal(isWorkingDay("2025-06-16"), true);
    assert.equal(isWorkingDay("2025-12-25"), false);
    assert.equal(isWorkingDay("2025-04-18"), false); // Goede Vrijdag
  });

  test("five working days across Easter 2026", () => {
    // Thu 2 Apr: skips Goede Vrijdag 3, weekend, Tweede Paasdag 6 -> 7, 8, 9, 10, 13
    assert.equal(addWorkingDays("2026-04-02", 5), "2026-04-13");
    assert.deepEqual(termEnd("2026-04-02", { workingDays: 5 }), {
      date: "2026-04-13",
      unextended: "2026-04-13",
      extendedBy: [],
    });
  });

  test("five working days across Christmas 2025", () => {
    // Tue 23 Dec: 24, (25, 26 Kerst), 29, 30, 31, (1 Jan, 2 Jan decree day), 5 Jan
    assert.equal(addWorkingDays("2025-12-23", 5), "2026-01-05");
  });

  test("zero working days: the day itself or the next working day", () => {
    assert.equal(addWorkingDays("2025-06-16", 0), "2025-06-16");
    assert.equal(addWorkingDays("2025-06-14", 0), "2025-06-16");
    assert.equal(addWorkingDays("2025-12-25", 0), "2025-12-29");
  });

  test("negative counts are refused", () => {
    assert.throws(() => addWorkingDays("2025-06-16", -1), RangeError);
  });
});

describe("termEnd", () => {
  test("two weeks ending on a working day: no extension", () => {
    assert.deepEqual(termEnd("2026-03-02", { weeks: 2 }), {
      date: "2026-03-16",
      unextended: "2026-03-16",
      extendedBy: [],
    });
  });

  test("two weeks ending on Koningsdag 2026 (Monday 27 April)", () => {
    const result = termEnd("2026-04-13", { weeks: 2 });
    assert.equal(result.unextended, "2026-04-27");
    assert.equal(result.date, "2026-04-28");
    assert.equal(result.extendedBy.length, 1);
    assert.match(result.extendedBy[0] ?? "", /^Atw art\. 1 lid 1: .*Koningsdag/);
  });

  test("two weeks ending on Hemelvaartsdag 2026: past the decree Friday and the weekend", () => {
    const result = termEnd("2026-04-30", { weeks: 2 });
    assert.equal(result.unextended, "2026-05-14");
    assert.equal(result.date, "2026-05-18");
  });

  test("ending on Christmas: past both Kerstdagen and the weekend", () => {
    assert.equal(termEnd("2025-12-11", { weeks: 2 }).date, "2025-12-29");
    assert.equal(termEnd("2026-12-11", { weeks: 2 }).date, "2026-12-28"); // Fri 25, Sat 26
  });

  test("ending on New Year's Day", () => {
    // 2026: Thursday 1 Jan, Friday 2 Jan equated by decree -> Monday 5 Jan
    assert.equal(termEnd("2025-12-18", { weeks: 2 }).date, "2026-01-05");
    // 2027: Friday 1 Jan -> Monday 4 Jan
    assert.equal(termEnd("2026-12-04", { weeks: 4 }).date, "2027-01-04");
  });

  test("ending on a Saturday", () => {
    const result = termEnd("2025-06-09", { days: 5 });
    assert.equal(result.date, "2025-06-16");
    assert.match(result.extendedBy[0] ?? "", /zaterdag/);
  });

  test("Atw art. 2: a 3-day term over a long weekend gets two working days", () => {
    // Thu 2 Apr 2026 + 3 days = Easter Sunday; art. 1 -> Tue 7 Apr (Tweede Paasdag
    // Monday), but Fri 3 .. Tue 7 then holds one working day; art. 2 -> Wed 8 Apr.
    const result = termEnd("2026-04-02", { days: 3 });
    assert.equal(result.unextended, "2026-04-05");
    assert.equal(result.date, "2026-04-08");
    assert.equal(result.extendedBy.length, 2);
    assert.match(result.extendedBy[1] ?? "", /^Atw art\. 2: /);
    // Pinksteren 2026: Fri 22 May + 3 = Tweede Pinksterdag -> Tue 26 -> art. 2 Wed 27
    assert.equal(termEnd("2026-05-22", { days: 3 }).date, "2026-05-27");
  });

  test("Atw art. 2 alone: a 3-day term from a Friday ends on a Monday with one working day", () => {
    const result = termEnd("2025-06-13", { days: 3 });
    assert.equal(result.unextended, "2025-06-16");
    assert.equal(result.date, "2025-06-17");
    assert.deepEqual(
      result.extendedBy.map((s) => s.slice(0, 11)),
      ["Atw art. 2:"],
    );
  });

  test("Atw art. 2 does not apply to terms shorter than three days", () => {
    assert.equal(termEnd("2025-06-13", { days: 2 }).date, "2025-06-16"); // Sun -> Mon
    assert.equal(termEnd("2025-06-13", { workingDays: 1 }).date, "2025-06-16");
  });

  test("three days' cooling-off period (Christmas 2017 example)", () => {
    assert.equal(termEnd("2017-12-19", { days: 3 }).date, "2017-12-22");
    assert.equal(termEnd("2017-12-20", { days: 3 }).date, "2017-12-27");
  });

  test("months clamp to the month end before extension", () => {
    assert.equal(termEnd("2025-01-31", { months: 1 }).date, "2025-02-28"); // Friday
    const result = termEnd("2026-01-31", { months: 1 });
    assert.equal(result.unextended, "2026-02-28"); // Saturday
    assert.equal(result.date, "2026-03-02");
    assert.equal(termEnd("2024-01-31", { months: 1 }).unextended, "2024-02-29");
  });

  test("protocol terms: binnen vier weken / twee weken / vijf werkdagen", () => {
    assert.equal(termEnd("2025-09-01", { weeks: 4 }).date, "2025-09-29");
    assert.equal(termEnd("2025-09-01", { weeks: 2 }).date, "2025-09-15");
    assert.equal(termEnd("2025-09-01", { workingDays: 5 }).date, "2025-09-08");
  });

  test("invalid terms are refused", () => {
    assert.throws(() => termEnd("2025-09-01", {}), RangeError);
    assert.throws(() => termEnd("2025-09-01", { days: 0 }), RangeError);
    assert.throws(() => termEnd("2025-09-01", { days: -1 }), RangeError);
    assert.throws(() => termEnd("2025-09-01", { weeks: 1.5 }), RangeError);
    assert.throws(() => termEnd("2025-09-01", { days: 3, workingDays: 2 }), RangeError);
  });
});

describe("properties", () => {
  const dateArb = fc
    .date({
      min: new Date("2014-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const extraArb = fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 5 });
  const termArb: fc.Arbitrary<Term> = fc.oneof<fc.Arbitrary<Term>[]>(
    fc.record({ days: fc.integer({ min: 1, max: 120 }) }),
    fc.record({ weeks: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ months: fc.integer({ min: 1, max: 24 }) }),
    fc.record({ workingDays: fc.integer({ min: 1, max: 40 }) }),
  );

  test("termEnd ends on a working day, never before the unextended end", () => {
    fc.assert(
      fc.property(dateArb, termArb, extraArb, (start, term, offsets) => {
        const options = { extraDays: offsets.map((o) => addDays(start, o)) };
        const result = termEnd(start, term, options);
        assert.equal(isWorkingDay(result.date, options), true);
        assert.ok(compareDates(result.date, result.unextended) >= 0);
        assert.ok(compareDates(result.unextended, start) > 0);
        assert.equal(result.extendedBy.length === 0, result.date === result.unextended);
        // Atw art. 2: calendar terms of three days or more contain two working days
        if (term.workingDays === undefined && daysBetween(start, result.unextended) >= 3) {
          assert.ok(compareDates(result.date, addWorkingDays(start, 2, options)) >= 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("addWorkingDays(d, n) lands on a working day with exactly n working days in (d, result]", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), extraArb, (start, n, offsets) => {
        const options = { extraDays: offsets.map((o) => addDays(start, o)) };
        const result = addWorkingDays(start, n, options);
        assert.equal(isWorkingDay(result, options), true);
        let count = 0;
        for (let day = addDays(start, 1); compareDates(day, result) <= 0; day = addDays(day, 1)) {
          if (isWorkingDay(day, options)) count += 1;
        }
        assert.equal(count, n);
      }),
      { numRuns: 300 },
    );
  });
});
