import { defineConfig, devices } from '@playwright/test'

// The e2e suite runs the whole portal as `npm start` does, on ports and a
// data folder of its own, in Debian's Chromium (Playwright cannot download
// its own browser here).

// E2E_PORT_OFFSET moves every port and data folder, so that two runs on
// one machine (two checkouts, two people) do not meet.
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0)
const SUFFIX = OFFSET ? `-${OFFSET}` : ''
const PORT = 3100 + OFFSET
const SIM_PORT = 4110 + OFFSET
export const BASE_URL = `http://127.0.0.1:${PORT}`
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`
export const E2E_MAIL_DIR = `.data/e2e-mail${SUFFIX}`

export default defineConfig({
  testDir: 'e2e',
  // Staff sign-ins take a fresh authenticator code each (the portal takes
  // a code once; three are good at a time), so a story may wait for one.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'npm start',
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 45_000 },
    env: {
      PORT: String(PORT),
      SIM_PORT: String(SIM_PORT),
      EMBEDDED_PG_PORT: String(54_349 + OFFSET),
      EMBEDDED_PG_DIR: `.data/e2e-postgres${SUFFIX}`,
      SIM_DATA_FILE: `.data/e2e-halo-simulator${SUFFIX}.json`,
      DATABASE_URL: '',
      HALO_URL: '',
      LOG_LEVEL: 'warn',
      // A create whose first attempt met the outage waits this long for it
      // to show up in Halo before posting again (60 s by default).
      WRITE_SETTLE_SECONDS: '5',
      // Invitation and reset mail lands here, for stories to follow links.
      MAIL_URL: `file:${E2E_MAIL_DIR}`,
    },
  },
})
