import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

type Mode = "alongside" | "alone"
type Waiting = { mode: Mode; file: string; grant: () => void }
/** How long a file waited for its turn and then held it, in ms: what to move or speed up first. */
export type TurnTimes = { file: string; mode: Mode; waited: number; held: number }

/**
 * Hands out turns to the test files running in two workers: any number of "alongside" files at
 * once, an "alone" file only with nothing else running. A waiting "alone" file goes first, so the
 * files that change shared state are never starved (setup/alongside.mjs says which are which).
 */
export async function startTurns() {
  let alongside = 0
  let alone = false
  const queue: Waiting[] = []
  const holders = new Map<string, { mode: Mode; asked: number; granted: number }>()
  const times: TurnTimes[] = []

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
      const asked = Date.now()
      queue.push({
        mode,
        file,
        grant: () => {
          holders.set(file, { mode, asked, granted: Date.now() })
          res.end("ok")
        },
      })
      next()
      return
    }
    if (url.pathname === "/give-back") {
      const holder = holders.get(file)
      holders.delete(file)
      if (holder) times.push({ file, mode: holder.mode, waited: holder.granted - holder.asked, held: Date.now() - holder.granted })
      if (holder?.mode === "alone") alone = false
      else if (holder?.mode === "alongside") alongside -= 1
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
    times: () => [...times],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * After the run: the time the alone files held the app end to end, the alongside files' time, and
 * the files that held it longest (README, Tests, "Two at a time"). Also kept in .tmp/turns.json.
 */
export function turnTimesSummary(times: TurnTimes[]): string {
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`
  const total = (mode: Mode) => times.filter((t) => t.mode === mode).reduce((sum, t) => sum + t.held, 0)
  const longest = [...times].sort((a, b) => b.held - a.held).slice(0, 15)
  return [
    `Turns: ${times.length} files; alone files held the app ${seconds(total("alone"))} in all, alongside files ${seconds(total("alongside"))} (two at a time)`,
    ...longest.map((t) => `  ${seconds(t.held).padStart(6)}  ${t.mode.padEnd(9)} ${t.file}`),
  ].join("\n")
}
