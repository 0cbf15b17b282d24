import { sep } from 'node:path'

/**
 * The same path outside the app's asar archive: …/resources/app.asar/x → …/resources/app.asar.unpacked/x.
 * Worker threads and the OS's library loader read real files only, so a worker's script and the modules
 * it requires are unpacked at build time (electron-builder.yml asarUnpack) and started from there. A path
 * that is not inside an asar (development, tests, the browser host) comes back unchanged.
 */
export function asarUnpacked(path: string, separator: string = sep): string {
  const packed = `${separator}app.asar${separator}`
  const at = path.indexOf(packed)
  if (at < 0) return path
  return `${path.slice(0, at)}${separator}app.asar.unpacked${separator}${path.slice(at + packed.length)}`
}
