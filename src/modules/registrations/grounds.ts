/**
 * What a registration rests on beyond its codes (issue 20 parts 2 and 5; review 003-05, 001-06):
 * the evidence per criterion, the person's relation to the tenancy, and the two addresses. One
 * place for the API, the import and a change alike.
 */
import { AppError } from "../../platform/errors.ts";
import type { RuleViolation } from "../../protocol/engine.ts";
import { evidenceViolations, tenancyViolations } from "../../protocol/evidence.ts";
import type { Profile } from "../../protocol/profile.ts";
import type { PersonData } from "./person-data.ts";
import type { RegistrationInput } from "./schemas.ts";

type AddressFields = Pick<RegistrationInput, "address" | "contactAddress" | "dwellingAddress">;

/**
 * The contact and dwelling address of a body: v1 `address` is read as both (contract §6). A
 * body with `address` and one of the two v2 fields is ambiguous: 400 naming the field.
 */
export function addressesOf(input: AddressFields) {
  if (input.address && (input.contactAddress || input.dwellingAddress)) {
    throw new AppError(
      "invalid_input",
      "Give either address (read as both) or contactAddress and dwellingAddress, not both.",
      {
        details: {
          field: input.contactAddress ? "contactAddress" : "dwellingAddress",
          issues: [{ path: ["address"], message: "not with contactAddress or dwellingAddress" }],
        },
      },
    );
  }
  return {
    contactAddress: input.contactAddress ?? input.address,
    dwellingAddress: input.dwellingAddress ?? input.address,
  };
}

/** The encrypted data of a body: its person, both addresses and its evidence. */
export function personDataOf(input: RegistrationInput): PersonData {
  return { person: input.person, ...addressesOf(input), evidence: input.evidence };
}

/**
 * The rules of the evidence trail and the tenancy (003 §8, ch. 5, §16.3; 001 Bijlage 1, §3.4),
 * each refusal naming its rule and article.
 */
export function groundsViolations(
  profile: Profile,
  input: RegistrationInput,
  today: string,
): RuleViolation[] {
  const { dwellingAddress } = addressesOf(input);
  return [
    ...evidenceViolations(profile, input, today),
    ...tenancyViolations(profile, {
      criteria: input.criteria,
      tenancyRelation: input.tenancyRelation,
      hasDwellingAddress: dwellingAddress !== undefined,
    }),
  ];
}
