/**
 * A participant admitted only through a letting agent (001 §2 Deelnemer, §7.1: "Een deelnemer
 * kan uitsluitend toetreden wanneer hij de verhuurbemiddeling via een bij het Keurmerk
 * aangesloten (verhuur)makelaar heeft laten uitvoeren"): the agent is required and recorded
 * (review 001-01, D-763). Profiles without `participantAgent` set no such condition.
 */
import { protocolRule } from "../../platform/errors.ts";
import type { Profile } from "../../protocol/index.ts";
import { PARTICIPANT_SCOPED } from "./policy.ts";
import type { OrganisationView } from "./schemas.ts";

/** Throws 422 `letting_agent_required` when a participant of this kind lacks its agent. */
export function checkLettingAgent(
  profile: Profile,
  kind: OrganisationView["kind"],
  lettingAgent: string | null | undefined,
): void {
  const rule = profile.participantAgent;
  if (!rule || !PARTICIPANT_SCOPED.has(kind) || lettingAgent) return;
  throw protocolRule(
    "letting_agent_required",
    `Under ${profile.title} a participant is admitted only when it lets through a ` +
      `${rule.label}: give its name in lettingAgent.`,
    rule.source,
    { field: "lettingAgent" },
  );
}
