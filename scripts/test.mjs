#!/usr/bin/env node
// `npm test`: HTTP and browser tests against the whole product booted once on a throw-away
// PostgreSQL database; beside them, at a lower priority, the type checks, lint and the plugin's unit
// and module tests. Ends with "N passed, N failed". Arguments are passed to vitest (file filters).
import { spawn, spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdir, readFile, rm } from "node:fs/promises"
import path from "node:path"
import { MAX_LINES, oversizedFiles } from "./lib/file-sizes.mjs"
import { run } from "./lib/processes.mjs"
import { buildPlugin, ROOT } from "./lib/stack.mjs"

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const NICE = "/usr/bin/nice"
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

/** A command at a lower priority, so it takes the CPU the app and the browser leave idle. */
const gently = (command, args) => (existsSync(NICE) ? [NICE, ["-n", "10", command, ...args]] : [command, args])
const bin = (name) => path.join(ROOT, "node_modules/.bin", name)

/** One check: true when it passed; its output only when it failed. */
async function check(what, command, args) {
  try {
    await run(...gently(command, args), { cwd: ROOT, label: "check", quiet: true })
    return true
  } catch (error) {
    console.error(`${what}:\n${error.message}`)
    return false
  }
}

async function checks() {
  const results = []
  for (const project of ["contract", "plugin", "storefront", "admin-extensions"]) {
    if (!existsSync(path.join(ROOT, project, "tsconfig.json"))) continue
    results.push(await check(`Type errors in ${project}`, bin("tsc"), ["--noEmit", "-p", project]))
  }
  const oversized = oversizedFiles(ROOT)
  if (oversized.length) console.error(oversized.map(({ file, lines }) => `${file}: ${lines} lines (split it: at most ${MAX_LINES})`).join("\n"))
  results.push(oversized.length === 0)
  results.push(
    (await check("Lint problems", bin("eslint"), ["."])) &&
      (await check("Formatting problems (`npm run format` fixes them)", bin("prettier"), ["--check", "."]))
  )
  results.push(await check("Too much copy-pasted code (`npm run duplicates` lists the clones; share them instead)", bin("jscpd"), []))
  return { passed: results.filter(Boolean).length, failed: results.filter((ok) => !ok).length }
}

/**
 * One vitest run of some projects, reporting to .tmp/<name>.json. With `buffered`, its output is
 * printed in one piece when it ends, so it doesn't interleave with the other run's.
 */
async function vitest(name, projects, { buffered = false, niced = false } = {}) {
  const report = path.join(ROOT, ".tmp", `vitest-${name}.json`)
  await rm(report, { force: true })
  const args = ["run", "--passWithNoTests", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]
  args.push(...projects.flatMap((project) => ["--project", project]), ...process.argv.slice(2))
  const [command, fullArgs] = niced ? gently(bin("vitest"), args) : [bin("vitest"), args]
  const env = { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" }
  const child = spawn(command, fullArgs, { cwd: ROOT, stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit", env })
  let output = ""
  child.stdout?.on("data", (chunk) => (output += chunk))
  child.stderr?.on("data", (chunk) => (output += chunk))
  const status = await new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)))
  if (buffered) {
    say(`The ${projects.join(" and ")} tests:`)
    process.stdout.write(output)
  }
  let passed = 0
  let failed = 0
  if (existsSync(report)) {
    const results = JSON.parse(await readFile(report, "utf8"))
    passed += results.numPassedTests
    failed += results.numFailedTests
    // A suite that failed to load or set up has no test results of its own: count it.
    failed += results.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length
    // Global set-up failures (the app did not boot) leave no file results at all.
    if (!results.success && failed === 0) failed += 1
  }
  console.log(`vitest (${projects.join(", ")}) exited with ${status}`)
  if (status !== 0 && failed === 0) failed += 1
  return { passed, failed }
}

let passed = 0
let failed = 0
let exitCode
try {
  ensureChromium()
  await mkdir(path.join(ROOT, ".tmp"), { recursive: true })

  say("Building the plugin")
  await buildPlugin({ force: true })

  // The app's boot and the first test files leave a CPU mostly idle: the checks and the unit and
  // module tests use it (docs/decisions/test-turns.md).
  say("HTTP and browser tests; beside them the type checks, file sizes, lint, copy-paste check, unit and module tests")
  const side = (async () => {
    const checked = await checks()
    const units = await vitest("unit", ["unit", "modules"], { buffered: true, niced: true })
    return { passed: checked.passed + units.passed, failed: checked.failed + units.failed }
  })()
  for (const result of await Promise.all([vitest("integration", ["integration"]), side])) {
    passed += result.passed
    failed += result.failed
  }
  exitCode = failed > 0 ? 1 : 0
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  failed += 1
  exitCode = 1
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(exitCode)
