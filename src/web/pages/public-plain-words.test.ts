/**
 * Every public page, fetched through HTTP for every profile, in Dutch and English, speaks plain
 * words (review section G: no Huurcommissie, seed numbers, "contract" or English codes) and
 * shows the true complaint route (003 §4.5, §16.4; 001 §11). The disputes committee must have
 * a postal address (003-66).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ProfileId } from "../../protocol/profile.ts";
import { createDemoApp, demoKeys, useDemoApi } from "../../testing/demo-app.ts";
import { apiRequest, errorCode } from "../../testing/http.ts";
import { plainWordProblems, visibleText } from "../../testing/plain-words.ts";

const PUBLIC_PAGES = [
  "/",
  "/signaleringslijst",
  "/categorieen",
  "/deelnemers",
  "/rechten",
  "/bezwaar",
  "/contact",
  "/verzoek",
];

/** The public pages of a profile, fetched once per file (only GETs: the tests only read them). */
const fetched = new Map<ProfileId, ReturnType<typeof fetchPages>>();
function pagesOf(profile: ProfileId) {
  if (!fetched.has(profile)) fetched.set(profile, fetchPages(profile));
  return fetched.get(profile)!;
}

async function fetchPages(profile: ProfileId) {
  const fx = await createDemoApp({ profile });
  try {
    const pages: Record<string, { nl: string; en: string }> = {};
    for (const url of PUBLIC_PAGES) {
      const nl = await fx.app.inject({ method: "GET", url });
      const en = await fx.app.inject({ method: "GET", url: `${url}?lang=en` });
      assert.equal(nl.statusCode, 200, `${profile} ${url}`);
      assert.equal(en.statusCode, 200, `${profile} ${url}?lang=en`);
      pages[url] = { nl: visibleText(nl.body), en: visibleText(en.body) };
    }
    return pages;
  } finally {
    await fx.close();
  }
}

describe("the public pages of every profile", () => {
  for (const profile of ["aedes-2021", "keurmerk-2013", "kkr"] as const) {
    test(`G-10 ${profile}: every public page in plain words, and the true route on /bezwaar`, async () => {
      const pages = await pagesOf(profile);
      for (const [url, { nl, en }] of Object.entries(pages)) {
        assert.deepEqual(plainWordProblems(nl, "nl"), [], `${profile} ${url}`);
        assert.deepEqual(plainWordProblems(en, "en"), [], `${profile} ${url}?lang=en`);
      }
      const bezwaar = pages["/bezwaar"]!.nl;
      assert.match(bezwaar, /aan de rechter voorleggen/);
      assert.match(bezwaar, /klacht indienen bij de Autoriteit Persoonsgegevens/);
      if (profile === "keurmerk-2013") {
        // G-12: 001 Bijlage 2 art. 5 lid 3.
        assert.match(bezwaar, /Stuur uw bezwaar per post/);
        assert.match(bezwaar, /in beroep bij de onafhankelijke geschillencommissie/);
        assert.match(bezwaar, /het Protocol Meldpunt Keurmerk Verhuurdersbelangen, artikel 11/);
      } else {
        // 003-04: klachtencommissie (55b Woningwet), then the geschillencommissie.
        assert.match(bezwaar, /klachtencommissie \(artikel 55b Woningwet\)/);
        assert.match(bezwaar, /geschillencommissie van het samenwerkingsverband/);
      }
      if (profile === "aedes-2021") {
        assert.match(bezwaar, /het Protocol Signaleringslijst, artikel 4\.5 en 16\.4/);
        assert.match(pages["/categorieen"]!.nl, /\(het Protocol Signaleringslijst, artikel 7/);
      }
      // 003-66: /contact gives the committee's postal address.
      assert.match(
        pages["/contact"]!.nl,
        /Geschillencommissie Woning in Zicht \(demo\) Postbus 2050 9900 AB Regiostad/,
      );
    });
  }

  test("G-13 /signaleringslijst does not overstate: no 'vastgesteld en bewezen'", async () => {
    const pages = await pagesOf("aedes-2021");
    const about = pages["/signaleringslijst"]!;
    assert.doesNotMatch(about.nl, /vastgesteld en bewezen/);
    assert.match(about.nl, /Dat is niet altijd een uitspraak van de rechter/);
    assert.doesNotMatch(about.en, /established and proven/);
  });

  test("G-9 21-2 /bezwaar promises no hit from the moment the objection is received, which is true since issue 21", async () => {
    for (const profile of ["aedes-2021", "keurmerk-2013", "kkr"] as const) {
      const pages = await pagesOf(profile);
      // A public objection restricts every matching registration on receipt (D-911); one sent
      // by letter restricts when the officer registers it (createCase). The page says so.
      assert.match(
        pages["/bezwaar"]!.nl,
        /Vanaf het moment dat uw bezwaar binnen is, geeft uw vermelding geen treffer/,
      );
      assert.match(
        pages["/bezwaar"]!.en,
        /From the moment your objection is received, your entry gives no hit/,
      );
      assert.match(pages["/rechten"]!.nl, /niet om een kopie van uw identiteitsbewijs/);
    }
  });
});

describe("003-66 the disputes committee has a postal address", () => {
  const fx = useDemoApi();

  test("003-66 a committee without a postal address is refused, on creation and on a change of kind", async () => {
    const { admin } = demoKeys(fx.demo);
    const without = await apiRequest(fx.app, "POST", "/api/v1/organisations", admin, {
      name: "Geschillencommissie Zonder Adres",
      kind: "committee",
    });
    assert.equal(without.statusCode, 422, without.body);
    assert.equal(errorCode(without), "committee_address_required");
    assert.match(without.json().error.message, /postal address/);

    const supplier = await apiRequest(fx.app, "POST", "/api/v1/organisations", admin, {
      name: "Leverancier Zonder Adres",
      kind: "supplier",
    });
    assert.equal(supplier.statusCode, 201, supplier.body);
    const id = supplier.json().id as string;
    const toCommittee = await apiRequest(fx.app, "PATCH", `/api/v1/organisations/${id}`, admin, {
      kind: "committee",
    });
    assert.equal(toCommittee.statusCode, 422, toCommittee.body);
    assert.equal(errorCode(toCommittee), "committee_address_required");

    const withAddress = await apiRequest(fx.app, "PATCH", `/api/v1/organisations/${id}`, admin, {
      kind: "committee",
      address: { street: "Postbus", houseNumber: "12", postcode: "9900 CC", city: "Regiostad" },
    });
    assert.equal(withAddress.statusCode, 200, withAddress.body);
    assert.equal(withAddress.json().address.city, "Regiostad");
  });
});
