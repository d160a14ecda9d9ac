import type { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import type { MedusaResponse } from "@medusajs/framework/http"
import type { IFileModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export type StoredFile = {
  key: string
  contentType: string
  /** "inline" for what a browser shows (pictures, PDFs), "attachment" for downloads. */
  disposition: "inline" | "attachment"
  filename: string
  size?: number | null
  cache: string
}

const notFound = (res: MedusaResponse, message: string) => res.status(404).json({ type: "not_found", message })

/**
 * Streams a file from the File module (local disk or S3, whichever is configured); 404 if storage
 * no longer has it. A missing file only shows when it is read, so the first chunk is read before answering.
 */
export async function sendStoredFile(scope: MedusaContainer, res: MedusaResponse, file: StoredFile, missing = "That file was not found.") {
  const files: IFileModuleService = scope.resolve(Modules.FILE)
  let chunks: AsyncIterator<Buffer>
  let first: IteratorResult<Buffer>
  try {
    chunks = ((await files.getDownloadStream(file.key)) as Readable)[Symbol.asyncIterator]()
    first = await chunks.next()
  } catch {
    return notFound(res, missing)
  }
  // An ASCII stand-in for old browsers, and the real name (any language) as RFC 6266's filename*.
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")
  const utf8 = ascii === file.filename ? "" : `; filename*=UTF-8''${encodeURIComponent(file.filename)}`
  res.setHeader("content-type", file.contentType)
  res.setHeader("content-disposition", `${file.disposition}; filename="${ascii}"${utf8}`)
  res.setHeader("cache-control", file.cache)
  res.setHeader("x-content-type-options", "nosniff")
  if (file.size) res.setHeader("content-length", String(file.size))
  const body = (async function* () {
    for (let next = first; !next.done; next = await chunks.next()) yield next.value
  })()
  await pipeline(body, res).catch(() => res.destroy())
}

/** Pictures and attachments: the signed-in customer's or staff's browser may keep them briefly, nothing shared may. */
export const PRIVATE_CACHE = "private, max-age=300"

/** A photo or document listed on a booking or a quote, shown in the browser (the caller has checked who may see it). */
export function sendAttachmentFile(
  scope: MedusaContainer,
  res: MedusaResponse,
  row: { file_id: string; mime_type: string; filename: string; size_bytes: number }
) {
  return sendStoredFile(scope, res, {
    key: row.file_id,
    contentType: row.mime_type,
    disposition: "inline",
    filename: row.filename,
    size: row.size_bytes,
    cache: PRIVATE_CACHE,
  })
}
