import http from "node:http"
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
  await ask(`/take?mode=${mode}&file=${encodeURIComponent(file)}`)
}, WAIT_MS)

afterAll(async () => {
  await ask(`/give-back?file=${encodeURIComponent(file)}`)
})

/** node:http rather than fetch, whose client gives up on an answer after five minutes. */
function ask(pathAndQuery: string) {
  return new Promise<void>((resolve, reject) => {
    const request = http.get(`${inject("turnsUrl")}${pathAndQuery}`, (response) => {
      response.resume()
      response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`turns: ${response.statusCode}`))))
    })
    request.on("error", reject)
  })
}
