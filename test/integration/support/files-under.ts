import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Every file under a folder (recursively), as sorted paths relative to it; [] when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}
