import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Plugin tests read the contract from its source, so they need no build of contract/dist first.
const contract = { "@fieldservice/contract": fileURLToPath(new URL("./contract/src/index.ts", import.meta.url)) }

// `npm test` runs three projects: plugin unit tests; module tests, which run one module's SQL
// against a real PostgreSQL without the app (plugin/src/utils/__tests__/module-database); and the
// integration project, which boots the whole product once (integration-tests/setup/global-setup.ts)
// for the HTTP and browser tests.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          root: "./plugin",
          alias: contract,
          include: ["src/**/__tests__/**/*.test.ts"],
          exclude: ["**/node_modules/**", "src/**/*.integration.test.ts"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "modules",
          root: "./plugin",
          alias: contract,
          include: ["src/**/__tests__/**/*.integration.test.ts"],
          environment: "node",
          // Medusa's moduleIntegrationTestRunner is written for Jest's global describe/beforeEach.
          globals: true,
          globalSetup: ["./src/utils/__tests__/module-database/global-setup.ts"],
          setupFiles: ["./src/utils/__tests__/module-database/load-typescript.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "integration",
          root: "./integration-tests",
          include: ["http/**/*.test.ts", "e2e/**/*.test.ts", "scale-out/**/*.test.ts"],
          environment: "node",
          globalSetup: ["./setup/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for what a person would wait for (a save, a list refreshing): its
          // default 1 s gave up on a busy 2-core machine while the app was still answering.
          expect: { poll: { timeout: 10_000 } },
          // The files share one booted app, and some switch app-wide settings (the portal
          // on/off), so they run one after another.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
