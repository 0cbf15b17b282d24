import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LIST_SELECTOR } from './chromium-page'

/**
 * The least a Node web server can do before it is useful: listen on loopback, print its Open line and
 * serve one static row. Run with `node -e`, it is the baseline for the browser host's start-up.
 */
export const BARE_SERVER_SCRIPT = `
const page = '<!doctype html><meta charset="utf-8"><div data-testid="factory-row">晋江禾映纸业有限公司</div>'
const server = require('http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  res.end(page)
})
server.listen(0, '127.0.0.1', () => console.log('Open: http://127.0.0.1:' + server.address().port + '/'))
process.once('SIGTERM', () => process.exit(0))
`

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Columns of one row of the plain table (what a naive, unvirtualized list would render). */
export type PlainRow = [string, string, string, string, string]

/** A plain HTML page holding every row in one scrollable table: no framework, no virtualization. */
export function plainTablePage(rows: PlainRow[]): string {
  const body = rows
    .map(
      (cells) =>
        `<tr data-testid="factory-row">${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`,
    )
    .join('\n')
  const list = LIST_SELECTOR.replace(/^\[data-testid="(.*)"\]$/, '$1')
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>plain table</title>
<body style="margin:0;font-family:sans-serif">
<div data-testid="${list}" style="height:780px;overflow:auto"><table style="width:100%;border-collapse:collapse">
${body}
</table></div></body></html>`
}

/** Serves one HTML page on 127.0.0.1; resolves with its URL and a close function. */
export async function serveHtml(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
