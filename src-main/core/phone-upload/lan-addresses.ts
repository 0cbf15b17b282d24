import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'

/** An IPv4 address of this laptop and the interface it is on. */
export interface LanAddress {
  /** Dotted IPv4, e.g. 192.168.1.23. */
  address: string
  /** Interface name (wlan0, en0, WLAN …). */
  interface: string
}

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>

/** Wi-Fi and hotspot ranges first (what a phone is likeliest to share), link-local last. */
function rank(address: string): number {
  if (address.startsWith('192.168.')) return 0
  if (address.startsWith('10.') || /^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 1
  if (address.startsWith('169.254.')) return 3
  return 2
}

/**
 * The non-internal IPv4 addresses a phone on the same Wi-Fi or hotspot may reach, likeliest first.
 * Node reports `family` as 'IPv4' (or 4 on some versions).
 */
export function lanAddresses(interfaces: Interfaces = networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = []
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      const v4 = info.family === 'IPv4' || (info.family as unknown) === 4
      if (v4 && !info.internal && !found.some((f) => f.address === info.address)) {
        found.push({ address: info.address, interface: name })
      }
    }
  }
  return found.sort((a, b) => rank(a.address) - rank(b.address))
}

/** True for 127.0.0.0/8. */
export function isLoopback(address: string): boolean {
  return address.startsWith('127.')
}
