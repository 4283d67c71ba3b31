/**
 * Binding a module's use cases to its environment. A use case is a function that takes the
 * module's environment first (`createCase(env, principal, meta, input)`); the module's service
 * is the same functions with that environment bound (`service.createCase(principal, meta,
 * input)`). One generic does that binding for every module, with the exact parameter and
 * result types of each use case (optional parameters included).
 */

/** A function that takes an environment of type `E` first. */
type UseCaseOf<E> = (env: E, ...args: never) => unknown;

/** The use cases of `T` with their environment `E` bound: each takes what follows the env. */
export type BoundUseCases<E, T> = {
  [K in keyof T]: T[K] extends (env: E, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/**
 * The service methods of `useCases` (an object of use cases by method name): each calls its
 * use case with `env` first and the caller's arguments after it.
 */
export function bindUseCases<E, T extends Record<string, UseCaseOf<NoInfer<E>>>>(
  env: E,
  useCases: T,
): BoundUseCases<E, T> {
  const bound: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, useCase] of Object.entries(useCases)) {
    const call = useCase as (env: E, ...args: unknown[]) => unknown;
    bound[name] = (...args) => call(env, ...args);
  }
  return bound as BoundUseCases<E, T>;
}
