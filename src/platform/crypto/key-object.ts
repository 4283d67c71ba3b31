import { createSecretKey, type KeyObject } from "node:crypto";

/**
 * Each key Buffer imported into a KeyObject once (docs/decisions.md D-024): handing Node a raw
 * Buffer makes it import the key on every HMAC or cipher — most of the cost of a blind index
 * and a fifth of a field decryption. Outputs are unchanged. Keyed by the Buffer object, so a
 * key Buffer must never be changed in place after it was used as a key.
 */
const imported = new WeakMap<Buffer, KeyObject>();

export function keyObjectOf(key: Buffer): KeyObject {
  let k = imported.get(key);
  if (!k) {
    k = createSecretKey(key);
    imported.set(key, k);
  }
  return k;
}
