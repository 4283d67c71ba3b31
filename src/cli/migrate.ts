import { help, out, parse, say, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { "data-dir": { type: "string" } });
  if (values.help) return help("migrate");
  return withRuntime(values, async (rt) => {
    const applied = rt.appliedMigrations;
    if (values.json) out({ applied });
    else say(applied.length ? `Applied: ${applied.join(", ")}` : "The schema is up to date.");
    return EXIT.ok;
  });
}
