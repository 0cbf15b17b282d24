// npm's postinstall (and `npm run setup:electron`): try to make the desktop app runnable. Never fails the
// install: offline, the browser host (npm start) works without Electron.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setUpElectron } from './electron-setup.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

if (process.env.WORKBENCH_SKIP_ELECTRON === '1') {
  console.log('[setup] WORKBENCH_SKIP_ELECTRON=1: skipping the Electron download.')
} else {
  const { ok, message } = setUpElectron(root)
  if (ok) console.log(`[setup] ${message}`)
  else
    console.log(
      `[setup] Desktop app not available: ${message}. \`npm start\` will run the browser host; run \`npm run setup:electron\` when online.`,
    )
}
