import type { CaseKind } from "../../protocol/case-kinds.ts";

/** A public request's receipt e-mail (issue 21 part 4): what it says and to whom. */
export interface RequestReceipt {
  to: string;
  /** The organisation that handles the request (its name signs the e-mail). */
  organisationId: string;
  reference: string;
  type: CaseKind;
  receivedDate: string;
  acknowledgementDue?: string | undefined;
  decisionDue?: string | undefined;
}
