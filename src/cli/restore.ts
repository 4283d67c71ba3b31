import path from "node:path";
import { loadConfig } from "../config.ts";
import { createServices } from "../modules/index.ts";
import { restoreBackup } from "../modules/retention/backup.ts";
import { ErasureJournal } from "../modules/retention/journal.ts";
import { onlyArgument } from "./arguments.ts";
import { envWith, help, out, parse, say, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function restoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { "data-dir": { type: "string" } });
  if (values.help) return help("restore");
  const dir = onlyArgument(positionals, "Name the backup directory: woonsignaal restore <dir>");
  const config = loadConfig(envWith(values));
  const now = new Date(); // the wall clock, as the journal's own times (F2)
  const journal = new ErasureJournal(config.erasureJournal, config.backupMaxAgeDays);
  const manifest = restoreBackup({
    dir: path.resolve(dir),
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    now,
    horizon: journal.horizon(now),
    maxAgeDays: config.backupMaxAgeDays,
  });
  // Before anything else uses the restored database: every erasure since the backup again.
  return withRuntime(values, async (rt) => {
    const services = createServices(rt);
    const replayed = await services.retention.replay(new Date(manifest.createdAt));
    await services.retention.recordRestore(manifest.createdAt, replayed);
    if (values.json) out({ restored: manifest, replayed });
    else
      say(
        `Restored the backup of ${manifest.createdAt}; ${replayed.erased} erasures made since then were carried out again.`,
      );
    return EXIT.ok;
  });
}
