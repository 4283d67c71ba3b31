import { createServices } from "../modules/index.ts";
import { allJobs } from "../modules/jobs.ts";
import { FixedClock } from "../platform/clock.ts";
import { JobRunner, UnknownJobError } from "../platform/jobs/runner.ts";
import { isIsoDate } from "../platform/werkdagen.ts";
import { argsOfSubcommand, onlyArgument } from "./arguments.ts";
import { help, out, parse, say, UsageError, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function jobsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "list") {
    const { values } = parse(rest, {});
    if (values.help) return help("jobs list");
    const jobs = allJobs().map(({ name, description, schedule, period }) => ({
      name,
      description,
      schedule,
      period,
    }));
    if (values.json) out({ jobs });
    else
      for (const j of jobs) say(`${j.name.padEnd(16)} ${j.schedule.padEnd(14)} ${j.description}`);
    return EXIT.ok;
  }
  const runArgs = argsOfSubcommand(argv, "jobs", "run", '"jobs run <name>" or "jobs list"');
  if (!runArgs) return help("jobs run");
  const { values, positionals } = parse(runArgs, {
    now: { type: "string" },
    force: { type: "boolean" },
    "data-dir": { type: "string" },
  });
  if (values.help) return help("jobs run");
  const name = onlyArgument(positionals, "Name the job to run: woonsignaal jobs run <name>");
  if (values.now !== undefined && !isIsoDate(values.now)) {
    throw new UsageError(`--now must be a date as YYYY-MM-DD (got ${values.now})`);
  }
  const known = allJobs().map((j) => j.name);
  if (!known.includes(name)) throw new UsageError(new UnknownJobError(name, known).message);
  return withRuntime(values, async (rt) => {
    const clock = values.now ? new FixedClock(values.now) : rt.clock;
    const services = createServices({ ...rt, clock });
    const runner = new JobRunner({ ...rt, clock, services, jobs: allJobs() });
    const outcome = await runner.runOnce(name, { force: values.force ?? false });
    if (values.json) out({ job: name, ...outcome });
    else if (outcome.status === "skipped") {
      say(`${name}: period ${outcome.period} already ran (use --force to run it again).`);
    } else if (outcome.status === "failed") say(`${name}: failed: ${outcome.error}`);
    else say(`${name}: done for ${outcome.period}: ${JSON.stringify(outcome.result)}`);
    return outcome.status === "failed" ? EXIT.failed : EXIT.ok;
  });
}
