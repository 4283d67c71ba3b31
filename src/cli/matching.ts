import { createServices } from "../modules/index.ts";
import { argsOfSubcommand } from "./arguments.ts";
import { help, out, parse, say, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function matchingCommand(argv: string[]): Promise<number> {
  const rest = argsOfSubcommand(argv, "matching", "reindex", '"matching reindex"');
  if (!rest) return help("matching reindex");
  const { values } = parse(rest, { all: { type: "boolean" }, "data-dir": { type: "string" } });
  if (values.help) return help("matching reindex");
  return withRuntime(values, async (rt) => {
    const services = createServices(rt);
    const reindexed = await services.registrations.reindexBlindIndexes({
      all: values.all ?? false,
    });
    // --all: every seeker as well; otherwise the seekers stored before a kind of key existed.
    const seekers = await services.seekers.reindexBlindIndexes(500, { stale: !values.all });
    if (values.json) out({ reindexed, seekers });
    else {
      say(
        `Recomputed the blind indexes of ${reindexed} registrations and ${seekers} house seekers.`,
      );
    }
    return EXIT.ok;
  });
}
