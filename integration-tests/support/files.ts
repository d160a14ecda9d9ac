import { inject } from "vitest"

export type Fetched = { status: number; bytes: Buffer; headers: Headers; text: string }

/** A GET whose answer may be a file: its bytes, headers and (for errors) text. */
export async function fetchFile(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const response = await fetch(url, { headers, redirect: "manual" })
  const bytes = Buffer.from(await response.arrayBuffer())
  return { status: response.status, bytes, headers: response.headers, text: bytes.toString("utf8") }
}

export const apiBase = () => inject("backendUrl").replace("localhost", "127.0.0.1")
export const portalBase = () => `http://127.0.0.1:${new URL(inject("portalUrl")).port}`

/** Headers of a signed-in customer calling the store API (as the portal does). */
export const asCustomer = (token?: string): Record<string, string> => ({
  "x-publishable-api-key": inject("publishableKey"),
  ...(token ? { authorization: `Bearer ${token}` } : {}),
})
export const asStaff = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {})

/** A one-page PDF, enough for the upload's content check. */
export const TINY_PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
