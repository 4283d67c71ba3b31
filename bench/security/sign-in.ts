/**
 * Signs a demo user in on a running Woonsignaal (loopback) through the API, as a browser does:
 * password, then the TOTP code computed from the demo's secret, then the declaration. Prints
 * one line, `<session cookie> <csrf token>`, for the scanners of bench/security/scan.sh.
 *
 *   node bench/security/sign-in.ts <base-url> <demo-seed.json> <role> [organisation index]
 */
import fs from "node:fs";
import { totpCodeAt } from "../../src/platform/auth/totp.ts";

const [base, demoFile, role, orgIndex = "0"] = process.argv.slice(2);
if (!base || !demoFile || !role) {
  console.error("usage: node bench/security/sign-in.ts <base-url> <demo-seed.json> <role> [org]");
  process.exit(2);
}
const demo = JSON.parse(fs.readFileSync(demoFile, "utf8")) as {
  organisations: { id: string }[];
  users: {
    email: string;
    password: string;
    role: string;
    organisationId: string;
    totpSecret: string;
  }[];
};
const organisationId = demo.organisations[Number(orgIndex)]?.id;
const user =
  demo.users.find((u) => u.role === role && u.organisationId === organisationId) ??
  demo.users.find((u) => u.role === role);
if (!user) throw new Error(`no demo user with role ${role}`);

const cookieOf = (res: Response) => {
  const found = res.headers.getSetCookie().find((c) => c.startsWith("__Host-woonsignaal="));
  if (!found) throw new Error(`no session cookie (${res.status})`);
  return found.split(";")[0]!;
};
const post = (path: string, body: object, headers: Record<string, string> = {}) =>
  fetch(new URL(path, base), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

const first = await post("/api/v1/auth/sign-in", { email: user.email, password: user.password });
if (first.status !== 200) throw new Error(`sign-in: ${first.status} ${await first.text()}`);
const pre = {
  cookie: cookieOf(first),
  "x-csrf-token": ((await first.json()) as { csrfToken: string }).csrfToken,
};
const second = await post(
  "/api/v1/auth/mfa",
  { code: totpCodeAt(user.totpSecret, new Date()) },
  pre,
);
if (second.status !== 200) throw new Error(`mfa: ${second.status} ${await second.text()}`);
const session = {
  cookie: cookieOf(second),
  "x-csrf-token": ((await second.json()) as { csrfToken: string }).csrfToken,
};
const declared = await post("/api/v1/auth/declaration", { accept: true }, session);
if (![204, 403].includes(declared.status)) {
  throw new Error(`declaration: ${declared.status} ${await declared.text()}`);
}
console.log(`${session.cookie} ${session["x-csrf-token"]}`);
