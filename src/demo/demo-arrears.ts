/**
 * Synthetic vroegsignalering data for the demo region (issue #11), so that the arrears pages
 * show something after `npm start`: the first demo landlord, two municipalities (Eemsdelta
 * signed, Groningen only requested), three monthly positions, preconditions, one monthly
 * delivery, feedback, a pause, a measure and an arrangement that broke. Every name is
 * made up. Loaded through the ArrearsService like any landlord's data, dated relative to
 * `today` so the pages look current; only with a freshly created demo region.
 */
import { parsePositionItems } from "../modules/arrears/import.ts";
import type { Services } from "../modules/index.ts";
import { addDays } from "../platform/werkdagen.ts";
import type { DemoRegion } from "./demo-region.ts";

const META = { requestId: null, clientAddress: null };

interface DemoTenancy {
  ref: string;
  surname: string;
  street: string;
  postcode: string;
  city: string;
  rent: number;
  /** Arrears in the positions 60 and 30 days ago and today (cents). */
  arrears: [number, number, number];
  /** Days before today of the oldest unpaid due date (when there are arrears). */
  dueDaysAgo: number;
  /** Day of the month of the last payment in each position (for the early warnings). */
  paidOnDay?: [number, number, number];
  events: ("contact_attempt" | "debt_help_referral" | "reminder_with_sharing_offer")[];
}

const EEMSDELTA = { postcode: "9901 AB", city: "Appingedam" };
const GRONINGEN = { postcode: "9712 CD", city: "Groningen" };
const ALL = ["contact_attempt", "debt_help_referral", "reminder_with_sharing_offer"] as const;

export const DEMO_TENANCIES: readonly DemoTenancy[] = [
  // Eligible: signalled in the demo delivery, no feedback yet.
  {
    ref: "DEMO-1001",
    surname: "Voorbeeld",
    street: "Lindelaan",
    ...EEMSDELTA,
    rent: 72_500,
    arrears: [0, 72_500, 145_000],
    dueDaysAgo: 65,
    events: [...ALL],
  },
  // The written reminder is missing: on the worklist until it is recorded.
  {
    ref: "DEMO-1002",
    surname: "Proefhuurder",
    street: "Kastanjelaan",
    ...EEMSDELTA,
    rent: 68_000,
    arrears: [0, 68_000, 136_000],
    dueDaysAgo: 62,
    events: ["contact_attempt", "debt_help_referral"],
  },
  // Paying later each month and arrears growing: early warnings; signalled, help declined.
  {
    ref: "DEMO-1003",
    surname: "Testpersoon",
    street: "Beukenlaan",
    ...EEMSDELTA,
    rent: 80_000,
    arrears: [20_000, 50_000, 90_000],
    dueDaysAgo: 75,
    paidOnDay: [3, 9, 14],
    events: [...ALL],
  },
  // A payment arrangement that broke.
  {
    ref: "DEMO-1004",
    surname: "Fictief",
    street: "Eikenlaan",
    ...EEMSDELTA,
    rent: 70_000,
    arrears: [70_000, 70_000, 60_000],
    dueDaysAgo: 90,
    events: ["contact_attempt"],
  },
  // Collection paused with the pause button.
  {
    ref: "DEMO-1005",
    surname: "Verzonnen",
    street: "Berkenlaan",
    ...EEMSDELTA,
    rent: 65_000,
    arrears: [0, 0, 65_000],
    dueDaysAgo: 35,
    events: [],
  },
  // Groningen: the agreement is only requested, so no signal can go.
  {
    ref: "DEMO-2001",
    surname: "Denkbeeld",
    street: "Vismarkt",
    ...GRONINGEN,
    rent: 90_000,
    arrears: [0, 90_000, 180_000],
    dueDaysAgo: 61,
    events: [...ALL],
  },
  // Groningen: arrears not late enough yet.
  {
    ref: "DEMO-2002",
    surname: "Bedenksel",
    street: "Herestraat",
    ...GRONINGEN,
    rent: 85_000,
    arrears: [0, 0, 40_000],
    dueDaysAgo: 10,
    events: [],
  },
];

/** Loads the demo arrears data for the first demo landlord. */
export async function seedDemoArrears(services: Services, demo: DemoRegion, today: string) {
  const principal = await services.identity.authenticateApiKey(
    demo.organisations[0]!.apiKeys.officer,
  );
  if (!principal) throw new Error("the demo officer key of the first landlord does not work");
  const arrears = services.arrears;
  await arrears.putAgreement(principal, META, "1979", {
    status: "signed",
    reportingPoint: "ris",
    signedOn: addDays(today, -120),
    deliveryWindow: { fromDay: 1, toDay: 10 },
    contactPerson: {
      name: "Vroegsignalering Eemsdelta",
      email: "vroegsignalering@eemsdelta.example",
    },
  });
  await arrears.putAgreement(principal, META, "0014", {
    status: "requested",
    reportingPoint: "vps",
  });
  const asOfs = [addDays(today, -60), addDays(today, -30), today];
  for (const [n, asOf] of asOfs.entries()) {
    const items = DEMO_TENANCIES.map((t) => {
      const arrearsCents = t.arrears[n]!;
      const due = addDays(today, -t.dueDaysAgo);
      const paidDay = t.paidOnDay?.[n];
      return {
        tenancyRef: t.ref,
        person: { initials: "D.", surname: t.surname },
        address: {
          street: t.street,
          houseNumber: String(10 + n),
          postcode: t.postcode,
          city: t.city,
        },
        monthlyRentCents: t.rent,
        arrearsCents,
        ...(arrearsCents > 0 ? { oldestUnpaidDueDate: due < asOf ? due : asOf } : {}),
        ...(paidDay
          ? {
              lastPaymentDate: `${asOf.slice(0, 8)}${String(Math.min(paidDay, Number(asOf.slice(8)))).padStart(2, "0")}`,
            }
          : {}),
        // The preconditions come with today's position, dated within the current arrears.
        ...(n === 2 && t.events.length > 0
          ? {
              events: t.events.map((type) => ({
                type,
                date: addDays(today, -20),
                ...(type === "contact_attempt" ? { channel: "phone" as const } : {}),
              })),
            }
          : {}),
      };
    });
    const parsed = await parsePositionItems(asOf, items);
    const result = await arrears.importPositions(principal, META, asOf, parsed);
    if (result.rejected > 0) throw new Error(`demo arrears: ${JSON.stringify(result.errors)}`);
  }
  await arrears.produceDeliveries(principal.organisationId, today);
  await arrears.recordFeedback(principal, META, {
    municipalityCode: "1979",
    items: [{ tenancyRef: "DEMO-1003", outcome: "help_declined", date: today }],
  });
  await arrears.pauseCollection(principal, META, "DEMO-1005", {
    from: addDays(today, -3),
    until: addDays(today, 27),
    reason: "awaiting_benefit",
  });
  await arrears.recordMeasure(principal, META, "DEMO-1005", {
    kind: "pre_due_reminder",
    date: addDays(today, -3),
    daysBeforeDue: 3,
    channel: "sms",
  });
  await arrears.createArrangement(principal, META, "DEMO-1004", {
    agreedOn: addDays(today, -50),
    instalments: [0, 1, 2].map((i) => ({
      dueDate: addDays(today, -40 + 30 * i),
      amountCents: 20_000,
    })),
  });
}
