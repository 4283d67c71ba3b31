import type { RegistrationsEnv } from "./env.ts";

/** Tells the afterChange hooks (matching) that a registration changed; never throws. */
export async function changed(env: RegistrationsEnv, id: string) {
  for (const hook of env.deps.afterChange ?? []) {
    try {
      await hook(id);
    } catch (err) {
      env.logger.error({ err, registrationId: id }, "matching after a registration change failed");
    }
  }
}

/** For changes made inside another module's transaction: run once that has committed. */
export function changedLater(env: RegistrationsEnv, id: string) {
  const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => changed(env, id))
    .finally(() => env.background.delete(p));
  env.background.add(p);
}

/** Resolves once change notifications started in the background have finished. */
export async function settled(env: RegistrationsEnv): Promise<void> {
  while (env.background.size > 0) await Promise.all([...env.background]);
}
