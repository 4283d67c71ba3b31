import { createServices } from "../modules/index.ts";
import { isProfileId, PROFILE_IDS } from "../protocol/index.ts";
import { help, out, parse, say, UsageError, withRuntime } from "./common.ts";
import { EXIT } from "./usage.ts";

export async function setupCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    profile: { type: "string" },
    "region-name": { type: "string" },
    "admin-email": { type: "string" },
    "data-dir": { type: "string" },
  });
  if (values.help) return help("setup");
  const profile = values.profile;
  if (!profile || !isProfileId(profile)) {
    throw new UsageError(`--profile must be one of ${PROFILE_IDS.join(", ")}`);
  }
  const regionName = values["region-name"]?.trim();
  if (!regionName || regionName.length < 2) throw new UsageError("--region-name is required");
  const email = values["admin-email"]?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new UsageError("--admin-email must be an e-mail address");
  }
  return withRuntime(values, async (rt) => {
    const services = createServices(rt);
    if (await services.organisations.region().catch(() => undefined)) {
      say("This installation already has a region; setup runs once.");
      return EXIT.failed;
    }
    const region = await services.organisations.createRegion({ name: regionName, profile });
    const consortium = await services.organisations.bootstrapOrganisation({
      name: `Samenwerkingsverband ${regionName}`,
      kind: "consortium",
    });
    const { generateOneTimePassword } = await import("../platform/auth/index.ts");
    const password = generateOneTimePassword();
    const userId = await services.identity.bootstrapUser({
      organisationId: consortium.id,
      email,
      displayName: "Beheerder samenwerkingsverband",
      roles: ["consortium_admin"],
      password,
      mustChangePassword: true,
    });
    const result = {
      region: { id: region.id, name: region.name, profile },
      consortium: { id: consortium.id, name: consortium.name },
      admin: { id: userId, email, oneTimePassword: password },
    };
    if (values.json) out(result);
    else {
      say(`Region "${regionName}" set up with profile ${profile}.`);
      say(`Sign in as ${email} with the one-time password ${password}`);
      say("You will choose a new password and set up an authenticator app at first sign-in.");
    }
    return EXIT.ok;
  });
}
