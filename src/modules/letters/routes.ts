import { z } from "zod";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { App } from "../../platform/context.ts";
import {
  actionById,
  CONSORTIUM_ADMIN,
  idParam,
  noFields,
  oneById,
} from "../../platform/http/route-parts.ts";
import { mailTestBody } from "../organisations/schemas.ts";
import { READERS } from "./policy.ts";
import {
  documentedBody,
  dutyList,
  dutyListQuery,
  dutyView,
  letterList,
  letterListQuery,
  letterView,
  produceBody,
  produceMissingBody,
  recipientNoticeView,
  sentBody,
  skipBody,
} from "./schemas.ts";
import type { LettersService } from "./service.ts";

const tags = ["Letters"];
/** The organisation that owes or sent a letter, and the consortium acting for every participant. */
const access = { roles: READERS, scope: "own" } as const;

export function registerLetterRoutes(app: App, letters: LettersService) {
  app.post(
    "/api/v1/region/mail-test",
    {
      config: { access: CONSORTIUM_ADMIN },
      schema: {
        tags,
        summary:
          "Send a test e-mail through the mail settings letters use now (the region's SMTP server, else SMTP_URL); 409 mail_test_failed with the server's error",
        body: mailTestBody,
        response: {
          200: z.object({
            source: z.enum(["region", "environment"]),
            kind: z.enum(["smtp", "outbox"]),
            messageId: z.string(),
          }),
        },
      },
    },
    async (request) => letters.sendTestMail(...callerOf(request), request.body.to),
  );

  app.get(
    "/api/v1/letters",
    {
      config: { access },
      schema: {
        tags,
        summary: "Letters of the caller's organisation (or of one registration), newest first",
        querystring: letterListQuery,
        response: { 200: letterList },
      },
    },
    async (request) => letters.listLetters(principalOf(request), request.query),
  );

  app.get(
    "/api/v1/letters/:id",
    oneById(access, { tags, summary: "A letter's metadata (no personal data)" }, letterView),
    async (request) => letters.getLetter(principalOf(request), request.params.id),
  );

  app.get(
    "/api/v1/letters/:id/pdf",
    {
      config: { access },
      schema: {
        tags,
        summary: "The letter as PDF (reading it is logged)",
        params: idParam,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await letters.letterPdf(...callerOf(request), request.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${filename}"`)
        .send(pdf);
    },
  );

  app.post(
    "/api/v1/letters/:id/sent",
    actionById(
      access,
      {
        tags,
        summary: "Record that a letter went out by post (an e-mailed letter is recorded by itself)",
        description: "Only a draft: a sent or documented letter never changes (409).",
      },
      sentBody,
      letterView,
    ),
    async (request) =>
      letters.markSent(...callerOf(request), request.params.id, request.body.sentOn),
  );

  app.post(
    "/api/v1/letters/:id/documented",
    actionById(
      access,
      {
        tags,
        summary: "No address known: the dated letter is kept in the system (003 ch. 10)",
        description:
          "Meets the duty; when an address or e-mail is added to the registration later, the duty reopens and the letter is sent then.",
      },
      documentedBody,
      letterView,
    ),
    async (request) => letters.markDocumented(...callerOf(request), request.params.id),
  );

  app.get(
    "/api/v1/duties",
    {
      config: { access },
      schema: {
        tags,
        summary:
          "Notification duties: the worklist (overdue=true: open and past due, oldest first)",
        querystring: dutyListQuery,
        response: { 200: dutyList },
      },
    },
    async (request) =>
      letters.listDuties(principalOf(request), {
        ...request.query,
        overdue: request.query.overdue === "true",
      }),
  );

  app.post(
    "/api/v1/duties/:id/skip",
    actionById(
      access,
      {
        tags,
        summary:
          "Skip a letter the person demonstrably does not need (only where the protocol allows)",
        description:
          "A fixed reason code, never free text; refused (422) where the profile does not allow it.",
      },
      skipBody,
      dutyView,
    ),
    async (request) =>
      letters.skipDuty(...callerOf(request), request.params.id, request.body.reason),
  );

  app.get(
    "/api/v1/duties/:id/notice",
    oneById(
      access,
      {
        tags,
        summary:
          "A recipient notice (AVG art. 19): data your organisation received were corrected, restricted or erased",
      },
      recipientNoticeView,
    ),
    async (request) => letters.recipientNotice(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/duties/:id/processed",
    actionById(
      access,
      { tags, summary: "Mark a recipient notice processed in your own records" },
      noFields,
      dutyView,
    ),
    async (request) => letters.closeRecipientNotice(...callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/duties/:id/letter",
    {
      config: { access },
      schema: {
        tags,
        summary: "Produce (again) the letter for an open duty, e.g. in English",
        params: idParam,
        body: produceBody,
        response: { 201: letterView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await letters.produceLetter(...callerOf(request), request.params.id, {
          language: request.body.language,
        }),
      ),
  );

  app.post(
    "/api/v1/duties/letters",
    {
      config: { access },
      schema: {
        tags,
        summary: "Produce the letters of open duties that have none yet (e.g. after an import)",
        body: produceMissingBody,
        response: { 200: z.object({ produced: z.number(), failed: z.number() }) },
      },
    },
    async (request) => letters.produceMissingLetters(...callerOf(request), request.body.limit),
  );
}
