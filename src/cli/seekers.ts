import { existsSync } from "node:fs";
import { createServices } from "../modules/index.ts";
import {
  checkSeekerFile,
  formatOf,
  type SeekerFileFormat,
  seekersOf,
} from "../modules/seekers/import.ts";
import { argsOfSubcommand, onlyArgument } from "./arguments.ts";
import { help, out, parse, say, UsageError, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function seekersCommand(argv: string[]): Promise<number> {
  const rest = argsOfSubcommand(argv, "seekers", "import", '"seekers import <file>"');
  if (!rest) return help("seekers import");
  const { values, positionals } = parse(rest, {
    format: { type: "string" },
    organisation: { type: "string" },
    check: { type: "boolean" },
    "data-dir": { type: "string" },
  });
  if (values.help) return help("seekers import");
  const file = onlyArgument(positionals, "Name the file: woonsignaal seekers import <file>");
  if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
  let format: SeekerFileFormat;
  try {
    format = formatOf(file, values.format);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const check = await checkSeekerFile(file, format);
  const errors = check.errors.map((l) => ({ line: l.line, errors: l.errors }));
  if (check.errorCount > 0 || values.check) {
    const doc = {
      lines: check.lines,
      valid: check.valid,
      imported: 0,
      rejected: check.rejected,
      errorCount: check.errorCount,
      errorsByCode: check.errorsByCode,
      errors,
    };
    if (values.json) out(doc);
    else {
      say(`${check.lines} lines, ${check.valid} valid, ${check.rejected} with errors.`);
      for (const l of errors) {
        for (const e of l.errors)
          say(`  line ${l.line}: ${e.code}${e.field ? ` (${e.field})` : ""}: ${e.message}`);
      }
      const listed = errors.reduce((n, l) => n + l.errors.length, 0);
      if (listed < check.errorCount) {
        say(`The first ${listed} of ${check.errorCount} errors are shown; per code:`);
        for (const [code, n] of Object.entries(check.errorsByCode)) say(`  ${code}: ${n}`);
      }
      if (check.errorCount > 0)
        say("Nothing was imported: correct the lines above and run it again.");
    }
    return check.errorCount > 0 ? EXIT.failed : EXIT.ok;
  }
  return withRuntime(values, async (rt) => {
    const services = createServices(rt);
    const organisationId = values.organisation ?? (await services.organisations.consortiumId());
    if (!organisationId) {
      throw new UsageError("This region has no consortium organisation: pass --organisation <id>.");
    }
    if (!(await services.organisations.getName(organisationId))) {
      throw new UsageError(`No organisation ${organisationId} in this region.`);
    }
    const result = await services.seekers.importSeekers(organisationId, seekersOf(file, format));
    if (values.json) {
      out({
        lines: check.lines,
        ...result,
        rejected: 0,
        errorCount: 0,
        errorsByCode: {},
        errors: [],
      });
    } else say(`Imported ${result.imported} seekers; ${result.matchesProposed} matches proposed.`);
    return EXIT.ok;
  });
}
