import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

type Mode = "alongside" | "alone"
type Waiting = { mode: Mode; file: string; grant: () => void }

/**
 * Hands out turns to the test files running in two workers: any number of "alongside" files at
 * once, an "alone" file only with nothing else running. A waiting "alone" file goes first, so the
 * files that change shared state are never starved (setup/alongside.mjs says which are which).
 */
export async function startTurns() {
  let alongside = 0
  let alone = false
  const queue: Waiting[] = []
  const holders = new Map<string, string>()

  const next = () => {
    if (alone) return
    const firstAlone = queue.findIndex((w) => w.mode === "alone")
    if (firstAlone >= 0) {
      if (alongside > 0) return
      const [waiting] = queue.splice(firstAlone, 1)
      alone = true
      waiting.grant()
      return
    }
    for (const waiting of queue.splice(0)) {
      alongside += 1
      waiting.grant()
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    const file = url.searchParams.get("file") ?? "?"
    if (url.pathname === "/take") {
      const mode: Mode = url.searchParams.get("mode") === "alongside" ? "alongside" : "alone"
      queue.push({
        mode,
        file,
        grant: () => {
          holders.set(file, mode)
          res.end("ok")
        },
      })
      next()
      return
    }
    if (url.pathname === "/give-back") {
      const mode = holders.get(file)
      holders.delete(file)
      if (mode === "alone") alone = false
      else if (mode === "alongside") alongside -= 1
      next()
      res.end("ok")
      return
    }
    res.statusCode = 404
    res.end()
  })
  // A waiting file may wait as long as the longest file runs.
  server.requestTimeout = 0
  server.headersTimeout = 0
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
