import { loadConfig } from "../config.ts";
import { seedDemoArrears } from "../demo/demo-arrears.ts";
import { seedDemoDrafts } from "../demo/demo-drafts.ts";
import { seedDemoParts } from "../demo/demo-parts.ts";
import { NotTheDemoRegionError, seedDemoRegion } from "../demo/demo-region.ts";
import { createServices } from "../modules/index.ts";
import { isProfileId, PROFILE_IDS } from "../protocol/index.ts";
import { envWith, help, out, parse, say, UsageError, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function demoSeedCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { profile: { type: "string" }, "data-dir": { type: "string" } });
  if (values.help) return help("demo-seed");
  const profile = values.profile ?? "aedes-2021";
  if (!isProfileId(profile)) {
    throw new UsageError(`--profile must be one of ${PROFILE_IDS.join(", ")} (got ${profile})`);
  }
  // Before anything opens: a production installation never gets demo data (F3).
  if (loadConfig(envWith(values)).isProduction) {
    say(
      "demo-seed refuses to run with NODE_ENV=production: demo accounts and keys are for trying out only.",
    );
    return EXIT.usage;
  }
  return withRuntime(values, async (rt) => {
    try {
      const services = createServices(rt);
      const { created, demo } = await seedDemoRegion(services, profile, rt.demoSecret);
      if (created) {
        await seedDemoArrears(services, demo, rt.clock.today());
        await seedDemoParts(services, demo, rt.clock.today());
        await seedDemoDrafts(services, demo, rt.clock.today());
      }
      if (values.json) out(demo);
      else {
        say(created ? "The demo region was loaded." : "The demo region was already there.");
        for (const u of demo.users) say(`  ${u.role.padEnd(17)} ${u.email}  ${u.password}`);
      }
      return EXIT.ok;
    } catch (err) {
      if (err instanceof NotTheDemoRegionError) {
        say(err.message);
        return EXIT.failed;
      }
      throw err;
    }
  });
}
