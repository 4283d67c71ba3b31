/**
 * Who may see and decide what in the seekers module: the access decisions of its resources,
 * used by its use cases and read models alike.
 */
import type { Principal } from "../../platform/auth/access.ts";
import type { MatchRow } from "./repository.ts";

/** The primary source's officers see and decide their registrations' matches (003 §6). */
export function maySeeMatch(principal: Principal, match: Pick<MatchRow, "organisationId">) {
  return match.organisationId === principal.organisationId;
}
