/**
 * Content-Security-Policy for the renderer in both hosts: everything from our own origin, nothing from
 * the network. Mantine injects style tags, hence 'unsafe-inline' for styles only.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // workbench-photo: is the Electron shell's photo protocol (the browser host serves /photos/ itself).
  "img-src 'self' data: blob: workbench-photo:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
