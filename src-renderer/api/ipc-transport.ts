import type { Envelope, Transport } from './transport'

/** What the Electron preload exposes on window (and nothing else). */
export interface WorkbenchBridge {
  /** One typed call into the core over IPC. */
  call(name: string, input: unknown): Promise<Envelope>
}

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    workbench?: WorkbenchBridge
  }
}

export function ipcTransport(bridge: WorkbenchBridge): Transport {
  return (name, input) => bridge.call(name, input)
}
