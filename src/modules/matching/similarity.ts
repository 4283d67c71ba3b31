/**
 * String similarity: Jaro, Jaro–Winkler, Damerau–Levenshtein and optimal string alignment.
 * Every function is symmetric (similarity(a, b) = similarity(b, a)), which scoring relies on.
 */

/** Orders a pair so that similarity is computed the same way whichever side comes first. */
function ordered(a: string, b: string): [string, string] {
  return a <= b ? [a, b] : [b, a];
}

/** Two reusable flag buffers for `jaro` (it runs for most candidate pairs: no allocation). */
const flagBuffers: Uint8Array[] = [new Uint8Array(64), new Uint8Array(64)];

function matchedFlags(which: 0 | 1, length: number): Uint8Array {
  if (flagBuffers[which]!.length < length) flagBuffers[which] = new Uint8Array(length * 2);
  const flags = flagBuffers[which]!;
  flags.fill(0, 0, length);
  return flags;
}

/** Jaro similarity (1 = equal, 0 = nothing in common). */
export function jaro(s1: string, s2: string): number {
  const [a, b] = ordered(s1, s2);
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = matchedFlags(0, a.length);
  const bMatched = matchedFlags(1, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) halfTranspositions++;
    k++;
  }
  const t = halfTranspositions / 2;
  return (matches / a.length + matches / b.length + (matches - t) / matches) / 3;
}

/**
 * Jaro-Winkler similarity: Jaro plus a bonus for a common prefix of up to 4 characters
 * (scale 0.1), given only when Jaro exceeds 0.7, as Winkler (1990) defined it.
 * JW("MARTHA", "MARHTA") = 0.961, JW("DWAYNE", "DUANE") = 0.84.
 */
export function jaroWinkler(s1: string, s2: string, prefixScale = 0.1): number {
  const j = jaro(s1, s2);
  if (j <= 0.7) return j;
  let prefix = 0;
  while (prefix < 4 && prefix < s1.length && prefix < s2.length && s1[prefix] === s2[prefix]) {
    prefix++;
  }
  return j + prefix * prefixScale * (1 - j);
}

/**
 * True (unrestricted) Damerau-Levenshtein distance (Lowrance-Wagner): insertions,
 * deletions, substitutions and transpositions of adjacent characters, where a transposed
 * pair may be edited further. DL("ca", "abc") = 2 (ca → ac → abc); the restricted variant
 * (`optimalStringAlignment`) gives 3. Scoring only asks whether the distance is at most
 * one, which `withinOneEdit` answers the same without the table.
 */
export function damerauLevenshtein(s1: string, s2: string): number {
  const [a, b] = ordered(s1, s2);
  const maxDist = a.length + b.length;
  const lastRow = new Map<string, number>();
  // d has (a.length + 2) × (b.length + 2) cells; row/col 0 hold maxDist as a sentinel.
  const width = b.length + 2;
  const d = new Array<number>((a.length + 2) * width).fill(0);
  const at = (i: number, j: number) => i * width + j;
  d[at(0, 0)] = maxDist;
  for (let i = 0; i <= a.length; i++) {
    d[at(i + 1, 0)] = maxDist;
    d[at(i + 1, 1)] = i;
  }
  for (let j = 0; j <= b.length; j++) {
    d[at(0, j + 1)] = maxDist;
    d[at(1, j + 1)] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    let lastMatchCol = 0;
    for (let j = 1; j <= b.length; j++) {
      const k = lastRow.get(b[j - 1]!) ?? 0;
      const l = lastMatchCol;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[at(i + 1, j + 1)] = Math.min(
        d[at(i, j)]! + cost,
        d[at(i + 1, j)]! + 1,
        d[at(i, j + 1)]! + 1,
        d[at(k, l)]! + (i - k - 1) + 1 + (j - l - 1),
      );
    }
    lastRow.set(a[i - 1]!, i);
  }
  return d[at(a.length + 1, b.length + 1)]!;
}

/**
 * Optimal string alignment distance (restricted Damerau-Levenshtein): like
 * `damerauLevenshtein`, but no substring is edited more than once, so OSA("ca", "abc") = 3.
 */
export function optimalStringAlignment(s1: string, s2: string): number {
  const [a, b] = ordered(s1, s2);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
