import { config } from 'zod'

// The CSP forbids eval; without this zod would probe it (and log a violation) on first parse. Imported
// for its effect by each entry that renders, before anything parses with zod.
config({ jitless: true })
