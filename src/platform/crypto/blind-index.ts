import { createHmac } from "node:crypto";
import { keyObjectOf } from "./key-object.ts";

/**
 * Exact-match blind indexes: HMAC-SHA256 under the region's blind-index key, so that the
 * database can find candidate rows ("same birth date", "same phonetic surname") without
 * holding the value in clear. Fuzzy comparison happens in memory after decryption.
 *
 * The CALLER NORMALISES: `normalisedValue` is hashed byte for byte, so "Jansen" and
 * "jansen " give different indexes. Each domain must always be fed through the same
 * normalisation (e.g. the matching module's Dutch name normalisation, or YYYY-MM-DD for a
 * date); changing that normalisation means recomputing every index of that domain.
 *
 * The domain (`birth_date`, `surname_phonetic`, …) is part of the MAC input, so equal values
 * in different domains give unrelated indexes, and one domain's index cannot be matched
 * against another's. The result is the full 32-byte MAC as base64url (43 characters).
 */

const DOMAIN = /^[a-z][a-z0-9_]*$/;
const PREFIX = "woonsignaal blind index v1";

export function blindIndex(regionKey: Buffer, domain: string, normalisedValue: string): string {
  if (regionKey.length !== 32) throw new RangeError("the blind-index key is 32 bytes");
  if (!DOMAIN.test(domain)) {
    throw new TypeError(`blind-index domain must match ${DOMAIN} (got ${JSON.stringify(domain)})`);
  }
  // NUL separates the parts: neither the prefix nor a domain can contain one.
  return createHmac("sha256", keyObjectOf(regionKey))
    .update(`${PREFIX}\0${domain}\0`, "utf8")
    .update(normalisedValue, "utf8")
    .digest("base64url");
}
