import { randomUUID } from "node:crypto"
import { inject } from "vitest"

/** A message as a browser form posts it: text fields, and files in the repeated "files" field. */
export function messageForm(fields: Record<string, string>, files: { name: string; type: string; data: Buffer }[] = []) {
  const boundary = `----message-test-${randomUUID()}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`))
    parts.push(file.data, Buffer.from("\r\n"))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { contentType: `multipart/form-data; boundary=${boundary}`, data: Buffer.concat(parts) }
}

export type StreamEvent = { event: string; data: any }

/**
 * Opens a server-sent events stream (fetch, read as it arrives) and collects its events;
 * `close` ends it. `comments` counts the heartbeat and greeting lines.
 */
export async function openStream(path: string, headers: Record<string, string>) {
  const controller = new AbortController()
  // A path on the app under test, or a full URL (another instance, in the scale-out test).
  const url = new URL(path, inject("backendUrl").replace("localhost", "127.0.0.1"))
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal })
  const events: StreamEvent[] = []
  let comments = 0
  const reading = (async () => {
    if (!response.body) return
    const decoder = new TextDecoder()
    let buffer = ""
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const lines = block.split("\n")
          comments += lines.filter((line) => line.startsWith(":")).length
          const event = lines.find((line) => line.startsWith("event: "))?.slice(7)
          const data = lines.find((line) => line.startsWith("data: "))?.slice(6)
          if (event) events.push({ event, data: data ? JSON.parse(data) : null })
        }
      }
    } catch {
      // Aborted by close().
    }
  })()
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    events,
    comments: () => comments,
    close: async () => {
      controller.abort()
      await reading
    },
  }
}
