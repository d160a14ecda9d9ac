import { createServer } from "node:http"
import type { AddressInfo } from "node:net"

/** What the global setup can do to the database it started (only an embedded PostgreSQL can be stopped). */
export type ControllableDatabase = { embedded: boolean; halt?: () => Promise<void>; resume?: () => Promise<void> }

/**
 * A small HTTP server in the global-setup process, which owns the test database's PostgreSQL, so
 * test files (in other processes) can stop it and start it again: POST /postgres/stop and
 * POST /postgres/start, each answering once done. 501 when the database is an external server.
 */
export async function startFaultControl(database: ControllableDatabase) {
  let busy: Promise<void> = Promise.resolve()
  const server = createServer((req, res) => {
    const action = req.method === "POST" ? /^\/postgres\/(stop|start)$/.exec(req.url ?? "")?.[1] : undefined
    if (!action) return res.writeHead(404).end()
    if (!database.embedded || !database.halt || !database.resume) return res.writeHead(501).end("the test database is an external server")
    const run = action === "stop" ? database.halt : database.resume
    busy = busy.then(run).then(
      () => void res.writeHead(200).end(action === "stop" ? "stopped" : "started"),
      (error: unknown) => void res.writeHead(500).end(String(error))
    )
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
