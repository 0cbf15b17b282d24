import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/charts/styles.css'
import './theme/numbers.css'
import { createApiClient, transportFor } from './api/client'
import { startFirstCall } from './api/first-call'
import { isPrintHash } from './reports/print-route'
import { parseRoute } from './shell/route'
import { firstCallOf } from './shell/route-first-call'
import { trackPages } from './shell/came-from'

/*
 * The page's entry is kept small on purpose: it starts the first screen's data call from the URL, then
 * loads the app (React, Mantine, the texts), so the reply is back by the time the shell first renders.
 */

/**
 * How long the loaded app waits for a first reply still on its way: long enough for a reply that is
 * nearly in (shell and rows then render and paint together), short enough that a slow one cannot hold
 * the shell back.
 */
const FIRST_REPLY_WAIT_MS = 50

// The transport takes the launch secret out of the URL fragment before the router reads the hash.
const firstCall = startFirstCall(transportFor(window), firstCallOf(parseRoute(window.location.hash)))
const client = createApiClient(firstCall.transport)
trackPages(window)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
if (isPrintHash(window.location.hash)) {
  // A report page for the printers: its own small tree, which loads the font before it renders.
  void import('./reports/print-entry').then((m) => m.renderPrintPage(root, client))
} else {
  void import('./app/start-app').then(async (m) => {
    await Promise.race([firstCall.settled, new Promise((r) => setTimeout(r, FIRST_REPLY_WAIT_MS))])
    m.startApp(root, client)
  })
}
