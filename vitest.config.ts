import path from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"
import { BaseSequencer, type TestSpecification } from "vitest/node"
import { ALONGSIDE } from "./integration-tests/setup/alongside.mjs"

// Plugin tests read the contract from its source, so they need no build of contract/dist first.
const INTEGRATION_ROOT = fileURLToPath(new URL("./integration-tests", import.meta.url))
const contract = { "@fieldservice/contract": fileURLToPath(new URL("./contract/src/index.ts", import.meta.url)) }

/**
 * Integration files that must run alone go first, one after another; then the rest two at a time,
 * longest first (vitest's own order). setup/take-turn.ts enforces it whatever the order.
 */
class AloneFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files)
    const alone = (spec: TestSpecification) =>
      spec.project.name === "integration" && !ALONGSIDE.includes(path.relative(INTEGRATION_ROOT, spec.moduleId).split(path.sep).join("/"))
    return [
      ...sorted.filter((spec) => !alone(spec)).filter((spec) => spec.project.name !== "integration"),
      ...sorted.filter(alone),
      ...sorted.filter((spec) => spec.project.name === "integration" && !alone(spec)),
    ]
  }
}

// `npm test` runs three projects: plugin unit tests; module tests, which run one module's SQL
// against a real PostgreSQL without the app (plugin/src/utils/__tests__/module-database); and the
// integration project, which boots the whole product once (integration-tests/setup/global-setup.ts)
// for the HTTP and browser tests.
export default defineConfig({
  test: {
    sequence: { sequencer: AloneFirst },
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
          setupFiles: ["./setup/take-turn.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for what a person would wait for (a save, a list refreshing): its
          // default 1 s gave up on a busy 2-core machine while the app was still answering.
          expect: { poll: { timeout: 10_000 } },
          // The files share one booted app: two run at a time, and those that switch app-wide
          // settings, run jobs or inject faults run alone (setup/alongside.mjs, take-turn.ts).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
