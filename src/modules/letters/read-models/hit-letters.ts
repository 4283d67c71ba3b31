import type { LettersEnv } from "../env.ts";
import { dutyData } from "../production.ts";
import * as repo from "../repository.ts";

/**
 * The hit letters an organisation owed this person after its own screenings on these days
 * (001 §3.3; 003 §13.4), for its access answer (AVG art. 15): one entry per screening the
 * letter answers, with whether and when it was sent. A duty is the person's when the sealed addressee has the same surname and date of
 * birth. No access check: the cases module asks for the answering organisation only.
 */
export async function hitLettersAbout(
  env: LettersEnv,
  organisationId: string,
  person: { surname: string; birthDate: string },
  days: readonly string[],
): Promise<{ date: string; sentOn: string | null }[]> {
  const out: { date: string; sentOn: string | null }[] = [];
  for (const duty of await repo.hitDutiesOn(env.db, organisationId, days)) {
    const data = await dutyData(env, duty);
    if (
      !data.person ||
      data.person.birthDate !== person.birthDate ||
      data.person.surname.toLowerCase() !== person.surname.toLowerCase()
    )
      continue;
    const letters = await repo.lettersOfDuty(env.db, duty.id);
    const sent = letters.find((l) => l.sentOn !== null || l.status === "sent");
    // One duty answers every screening of its letter term (D-990): one entry per screening.
    const occasions = (await repo.occasionsOfDuties(env.db, [duty.id])).map((o) => o.occurredOn);
    const dates = occasions.length > 0 ? occasions : [duty.eventDate ?? duty.dueDate];
    for (const date of dates.filter((d) => days.includes(d))) {
      out.push({ date, sentOn: sent?.sentOn ?? null });
    }
  }
  return out;
}
