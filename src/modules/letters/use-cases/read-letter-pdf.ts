import type { RequestMeta } from "../../../platform/audit/audit.ts";
import { recordSuccess } from "../../../platform/audit/record.ts";
import type { Principal } from "../../../platform/auth/access.ts";
import { AppError } from "../../../platform/errors.ts";
import { pdfPlace } from "../encrypted-columns.ts";
import type { LettersEnv } from "../env.ts";
import { visibleLetter } from "../policy.ts";
import { letterFileName } from "../texts/mail.ts";

/** The PDF; reading it is a look at personal data and is logged (design.md §2.6). */
export async function readLetterPdf(
  env: LettersEnv,
  principal: Principal,
  meta: RequestMeta,
  id: string,
) {
  const row = await visibleLetter(env, principal, id);
  if (!row.pdfCiphertext) {
    throw new AppError(
      "not_found",
      "This letter's content was erased with the registration it concerned; its receipt remains.",
      { code: "letter_content_erased" },
    );
  }
  const pdf = Buffer.from(
    await env.keyring.decrypt(row.organisationId, row.pdfCiphertext, pdfPlace(row.id)),
    "base64",
  );
  await recordSuccess(env.db, env.clock, meta, principal, {
    action: "letter.viewed",
    objectType: "letter",
    objectId: id,
  });
  return {
    pdf,
    filename: letterFileName(row.kind, row.letterDate, row.language ?? "nl", row.id.slice(0, 8)),
  };
}
