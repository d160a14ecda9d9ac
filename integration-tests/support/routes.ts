import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]
export const WRITE_METHODS: readonly HttpMethod[] = ["POST", "PUT", "PATCH", "DELETE"]

/** One of the plugin's route files, as Medusa serves it. */
export type PluginRoute = {
  /** e.g. "/store/customers/me/bookings/[id]": the file's folder under plugin/src/api. */
  pattern: string
  /** The exported handlers (GET, POST, DELETE…). */
  methods: HttpMethod[]
  /** The `[param]` segments, in order. */
  params: string[]
  /** The file exports AUTHENTICATE = false (Medusa then skips its own session check). */
  optsOutOfAuth: boolean
  file: string
}

export const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../plugin/src/api")

const METHOD = HTTP_METHODS.join("|")
const DECLARED = new RegExp(`export\\s+(?:async\\s+)?(?:function\\s*\\*?|const|let|var)\\s+(${METHOD})\\b`, "g")
const LISTED = /export\s*\{([^}]*)\}/g

/** Which handlers a route file exports, read from its source (the sweep never loads the plugin's code). */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>()
  for (const match of source.matchAll(DECLARED)) found.add(match[1] as HttpMethod)
  for (const match of source.matchAll(LISTED)) {
    for (const item of match[1].split(",")) {
      const name = item
        .split(/\s+as\s+/)
        .pop()!
        .trim()
      if ((HTTP_METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod)
    }
  }
  return HTTP_METHODS.filter((method) => found.has(method))
}

/** Every `route.ts` under plugin/src/api (store, admin, hooks…), read from the file system. */
export function pluginRoutes(): PluginRoute[] {
  const files = (readdirSync(API_DIR, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file === "route.ts" || file.endsWith("/route.ts"))
    .filter((file) => !file.split("/").includes("__tests__"))
    .sort()
  return files.map((file) => {
    const source = readFileSync(path.join(API_DIR, file), "utf8")
    const pattern = "/" + file.replace(/\/?route\.ts$/, "")
    return {
      pattern,
      methods: exportedMethods(source),
      params: [...pattern.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]),
      optsOutOfAuth: /export\s+const\s+AUTHENTICATE\s*=\s*false/.test(source),
      file: `plugin/src/api/${file}`,
    }
  })
}

/** The URL of a route pattern with its `[param]` segments filled in (each encoded). */
export function urlOf(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`No value for [${name}] in ${pattern}`)
    return encodeURIComponent(values[name])
  })
}

/**
 * A message a person can read: some words, not empty, not a stack trace, not a JSON dump of
 * validation issues, not the catch-all for unexpected errors.
 */
export function readableMessageProblem(body: unknown): string | null {
  const message = (body as { message?: unknown } | null)?.message
  if (typeof message !== "string") return "the answer has no `message`"
  const text = message.trim()
  if (!/[A-Za-z]{3,}/.test(text)) return `message has no words: ${JSON.stringify(text)}`
  if (text.length > 1000) return `message is ${text.length} characters long`
  if (/^[[{]/.test(text) || /"code"\s*:/.test(text)) return `message is a dump: ${text.slice(0, 200)}`
  if (/\n\s+at\s/.test(text) || /\bat\s+\S+\s+\(.*:\d+:\d+\)/.test(text)) return `message is a stack trace: ${text.slice(0, 200)}`
  if (/unknown error occurred/i.test(text)) return `message hides an unexpected error: ${text}`
  return null
}
