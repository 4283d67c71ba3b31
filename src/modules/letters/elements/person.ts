/** The elements about the person and their data. */
import { addressLines, formatDate, orgAddress, personName, registerName } from "../format.ts";
import { personTexts } from "../texts/person.ts";
import { storedRows } from "./access.ts";
import { paragraph, type Renders } from "./shared.ts";

export const personElements = {
  person_identity: ({ person: p, language: l }) => {
    const t = personTexts[l];
    const rows: [string, string][] = [
      [t.name, personName(p)],
      [t.initials, p.initials],
      [t.birthDate, formatDate(p.birthDate, l)],
    ];
    if (p.birthName && p.birthName !== p.surname) {
      rows.push([t.birthName, p.birthName]);
    }
    if (p.gender) rows.push([t.gender, t.genders[p.gender]]);
    if (p.email) rows.push([t.email, p.email]);
    if (p.seekerNumber) rows.push([t.seekerNumber, p.seekerNumber]);
    return { heading: t.identity.heading, blocks: [{ rows }] };
  },

  postal_address: ({ address, language: l }) => ({
    heading: personTexts[l].postalAddress.heading,
    blocks: [
      {
        text: address ? addressLines(address).join(", ") : personTexts[l].postalAddress.unknown,
      },
    ],
  }),

  primary_source: (i) => {
    const t = personTexts[i.language];
    const o = i.primarySource ?? i.sender;
    const rows: [string, string][] = [[t.name, o.name]];
    const addr = orgAddress(o);
    if (addr.length > 0) rows.push([t.address, addr.join(", ")]);
    if (i.registration) {
      rows.push([t.primarySource.registeredOn, formatDate(i.registration.enteredOn, i.language)]);
    }
    return { heading: t.primarySource.heading, blocks: [{ rows }] };
  },

  dwelling_address: ({ dwellingAddress, language: l }) => {
    const t = personTexts[l].dwelling;
    return paragraph(
      t.heading,
      dwellingAddress
        ? `${addressLines(dwellingAddress).join(", ")} ${t.asRecorded}`
        : t.notRecorded,
    );
  },

  stored_data: (i) => {
    const l = i.language;
    const t = personTexts[l];
    const s = t.storedData;
    const r = i.registration;
    if (!r) {
      return { heading: s.heading, blocks: [{ text: s.none(registerName(i.profile, l)) }] };
    }
    const rows = storedRows(i, {
      person: i.person,
      address: i.address,
      facts: r,
      primarySource: (i.primarySource ?? i.sender).name,
    });
    return { heading: s.heading, blocks: [{ rows }] };
  },

  recipients: ({ profile, language: l }) => {
    const t = personTexts[l].recipients;
    // What another participant's screening shows, as its grant says (003 §6 punt 6; 001 §5.2).
    const shown = profile.disclosure.hit.other_participant.querier?.fields ?? [];
    const others = shown.includes("since") ? t.otherParticipantsScreening : t.otherParticipants;
    return {
      heading: t.heading,
      blocks: [
        {
          list: [
            t.primarySource,
            others(registerName(profile, l)),
            t.consortium,
            t.supplier,
            t.committee,
          ],
        },
      ],
    };
  },

  data_source: (i) => {
    const t = personTexts[i.language].dataSource;
    return paragraph(t.heading, t.text((i.primarySource ?? i.sender).name));
  },
} satisfies Renders;
