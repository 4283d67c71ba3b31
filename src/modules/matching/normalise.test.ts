import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { compareWholeSurnames } from "./compare.ts";
import {
  foldText,
  initialsFromFirstNames,
  normaliseFirstNames,
  normalisePerson,
  normalisePrefix,
  normaliseSurname,
  parseBirthDate,
  parseInitials,
  prefixClass,
} from "./normalise.ts";

describe("foldText", () => {
  const cases: [string, string][] = [
    ["Çelik", "celik"],
    ["Müller", "muller"],
    ["Yıldız", "yildiz"],
    ["Şahin", "sahin"],
    ["Øster", "oster"],
    ["Strauß", "strauss"],
    ["Ærts", "aerts"],
    ["Ĳzerman", "ijzerman"],
    ["Noë", "noe"],
    ["Wiśniewski", "wisniewski"],
    ["Michał", "michal"],
    ["Doğan", "dogan"],
    ["D’Hondt", "d'hondt"],
    ["Jansen–de Vries", "jansen-de vries"],
  ];
  for (const [input, expected] of cases) {
    test(`${input} → ${expected}`, () => assert.equal(foldText(input), expected));
  }
  test("German umlauts spelled out on request", () => {
    assert.equal(foldText("Müller", "german"), "mueller");
    assert.equal(foldText("Schröder", "german"), "schroeder");
  });
});

describe("normaliseSurname: structure", () => {
  const cases: [string, string, string, string][] = [
    // input, prefix, core, full
    ["van der Berg", "van der", "berg", "van der berg"],
    ["Berg, van der", "van der", "berg", "van der berg"],
    ["Berg van der", "van der", "berg", "van der berg"],
    ["Vanderberg", "van der", "berg", "van der berg"],
    ["VanDerBerg", "van der", "berg", "van der berg"],
    ["v.d. Berg", "van der", "berg", "van der berg"],
    ["v/d Berg", "van der", "berg", "van der berg"],
    ["vd Berg", "van der", "berg", "van der berg"],
    ["V. D. Berg", "van der", "berg", "van der berg"],
    ["Vandenberg", "van den", "berg", "van den berg"],
    ["v. Dijk", "van", "dijk", "van dijk"],
    ["Vandam", "van", "dam", "van dam"],
    ["Terhorst", "ter", "horst", "ter horst"],
    ["ter Horst", "ter", "horst", "ter horst"],
    ["Ter Horst", "ter", "horst", "ter horst"],
    ["Tenbrink", "ten", "brink", "ten brink"],
    ["El-Khatib", "el", "khatib", "el khatib"],
    ["el Khatib", "el", "khatib", "el khatib"],
    ["al-Hassan", "al", "hassan", "al hassan"],
    ["ElKhatib", "el", "khatib", "el khatib"],
    ["de Vries", "de", "vries", "de vries"],
    ["DeVries", "de", "vries", "de vries"],
    ["Vries, de", "de", "vries", "de vries"],
    ["den Hartog", "den", "hartog", "den hartog"],
    ["van het Hof", "van het", "hof", "van het hof"],
    ["'t Hart", "'t", "hart", "'t hart"],
    ["t Hart", "'t", "hart", "'t hart"],
    ["in 't Veld", "in 't", "veld", "in 't veld"],
    ["i.t. Veld", "in 't", "veld", "in 't veld"],
    ["op de Beek", "op de", "beek", "op de beek"],
    ["Opdebeek", "op de", "beek", "op de beek"],
    ["van 't Hof", "van 't", "hof", "van 't hof"],
    ["Van't Hof", "van 't", "hof", "van 't hof"],
    ["d'Hondt", "d'", "hondt", "d'hondt"],
    ["D’Ancona", "d'", "ancona", "d'ancona"],
    ["'s-Gravesande", "'s", "gravesande", "'s gravesande"],
    ["da Silva", "da", "silva", "da silva"],
    ["Jansen-de Vries", "", "jansen-de vries", "jansen-de vries"],
    ["Jansen de Vries", "", "jansen-de vries", "jansen-de vries"],
    ["de Vries-Jansen", "de", "vries-jansen", "de vries-jansen"],
  ];
  for (const [input, prefix, core, full] of cases) {
    test(`${input} → "${prefix}" + "${core}"`, () => {
      const n = normaliseSurname(input);
      assert.deepEqual([n.prefix, n.core, n.full], [prefix, core, full]);
    });
  }

  const notSplit = [
    "Dekker",
    "Demir",
    "Denekamp",
    "Elbers",
    "Alberts",
    "Terpstra",
    "Derks",
    "Vance",
  ];
  for (const name of notSplit) {
    test(`${name} keeps its first letters (not a tussenvoegsel)`, () => {
      const n = normaliseSurname(name);
      assert.equal(n.prefix, "");
      assert.equal(n.core, name.toLowerCase());
    });
  }

  test("a name of only prefix words is the name itself", () => {
    assert.deepEqual([normaliseSurname("Le").prefix, normaliseSurname("Le").core], ["", "le"]);
    assert.deepEqual([normaliseSurname("Van").prefix, normaliseSurname("Van").core], ["", "van"]);
  });

  test("the concatenated form is among the variants", () => {
    assert.deepEqual(normaliseSurname("van der Berg").variants, ["vanderberg"]);
    assert.deepEqual(normaliseSurname("van der Berg").coreVariants, ["berg"]);
  });

  test("spelling variants: umlaut, IJ/Y, ue", () => {
    assert.deepEqual(normaliseSurname("Müller").variants, ["muller", "mueller"]);
    assert.ok(normaliseSurname("Mueller").variants.includes("muller"));
    assert.deepEqual(normaliseSurname("IJzerman").variants, ["ijzerman", "yzerman"]);
    assert.ok(normaliseSurname("Yzerman").variants.includes("ijzerman"));
    assert.ok(normaliseSurname("Meyer").variants.includes("meijer"));
  });
});

describe("normaliseSurname: prefix field", () => {
  const cases: [string, string, string][] = [
    ["van der", "Berg", "van der berg"],
    ["V.D.", "Berg", "van der berg"],
    ["van der", "Berg, van der", "van der berg"],
    ["van", "der Berg", "van der berg"],
    ["ter", "Horst", "ter horst"],
    ["", "van Dijk", "van dijk"],
  ];
  for (const [prefix, surname, full] of cases) {
    test(`prefix "${prefix}" + surname "${surname}" → ${full}`, () => {
      assert.equal(normaliseSurname(surname, prefix).full, full);
    });
  }
  test("normalisePrefix", () => {
    assert.equal(normalisePrefix("V.D."), "van der");
    assert.equal(normalisePrefix("v/d"), "van der");
    assert.equal(normalisePrefix("Van 't"), "van 't");
    assert.equal(normalisePrefix("van den"), "van den");
  });
  test("prefixClass merges der/den/de and het/'t", () => {
    assert.equal(prefixClass("van der"), prefixClass("van den"));
    assert.equal(prefixClass("van de"), prefixClass("van den"));
    assert.equal(prefixClass("van het"), prefixClass("van 't"));
    assert.notEqual(prefixClass("ter"), prefixClass("ten"));
  });
});

describe("normaliseSurname: equal names (the issue's equivalences)", () => {
  const equal: string[][] = [
    [
      "Berg, van der",
      "van der Berg",
      "Vanderberg",
      "v.d. Berg",
      "v/d Berg",
      "VAN DER BERG",
      "Berg van der",
    ],
    ["Müller", "Mueller", "Muller"],
    ["IJzerman", "Yzerman", "Ĳzerman", "Ijzerman"],
    ["Meijer", "Meyer"],
    ["Terhorst", "ter Horst", "Ter Horst", "Horst, ter"],
    ["El-Khatib", "el Khatib", "El Khatib", "ElKhatib"],
    ["de Vries", "DeVries", "Devries", "DEVRIES", "Vries, de"],
    ["'t Hart", "t Hart", "Hart, 't"],
    ["in 't Veld", "Veld, in 't", "i.t. Veld"],
    ["van 't Hof", "Van't Hof"],
    ["d'Hondt", "D'Hondt", "Dhondt"],
    ["Jansen-de Vries", "de Vries-Jansen", "Jansen de Vries", "de Vries Jansen"],
    ["van den Heuvel", "v.d. Heuvel", "Vandenheuvel"],
    ["Yılmaz", "Yilmaz", "YILMAZ"],
    ["Çelik", "Celik"],
  ];
  for (const group of equal) {
    test(group.join(" = "), () => {
      const [first, ...rest] = group.map((n) => normaliseSurname(n));
      for (const [k, other] of rest.entries()) {
        assert.equal(
          compareWholeSurnames(first!, other),
          "exact",
          `${group[0]} vs ${group[k + 1]}: ${first!.full} / ${other.full}`,
        );
      }
    });
  }

  const different: [string, string][] = [
    ["de Vries", "de Vos"],
    ["Jansen", "Janssens"],
    ["van der Berg", "van der Burg"],
    ["Smit", "Smits"],
  ];
  for (const [a, b] of different) {
    test(`${a} ≠ ${b}`, () => {
      assert.notEqual(compareWholeSurnames(normaliseSurname(a), normaliseSurname(b)), "exact");
    });
  }
});

describe("name parts of double and partner names", () => {
  const cases: [string, string[]][] = [
    ["Jansen-de Vries", ["jansen", "de vries"]],
    ["Jansen de Vries", ["jansen", "de vries"]],
    ["de Vries-Jansen", ["de vries", "jansen"]],
    ["van der Berg-Jansen", ["van der berg", "jansen"]],
    ["Jansen-Vanderberg", ["jansen", "van der berg"]],
    ["Yilmaz Kaya", ["yilmaz", "kaya"]],
    ["El-Khatib", ["el khatib"]],
    ["Bakker", ["bakker"]],
  ];
  for (const [input, parts] of cases) {
    test(`${input} → ${parts.join(" | ")}`, () => {
      assert.deepEqual(
        normaliseSurname(input).parts.map((p) => p.full),
        parts,
      );
    });
  }
});

describe("initials", () => {
  const cases: [string, string[]][] = [
    ["J.P.", ["j", "p"]],
    ["JP", ["j", "p"]],
    ["j. p.", ["j", "p"]],
    ["J.-P.", ["j", "p"]],
    ["J P", ["j", "p"]],
    ["J.P.M.", ["j", "p", "m"]],
    ["IJ.", ["ij"]],
    ["I.J.", ["i", "j"]],
    ["Th.", ["t"]],
    ["Chr.J.", ["c", "j"]],
    ["Jan", ["j"]],
    ["Ş.", ["s"]],
    ["", []],
  ];
  for (const [input, expected] of cases) {
    test(`"${input}" → [${expected.join(",")}]`, () =>
      assert.deepEqual(parseInitials(input), expected));
  }

  const fromNames: [string, string[]][] = [
    ["Jan Pieter", ["j", "p"]],
    ["Jan-Willem", ["j", "w"]],
    ["Jan-Willem Hendrik", ["j", "w", "h"]],
    ["IJsbrand", ["ij"]],
    ["Ömer Faruk", ["o", "f"]],
  ];
  for (const [input, expected] of fromNames) {
    test(`first names "${input}" → [${expected.join(",")}]`, () =>
      assert.deepEqual(initialsFromFirstNames(input), expected));
  }

  test("first names are folded tokens", () => {
    assert.deepEqual(normaliseFirstNames("Jan-Willem"), ["jan", "willem"]);
    assert.deepEqual(normaliseFirstNames("  Jan   Willem "), ["jan", "willem"]);
    assert.deepEqual(normaliseFirstNames("Çağrı"), ["cagri"]);
  });
});

describe("normalisePerson", () => {
  test("contract person", () => {
    const p = normalisePerson({
      initials: "J.P.",
      firstNames: "Jan Pieter",
      prefix: "van der",
      surname: "Berg",
      birthName: "Jansen",
      birthDate: "1985-03-14",
      gender: "M",
    });
    assert.equal(p.surname.full, "van der berg");
    assert.equal(p.birthName?.full, "jansen");
    assert.deepEqual(p.initials, ["j", "p"]);
    assert.deepEqual(p.firstNames, ["jan", "pieter"]);
    assert.deepEqual(p.birthDate, { iso: "1985-03-14", year: 1985, month: 3, day: 14 });
    assert.equal(p.gender, "M");
  });
  test("initials come from first names when the field has none", () => {
    const p = normalisePerson({
      initials: "",
      firstNames: "Jan-Willem",
      surname: "Bos",
      birthDate: "1990-01-02",
    });
    assert.deepEqual(p.initials, ["j", "w"]);
  });
  test("a birth name equal to the surname is dropped", () => {
    const p = normalisePerson({
      initials: "A.",
      surname: "Bos",
      birthName: "Bos",
      birthDate: "1990-01-02",
    });
    assert.equal(p.birthName, undefined);
  });
  for (const bad of ["1985-02-30", "1985-13-01", "14-03-1985", "1985-3-14", ""]) {
    test(`invalid birth date "${bad}" is refused`, () =>
      assert.throws(() => parseBirthDate(bad), RangeError));
  }
});

describe("properties", () => {
  const nameChars = fc.constantFrom(
    ..."abcdeijklmnoprstuvwyzABDEIJKLMNPRSTVWYZ -'.,çëïöüşıĳ".split(""),
  );
  const realistic = fc.constantFrom(
    "van der Berg",
    "Berg, van der",
    "Jansen-de Vries",
    "'t Hart",
    "in 't Veld",
    "El-Khatib",
    "d'Hondt",
    "Müller",
    "IJzerman",
    "Vanderberg",
    "Terhorst",
    "v.d. Berg",
    "Yılmaz Kaya",
    "de Vries Jansen",
  );
  const names = fc.oneof(
    realistic,
    fc.array(nameChars, { maxLength: 24 }).map((cs) => cs.join("")),
  );

  test("normalise is idempotent on prefix, core and full", () => {
    fc.assert(
      fc.property(names, (name) => {
        const once = normaliseSurname(name);
        const twice = normaliseSurname(once.full);
        assert.deepEqual(
          [twice.prefix, twice.core, twice.full],
          [once.prefix, once.core, once.full],
        );
        assert.ok(twice.variants.every((v) => once.variants.includes(v)));
      }),
      { numRuns: 500 },
    );
  });

  test("normalised forms hold only folded characters", () => {
    fc.assert(
      fc.property(names, (name) => {
        const n = normaliseSurname(name);
        assert.match(n.full, /^[a-z' -]*$/);
        for (const v of [...n.variants, ...n.coreVariants]) assert.match(v, /^[a-z]+$/);
      }),
      { numRuns: 500 },
    );
  });
});
