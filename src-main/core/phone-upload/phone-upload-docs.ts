import { MAX_PHOTO_BYTES } from '../api/upload-limits'
import { MAX_PHONE_PHOTOS, PHONE_SESSION_MS } from './phone-upload.contract'

/** The phones' routes, for docs/api.md (they are not contract calls: a phone speaks plain HTTP). */
export const PHONE_UPLOAD_DOCS = `## Photos from the phone (the LAN listener)

\`phoneUpload.open\` starts a second HTTP server, apart from the browser host's: bound on \`0.0.0.0\` (every
LAN interface) on a random port, and only while at least one session is open; \`phoneUpload.close\`, or
${PHONE_SESSION_MS / 60_000} minutes, ends a session, and the server stops when none is left. Both hosts
(browser and Electron) run the same one (\`src-main/host/phone-upload/\`). The QR link is
\`http://<LAN IPv4>:<port>/phone/<factories|visits|samples>/<record id>#<token>\`: the token (32 random
bytes, base64url) stays in the fragment and the page sends it as a header.

| route | what |
|---|---|
| \`GET /phone/<table>/<id>\` | The mobile page (self-contained HTML, zh or en by the phone's language; CSP \`default-src 'none'\` with a per-response nonce, images only \`blob:\`). |
| \`GET /phone/<table>/<id>/session\` | With \`x-phone-token\`: \`{ code, expiresAt, remainingMs, uploaded }\` — the pairing code the laptop shows and the time left. Nothing about the record. |
| \`POST /phone/<table>/<id>/photos?name=<file name>\` | With \`x-phone-token\` and \`content-type: image/*\` (or \`application/octet-stream\`): one photo's bytes, at most ${MAX_PHOTO_BYTES / 2 ** 20} MiB. Stored and attached to that record by the photo service, as an upload on the laptop is; answers \`{ sha256, width, height }\`. |

Every answer is the API envelope with \`cache-control: no-store\` and no CORS headers. Refusals, before
anything is stored:

| status | \`messageKey\` | when |
|---|---|---|
| 403 | \`errors.phoneUpload.forbidden\` | The Host header is not this laptop's IP and port, or an Origin / Sec-Fetch-Site from another site. |
| 401 | \`errors.phoneUpload.badToken\` | No token, or one no session ever had. |
| 410 | \`errors.phoneUpload.expired\` / \`errors.phoneUpload.closed\` | The session ran out, or the buyer closed it; the token never works again. |
| 403 | \`errors.phoneUpload.wrongRecord\` | The token belongs to another record than the path names. |
| 415 | \`errors.phoneUpload.notImage\` | The content type is not an image. |
| 400 | \`errors.photo.notImage\` | The bytes are not an image the photo service reads. |
| 413 | \`errors.photo.tooLarge\` | The body is over ${MAX_PHOTO_BYTES / 2 ** 20} MiB (the rest of the body is read and dropped so the phone hears why). |
| 429 | \`errors.phoneUpload.tooMany\` / \`errors.phoneUpload.busy\` | More than ${MAX_PHONE_PHOTOS} photos in one session, or more than 3 at once. |
| 404 / 405 | \`errors.notFound\` / \`errors.badRequest\` | Any other path, or another method (OPTIONS included: no preflight is ever granted). |
`
