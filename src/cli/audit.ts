import { verifyAuditLog } from "../platform/audit/operations.ts";
import { auditSettingsFrom } from "../platform/audit/settings.ts";
import { argsOfSubcommand, noOtherArguments } from "./arguments.ts";
import { help, out, parse, say, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

/** `audit verify`: recomputes the audit chain and checks the signed checkpoints (docs/audit.md). */
export async function auditCommand(argv: string[]): Promise<number> {
  const rest = argsOfSubcommand(argv, "audit", "verify", '"audit verify"');
  if (!rest) return help("audit verify");
  const { values, positionals } = parse(rest, { "data-dir": { type: "string" } });
  if (values.help) return help("audit verify");
  noOtherArguments(positionals);
  return withRuntime(
    values,
    async (rt) => {
      const result = await verifyAuditLog(rt.database.db, auditSettingsFrom(rt.config), {
        logger: rt.logger,
        now: rt.clock.now(),
        requireKey: true,
      });
      if (values.json) out(result);
      else if (result.ok) {
        say(
          `The audit log is intact: ${result.events} events (seq ${result.anchorSeq + 1}–${result.lastSeq}), ` +
            `${result.checkpoints} signed checkpoints in the database, ${result.outsideCheckpoints} outside.`,
        );
      } else {
        say(`The audit log is BROKEN from seq ${result.firstBrokenSeq ?? "?"}: ${result.reason}`);
        for (const p of result.problems.slice(1)) say(`  also: ${p.reason}`);
      }
      if (!values.json) for (const w of result.warnings) say(`Note: ${w}`);
      return result.ok ? EXIT.ok : EXIT.failed;
      // It judges the log as found: no checkpoint at start or close (bootstrap.ts).
    },
    { auditCheckpoints: false },
  );
}
