import { ENCRYPTED_COLUMNS } from "../modules/index.ts";
import { help, out, parse, say, UsageError, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function keysCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "rewrap") {
    const { values } = parse(rest, { "data-dir": { type: "string" } });
    if (values.help) return help("keys rewrap");
    return withRuntime(values, async (rt) => {
      const result = await rt.keyring.rewrapAll();
      if (values.json) out(result);
      else {
        say(
          `Re-wrapped ${result.dataKeys} data keys and ${result.regionSecrets} region keys under ${result.masterKeyId}.`,
        );
      }
      return EXIT.ok;
    });
  }
  if (sub === "rotate") {
    const { values } = parse(rest, {
      organisation: { type: "string" },
      "data-dir": { type: "string" },
    });
    if (values.help) return help("keys rotate");
    const organisation = values.organisation;
    if (!organisation || !UUID.test(organisation)) {
      throw new UsageError("keys rotate needs --organisation <id> (the organisation's UUID)");
    }
    return withRuntime(values, async (rt) => {
      const columns = [...ENCRYPTED_COLUMNS];
      const rotated = await rt.keyring.rotateDataKey(organisation);
      const reencrypted = await rt.keyring.reencrypt(organisation, columns);
      const destroyed = await rt.keyring.destroyRetiredKeys(organisation, columns);
      const result = { organisation, ...rotated, reencrypted, ...destroyed };
      if (values.json) out(result);
      else {
        say(
          `Organisation ${organisation} now uses data key version ${rotated.version}; ` +
            `${reencrypted.values} values re-encrypted; destroyed versions: ${destroyed.destroyed.join(", ") || "none"}` +
            (destroyed.kept.length
              ? `; kept: ${destroyed.kept.map((k) => `${k.version} (${k.reason})`).join(", ")}`
              : ""),
        );
      }
      return EXIT.ok;
    });
  }
  if (sub === undefined || sub === "--help") return help("main");
  throw new UsageError(`Unknown keys command "${sub}". Use "keys rotate" or "keys rewrap".`);
}
