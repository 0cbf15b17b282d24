/**
 * Content-Security-Policy for the pages the hosts serve: everything from our own origin, nothing from
 * the network. Mantine injects style tags, hence 'unsafe-inline' for styles only.
 */
function contentSecurityPolicy(imageSources: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${imageSources}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The renderer in both hosts; workbench-photo: is the Electron shell's photo protocol. */
export const RENDERER_CSP = contentSecurityPolicy("'self' data: blob: workbench-photo:")

/** The HQ console page HQ serves. */
export const HQ_CONSOLE_CSP = contentSecurityPolicy("'self' data:")
