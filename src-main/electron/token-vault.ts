import type { SafeStorage } from 'electron'
import type { TokenVault } from '../core/sync/token-vault'

/** Marks a token sealed by safeStorage; text without it is a token stored before (kept readable). */
export const SAFE_STORAGE_PREFIX = 'safeStorage:v1:'

/**
 * The Electron host's vault: the device token encrypted with the operating system's keychain
 * (safeStorage) and stored as base64 behind a prefix. Where the OS offers no encryption (Linux without a
 * keyring) the token is stored as text, as the browser host does, rather than locking the laptop out.
 */
export function safeStorageTokenVault(
  storage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
): TokenVault {
  return {
    seal: (token) =>
      storage.isEncryptionAvailable()
        ? SAFE_STORAGE_PREFIX + storage.encryptString(token).toString('base64')
        : token,
    open: (stored) =>
      stored.startsWith(SAFE_STORAGE_PREFIX)
        ? storage.decryptString(Buffer.from(stored.slice(SAFE_STORAGE_PREFIX.length), 'base64'))
        : stored,
  }
}
