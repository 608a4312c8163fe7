import { existsSync } from 'node:fs'
import path from 'node:path'

// Imported first by scripts/start.ts, before lib/log reads LOG_LEVEL. Next
// reads .env by itself; reading it here as well gives this script and the
// worker the same settings as the web server. The environment wins.

const DOT_ENV = path.resolve(import.meta.dirname, '../../.env')

if (existsSync(DOT_ENV)) process.loadEnvFile(DOT_ENV)
