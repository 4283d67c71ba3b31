/** The elements about the person's rights and remedies. */
import type { Block } from "../../../platform/pdf/pdf.ts";
import { termEnd } from "../../../platform/werkdagen.ts";
import { HUURCOMMISSIE } from "../content.ts";
import { formatDate, orgAddress, registerName, termText } from "../format.ts";
import { caseTexts } from "../texts/cases.ts";
import { objectionTexts } from "../texts/objection.ts";
import { deadlineTerm, paragraph, type Renders } from "./shared.ts";

export const objectionElements = {
  right_to_object: ({ profile, language: l }) => {
    const t = objectionTexts[l].rightToObject;
    return { heading: t.heading, blocks: [{ text: t.text(registerName(profile, l)) }] };
  },

  objection_procedure: (i) => {
    const l = i.language;
    const t = objectionTexts[l].procedure;
    const p = i.profile;
    const window = deadlineTerm(p, "objection_window");
    const ack = deadlineTerm(p, "objection_acknowledgement");
    const decision = deadlineTerm(p, "objection_decision");
    const appeal = deadlineTerm(p, "appeal_window");
    const text: string[] = [t.howTo];
    if (window) {
      const until = termEnd(i.letterDate, window).date;
      text.push(t.within(termText(window, l), formatDate(until, l)));
    } else {
      text.push(t.whileRunning);
    }
    if (ack && decision) {
      text.push(t.acknowledgementAndDecision(termText(ack, l), termText(decision, l)));
    }
    if (appeal) {
      text.push(t.appeal(termText(appeal, l)));
    } else {
      text.push(t.committeeThenHuurcommissie);
    }
    return { heading: t.heading, blocks: text.map((x) => ({ text: x })) };
  },

  objection_address: (i) => {
    const o = i.primarySource ?? i.sender;
    const address = o.objectionAddress ?? [o.name, ...orgAddress(o)].join(", ");
    return {
      heading: objectionTexts[i.language].objectionAddress.heading,
      blocks: [{ text: address }],
    };
  },

  consent_disclosure: ({ language: l, profile }) => {
    const t = objectionTexts[l].consentDisclosure;
    const reflection = deadlineTerm(profile, "consent_reflection");
    return paragraph(
      t.heading,
      t.text(reflection ? t.afterReflection(termText(reflection, l)) : ""),
    );
  },

  register_address: ({ register, profile, publicBaseUrl, language: l }) => {
    const t = objectionTexts[l].registerAddress;
    return {
      heading: t.heading(registerName(profile, l)),
      blocks: [
        {
          text: register
            ? [register.name, ...orgAddress(register)].join(", ")
            : t.see(publicBaseUrl),
        },
      ],
    };
  },

  rights: ({ profile, language: l, hit, primarySource, sender }) => {
    const t = objectionTexts[l].rights;
    const access = deadlineTerm(profile, "access_request_decision");
    const within = access ? t.answerWithin(termText(access, l)) : "";
    // Review G-6: after a hit, requests about the registration go to its primary source (003
    // §13.1: only it can correct or erase), not to the querying organisation sending this letter.
    const request =
      hit && primarySource && primarySource.id !== sender.id
        ? caseTexts[l].hit.requestTo(primarySource.name, sender.name, within)
        : t.request(within);
    return { heading: t.heading, blocks: [{ list: [...t.list] }, { text: request }] };
  },

  dpo: ({ sender, language: l }) => {
    if (!sender.dpo) return null;
    const t = objectionTexts[l].dpo;
    const rows: [string, string][] = [
      [t.name, sender.dpo.name],
      [t.email, sender.dpo.email],
    ];
    if (sender.dpo.phone) rows.push([t.phone, sender.dpo.phone]);
    return { heading: t.heading, blocks: [{ rows }] };
  },

  appeal_route: (i) => {
    const l = i.language;
    const t = objectionTexts[l].appealRoute;
    const appeal = deadlineTerm(i.profile, "appeal_window");
    const committee = i.committee;
    const where = committee ? [committee.name, ...orgAddress(committee)].join(", ") : t.committee;
    const blocks: Block[] = [];
    if (appeal) {
      blocks.push({ text: t.appeal(termText(appeal, l), where) });
    } else {
      blocks.push({ text: t.toCommittee(where) });
    }
    return { heading: t.heading, blocks };
  },

  huurcommissie: ({ language: l }) => {
    const t = objectionTexts[l].huurcommissie;
    return {
      heading: t.heading,
      blocks: [
        { text: t.text },
        {
          rows: [
            [t.postalAddress, HUURCOMMISSIE.postalAddress.join(", ")],
            [t.phone, HUURCOMMISSIE.phone],
            [t.website, HUURCOMMISSIE.website],
          ],
        },
      ],
    };
  },

  committee_address: ({ committee, language: l }) => {
    const t = objectionTexts[l].committeeAddress;
    return paragraph(
      t.heading,
      committee ? [committee.name, ...orgAddress(committee)].join(", ") : t.onRequest,
    );
  },
} satisfies Renders;
