/**
 * The duty to inform a person of a hit (001 §9.1 D, 003 §13.4): the querying organisation
 * informs the person, except when the person asked for the look-up themself (they get the
 * answer directly). One duty per registration hit and letter term (D-990): a later screening
 * of the same person by the same organisation within the term joins the duty (its letter
 * lists every screening) instead of owing another letter. The duty keeps only what the
 * caller's grant showed plus the primary source the person is sent to (003 §13.5: the querier
 * learns nothing more by producing the letter). A screening owes it, and so does a
 * participant's block look-up that finds a block (issue 22, F7): both come here.
 *
 * Sealing happens before the caller's transaction (D-009), the duties are recorded inside it,
 * and the letters are produced after it commits.
 */
import type { ScreeningLetters } from "../letters/ports.ts";
import type { HitDutyInput, PreparedHitDuties } from "../seekers/ports.ts";

export async function prepareHitDuties(
  letters: ScreeningLetters,
  input: HitDutyInput,
): Promise<PreparedHitDuties> {
  const owesLetter = input.hits.length > 0 && input.purpose !== "subject_request";
  const sealed = owesLetter
    ? await Promise.all(
        input.hits.map((hit) =>
          letters.sealHitDuty(input.organisationId, hit.registrationId, input.today, {
            person: input.person,
            address: input.address,
            hit: {
              screeningDate: input.today,
              purpose: input.purpose,
              appliesToCaller: hit.appliesToCaller,
              categories: hit.categories,
              since: hit.since,
              until: hit.until,
              scope: hit.scope,
              primarySourceId: hit.primarySourceId,
            },
          }),
        ),
      )
    : [];
  const toProduce: string[] = [];
  return {
    async record(tx) {
      for (const s of sealed) {
        const duty = await letters.recordHitDuty(tx, input.profile, {
          organisationId: input.organisationId,
          eventDate: input.today,
          purpose: input.purpose,
          sealed: s,
        });
        if (duty.produce && !toProduce.includes(duty.id)) toProduce.push(duty.id);
      }
    },
    async produce(actor, meta) {
      for (const dutyId of toProduce) await letters.produceAfterEvent(dutyId, actor, meta);
    },
  };
}
