// The pieces of the product, started the same way by `npm run dev` and by the tests.
import { randomBytes } from "node:crypto"
import { existsSync } from "node:fs"
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { run, startProcess, waitForUrl } from "./processes.mjs"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const MEDUSA_BIN = path.join(ROOT, "node_modules/.bin/medusa")
const PLUGIN_DIR = path.join(ROOT, "plugin")
const PLUGIN_BUILD_STAMP = path.join(PLUGIN_DIR, ".medusa/server/.build-stamp")
const CONTRACT_DIR = path.join(ROOT, "contract")

/** A package's command, from the workspace's own node_modules when npm put it there, else the root's. */
function bin(name, workspaceDir) {
  const local = path.join(workspaceDir, "node_modules/.bin", name)
  return existsSync(local) ? local : path.join(ROOT, "node_modules/.bin", name)
}

export const DEMO = {
  adminEmail: process.env.DEMO_ADMIN_EMAIL || "admin@example.com",
  adminPassword: process.env.DEMO_ADMIN_PASSWORD || "supersecret",
  customerEmail: process.env.DEMO_CUSTOMER_EMAIL || "customer@example.com",
  customerPassword: process.env.DEMO_CUSTOMER_PASSWORD || "supersecret",
}

async function newestChange(dir) {
  let newest = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const { mtimeMs } = await stat(path.join(entry.parentPath ?? entry.path, entry.name))
    newest = Math.max(newest, mtimeMs)
  }
  return newest
}

/** Compiles the contract package (contract/dist), which the plugin loads at run time and the portal and admin bundle. */
export async function buildContract({ label = "build" } = {}) {
  await run(process.execPath, [path.join(CONTRACT_DIR, "build.mjs")], { cwd: CONTRACT_DIR, label, quiet: true })
}

/** Builds the contract, then the plugin package (`medusa plugin:build`) unless the build is newer than every source file. */
export async function buildPlugin({ force = false, label = "build" } = {}) {
  await buildContract({ label })
  if (!force) {
    const built = await stat(PLUGIN_BUILD_STAMP).then(
      (s) => s.mtimeMs,
      () => 0
    )
    const sources = Math.max(
      await newestChange(path.join(PLUGIN_DIR, "src")),
      await newestChange(path.join(ROOT, "admin-extensions/src")),
      await newestChange(path.join(CONTRACT_DIR, "src")),
      (await stat(path.join(PLUGIN_DIR, "package.json"))).mtimeMs
    )
    if (built > sources) return false
  }
  await run(MEDUSA_BIN, ["plugin:build"], { cwd: PLUGIN_DIR, label, quiet: true })
  await writeFile(PLUGIN_BUILD_STAMP, new Date().toISOString())
  return true
}

const ADMIN_BUILD = path.join(ROOT, "public/admin")

/**
 * The admin as `medusa build` makes it for production, in public/admin, where `medusa start`
 * serves it outside development. The tests' app serves this rather than Vite's development
 * server, which sends every admin page as two hundred modules. Made again only when the admin's
 * sources, the dashboard or the config changed.
 */
export async function buildAdmin({ label = "build" } = {}) {
  const stamp = path.join(ADMIN_BUILD, ".build-stamp")
  const built = await stat(stamp).then(
    (s) => s.mtimeMs,
    () => 0
  )
  const sources = Math.max(
    await newestChange(path.join(ROOT, "admin-extensions/src")),
    await newestChange(path.join(CONTRACT_DIR, "src")),
    ...(await Promise.all(["medusa-config.ts", "package-lock.json", "plugin/package.json"].map((file) => stat(path.join(ROOT, file)).then((s) => s.mtimeMs))))
  )
  if (built > sources) return false
  // Same-origin API calls: no backend address is built in.
  await run(MEDUSA_BIN, ["build", "--admin-only"], { cwd: ROOT, label, quiet: true, env: { MEDUSA_BACKEND_URL: "" } })
  await rm(ADMIN_BUILD, { recursive: true, force: true })
  await mkdir(path.dirname(ADMIN_BUILD), { recursive: true })
  await rename(path.join(ROOT, ".medusa/admin"), ADMIN_BUILD)
  await writeFile(stamp, new Date().toISOString())
  return true
}

/**
 * The portal signs the browser's address with this and the API checks it, so the API's login
 * limits count browsers rather than the portal. One per run unless set.
 */
const PORTAL_SIGNING_SECRET = process.env.PORTAL_SIGNING_SECRET || randomBytes(32).toString("hex")

function medusaEnv(databaseUrl, extra = {}) {
  return { DATABASE_URL: databaseUrl, NODE_ENV: process.env.NODE_ENV || "development", PORTAL_SIGNING_SECRET, ...extra }
}

/** Core, plugin and CMS migrations (the CMS ones run as a plugin migration script). */
export async function migrate(databaseUrl, { env = {}, quiet = true } = {}) {
  const output = await run(MEDUSA_BIN, ["db:migrate"], {
    cwd: ROOT,
    env: medusaEnv(databaseUrl, { MEDUSA_ADMIN_DISABLED: "true", ...env }),
    label: "db",
    quiet,
  })
  // `db:migrate` reports a failed migration script in its log but still exits 0.
  if (/Error running migration|Failed to run migration script/i.test(output)) {
    throw new Error(`Migrations failed:\n${output.slice(-4000)}`)
  }
}

/** The demo business (idempotent). */
export async function seed(databaseUrl, { env = {}, quiet = true } = {}) {
  await run(MEDUSA_BIN, ["exec", "./seeds/src/demo.ts"], {
    cwd: ROOT,
    env: medusaEnv(databaseUrl, { MEDUSA_ADMIN_DISABLED: "true", ...env }),
    label: "seed",
    quiet,
  })
}

/** The publishable API key the seeds made for the portal. */
export async function readPortalKey(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      "select token from api_key where type = 'publishable' and title = 'Customer portal' and revoked_at is null and deleted_at is null order by created_at limit 1"
    )
    if (!rows[0]) throw new Error("No publishable API key titled 'Customer portal': did the seeds run?")
    return rows[0].token
  } finally {
    await client.end()
  }
}

/**
 * The Medusa server: `develop` (admin with hot reload) for npm run dev, `start` for tests.
 */
export async function startMedusa({ databaseUrl, port = 9000, mode = "develop", env = {}, output }) {
  const proc = startProcess(MEDUSA_BIN, [mode, "--port", String(port)], {
    cwd: ROOT,
    env: medusaEnv(databaseUrl, { PORT: String(port), MEDUSA_BACKEND_URL: `http://localhost:${port}`, ...env }),
    label: "medusa",
    output,
  })
  await waitForUrl(`http://127.0.0.1:${port}/health`, { proc, what: "The Medusa server", timeoutMs: 300_000 })
  return proc
}

/** The portal's production build (storefront/build), which the tests' portal serves. */
export async function buildPortal() {
  const storefront = path.join(ROOT, "storefront")
  await run(bin("remix", storefront), ["vite:build"], { cwd: storefront, label: "portal", quiet: true })
}

/** The customer portal: the Vite dev server for npm run dev, the production build (`buildPortal` first) for tests. */
export async function startPortal({ backendUrl, publishableKey, port = 8000, mode = "dev", env = {}, output }) {
  const storefront = path.join(ROOT, "storefront")
  const portalEnv = {
    MEDUSA_BACKEND_URL: backendUrl,
    MEDUSA_PUBLISHABLE_KEY: publishableKey,
    PORT: String(port),
    PORTAL_SIGNING_SECRET,
    ...env,
  }
  // storefront/server.mjs: the build in production, Vite's dev server otherwise.
  const proc = startProcess(process.execPath, ["server.mjs"], {
    cwd: storefront,
    env: { NODE_ENV: mode === "production" ? "production" : "development", ...portalEnv },
    label: "portal",
    output,
  })
  await waitForUrl(`http://localhost:${port}/sign-in`, { proc, what: "The portal", timeoutMs: 120_000 })
  return proc
}
