import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../config.ts";
import type { Clock } from "./clock.ts";
import type { Keyring } from "./crypto/index.ts";
import type { Database } from "./db/database.ts";
import type { Logger } from "./logger.ts";

/** What every module gets: configuration, the database, the keyring, the clock and the logger. */
export interface AppContext {
  config: Config;
  database: Database;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
}

/**
 * The HTTP application (`buildApp` in app.ts builds it): modules register their routes on it,
 * each under the API prefix.
 */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
