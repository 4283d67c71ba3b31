/**
 * The access answer's data elements when the answer covers the whole region (003 Definities
 * "gezamenlijke verwerkingsverantwoordelijken", §15.2; AVG art. 15, art. 26 lid 3): every
 * registration the handling officer confirmed, each with its own primary source; the sender's
 * own screenings; the actual recipients (AVG art. 15 lid 1 onder c; CJEU C-154/21). "No data"
 * only when nothing was found anywhere in the region. elements/index.ts uses these in place
 * of the single-registration renderers whenever a letter carries `access`.
 */
import { formatEuro } from "../../../platform/money.ts";
import type { Block } from "../../../platform/pdf/pdf.ts";
import { partsOrWhole } from "../../../protocol/parts.ts";
import { protocolVersionText } from "../../../protocol/version.ts";
import { addressLines, formatDate, personName, registerName } from "../format.ts";
import type {
  AccessFacts,
  LetterAddress,
  LetterInput,
  LetterPerson,
  RegistrationFacts,
} from "../letter-input.ts";
import { accessTexts } from "../texts/access.ts";
import { caseTexts } from "../texts/cases.ts";
import { outcomeWord, scopeWord } from "../texts/codes.ts";
import { personTexts } from "../texts/person.ts";
import { registrationTexts } from "../texts/registration.ts";
import type { Render } from "./shared.ts";

/** The rows of one registration as its primary source holds it, every code in words. */
export function storedRows(
  i: LetterInput,
  reg: {
    person: LetterPerson;
    address: LetterAddress | null;
    facts: RegistrationFacts;
    primarySource: string;
  },
): [string, string][] {
  const l = i.language;
  const t = personTexts[l];
  const s = t.storedData;
  const { person: p, facts: r } = reg;
  const rows: [string, string][] = [
    [t.name, personName(p)],
    [t.initials, p.initials],
    [t.birthDate, formatDate(p.birthDate, l)],
  ];
  if (p.birthName) rows.push([t.birthName, p.birthName]);
  if (p.gender) rows.push([t.gender, t.genders[p.gender]]);
  if (p.email) rows.push([t.email, p.email]);
  if (p.seekerNumber) rows.push([t.seekerNumber, p.seekerNumber]);
  rows.push([t.address, reg.address ? addressLines(reg.address).join(", ") : s.addressNotRecorded]);
  rows.push([s.categories, r.categories.join(", ")]);
  rows.push([
    s.criteria,
    r.criteria
      .map((code) => {
        const c = i.profile.criteria.find((x) => x.code === code);
        return c ? `${code} (${c.text})` : code;
      })
      .join("; "),
  ]);
  rows.push([s.placementDate, formatDate(r.placementDate, l)]);
  rows.push([s.enteredOn, formatDate(r.enteredOn, l)]);
  // Each part its own end and scope (003 §7; issue #20); one part reads as before.
  const parts = partsOrWhole(r);
  for (const p of parts) {
    const which = parts.length > 1 ? ` (${p.categories.join(" + ")})` : "";
    rows.push([`${s.endDate}${which}`, formatDate(p.endDate, l)]);
    rows.push([`${s.scope}${which}`, scopeWord(p.scope, l)]);
  }
  if (r.claimCents !== null) rows.push([s.claim, formatEuro(r.claimCents, l)]);
  rows.push([
    s.objection,
    r.objectionPending
      ? s.pending
      : r.objectionOutcome
        ? outcomeWord(r.objectionOutcome, l)
        : s.noObjection,
  ]);
  if (i.profile.id === "keurmerk-2013") {
    rows.push([
      s.supportTeam,
      i.supportTeam
        ? `${formatDate(i.supportTeam.date, l)}: ${i.supportTeam.outcome}`
        : s.noProcedure,
    ]);
  }
  rows.push([s.enteredBy, s.officerOf(reg.primarySource)]);
  // 003 ch. 23: which version of the protocol the decision was taken under (D-760).
  if (r.protocolVersion) {
    rows.push([s.protocolVersion, protocolVersionText(i.profile, r.protocolVersion)]);
  }
  return rows;
}

function ownScreenings(i: LetterInput, access: AccessFacts): Block[] {
  const l = i.language;
  const a = accessTexts[l].ownScreenings;
  const purposes = caseTexts[l].hit.purposes;
  const reg = registerName(i.profile, l);
  if (access.ownScreenings.length === 0) return [{ text: a.none(i.sender.name, reg) }];
  return [
    { text: a.heading(i.sender.name) },
    {
      list: access.ownScreenings.map((s) =>
        a.line(
          formatDate(s.date, l),
          purposes[s.purpose] ?? s.purpose,
          s.hit,
          s.hitLetterSentOn ? formatDate(s.hitLetterSentOn, l) : null,
        ),
      ),
    },
  ];
}

type AccessRender = (i: LetterInput, access: AccessFacts) => ReturnType<Render>;

/** Is there anything about the person anywhere in the region? */
function nothingAnywhere(access: AccessFacts): boolean {
  return (
    access.registrations.length === 0 &&
    access.screeningsInRegion === 0 &&
    !(access.stillChecked ?? 0)
  );
}

/** No registration in the answer: none anywhere, or one still being checked (D-1041). */
function noneOrChecked(i: LetterInput, access: AccessFacts): string {
  const reg = registerName(i.profile, i.language);
  const a = accessTexts[i.language];
  return access.stillChecked ? a.stillChecked(reg) : a.notRegistered(reg);
}

export const accessElements: Partial<
  Record<
    "stored_data" | "recipients" | "data_source" | "retention" | "primary_source",
    AccessRender
  >
> = {
  stored_data: (i, access) => {
    const l = i.language;
    const a = accessTexts[l];
    const heading = personTexts[l].storedData.heading;
    const reg = registerName(i.profile, l);
    if (nothingAnywhere(access)) return { heading, blocks: [{ text: a.nothingAnywhere(reg) }] };
    const blocks: Block[] = [];
    if (access.registrations.length === 0) blocks.push({ text: noneOrChecked(i, access) });
    else if (access.stillChecked) blocks.push({ text: a.stillChecked(reg) });
    access.registrations.forEach((r, n) => {
      blocks.push({ text: a.registrationHeading(n + 1, r.primarySource.name) });
      blocks.push({
        rows: storedRows(i, {
          person: r.person,
          address: r.address,
          facts: r.facts,
          primarySource: r.primarySource.name,
        }),
      });
    });
    blocks.push(...ownScreenings(i, access));
    return { heading, blocks };
  },

  primary_source: (i, access) => {
    const l = i.language;
    const t = personTexts[l];
    if (access.registrations.length === 0) {
      return {
        heading: t.primarySource.heading,
        blocks: [{ text: noneOrChecked(i, access) }],
      };
    }
    const blocks: Block[] = access.registrations.map((r) => {
      const rows: [string, string][] = [[t.name, r.primarySource.name]];
      if (r.primarySource.address.length > 0)
        rows.push([t.address, r.primarySource.address.join(", ")]);
      rows.push([t.primarySource.registeredOn, formatDate(r.facts.enteredOn, l)]);
      return { rows };
    });
    return { heading: t.primarySource.heading, blocks };
  },

  recipients: (i, access) => {
    const l = i.language;
    const t = personTexts[l].recipients;
    const a = accessTexts[l].recipients;
    if (nothingAnywhere(access)) {
      return { heading: t.heading, blocks: [{ text: accessTexts[l].recipients.nobody }] };
    }
    const blocks: Block[] = [];
    if (access.registrations.length > 0) {
      blocks.push({
        list: [
          t.primarySource,
          t.otherParticipants(registerName(i.profile, l)),
          t.consortium,
          t.supplier,
          t.committee,
        ],
      });
    }
    blocks.push({ text: a.actualHeading });
    if (access.recipients.length === 0) {
      // A registration still checked may have had recipients: say that, never "nobody" (D-1041).
      if (access.stillChecked) blocks.push({ text: noneOrChecked(i, access) });
      else blocks.push({ text: access.registrations.length === 0 ? a.screeningsOnly : a.nobody });
    } else {
      blocks.push({
        list: access.recipients.map((r) =>
          r.how === "block"
            ? a.block(r.organisation, formatDate(r.date, l))
            : a.screening(r.organisation, formatDate(r.date, l)),
        ),
      });
    }
    return { heading: t.heading, blocks };
  },

  data_source: (i, access) => {
    const l = i.language;
    const a = accessTexts[l].dataSource;
    const heading = personTexts[l].dataSource.heading;
    if (nothingAnywhere(access)) {
      return {
        heading,
        blocks: [{ text: accessTexts[l].nothingAnywhere(registerName(i.profile, l)) }],
      };
    }
    const blocks: Block[] = access.registrations.map((r) => ({
      text: a.registration(r.primarySource.name),
    }));
    if (access.screeningsInRegion > 0) blocks.push({ text: a.screenings });
    return { heading, blocks };
  },

  retention: (i, access) => {
    const l = i.language;
    const a = accessTexts[l].retention;
    const blocks: Block[] = access.registrations.map((r) => ({
      text: a.until(r.primarySource.name, formatDate(r.facts.endDate, l)),
    }));
    if (access.screeningsInRegion > 0) blocks.push({ text: a.screenings });
    if (blocks.length === 0) {
      blocks.push({ text: noneOrChecked(i, access) });
    }
    return { heading: registrationTexts[l].retention.heading, blocks };
  },
};
