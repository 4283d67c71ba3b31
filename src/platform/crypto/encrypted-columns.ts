import type { EncryptedColumn } from "./keyring.ts";

/**
 * Every column in the application that holds values encrypted with an organisation's data
 * key. Key rotation re-encrypts exactly these, and a retired key is destroyed only when none
 * of these still uses it: a module that adds an encrypted column MUST list it here, or its
 * data would become unreadable after a rotation. (Registrations, seekers and arrears add
 * theirs as they land.)
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [];
