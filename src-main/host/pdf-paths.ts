/**
 * The paths of the PDF export routes, apart from their handlers (which load zod and the report plans)
 * so the browser host can tell them from page routes before the core has loaded.
 */

/** /pdf/jobs/<id>, /pdf/jobs/<id>/cancel and /pdf/jobs/<id>/file. */
export const JOB_PATH = /^\/pdf\/jobs\/([0-9a-f-]{36})(\/cancel|\/file)?$/

/** True for paths the PDF routes answer. */
export function isPdfPath(pathname: string): boolean {
  return pathname === '/pdf/export' || JOB_PATH.test(pathname)
}
