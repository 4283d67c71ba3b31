import { createServices } from "../modules/index.ts";
import { argsOfSubcommand } from "./arguments.ts";
import { help, out, parse, say, UsageError, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function erasuresCommand(argv: string[]): Promise<number> {
  const rest = argsOfSubcommand(argv, "erasures", "replay", '"erasures replay"');
  if (!rest) return help("erasures replay");
  const { values } = parse(rest, { since: { type: "string" }, "data-dir": { type: "string" } });
  if (values.help) return help("erasures replay");
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime())) {
    throw new UsageError(`--since must be a date or time (got ${values.since})`);
  }
  return withRuntime(values, async (rt) => {
    const replayed = await createServices(rt).retention.replay(since);
    if (values.json) out(replayed);
    else say(`${replayed.entries} journal entries; ${replayed.erased} erasures carried out again.`);
    return EXIT.ok;
  });
}
