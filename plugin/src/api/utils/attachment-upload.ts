import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { MAX_ATTACHMENT_BYTES } from "@fieldservice/contract"
import { brokenUpload, detectImage } from "./image-upload"

export type AttachmentKind = { mimeType: string; extension: string }

/** An accepted attachment: its bytes as base64 (what Medusa's File module takes), its real type and the customer's name for it. */
export type UploadedAttachment = AttachmentKind & { content: string; size: number; filename: string }

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))
const startsWith = (buffer: Buffer, bytes: number[], offset = 0) =>
  buffer.length >= offset + bytes.length && bytes.every((byte, index) => buffer[offset + index] === byte)

/** The ISO base media "brands" of HEIC/HEIF photos (what iPhones take). */
const HEIF_BRANDS: Record<string, AttachmentKind> = {
  heic: { mimeType: "image/heic", extension: "heic" },
  heix: { mimeType: "image/heic", extension: "heic" },
  heim: { mimeType: "image/heic", extension: "heic" },
  heis: { mimeType: "image/heic", extension: "heic" },
  hevc: { mimeType: "image/heic-sequence", extension: "heic" },
  hevx: { mimeType: "image/heic-sequence", extension: "heic" },
  mif1: { mimeType: "image/heif", extension: "heif" },
  msf1: { mimeType: "image/heif-sequence", extension: "heif" },
}

/**
 * What the bytes are, whatever the file is called: JPEG, PNG, WebP and HEIC/HEIF photos and PDF
 * documents are recognised by their signatures; anything else is null.
 */
export function detectAttachment(buffer: Buffer): AttachmentKind | null {
  const image = detectImage(buffer)
  if (image) return image
  if (startsWith(buffer, ascii("%PDF-"))) return { mimeType: "application/pdf", extension: "pdf" }
  if (startsWith(buffer, ascii("ftyp"), 4)) {
    const brand = buffer.subarray(8, 12).toString("latin1")
    if (HEIF_BRANDS[brand]) return HEIF_BRANDS[brand]
  }
  return null
}

/** The name the customer gave the file, without folders or control characters, and with the real extension. */
export function attachmentName(original: string | undefined, kind: AttachmentKind): string {
  const base = (original ?? "")
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 150)
  const stem = base.replace(/\.[^.]*$/, "") || "attachment"
  return `${stem}.${kind.extension}`
}

export const ACCEPTED_ATTACHMENTS = "a photo (JPEG, PNG, WebP or HEIC) or a PDF of at most 10 MB"

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 },
  defParamCharset: "utf8",
}).single("file")

/**
 * Reads one attachment from a multipart body's "file" field into `req.uploadedAttachment`, or
 * answers: 413 when it is over 10 MB, 400 when nothing was sent or it is not a photo or PDF (the
 * content is checked, not the name).
 */
export function attachmentUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req as never, res as never, (error: unknown) => {
    if (error instanceof multer.MulterError) {
      if (error.code === "LIMIT_FILE_SIZE") {
        res.status(413).json({ type: "payload_too_large", message: "That file is larger than 10 MB. Choose a smaller file, or a smaller photo." })
        return
      }
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Send one file in the "file" field: ${ACCEPTED_ATTACHMENTS}.`))
    }
    if (error) return next(brokenUpload())
    const file = (req as MedusaRequest & { file?: { buffer: Buffer; size: number; originalname?: string } }).file
    if (!file || !file.size) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Choose a file to add: ${ACCEPTED_ATTACHMENTS}.`))
    }
    const kind = detectAttachment(file.buffer)
    if (!kind) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, "That file is not a photo or a PDF. Add a JPEG, PNG, WebP or HEIC photo, or a PDF document."))
    }
    ;(req as AttachmentUploadRequest).uploadedAttachment = {
      ...kind,
      content: file.buffer.toString("base64"),
      size: file.size,
      filename: attachmentName(file.originalname, kind),
    }
    next()
  })
}

export type AttachmentUploadRequest = MedusaRequest & { uploadedAttachment: UploadedAttachment }
