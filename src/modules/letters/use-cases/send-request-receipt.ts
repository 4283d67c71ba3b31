import type { LettersEnv } from "../env.ts";
import { formatDate } from "../format.ts";
import type { RequestReceipt } from "../request-receipt.ts";
import { caseTexts } from "../texts/cases.ts";
import { sendAccountMail } from "./send-account-mail.ts";

/**
 * The receipt e-mail of a public request, at once (issue 21 part 4, D-912): the reference,
 * what was received, and the dates by which the person hears back. Plain Dutch; no personal
 * data beyond the address it goes to; never throws (the request is already recorded) —
 * answers whether it was handed over.
 */
export async function sendRequestReceipt(env: LettersEnv, r: RequestReceipt): Promise<boolean> {
  const t = caseTexts.nl;
  const sender = (await env.deps.organisations.letterhead(r.organisationId))?.name ?? "Woonsignaal";
  const type = t.received.types[r.type];
  const lines = [
    "Geachte heer, mevrouw,",
    "",
    t.received.text(type, formatDate(r.receivedDate, "nl"), r.reference),
    "Noem dit kenmerk als u contact met ons opneemt.",
    "",
    "Wat er nu gebeurt:",
    ...(r.acknowledgementDue
      ? [
          `- Uiterlijk op ${formatDate(r.acknowledgementDue, "nl")} krijgt u een ontvangstbevestiging.`,
        ]
      : []),
    r.decisionDue
      ? `- Uiterlijk op ${formatDate(r.decisionDue, "nl")} krijgt u een schriftelijke beslissing.`
      : "- U krijgt zo spoedig mogelijk een schriftelijke beslissing.",
    "- Voordat wij iets over u vertellen of veranderen, gaan wij na of u het zelf bent. Wij vragen u daarvoor niet om een kopie van uw identiteitsbewijs.",
    "",
    "Hebt u dit verzoek niet zelf gedaan? Laat het ons dan weten.",
    "",
    "Met vriendelijke groet,",
    sender,
  ];
  return sendAccountMail(env, {
    to: r.to,
    subject: `Ontvangen: uw ${type} (kenmerk ${r.reference})`,
    text: lines.join("\n"),
    reference: r.reference,
  });
}
