import { after, before } from "node:test";
import { buildApp } from "../app.ts";
import { type DemoRegion, seedDemoRegion } from "../demo/demo-region.ts";
import type { App } from "../platform/context.ts";
import type { ProfileId } from "../protocol/profile.ts";
import { createTestContext, type TestContext } from "./context.ts";
import { bearer } from "./http.ts";

export interface DemoApp {
  ctx: TestContext;
  app: App;
  demo: DemoRegion;
  close(): Promise<void>;
}

/**
 * A real app on a fresh database with the demo region loaded: the usual API-test fixture.
 * `env` sets configuration for this app only (as createTestContext's).
 */
export async function createDemoApp(
  options: { today?: string; profile?: ProfileId; env?: Record<string, string> } = {},
): Promise<DemoApp> {
  const ctx = await createTestContext({
    today: options.today ?? "2026-06-01",
    ...(options.env ? { env: options.env } : {}),
  });
  const demo = (await seedDemoRegion(ctx.services, options.profile ?? "aedes-2021")).demo;
  const app = await buildApp(ctx, ctx.services);
  return {
    ctx,
    app,
    demo,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

/** Bearer headers for the demo region's API keys; A and B are its first two organisations. */
export function demoKeys(demo: DemoRegion) {
  return {
    officerA: bearer(demo.organisations[0]!.apiKeys.officer),
    querierA: bearer(demo.organisations[0]!.apiKeys.querier),
    officerB: bearer(demo.organisations[1]!.apiKeys.officer),
    querierB: bearer(demo.organisations[1]!.apiKeys.querier),
    admin: bearer(demo.consortiumAdmin.apiKey),
    auditor: bearer(demo.auditor.apiKey),
    allocation: bearer(demo.allocationSystem.apiKey),
  };
}

/**
 * Opens a demo app before the tests of the file (or suite) it is called in and closes it after
 * them; the returned fixture is filled in by the time the first test runs.
 */
export function useDemoApp(options: { today?: string; profile?: ProfileId } = {}): DemoApp {
  const fixture = {} as DemoApp;
  before(async () => {
    Object.assign(fixture, await createDemoApp(options));
  });
  after(() => fixture.close?.());
  return fixture;
}

/** A demo app with the bearer headers of its API keys (demoKeys), filled in before the tests. */
export type DemoApi = DemoApp & ReturnType<typeof demoKeys>;

/** As useDemoApp, with the demo region's API-key headers on the same object. */
export function useDemoApi(options: { today?: string; profile?: ProfileId } = {}): DemoApi {
  const fixture = {} as DemoApi;
  before(async () => {
    const app = await createDemoApp(options);
    Object.assign(fixture, app, demoKeys(app.demo));
  });
  after(() => fixture.close?.());
  return fixture;
}
