/**
 * A tenancy's file (issue #11): the person, the arrears, eligibility for the monthly signal,
 * and every form of the landlord's side of seeds 002 and 004 (the posts are in
 * arrears-file-forms.ts).
 */
import type { FastifyRequest } from "fastify";
import {
  CONTACT_CHANNELS,
  EVENT_TYPES,
  MEASURE_KINDS,
  PAUSE_REASONS,
  REMINDER_CHANNELS,
} from "../../modules/arrears/schemas.ts";
import type { Services } from "../../modules/index.ts";
import { callerOf, principalOf } from "../../platform/auth/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { App } from "../../platform/context.ts";
import { html, type SafeHtml } from "../../platform/html.ts";
import {
  choiceField,
  csrfField,
  errorSummary,
  type FieldErrors,
  selectField,
  textField,
} from "../forms.ts";
import { getPage, type Kit, notice, type PageContext } from "../kit.ts";
import { table, tableSection } from "../table.ts";
import {
  ARREARS_OFFICER,
  type ArrearsAnswer,
  BASE,
  dateText,
  euro,
  fileHref,
  municipalityText,
  refOf,
  tabs,
} from "./arrears-common.ts";

type TenancyFile = ArrearsAnswer<"getTenancy">;

type MeasureKind = (typeof MEASURE_KINDS)[number];

export interface Problem {
  /** Which form the errors belong to (its values are kept). */
  form: string;
  errors: FieldErrors;
  extra: SafeHtml[];
  values: Record<string, string>;
}

/** The file page, shown as it is or again with a form's errors (422). */
export function fileView(arrears: Services["arrears"], clock: Clock) {
  return async function filePage(
    ctx: PageContext,
    request: FastifyRequest,
    ref: string,
    problem?: Problem,
    status = 200,
  ) {
    const { m, lang } = ctx;
    const a = m.arrears;
    const f = a.file;
    const file = await arrears.getTenancy(...callerOf(request), ref);
    const hold = await arrears.collectionHold(principalOf(request), ref);
    const csrf = csrfField(request.session?.csrfToken ?? "");
    const today = clock.today();
    const errors = problem?.errors ?? new Map<string, string>();
    const val = (form: string, name: string, fallback = "") =>
      problem?.form === form ? (problem.values[name] ?? "") : fallback;
    const err = (form: string, name: string) =>
      problem?.form === form ? errors.get(name) : undefined;
    const q = request.query as Record<string, string | undefined>;
    const saved = q.melding ? f.saved[q.melding] : undefined;
    const action = (path: string) => `${fileHref(ref)}/${path}`;

    const person = file.person as Record<string, string | undefined>;
    const name = [person.initials, person.prefix, person.surname].filter(Boolean).join(" ");
    const address = file.address as Record<string, string | undefined>;
    const addressText = `${address.street ?? ""} ${address.houseNumber ?? ""}${address.houseNumberAddition ? ` ${address.houseNumberAddition}` : ""}, ${address.postcode ?? ""} ${address.city ?? ""}`;

    const signal = file.signal;
    const eligibility = html`<section aria-labelledby="h-eligibility"><h2 id="h-eligibility">${f.eligibility}</h2>
${
  file.arrearsCents <= 0 || !signal
    ? html`<p>${f.noArrears}</p>`
    : signal.eligible
      ? html`<div class="notice notice--ok"><p>${f.eligible}${signal.repeated ? html` ${f.eligibleRepeated}` : ""}</p></div>`
      : html`<div class="notice notice--warning"><p>${f.notEligible}</p><ul>${signal.reasons.map(
          (r) =>
            html`<li>${a.reasons[r.code] ?? r.code}${r.missing ? html`: <strong>${a.preconditions[r.missing] ?? r.missing}</strong>` : ""} <span class="source">(${r.source})</span></li>`,
        )}</ul></div>`
}
</section>`;

    const facts = html`<section aria-labelledby="h-person"><h2 id="h-person">${f.person}</h2>
<dl class="facts">
<dt>${f.name}</dt><dd>${name}</dd>
${person.birthDate ? html`<dt>${f.birthDate}</dt><dd>${dateText(lang, person.birthDate)}</dd>` : ""}
<dt>${f.address}</dt><dd>${addressText}</dd>
<dt>${a.municipality}</dt><dd>${municipalityText(file.municipalityCode)}${file.municipalityDerived ? html` <span class="hint">(${f.derived})</span>` : ""}</dd>
${file.phone ? html`<dt>${f.phone}</dt><dd>${file.phone}</dd>` : ""}
${person.email ? html`<dt>${f.email}</dt><dd>${person.email}</dd>` : ""}
<dt>${a.rent}</dt><dd>${euro(file.monthlyRentCents, lang)}</dd>
<dt>${a.arrears}</dt><dd>${euro(file.arrearsCents, lang)}${file.monthsInArrears > 0 ? ` (${file.monthsInArrears} ${a.months.toLowerCase()})` : ""}</dd>
${file.oldestUnpaidDueDate ? html`<dt>${f.oldestUnpaid}</dt><dd>${dateText(lang, file.oldestUnpaidDueDate)}</dd>` : ""}
<dt>${f.collection}</dt><dd>${
      hold.onHold
        ? f.collectionOnHold(
            dateText(lang, hold.until),
            hold.reason === "help_accepted"
              ? a.outcomes.help_accepted!
              : (a.pauseReasons[String(hold.reason).replace(/^pause_/, "")] ?? String(hold.reason)),
          )
        : hold.reason === "hold_ended_new_rent_unpaid"
          ? f.collectionEndedEarly
          : f.collectionFree
    }</dd>
</dl></section>`;

    const positions = html`${tableSection("positions", {
      empty: f.positionsEmpty,
      caption: f.positions,
      head: [a.asOf, a.arrears, a.rent, f.oldestUnpaid, f.lastPayment],
      rows: [...file.positions].reverse(),
      row: (p) =>
        html`<tr><td>${dateText(lang, p.asOf)}</td><td>${euro(p.arrearsCents, lang)}</td><td>${euro(p.monthlyRentCents, lang)}</td><td>${dateText(lang, p.oldestUnpaidDueDate) || m.none}</td><td>${dateText(lang, p.lastPaymentDate) || m.none}</td></tr>`,
    })}`;

    const who = (r: { kind: string }) => a.recordedBy[r.kind] ?? r.kind;
    const preconditions = tableSection(
      "preconditions",
      {
        empty: f.eventsEmpty,
        caption: f.preconditions,
        head: [a.date, f.kind, f.channel, a.by],
        rows: [...file.events].sort((x, y) => y.date.localeCompare(x.date)),
        row: (e) =>
          html`<tr><td>${dateText(lang, e.date)}</td><td>${a.preconditions[e.type] ?? e.type}</td><td>${e.channel ? (a.channels[e.channel] ?? e.channel) : m.none}</td><td>${who(e.recordedBy)}</td></tr>`,
      },
      {
        intro: html`<p>${f.preconditionsIntro}</p>`,
        more: html`<h3 id="h-event">${f.recordEvent}</h3>
<form method="post" action="${action("voorwaarden")}" novalidate aria-labelledby="h-event">${csrf}
${choiceField({ name: "eventType", legend: f.eventType, type: "radio", error: err("event", "eventType"), checked: [val("event", "eventType")], options: EVENT_TYPES.map((x) => ({ value: x, label: a.preconditions[x] ?? x })) })}
${textField({ name: "eventDate", label: f.eventDate, type: "date", hint: a.dateHint, value: val("event", "eventDate", today), error: err("event", "eventDate"), required: true, width: "short", m })}
${selectField({ name: "channel", label: `${f.channel} (${f.channelHint.replace(/\.$/, "").toLowerCase()})`, value: val("event", "channel"), error: err("event", "channel"), options: [{ value: "", label: f.noChannel }, ...CONTACT_CHANNELS.map((c) => ({ value: c, label: a.channels[c] ?? c }))] })}
<button type="submit" class="button button--primary">${f.recordEvent}</button>
</form>`,
      },
    );

    const signals = html`${tableSection(
      "signals",
      {
        empty: f.signalsEmpty,
        caption: f.signals,
        head: [f.signalDate, a.municipality, a.arrears, a.months, f.repeated],
        rows: file.signals,
        row: (s) =>
          html`<tr><td>${dateText(lang, s.signalDate)}</td><td>${municipalityText(s.municipalityCode)}</td><td>${euro(s.arrearsCents, lang)}</td><td>${s.monthsInArrears}</td><td>${s.repeated ? a.yes : a.no}</td></tr>`,
      },
      {
        more: html`<h3>${f.feedback}</h3>
${table({
  empty: f.feedbackEmpty,
  caption: f.feedback,
  captionHidden: true,
  head: [a.date, a.municipality, f.outcome],
  rows: file.feedback,
  row: (x) =>
    html`<tr><td>${dateText(lang, x.date)}</td><td>${municipalityText(x.municipalityCode)}</td><td>${a.outcomes[x.outcome] ?? x.outcome}</td></tr>`,
})}`,
      },
    )}`;

    const openPause = file.holds.some((h) => h.kind === "pause" && !h.endedOn && h.until >= today);
    const holds = html`${tableSection(
      "holds",
      {
        empty: f.holdsEmpty,
        caption: f.holds,
        head: [f.kind, f.period, f.reason, f.ended],
        rows: file.holds,
        row: (h) =>
          html`<tr><td>${a.holdKinds[h.kind] ?? h.kind}</td><td>${dateText(lang, h.startDate)} – ${dateText(lang, h.until)}</td><td>${h.kind === "schuldenrust" ? (a.outcomes[h.reason] ?? h.reason) : (a.pauseReasons[h.reason] ?? h.reason)}</td>
<td>${h.endedOn ? `${dateText(lang, h.endedOn)} (${a.endReasons[h.endReason ?? ""] ?? h.endReason})` : m.none}</td></tr>`,
      },
      {
        more: html`<h3 id="h-pause">${f.pause}</h3>
<p>${f.pauseIntro}</p>
<form method="post" action="${action("pauze")}" novalidate aria-labelledby="h-pause">${csrf}
${textField({ name: "pauseFrom", label: f.pauseFrom, type: "date", hint: a.dateHint, value: val("pause", "pauseFrom", today), error: err("pause", "pauseFrom"), required: true, width: "short", m })}
${textField({ name: "pauseUntil", label: f.pauseUntil, type: "date", hint: a.dateHint, value: val("pause", "pauseUntil"), error: err("pause", "pauseUntil"), required: true, width: "short", m })}
${selectField({ name: "pauseReason", label: f.pauseReason, value: val("pause", "pauseReason"), error: err("pause", "pauseReason"), options: [{ value: "", label: "" }, ...PAUSE_REASONS.map((r) => ({ value: r, label: a.pauseReasons[r] ?? r }))] })}
<button type="submit" class="button button--primary">${f.pauseSubmit}</button>
</form>
${openPause ? html`<form method="post" action="${action("pauze/beeindigen")}">${csrf}<button type="submit" class="button button--secondary">${f.endPause}</button></form>` : ""}`,
      },
    )}`;

    const arrangements = html`<section aria-labelledby="h-arrangements"><h2 id="h-arrangements">${f.arrangements}</h2>
${
  file.arrangements.length === 0
    ? html`<p class="empty">${f.arrangementsEmpty}</p>`
    : file.arrangements.map((x) => {
        const payDate = `payDate-${x.id}`;
        const payAmount = `payAmount-${x.id}`;
        const open = x.totalCents - x.paidCents;
        return html`<article aria-labelledby="h-arr-${x.id}"><h3 id="h-arr-${x.id}">${f.arrangement(dateText(lang, x.agreedOn))}: ${a.arrangementStatuses[x.status] ?? x.status}</h3>
<p>${f.progress(x.instalmentsPaid, x.instalments.length, x.instalmentsMissed)} ${f.total}: ${euro(x.totalCents, lang)}; ${f.paid.toLowerCase()}: ${euro(x.paidCents, lang)}.</p>
${table({
  caption: f.instalments,
  captionHidden: true,
  head: ["#", f.dueDate, f.amount, f.paid, f.paidOn],
  rows: x.instalments,
  row: (i) =>
    html`<tr><td>${i.seq}</td><td>${dateText(lang, i.dueDate)}</td><td>${euro(i.amountCents, lang)}</td><td>${euro(i.paidCents, lang)}</td><td>${dateText(lang, i.paidOn) || m.none}</td></tr>`,
})}
${
  open > 0
    ? html`<form method="post" action="${action(`regelingen/${x.id}/betalingen`)}" class="inline-fields" novalidate aria-label="${f.recordPayment} ${f.arrangement(dateText(lang, x.agreedOn))}">${csrf}
${textField({ name: payDate, label: f.paymentDate, type: "date", value: val("payment", payDate, today), error: err("payment", payDate), required: true, width: "short", m })}
${textField({ name: payAmount, label: f.paymentAmount, hint: a.euroHint, value: val("payment", payAmount), error: err("payment", payAmount), required: true, inputmode: "decimal", width: "short", m })}
<button type="submit" class="button button--secondary">${f.recordPayment}</button></form>`
    : ""
}</article>`;
      })
}
<h3 id="h-new-arrangement">${f.newArrangement}</h3>
<p>${f.arrangementIntro}</p>
<form method="post" action="${action("regelingen")}" novalidate aria-labelledby="h-new-arrangement">${csrf}
${textField({ name: "agreedOn", label: f.agreedOn, type: "date", hint: a.dateHint, value: val("arrangement", "agreedOn", today), error: err("arrangement", "agreedOn"), required: true, width: "short", m })}
${textField({ name: "firstDue", label: f.firstDue, type: "date", hint: a.dateHint, value: val("arrangement", "firstDue"), error: err("arrangement", "firstDue"), required: true, width: "short", m })}
${textField({ name: "count", label: f.count, hint: f.countHint, value: val("arrangement", "count"), error: err("arrangement", "count"), required: true, inputmode: "numeric", width: "short", m })}
${textField({ name: "perInstalment", label: f.perInstalment, hint: a.euroHint, value: val("arrangement", "perInstalment"), error: err("arrangement", "perInstalment"), required: true, inputmode: "decimal", width: "short", m })}
<button type="submit" class="button button--primary">${f.createArrangement}</button>
</form></section>`;

    const measureForm = (kind: MeasureKind) => {
      const field = (n: string) => `${kind}-${n}`;
      const e = (n: string) => err(`measure-${kind}`, field(n));
      const v = (n: string, fallback = "") => val(`measure-${kind}`, field(n), fallback);
      const mf = a.measureFields;
      const dateInput = (n: string, label: string, required = true) =>
        textField({
          name: field(n),
          label,
          type: "date",
          hint: a.dateHint,
          value: v(n, n === "date" ? today : ""),
          error: e(n),
          required,
          width: "short",
          m,
        });
      const numberInput = (n: string, label: string, hint?: string) =>
        textField({
          name: field(n),
          label,
          hint,
          value: v(n),
          error: e(n),
          required: true,
          inputmode: "numeric",
          width: "short",
          m,
        });
      const amountInput = (n: string, label: string) =>
        textField({
          name: field(n),
          label,
          hint: a.euroHint,
          value: v(n),
          error: e(n),
          required: true,
          inputmode: "decimal",
          width: "short",
          m,
        });
      const fields: SafeHtml[] = [dateInput("date", mf.date)];
      if (kind === "pre_due_reminder") {
        fields.push(numberInput("daysBeforeDue", mf.daysBeforeDue, "1–28"));
        fields.push(
          selectField({
            name: field("channel"),
            label: mf.channel,
            value: v("channel"),
            error: e("channel"),
            options: [
              { value: "", label: "" },
              ...REMINDER_CHANNELS.map((c) => ({ value: c, label: a.channels[c] ?? c })),
            ],
          }),
        );
      } else if (kind === "debit_date_aligned") {
        fields.push(numberInput("debitDay", mf.debitDay, "1–28"));
        fields.push(numberInput("incomeDay", mf.incomeDay, "1–31"));
      } else if (kind === "rent_reduction") {
        fields.push(amountInput("monthlyReduction", mf.monthlyReduction));
        fields.push(dateInput("from", mf.from));
        fields.push(dateInput("until", mf.until, false));
      } else if (kind === "rent_increase_forgiven" || kind === "arrears_forgiven") {
        fields.push(amountInput("amount", mf.amount));
      }
      const withError = problem?.form === `measure-${kind}`;
      return html`<details${withError ? html` open` : ""}><summary>${a.measures[kind]}</summary>
<form method="post" action="${action("maatregelen")}" novalidate aria-label="${a.measures[kind]}">${csrf}
<input type="hidden" name="kind" value="${kind}">
${fields}
<button type="submit" class="button button--secondary">${f.recordMeasure}<span class="visually-hidden"> ${a.measures[kind]}</span></button>
</form></details>`;
    };
    const measureDetails = (x: TenancyFile["measures"][number]) => {
      const d = x.details as Record<string, unknown>;
      const mf = a.measureFields;
      const parts: string[] = [];
      if (typeof d.daysBeforeDue === "number")
        parts.push(`${mf.daysBeforeDue}: ${d.daysBeforeDue}`);
      if (typeof d.channel === "string")
        parts.push(`${mf.channel}: ${a.channels[d.channel] ?? d.channel}`);
      if (typeof d.debitDay === "number") parts.push(`${mf.debitDay}: ${d.debitDay}`);
      if (typeof d.incomeDay === "number") parts.push(`${mf.incomeDay}: ${d.incomeDay}`);
      if (typeof d.monthlyReductionCents === "number")
        parts.push(`${mf.monthlyReduction}: ${euro(d.monthlyReductionCents, lang)}`);
      if (typeof d.from === "string") parts.push(`${mf.from}: ${dateText(lang, d.from)}`);
      if (typeof d.until === "string") parts.push(`${mf.until}: ${dateText(lang, d.until)}`);
      if (typeof d.amountCents === "number")
        parts.push(`${mf.amount}: ${euro(d.amountCents, lang)}`);
      return parts.join("; ") || m.none;
    };
    const measures = tableSection(
      "measures",
      {
        empty: f.measuresEmpty,
        caption: f.measures,
        head: [a.date, f.kind, a.worklist.details, a.by],
        rows: file.measures,
        row: (x) =>
          html`<tr><td>${dateText(lang, x.date)}</td><td>${a.measures[x.kind] ?? x.kind}</td><td>${measureDetails(x)}</td><td>${who(x.recordedBy)}</td></tr>`,
      },
      { intro: html`<p>${f.measuresIntro}</p>`, more: html`${MEASURE_KINDS.map(measureForm)}` },
    );

    return ctx.send(
      f.title(ref),
      html`<h1>${f.title(ref)}</h1>
${tabs(m, null)}
<p><a href="${BASE}/huurders">${a.tabs.tenancies}</a></p>
${saved ? notice(saved) : ""}
${errorSummary(m, errors, problem?.extra ?? [])}
${eligibility}
${facts}
${preconditions}
${holds}
${arrangements}
${measures}
${signals}
${positions}
<p class="hint">${a.never}</p>`,
      status,
    );
  };
}

export function registerArrearsFilePage(app: App, services: Services, kit: Kit, clock: Clock) {
  const filePage = fileView(services.arrears, clock);

  getPage(app, kit, `${BASE}/huurders/:ref`, ARREARS_OFFICER, async (ctx, request) => {
    return filePage(ctx, request, refOf(request));
  });
}
