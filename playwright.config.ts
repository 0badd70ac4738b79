import { defineConfig, devices } from "@playwright/test";

// Browser tests drive Debian's Chromium (npx playwright install cannot download here).
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DIR = process.env.E2E_DIR ?? "tests/.e2e";
const env = `DATABASE_PATH=${E2E_DIR}/portal.db SECRETS_DIR=${E2E_DIR}/secrets ATTACHMENTS_DIR=${E2E_DIR}/attachments`;

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  workers: 1,
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "vi-VN",
    trace: "off",
  },
  projects: [
    {
      name: "debian-chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf ${E2E_DIR} && ${env} npx tsx db/prepare.ts && ${env} PORT=${PORT} HOST=127.0.0.1 NODE_ENV=production node app/server.mjs`,
    url: `http://127.0.0.1:${PORT}/dang-nhap`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
