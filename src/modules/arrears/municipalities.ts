/**
 * Postcode area → municipality (CBS gemeentecode), for position lines that do not name the
 * municipality. A signal goes to the municipality where the tenant lives (002 "Wettelijke
 * verplichting"), and the position export of many administrations lacks it.
 *
 * PARTIAL on purpose: only ranges of four-digit postcode areas that lie wholly inside one
 * municipality's core are listed (municipal borders do not follow postcode areas at the
 * edges). A line whose postcode is not covered is refused (`municipality_unknown`) and must
 * carry `municipalityCode`. To extend: add a range with its source and the date checked;
 * codes follow the CBS "Gemeentelijke indeling" of the year in `checked`. Keep ranges
 * disjoint (a test checks). See docs/vroegsignalering.md "Municipality".
 */
export interface PostcodeRange {
  from: number;
  to: number;
  municipalityCode: string;
  name: string;
  checked: string;
}

export const POSTCODE_MUNICIPALITIES: readonly PostcodeRange[] = [
  // Demo region: the demo landlords' addresses lie in 9901–9903 (Appingedam, since 2021 part
  // of Eemsdelta, CBS 1979).
  { from: 9901, to: 9903, municipalityCode: "1979", name: "Eemsdelta", checked: "2026" },
  // City cores of the four largest municipalities and two regional centres.
  { from: 1011, to: 1109, municipalityCode: "0363", name: "Amsterdam", checked: "2026" },
  { from: 2491, to: 2599, municipalityCode: "0518", name: "'s-Gravenhage", checked: "2026" },
  { from: 3011, to: 3089, municipalityCode: "0599", name: "Rotterdam", checked: "2026" },
  { from: 3511, to: 3585, municipalityCode: "0344", name: "Utrecht", checked: "2026" },
  { from: 5611, to: 5658, municipalityCode: "0772", name: "Eindhoven", checked: "2026" },
  { from: 9711, to: 9747, municipalityCode: "0014", name: "Groningen", checked: "2026" },
];

/** CBS gemeentecode: four digits (as used in the municipal data model, without "GM"). */
export const MUNICIPALITY_CODE = /^\d{4}$/;

/** The municipality of a Dutch postcode ("1234 AB", "1234AB"), or undefined when not in the table. */
export function municipalityOfPostcode(postcode: string): PostcodeRange | undefined {
  const m = /^\s*(\d{4})\s*[A-Za-z]{2}\s*$/.exec(postcode);
  if (!m) return undefined;
  const area = Number(m[1]);
  return POSTCODE_MUNICIPALITIES.find((r) => area >= r.from && area <= r.to);
}
