import { spawnSync } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";

/** The `woonsignaal` command as tests run it: `node src/main.ts …`. */
export const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

/** A free loopback port, for a server a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * The environment of a CLI run: this one, on the embedded database and the development master
 * key unless `extra` names them, NODE_ENV=test, and `extra` on top ("" unsets a variable).
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", NODE_ENV: "test" };
  delete env.DATABASE_URL;
  delete env.WOONSIGNAAL_MASTER_KEY;
  for (const [k, v] of Object.entries(extra)) {
    if (v === "") delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs `woonsignaal <args>` to its end. */
export function runCli(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    env: cliEnv(extra),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
