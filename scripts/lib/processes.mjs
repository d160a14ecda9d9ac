// Child processes for the dev and test commands: prefixed output, process-group shutdown.
import { spawn } from "node:child_process"

const COLORS = { db: 33, medusa: 35, portal: 36, seed: 32, build: 34 }

function prefixer(label, stream) {
  const color = COLORS[label] ?? 37
  const prefix = `\x1b[${color}m[${label}]\x1b[0m `
  let pending = ""
  return (chunk) => {
    pending += chunk.toString()
    const lines = pending.split("\n")
    pending = lines.pop() ?? ""
    for (const line of lines) stream.write(prefix + line + "\n")
  }
}

/**
 * Starts a long-running child in its own process group, so stop() ends it and its children.
 * Output goes to `output` (a function taking chunks), or to the console with a label prefix.
 */
export function startProcess(command, args, { label, env = {}, cwd, output } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const write = output ?? prefixer(label, process.stdout)
  child.stdout.on("data", write)
  child.stderr.on("data", output ?? prefixer(label, process.stderr))
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
  return {
    child,
    exited,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return
      try {
        process.kill(-child.pid, "SIGTERM")
      } catch {
        return
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL")
        } catch {}
      }, timeoutMs)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Runs a command to completion; rejects with its output when it fails. */
export async function run(command, args, { label, env = {}, cwd, quiet = false } = {}) {
  let captured = ""
  const proc = startProcess(command, args, {
    label,
    env,
    cwd,
    output: quiet ? (chunk) => (captured += chunk.toString()) : undefined,
  })
  const { code, signal } = await proc.exited
  if (code !== 0) {
    const detail = quiet ? `\n${captured.slice(-6000)}` : ""
    throw new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})${detail}`)
  }
  return captured
}

/** Polls `url` until it answers 2xx; fails early when `proc` exits. */
export async function waitForUrl(url, { timeoutMs = 180_000, proc, what = url } = {}) {
  const deadline = Date.now() + timeoutMs
  let exited = false
  proc?.exited.then(() => (exited = true))
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${what} stopped before it was ready`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${what} was not ready after ${timeoutMs / 1000}s`)
}
