/**
 * The forms on a tenancy's file (issue #11): each post reads and checks its fields, calls the
 * ArrearsService, and goes back to the file — or shows the file again with the errors.
 */
import type { FastifyRequest } from "fastify";
import {
  CONTACT_CHANNELS,
  EVENT_TYPES,
  type EventInput,
  eventBody,
  MEASURE_KINDS,
  type MeasureInput,
  measureBody,
  PAUSE_REASONS,
  REMINDER_CHANNELS,
} from "../../modules/arrears/schemas.ts";
import type { Services } from "../../modules/index.ts";
import { callerOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { notFound } from "../../platform/errors.ts";
import type { SafeHtml } from "../../platform/html.ts";
import { addMonths } from "../../platform/werkdagen.ts";
import { errorText, type FieldErrors, formOf } from "../forms.ts";
import type { Messages } from "../i18n.ts";
import { type Kit, postPage } from "../kit.ts";
import {
  ARREARS_OFFICER,
  BASE,
  fieldReader,
  fileHref,
  refOf,
  refusalText,
  shownRefusal,
} from "./arrears-common.ts";
import { fileView } from "./arrears-file.ts";

export function registerArrearsFileForms(app: App, services: Services, kit: Kit, clock: Clock) {
  const arrears = services.arrears;
  const filePage = fileView(arrears, clock);

  /**
   * One form post on the file: read and check the fields, call the service, then back to the
   * file (303) — or the file again with the errors at the form (422).
   */
  function filePost(
    path: string,
    form: (request: FastifyRequest) => string,
    run: (
      request: FastifyRequest,
      ref: string,
      read: ReturnType<typeof fieldReader>,
      errors: FieldErrors,
      a: Messages["arrears"],
    ) => Promise<{ saved: string } | undefined>,
    fieldOfCode: (request: FastifyRequest, code: string) => string | undefined = () => undefined,
  ) {
    postPage(
      app,
      kit,
      `${BASE}/huurders/:ref/${path}`,
      ARREARS_OFFICER,
      async (ctx, request, reply) => {
        const ref = refOf(request);
        const body = formOf(request.body);
        const errors: FieldErrors = new Map();
        const read = fieldReader(ctx.m, body, errors);
        const values = Object.fromEntries(
          Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? "") : (v ?? "")]),
        );
        const problem = (extra: SafeHtml[] = []) =>
          filePage(ctx, request, ref, { form: form(request), errors, extra, values }, 422);
        let outcome: { saved: string } | undefined;
        try {
          outcome = await run(request, ref, read, errors, ctx.m.arrears);
        } catch (err) {
          const refusal = shownRefusal(err);
          const field = fieldOfCode(request, refusal.code);
          if (field) {
            errors.set(field, errorText(ctx.m, refusal.code, undefined, ctx.m.arrears.rulesText));
            return problem();
          }
          return problem([refusalText(ctx.m, refusal)]);
        }
        if (!outcome) return problem();
        return reply.redirect(`${fileHref(ref)}?melding=${outcome.saved}#inhoud`, 303);
      },
    );
  }

  filePost(
    "voorwaarden",
    () => "event",
    async (request, ref, read, errors, a) => {
      const type = read.choice("eventType", EVENT_TYPES);
      const date = read.date("eventDate");
      const channelText = read.text("channel");
      const channel = CONTACT_CHANNELS.find((c) => c === channelText);
      if (channelText !== "" && !channel) errors.set("channel", a.errors.choose);
      if (channel && type && type !== "contact_attempt") {
        errors.set("channel", a.rulesText.channel_not_applicable!);
      }
      if (errors.size > 0 || !type || !date) return undefined;
      const input: EventInput = eventBody.parse({ type, date, ...(channel ? { channel } : {}) });
      await arrears.recordEvent(...callerOf(request), ref, input);
      return { saved: "event" };
    },
    (_r, code) =>
      code === "date_in_future"
        ? "eventDate"
        : code === "channel_not_applicable"
          ? "channel"
          : undefined,
  );

  filePost(
    "pauze",
    () => "pause",
    async (request, ref, read, errors) => {
      const from = read.date("pauseFrom");
      const until = read.date("pauseUntil");
      const reason = read.choice("pauseReason", PAUSE_REASONS);
      if (errors.size > 0 || !from || !until || !reason) return undefined;
      await arrears.pauseCollection(...callerOf(request), ref, {
        from,
        until,
        reason,
      });
      return { saved: "pause" };
    },
    (_r, code) =>
      code === "invalid_period" || code === "pause_too_long" ? "pauseUntil" : undefined,
  );

  filePost(
    "pauze/beeindigen",
    () => "endPause",
    async (request, ref) => {
      await arrears.endPause(...callerOf(request), ref);
      return { saved: "pauseEnded" };
    },
  );

  filePost(
    "regelingen",
    () => "arrangement",
    async (request, ref, read, errors) => {
      const agreedOn = read.date("agreedOn");
      const firstDue = read.date("firstDue");
      const count = read.int("count", 1, 120);
      const amount = read.cents("perInstalment");
      if (errors.size > 0 || !agreedOn || !firstDue || !count || !amount) return undefined;
      const instalments = Array.from({ length: count }, (_, i) => ({
        dueDate: addMonths(firstDue, i),
        amountCents: amount,
      }));
      await arrears.createArrangement(...callerOf(request), ref, {
        agreedOn,
        instalments,
      });
      return { saved: "arrangement" };
    },
    (_r, code) => (code === "instalment_before_agreement" ? "firstDue" : undefined),
  );

  const arrangementIdOf = (request: FastifyRequest) => {
    const id = (request.params as { id?: string }).id ?? "";
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      throw notFound("arrangement");
    }
    return id;
  };
  filePost(
    "regelingen/:id/betalingen",
    () => "payment",
    async (request, _ref, read, errors) => {
      const id = arrangementIdOf(request);
      const date = read.date(`payDate-${id}`);
      const amountCents = read.cents(`payAmount-${id}`);
      if (errors.size > 0 || !date || !amountCents) return undefined;
      await arrears.recordPayment(...callerOf(request), id, {
        date,
        amountCents,
      });
      return { saved: "payment" };
    },
    (request, code) =>
      code === "payment_exceeds_arrangement" ? `payAmount-${arrangementIdOf(request)}` : undefined,
  );

  const kindOf = (request: FastifyRequest) => {
    const k = String((request.body as Record<string, unknown> | undefined)?.kind ?? "");
    return MEASURE_KINDS.find((x) => x === k);
  };
  filePost(
    "maatregelen",
    (request) => `measure-${kindOf(request) ?? "unknown"}`,
    async (request, ref, read, errors, a) => {
      const kind = kindOf(request);
      if (!kind) {
        throw notFound("measure");
      }
      const f = (n: string) => `${kind}-${n}`;
      const date = read.date(f("date"));
      let input: Record<string, unknown> = { kind, date };
      if (kind === "pre_due_reminder") {
        input = {
          ...input,
          daysBeforeDue: read.int(f("daysBeforeDue"), 1, 28),
          channel: read.choice(f("channel"), REMINDER_CHANNELS),
        };
      } else if (kind === "debit_date_aligned") {
        input = {
          ...input,
          debitDay: read.int(f("debitDay"), 1, 28),
          incomeDay: read.int(f("incomeDay"), 1, 31),
        };
      } else if (kind === "rent_reduction") {
        const until = read.date(f("until"), false);
        input = {
          ...input,
          monthlyReductionCents: read.cents(f("monthlyReduction")),
          from: read.date(f("from")),
          ...(until ? { until } : {}),
        };
      } else if (kind === "rent_increase_forgiven" || kind === "arrears_forgiven") {
        input = { ...input, amountCents: read.cents(f("amount")) };
      }
      if (errors.size > 0) return undefined;
      const parsed = measureBody.safeParse(input);
      if (!parsed.success) {
        errors.set(f("date"), a.errors.required);
        return undefined;
      }
      await arrears.recordMeasure(...callerOf(request), ref, parsed.data as MeasureInput);
      return { saved: "measure" };
    },
  );
}
