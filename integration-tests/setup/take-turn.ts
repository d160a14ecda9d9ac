import path from "node:path"
import { afterAll, beforeAll, inject } from "vitest"
// @ts-expect-error a plain list, also read by the sequencer in vitest.config.ts
import { ALONGSIDE } from "./alongside.mjs"

// Each test file waits for its turn before its own set-up runs (setup/turns.ts), and gives it
// back after its last clean-up.
const WAIT_MS = 30 * 60_000
let file = ""

// Vitest wants the (unused) context destructured before the suite.
// eslint-disable-next-line no-empty-pattern
beforeAll(async ({}, suite) => {
  const filepath = "filepath" in suite ? suite.filepath : suite.file.filepath
  file = path.relative(path.join(__dirname, ".."), filepath).split(path.sep).join("/")
  const mode = (ALONGSIDE as string[]).includes(file) ? "alongside" : "alone"
  await fetch(`${inject("turnsUrl")}/take?mode=${mode}&file=${encodeURIComponent(file)}`, { signal: AbortSignal.timeout(WAIT_MS) })
}, WAIT_MS)

afterAll(async () => {
  await fetch(`${inject("turnsUrl")}/give-back?file=${encodeURIComponent(file)}`)
})
