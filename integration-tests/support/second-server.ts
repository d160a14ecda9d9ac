import { inject } from "vitest"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { freePort } from "../../scripts/lib/database.mjs"
// @ts-expect-error plain ESM helpers shared with `npm run dev`
import { startMedusa } from "../../scripts/lib/stack.mjs"

type Proc = { child: { pid: number }; exited: Promise<{ code: number | null; signal: string | null }>; stop: () => Promise<void> }

/**
 * A second Medusa server on the test database, for faults the shared app must not suffer (it is
 * killed with SIGKILL). Same secrets, so the shared app's staff tokens work on it; no admin UI.
 */
export async function startSecondServer(env: Record<string, string> = {}) {
  const port: number = await freePort()
  const logs: string[] = []
  const proc: Proc = await startMedusa({
    databaseUrl: inject("databaseUrl"),
    port,
    mode: "start",
    output: (chunk: Buffer) => {
      logs.push(chunk.toString())
      if (logs.length > 200) logs.splice(0, logs.length - 200)
    },
    env: { NODE_ENV: "development", MEDUSA_ADMIN_DISABLED: "true", ...env },
  })
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    logs,
    /** `kill -9` of the server and anything it started: no shutdown code runs, as when a machine dies. */
    async kill() {
      try {
        process.kill(-proc.child.pid, "SIGKILL")
      } catch {}
      await proc.exited
    },
    stop: () => proc.stop(),
  }
}

/** A request to another server than the shared one (the api() helper always calls the shared app). */
export async function callServer(base: string, path: string, init: { token?: string; body?: unknown; raw?: { contentType: string; data: Buffer } } = {}) {
  const headers: Record<string, string> = {}
  if (init.token) headers.authorization = `Bearer ${init.token}`
  let body: BodyInit | undefined
  if (init.raw) {
    headers["content-type"] = init.raw.contentType
    body = new Uint8Array(init.raw.data)
  } else if (init.body !== undefined) {
    headers["content-type"] = "application/json"
    body = JSON.stringify(init.body)
  }
  const response = await fetch(`${base}${path}`, { method: body ? "POST" : "GET", headers, body })
  const text = await response.text()
  let parsed: any = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: response.status, body: parsed }
}
