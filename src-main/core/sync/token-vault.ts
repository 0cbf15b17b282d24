import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../db/schema'
import { readSetting, SETTING, writeSetting } from './sync.settings'

/**
 * How the device token is kept at rest in the meta table. The host decides: Electron wraps it with the
 * operating system's keychain (safeStorage); the browser host has no keychain it can reach from plain
 * Node and keeps it as text, protected only by the data directory's file permissions.
 */
export interface TokenVault {
  /** The text to store for a token. */
  seal(token: string): string
  /** The token back from stored text; throws when it cannot be opened (another user's keychain). */
  open(stored: string): string
}

/** The browser host's vault: the token as plain text (see TokenVault). */
export const plainTokenVault: TokenVault = {
  seal: (token) => token,
  open: (stored) => stored,
}

type Db = Kysely<DB> | Transaction<DB>

/** The device token, opened with the vault; undefined when not enrolled. */
export async function readDeviceToken(db: Db, vault: TokenVault): Promise<string | undefined> {
  const stored = await readSetting(db, SETTING.token)
  return stored === undefined ? undefined : vault.open(stored)
}

export async function writeDeviceToken(db: Db, vault: TokenVault, token: string): Promise<void> {
  await writeSetting(db, SETTING.token, vault.seal(token))
}
