// Playwright configuration for the threadview end-to-end tests.
// Run from this directory: `npm ci && npx playwright test`.
// The browser is the system Chromium (/usr/bin/chromium); never run `npx playwright install`.
import { defineConfig } from '@playwright/test';

// The site is served under a sub-path on purpose: it must work at any path.
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = process.env.E2E_PORT || '4173';
const BASE_URL = `http://127.0.0.1:${PORT}/news/threadview/`;
// An archive built from real exports (`cargo xtask test` writes target/e2e-archive/),
// under a sub-path of its own; archive.spec.mjs reads ARCHIVE_URL.
const ARCHIVE_PORT = String(Number(PORT) + 1);
export const ARCHIVE_URL = `http://127.0.0.1:${ARCHIVE_PORT}/old/comments/`;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  workers: 2,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    headless: true,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      // Serves the release build in dist/ under the base path (see xtask/).
      command: `cargo xtask static dist --port ${PORT} --base /news/threadview/`,
      cwd: '../..',
      url: BASE_URL,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `cargo xtask static target/e2e-archive --port ${ARCHIVE_PORT} --base /old/comments/`,
      cwd: '../..',
      url: ARCHIVE_URL,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
