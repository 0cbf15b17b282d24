import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * The desktop app's installers as HQ serves them, in electron-updater's generic-provider layout: one
 * folder holding the installers, their .blockmap files (for differential download) and one channel
 * file per platform — latest.yml (Windows, NSIS), latest-mac.yml (the zip electron-updater installs,
 * and the dmg), latest-linux.yml (AppImage and deb; latest-linux-arm64.yml for arm64). Each channel
 * file names the version and, per file, its sha512 (base64) and size, which electron-updater checks
 * after downloading. Files on disk with either database, like photo blobs.
 */

/** Largest installer HQ accepts. */
export const MAX_INSTALLER_BYTES = 800 * 1024 * 1024
/** A file name HQ stores: no folders, no leading dot, nothing a shell or YAML would read specially. */
export const UPDATE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/
/** The versions electron-builder writes (semver, with an optional pre-release). */
export const UPDATE_VERSION = /^\d{1,6}\.\d{1,6}\.\d{1,6}(?:-[0-9A-Za-z.-]{1,40})?$/

/** The channel file an installer belongs in, by its extension; null for a file that is not one. */
export function channelFileOf(fileName: string): string | null {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.exe')) return 'latest.yml'
  if (lower.endsWith('.zip') || lower.endsWith('.dmg')) return 'latest-mac.yml'
  if (lower.endsWith('.appimage') || lower.endsWith('.deb')) {
    return /arm64|aarch64/.test(lower) ? 'latest-linux-arm64.yml' : 'latest-linux.yml'
  }
  return null
}

/** The channel files HQ may serve. */
export const CHANNEL_FILES = ['latest.yml', 'latest-mac.yml', 'latest-linux.yml', 'latest-linux-arm64.yml']

export class UpdateRefused extends Error {
  override readonly name = 'UpdateRefused'
  constructor(
    readonly reason: 'bad_name' | 'bad_version' | 'too_large',
    message: string,
  ) {
    super(message)
  }
}

/** One file of a channel, as electron-updater reads it. */
export interface UpdateFile {
  url: string
  sha512: string
  size: number
}

/** A channel file's content. */
export interface ChannelInfo {
  version: string
  files: UpdateFile[]
  /** The first file again (older electron-updater versions read these two). */
  path: string
  sha512: string
  releaseDate: string
}

/** What an upload stored. */
export interface StoredUpdate {
  fileName: string
  version: string | null
  channel: string | null
  sha512: string
  size: number
}

/** Single-quoted YAML scalar (names and hashes are plain ASCII; quotes are doubled anyway). */
const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`

/** A channel file in the YAML electron-builder writes. */
export function channelYaml(info: ChannelInfo): string {
  const files = info.files
    .map(
      (file) => `  - url: ${quoted(file.url)}\n    sha512: ${quoted(file.sha512)}\n    size: ${file.size}\n`,
    )
    .join('')
  return (
    `version: ${quoted(info.version)}\nfiles:\n${files}` +
    `path: ${quoted(info.path)}\nsha512: ${quoted(info.sha512)}\nreleaseDate: ${quoted(info.releaseDate)}\n`
  )
}

export interface UpdateFeed {
  /** The feed's folder (<dataDir>/updates). */
  root: string
  /**
   * Streams one uploaded file into the feed. An installer (.exe, .zip, .dmg, .AppImage, .deb) needs its
   * version and is listed in its platform's channel file: with the version there, beside that version's
   * other files; with a new version, in place of the old one's (whose files stay, for differential
   * download from them). A .blockmap is stored as it is. Nothing is stored when the upload fails.
   */
  receive(source: Readable, fileName: string, version: string | null): Promise<StoredUpdate>
  /** Path and size of a stored file (installer, blockmap or channel file), or null. */
  find(fileName: string): Promise<{ path: string; size: number } | null>
  /** The channel files there are, read back. */
  channels(): Promise<Array<{ channel: string; info: ChannelInfo }>>
  /** Every installer and blockmap stored, newest upload first (the console's list). */
  list(): Promise<ListedUpdate[]>
}

/** A stored file as the console lists it; version and sha512 are known while a channel file lists it. */
export interface ListedUpdate {
  fileName: string
  size: number
  uploadedAt: string
  /** The channel file listing it, or null (a blockmap, or an installer a newer version replaced). */
  channel: string | null
  version: string | null
  sha512: string | null
}

/** Reads back a channel file HQ wrote (the subset of YAML channelYaml writes). */
export function parseChannelYaml(text: string): ChannelInfo {
  const value = (line: string) => {
    const raw = line.slice(line.indexOf(':') + 1).trim()
    return raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw
  }
  const info: ChannelInfo = { version: '', files: [], path: '', sha512: '', releaseDate: '' }
  let file: Partial<UpdateFile> | null = null
  for (const line of text.split('\n')) {
    if (line.startsWith('  - url:')) {
      file = { url: value(line) }
      info.files.push(file as UpdateFile)
    } else if (line.startsWith('    sha512:') && file) file.sha512 = value(line)
    else if (line.startsWith('    size:') && file) file.size = Number(value(line))
    else if (line.startsWith('version:')) info.version = value(line)
    else if (line.startsWith('path:')) info.path = value(line)
    else if (line.startsWith('sha512:')) info.sha512 = value(line)
    else if (line.startsWith('releaseDate:')) info.releaseDate = value(line)
  }
  return info
}

export function createUpdateFeed(root: string, now: () => Date = () => new Date()): UpdateFeed {
  const incoming = join(root, 'incoming')
  mkdirSync(incoming, { recursive: true })
  for (const name of readdirSync(incoming)) rmSync(join(incoming, name), { force: true })
  // One channel-file rewrite at a time (two uploads of one version's files must both be listed).
  let writing: Promise<unknown> = Promise.resolve()

  const readChannel = async (channel: string): Promise<ChannelInfo | null> => {
    const text = await readFile(join(root, channel), 'utf8').catch(() => null)
    return text === null ? null : parseChannelYaml(text)
  }

  const list = async (channel: string, version: string, file: UpdateFile) => {
    const current = await readChannel(channel)
    const kept = current && current.version === version ? current.files.filter((f) => f.url !== file.url) : []
    // The installer a Windows or Linux laptop runs goes first (path/sha512 name it for old clients).
    const files = [...kept, file].sort((a, b) => rank(a.url) - rank(b.url))
    const first = files[0]!
    const info: ChannelInfo = {
      version,
      files,
      path: first.url,
      sha512: first.sha512,
      releaseDate: now().toISOString(),
    }
    const temp = join(incoming, `${channel}.${randomBytes(6).toString('hex')}`)
    await writeFile(temp, channelYaml(info))
    await rename(temp, join(root, channel))
  }

  return {
    root,
    async receive(source, fileName, version) {
      if (!UPDATE_FILE_NAME.test(fileName) || CHANNEL_FILES.includes(fileName) || fileName === 'incoming') {
        throw new UpdateRefused('bad_name', `not a file name HQ serves updates under: ${fileName}`)
      }
      const channel = channelFileOf(fileName)
      const isBlockmap = fileName.toLowerCase().endsWith('.blockmap')
      if (!channel && !isBlockmap) {
        throw new UpdateRefused('bad_name', 'an update is an .exe, .zip, .dmg, .AppImage, .deb or .blockmap')
      }
      if (channel && (version === null || !UPDATE_VERSION.test(version))) {
        throw new UpdateRefused('bad_version', 'an installer needs its version (1.2.3 or 1.2.3-beta.1)')
      }
      const temp = join(incoming, `${fileName}.${randomBytes(6).toString('hex')}`)
      const hash = createHash('sha512')
      let size = 0
      try {
        await pipeline(
          source,
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              size += chunk.length
              if (size > MAX_INSTALLER_BYTES) {
                throw new UpdateRefused('too_large', `an update is at most ${MAX_INSTALLER_BYTES} bytes`)
              }
              hash.update(chunk)
              yield chunk
            }
          },
          createWriteStream(temp),
        )
        const sha512 = hash.digest('base64')
        await rename(temp, join(root, fileName))
        if (channel && version) {
          const listed = writing.then(() => list(channel, version, { url: fileName, sha512, size }))
          writing = listed.catch(() => undefined)
          await listed
        }
        return { fileName, version: channel ? version : null, channel, sha512, size }
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },
    async find(fileName) {
      if (!UPDATE_FILE_NAME.test(fileName) || fileName === 'incoming') return null
      const path = join(root, fileName)
      const found = await stat(path).catch(() => null)
      return found?.isFile() ? { path, size: found.size } : null
    },
    async channels() {
      const found = await Promise.all(
        CHANNEL_FILES.map(async (channel) => ({ channel, info: await readChannel(channel) })),
      )
      return found.flatMap(({ channel, info }) => (info ? [{ channel, info }] : []))
    },
    async list() {
      const listed = new Map<string, { channel: string; version: string; sha512: string }>()
      for (const { channel, info } of await this.channels()) {
        for (const file of info.files)
          listed.set(file.url, { channel, version: info.version, sha512: file.sha512 })
      }
      const names = (await readdir(root)).filter(
        (name) => name !== 'incoming' && !CHANNEL_FILES.includes(name) && UPDATE_FILE_NAME.test(name),
      )
      const files = await Promise.all(
        names.map(async (fileName) => {
          const found = await stat(join(root, fileName)).catch(() => null)
          if (!found?.isFile()) return []
          const current = listed.get(fileName)
          return [
            {
              fileName,
              size: found.size,
              uploadedAt: found.mtime.toISOString(),
              channel: current?.channel ?? null,
              version: current?.version ?? null,
              sha512: current?.sha512 ?? null,
            },
          ]
        }),
      )
      return files
        .flat()
        .sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt) || a.fileName.localeCompare(b.fileName))
    },
  }
}

/** Installers before archives: .exe, .AppImage, .zip first; .deb and .dmg after. */
function rank(url: string): number {
  const lower = url.toLowerCase()
  return lower.endsWith('.deb') || lower.endsWith('.dmg') ? 1 : 0
}
