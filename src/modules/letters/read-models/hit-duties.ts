import type { Principal } from "../../../platform/auth/access.ts";
import type { LettersEnv } from "../env.ts";
import { addressName } from "../format.ts";
import type { HitFacts } from "../letter-input.ts";
import { mayReadLetters } from "../policy.ts";
import { dutyData } from "../production.ts";
import * as repo from "../repository.ts";

/** What the officer's desk shows of one hit-letter duty (D-990, issue 21 part 8). */
export interface HitDutyDetails {
  dutyId: string;
  /** The person as the querier typed them (the duty's sealed addressee): a name and birth date. */
  person: { name: string; birthDate: string } | null;
  /** Every screening the duty answers, oldest first. */
  screenings: { date: string; purpose: HitFacts["purpose"] }[];
  /** Whether an address or e-mail is known for the letter. */
  contactKnown: boolean;
  /** The duty's latest letter (the draft to post, or "vastleggen zonder adres" when none). */
  letter: { id: string; status: string; channel: string; contentAvailable: boolean } | null;
}

/**
 * The hit-letter duties among `dutyIds` that the caller may read, with whom they are about,
 * the screenings they answer and their letter: for the open-letters page and the worklist.
 * The names come from the owing organisation's own sealed data (what its querier typed).
 */
export async function hitDutyDetails(
  env: LettersEnv,
  principal: Principal,
  dutyIds: readonly string[],
): Promise<HitDutyDetails[]> {
  const duties = (await repo.rowsOfDuties(env.db, dutyIds)).filter(
    (d) => d.kind === "hit" && mayReadLetters(principal, d.organisationId),
  );
  const ids = duties.map((d) => d.id);
  const occasions = await repo.occasionsOfDuties(env.db, ids);
  const letters = await repo.lettersOfDuties(env.db, ids);
  const out: HitDutyDetails[] = [];
  for (const duty of duties) {
    const data = await dutyData(env, duty).catch(
      () => ({}) as Awaited<ReturnType<typeof dutyData>>,
    );
    const own = occasions.filter((o) => o.dutyId === duty.id);
    const screenings = own.map((o) => ({
      date: o.occurredOn,
      purpose: o.purpose as HitFacts["purpose"],
    }));
    if (screenings.length === 0 && data.hit) {
      screenings.push({ date: data.hit.screeningDate, purpose: data.hit.purpose });
    }
    const latest = letters.find((l) => l.dutyId === duty.id);
    out.push({
      dutyId: duty.id,
      person: data.person
        ? { name: addressName(data.person), birthDate: data.person.birthDate }
        : null,
      screenings,
      contactKnown: Boolean(data.address || data.person?.email),
      letter: latest
        ? {
            id: latest.id,
            status: latest.status,
            channel: latest.channel,
            contentAvailable: latest.pdfCiphertext !== null,
          }
        : null,
    });
  }
  return out;
}
