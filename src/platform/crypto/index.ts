/** Encryption at rest: master keys, envelope encryption, blind indexes, the keyring (docs/keys.md). */
export { blindIndex } from "./blind-index.ts";
export type { EncryptedColumn } from "./encrypted-columns.ts";
export {
  DecryptionError,
  type DecryptionFailure,
  dataKeyAad,
  decryptField,
  encryptField,
  type FieldPlace,
  fieldAad,
  fieldKeyVersion,
  isEncryptedField,
  regionSecretAad,
  unwrapKey,
  wrapKey,
} from "./envelope.ts";
export { Keyring } from "./keyring.ts";
export {
  type DataKey,
  type DestroyResult,
  type FieldLocation,
  type KeyringOptions,
  REGION_KEY_PURPOSES,
  type ReencryptResult,
  type RegionKeyPurpose,
  type RewrapResult,
  type RotationResult,
} from "./keyring-types.ts";
export {
  DEV_MASTER_KEY_FILE,
  KeyError,
  type LoadMasterKeysOptions,
  loadMasterKeys,
  MASTER_KEY_VARIABLE,
  type MasterKey,
  type MasterKeys,
  masterKeyId,
  parseMasterKeys,
} from "./master-key.ts";
