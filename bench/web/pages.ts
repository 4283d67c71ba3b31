/**
 * Server time of the web pages (issue 10: "Pages render in under 200 ms server time with the
 * demo data"). Loads the demo region into a fresh embedded database, adds a realistic amount of
 * work for one corporation (registrations, seekers with proposed matches, cases), signs in as
 * its officer, then requests every page repeatedly through Fastify's inject — the full server
 * path (access check, services, database, rendering) without network — and reports p50, p95
 * and max per page.
 *
 *   ./node_modules/.bin/node bench/web/pages.ts [--registrations 300] [--rounds 30]
 */
import { parseArgs } from "node:util";
import { seedDemoArrears } from "../../src/demo/demo-arrears.ts";
import { createDemoApp } from "../../src/testing/demo-app.ts";
import { withEvidence } from "../../src/testing/evidence.ts";
import { bearer } from "../../src/testing/http.ts";
import { demoUser, signInByForm } from "../../src/testing/web.ts";

const { values } = parseArgs({
  options: { registrations: { type: "string" }, rounds: { type: "string" } },
});
const REGISTRATIONS = Number(values.registrations ?? 300);
const ROUNDS = Number(values.rounds ?? 30);

const fixture = await createDemoApp({ today: "2026-06-01" });
const { app, demo, ctx } = fixture;
// The demo's synthetic vroegsignalering data (as `npm start` loads it).
await seedDemoArrears(ctx.services, demo, "2026-06-01");
const officerKey = bearer(demo.organisations[0]!.apiKeys.officer);
const allocation = bearer(demo.allocationSystem.apiKey);
const surnames = [
  "Jansen",
  "de Vries",
  "van den Berg",
  "Bakker",
  "Yılmaz",
  "El Amrani",
  "Kowalski",
  "Visser",
];
const ids: string[] = [];
for (let i = 0; i < REGISTRATIONS; i++) {
  const person = {
    initials: "ABCDEFGH"[i % 8]!,
    surname: `${surnames[i % surnames.length]} ${"abcdefghijklmnopqrstuvwxyz"[i % 26]}${"klmnoprstuvw"[Math.floor(i / 26) % 12]}`,
    birthDate: `19${50 + (i % 50)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
  };
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/registrations",
    headers: officerKey,
    payload: withEvidence({
      person,
      categories: ["A.I"],
      criteria: ["a"],
      placementDate: "2026-05-01",
    }),
  });
  if (res.statusCode !== 201) throw new Error(`registration ${i}: ${res.body}`);
  ids.push(res.json().id);
  if (i % 10 === 0) {
    await app.inject({
      method: "PUT",
      url: `/api/v1/seekers/B-${i}`,
      headers: allocation,
      payload: { person },
    });
  }
  if (i % 25 === 0) {
    await app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: officerKey,
      payload: { type: "access", registrationId: res.json().id, receivedDate: "2026-05-20" },
    });
  }
}
/** Signs a demo user in through the pages (TOTP; the declaration where the role needs it). */
async function sessionOf(role: string, orgIndex = 0) {
  const { cookie } = await signInByForm(app, ctx.clock, demoUser(demo, role, orgIndex));
  return { cookie, accept: "text/html" };
}
const match = (
  await app.inject({ method: "GET", url: "/api/v1/matches?status=pending", headers: officerKey })
).json().items[0];
const someCase = (
  await app.inject({ method: "GET", url: "/api/v1/cases", headers: officerKey })
).json().items[0];

const groups: [string, Record<string, string>, string[]][] = [
  [
    "public",
    { accept: "text/html" },
    [
      "/",
      "/signaleringslijst",
      "/categorieen",
      "/deelnemers",
      "/rechten",
      "/bezwaar",
      "/contact",
      "/verzoek",
      "/aanmelden",
    ],
  ],
  [
    "officer",
    await sessionOf("officer"),
    [
      "/werklijst",
      "/registraties",
      `/registraties/${ids[0]}`,
      `/registraties/${ids[0]}/wijzigen`,
      "/registraties/nieuw",
      "/toetsen",
      "/matches",
      ...(match ? [`/matches/${match.id}`] : []),
      "/zaken",
      "/zaken/nieuw",
      ...(someCase ? [`/zaken/${someCase.id}`] : []),
      "/brieven",
      "/brieven/plichten",
      "/account",
      "/vroegsignalering",
      "/vroegsignalering/huurders",
      "/vroegsignalering/huurders/DEMO-1001",
      "/vroegsignalering/afspraken",
      "/vroegsignalering/importeren",
      "/vroegsignalering/leveringen",
      "/vroegsignalering/signalen",
      "/vroegsignalering/overzicht",
    ],
  ],
  ["committee", await sessionOf("committee"), ["/commissie"]],
  [
    "consortium admin",
    await sessionOf("consortium_admin"),
    ["/beheer/deelnemers", "/beheer/gebruikers", "/beheer/instellingen", "/beheer/protocol"],
  ],
  [
    "auditor",
    await sessionOf("auditor"),
    ["/audit", "/audit/toegang", "/audit/signalen", "/audit/jaarverslag", "/audit/controle"],
  ],
];

const rows: string[] = [];
let worst = 0;
for (const [who, headers, pages] of groups) {
  for (const url of pages) {
    const times: number[] = [];
    let status = 0;
    for (let r = 0; r < ROUNDS + 3; r++) {
      const start = performance.now();
      const res = await app.inject({ method: "GET", url, headers });
      const ms = performance.now() - start;
      status = res.statusCode;
      if (status !== 200) throw new Error(`${url}: ${status} ${res.headers.location ?? ""}`);
      ctx.clock.advance(1000); // sessions stay fresh
      if (r >= 3) times.push(ms); // the first requests warm the JIT
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    worst = Math.max(worst, q(0.95));
    rows.push(
      `| ${who} | \`${url.replace(/[0-9a-f-]{36}/, ":id")}\` | ${status} | ${q(0.5).toFixed(1)} | ${q(0.95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} |`,
    );
  }
}
console.log(
  `Demo region + ${REGISTRATIONS} registrations of one corporation; ${ROUNDS} requests per page.\n`,
);
console.log("| who | page | status | p50 ms | p95 ms | max ms |\n|---|---|---:|---:|---:|---:|");
for (const r of rows) console.log(r);
console.log(`\nslowest p95: ${worst.toFixed(1)} ms (target < 200 ms)`);
await fixture.close();
