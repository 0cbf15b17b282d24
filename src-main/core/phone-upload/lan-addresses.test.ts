import { describe, expect, it } from 'vitest'
import { lanAddresses } from './lan-addresses'

const info = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') => ({
  address,
  netmask: '255.255.255.0',
  family,
  mac: '00:00:00:00:00:00',
  internal,
  cidr: null,
  ...(family === 'IPv6' ? { scopeid: 0 } : {}),
})

describe('lanAddresses', () => {
  it('offers the non-internal IPv4 addresses, Wi-Fi and hotspot ranges first', () => {
    const found = lanAddresses({
      lo: [info('127.0.0.1', true)],
      docker0: [info('172.17.0.1')],
      wlan0: [info('192.168.43.20'), info('fe80::1', false, 'IPv6')],
      eth0: [info('169.254.10.2')],
    } as never)
    expect(found).toEqual([
      { address: '192.168.43.20', interface: 'wlan0' },
      { address: '172.17.0.1', interface: 'docker0' },
      { address: '169.254.10.2', interface: 'eth0' },
    ])
  })

  it('finds none on a laptop with only loopback (the dialog then offers 127.0.0.1 with a note)', () => {
    expect(lanAddresses({ lo: [info('127.0.0.1', true)] } as never)).toEqual([])
  })
})
