import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The browser host's port, kept in the data folder so the next launch listens on the same one. The
 * renderer's local storage (form drafts, the language) belongs to the page's origin, port included: a
 * new port at every launch would lose a draft typed before a restart.
 */
const PORT_FILE = 'host-port'

/** The port the last launch on this folder listened on, or 0 (any free port) when none is known. */
export function rememberedPort(dataDir: string): number {
  try {
    const port = Number(readFileSync(join(dataDir, PORT_FILE), 'utf8').trim())
    return Number.isInteger(port) && port >= 1024 && port <= 65535 ? port : 0
  } catch {
    return 0
  }
}

/** Keeps the port for the next launch; a folder that cannot be written only loses the convenience. */
export function rememberPort(dataDir: string, port: number): void {
  try {
    writeFileSync(join(dataDir, PORT_FILE), `${port}\n`)
  } catch {
    // Read-only folder: the core reports that itself.
  }
}
