/** What every command shares: argument parsing, output, the runtime, and help. */
import { parseArgs } from "node:util";
import { openRuntime, type Runtime } from "../bootstrap.ts";
import type { Config } from "../config.ts";
import { EXIT, HELP } from "./usage.ts";

export class UsageError extends Error {}

export const out = (doc: unknown) => process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
export const say = (line: string) => process.stderr.write(`${line}\n`);

export type Options = Record<string, string | boolean | undefined>;

export function parse<T extends Record<string, { type: "string" | "boolean" }>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function overridesFrom(values: Options): Partial<Config> {
  const o: Record<string, unknown> = {};
  if (typeof values.port === "string") {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new UsageError(
        `--port must be a whole number between 1 and 65535 (got ${values.port})`,
      );
    }
    o.port = port;
  }
  return o as Partial<Config>;
}

export function envWith(values: Options): Record<string, string | undefined> {
  return typeof values["data-dir"] === "string"
    ? { ...process.env, DATA_DIR: values["data-dir"] }
    : process.env;
}

export async function withRuntime<T>(
  values: Options,
  fn: (rt: Runtime) => Promise<T>,
  options: { auditCheckpoints?: boolean } = {},
): Promise<T> {
  const rt = await openRuntime({ env: envWith(values), ...options });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

export function help(topic: string): number {
  process.stdout.write(`${HELP[topic] ?? HELP.main}\n`);
  return EXIT.ok;
}
