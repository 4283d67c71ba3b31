import { formatEuroPlain as formatEuro } from "../platform/money.ts";
import type { DamageBracket } from "./profile.ts";

/**
 * The damage brackets of 003 §7 (category D, "schade") and, in the same words, 001 Bijlage 1
 * W2 punten 4–8: €500–€1.000 → 1 jaar, €1.000–€2.000 → 2, €2.000–€5.000 → 3,
 * €5.000–€10.000 → 4, €10.000 of meer → 5. Amounts in euro cents.
 *
 * "Tussen X en Y" makes every boundary amount belong to two brackets (and "€10.000 of meer"
 * overlaps "tussen €5.000 en €10.000"). We put each boundary in the lower bracket: the shorter
 * term is the reading most favourable to the person (see the profiles' notes).
 */
export const DAMAGE_BRACKETS: readonly DamageBracket[] = Object.freeze([
  { minCents: 50_000, minInclusive: true, maxCents: 100_000, maxInclusive: true, termMonths: 12 },
  { minCents: 100_000, minInclusive: false, maxCents: 200_000, maxInclusive: true, termMonths: 24 },
  { minCents: 200_000, minInclusive: false, maxCents: 500_000, maxInclusive: true, termMonths: 36 },
  {
    minCents: 500_000,
    minInclusive: false,
    maxCents: 1_000_000,
    maxInclusive: true,
    termMonths: 48,
  },
  { minCents: 1_000_000, minInclusive: false, maxCents: null, maxInclusive: false, termMonths: 60 },
]);

export const DAMAGE_BRACKETS_NOTE =
  "Schijfgrenzen: 'tussen € X en € Y' laat elk grensbedrag in twee schijven vallen (en '€ 10.000 " +
  "of meer' overlapt 'tussen € 5.000 en € 10.000'). Gekozen: een grensbedrag valt in de lagere " +
  "schijf (€ 1.000 → 1 jaar, € 2.000 → 2 jaar, € 5.000 → 3 jaar, € 10.000 → 4 jaar), de kortere " +
  "termijn en dus de lezing die het gunstigst is voor betrokkene. De schijf geeft het maximum; " +
  "korter kiezen mag ('maximaal').";

/** The bracket that holds `cents`, or undefined below the first bracket. */
export function findDamageBracket(
  brackets: readonly DamageBracket[],
  cents: number,
): DamageBracket | undefined {
  return brackets.find((b) => {
    const aboveMin = b.minInclusive ? cents >= b.minCents : cents > b.minCents;
    const belowMax =
      b.maxCents === null || (b.maxInclusive ? cents <= b.maxCents : cents < b.maxCents);
    return aboveMin && belowMax;
  });
}

/** "€ 500,00 t/m € 1.000,00", "meer dan € 1.000,00 t/m € 2.000,00", "meer dan € 10.000,00". */
export function bracketLabel(b: DamageBracket): string {
  const from = `${b.minInclusive ? "" : "meer dan "}${formatEuro(b.minCents)}`;
  if (b.maxCents === null) return from;
  return `${from} ${b.maxInclusive ? "t/m" : "tot"} ${formatEuro(b.maxCents)}`;
}
