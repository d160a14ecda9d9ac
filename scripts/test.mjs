#!/usr/bin/env node
// `npm test`: type checks, lint, plugin unit tests, then HTTP and browser tests against the whole
// product booted once on a throw-away PostgreSQL database. Ends with "N passed, N failed".
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, readFile } from "node:fs/promises"
import path from "node:path"
import { MAX_LINES, oversizedFiles } from "./lib/file-sizes.mjs"
import { run } from "./lib/processes.mjs"
import { buildPlugin, ROOT } from "./lib/stack.mjs"

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const say = (message) => console.log(`\x1b[1m▸ ${message}\x1b[0m`)

function ensureChromium() {
  if (existsSync(CHROMIUM)) return
  say(`${CHROMIUM} is missing: installing Debian's chromium package with apt-get (needed by the browser tests)`)
  const asRoot = process.getuid?.() === 0 ? [] : ["sudo"]
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  for (const args of [
    ["apt-get", "update"],
    ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
  ]) {
    const command = [...asRoot, ...args]
    const result = spawnSync(command[0], command.slice(1), { stdio: "inherit", env: aptEnv })
    if (result.status !== 0) throw new Error(`${command.join(" ")} failed; install Chromium at ${CHROMIUM} and run again`)
  }
}

let passed = 0
let failed = 0
let exitCode
try {
  ensureChromium()

  say("Building the plugin")
  await buildPlugin({ force: true })

  say("Type checking the contract, the plugin, the portal and the admin")
  for (const project of ["contract", "plugin", "storefront", "admin-extensions"]) {
    if (!existsSync(path.join(ROOT, project, "tsconfig.json"))) continue
    try {
      await run(path.join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "-p", project], { cwd: ROOT, label: "build", quiet: true })
      passed += 1
    } catch (error) {
      failed += 1
      console.error(`Type errors in ${project}:\n${error.message}`)
    }
  }

  say(`Checking that no source file is over ${MAX_LINES} lines`)
  const oversized = oversizedFiles(ROOT)
  if (oversized.length) {
    failed += 1
    console.error(oversized.map(({ file, lines }) => `${file}: ${lines} lines (split it: at most ${MAX_LINES})`).join("\n"))
  } else passed += 1

  say("Linting (ESLint, then Prettier's check)")
  try {
    await run(path.join(ROOT, "node_modules/.bin/eslint"), ["."], { cwd: ROOT, label: "lint", quiet: true })
    await run(path.join(ROOT, "node_modules/.bin/prettier"), ["--check", "."], { cwd: ROOT, label: "lint", quiet: true })
    passed += 1
  } catch (error) {
    failed += 1
    console.error(`Lint problems (\`npm run format\` fixes formatting):\n${error.message}`)
  }

  say("Looking for copy-pasted code (jscpd, at most 0.8% of lines)")
  try {
    await run(path.join(ROOT, "node_modules/.bin/jscpd"), [], { cwd: ROOT, label: "duplicates", quiet: true })
    passed += 1
  } catch (error) {
    failed += 1
    console.error(`Too much copy-pasted code (\`npm run duplicates\` lists the clones; share them instead):\n${error.message}`)
  }

  say("Running the tests (unit, modules, HTTP and browser)")
  const report = path.join(ROOT, ".tmp", "vitest-report.json")
  await mkdir(path.dirname(report), { recursive: true })
  const vitest = spawnSync(
    path.join(ROOT, "node_modules/.bin/vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" } }
  )
  if (existsSync(report)) {
    const results = JSON.parse(await readFile(report, "utf8"))
    passed += results.numPassedTests
    failed += results.numFailedTests
    // A suite that failed to load or set up has no test results of its own: count it.
    failed += results.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length
    // Global set-up failures (the app did not boot) leave no file results at all.
    if (!results.success && failed === 0) failed += 1
  }
  console.log(`vitest exited with ${vitest.status ?? vitest.signal}`)
  if (vitest.status !== 0 && failed === 0) failed += 1
  exitCode = failed > 0 ? 1 : 0
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  failed += 1
  exitCode = 1
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(exitCode)
