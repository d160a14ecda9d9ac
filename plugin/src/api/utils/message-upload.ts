import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { MAX_ATTACHMENT_BYTES, MESSAGE_MAX_FILES } from "@fieldservice/contract"
import { attachmentName, detectAttachment, type UploadedAttachment } from "./attachment-upload"
import { brokenUpload } from "./image-upload"

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MESSAGE_MAX_FILES, fields: 10, fieldSize: 64 * 1024 },
  defParamCharset: "utf8",
}).array("files", MESSAGE_MAX_FILES)

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const MULTER_MESSAGES: Record<string, string> = {
  LIMIT_FILE_SIZE: "A file is larger than 10 MB. Choose a smaller file, or a smaller photo.",
  LIMIT_FILE_COUNT: `A message can carry at most ${MESSAGE_MAX_FILES} files.`,
  LIMIT_UNEXPECTED_FILE: `Send files in the "files" field, at most ${MESSAGE_MAX_FILES}.`,
  LIMIT_FIELD_VALUE: "The message is too long: write at most 5000 characters.",
}

/**
 * A message is JSON, or a multipart form whose "files" carry up to five photos or PDFs (each
 * checked by its content, at most 10 MB) and whose text fields are the JSON's. Reads the files
 * into `req.messageFiles` (none for JSON); the body's fields are validated after this.
 */
export function messageUpload(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // Only these two: a form post or plain text would otherwise be read as the message's fields.
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0
  if (hasBody && !req.is(["application/json", "application/*+json", "multipart/form-data"])) {
    return res.status(415).json({
      type: "unsupported_media_type",
      message: "Send the message as JSON (Content-Type: application/json), or as a multipart form with its files.",
    })
  }
  upload(req as never, res as never, (error: unknown) => {
    if (error instanceof multer.MulterError) return next(invalid(MULTER_MESSAGES[error.code] ?? `Send the message's text in "body" and its files in "files".`))
    if (error) return next(brokenUpload())
    const sent = ((req as MedusaRequest & { files?: { buffer: Buffer; size: number; originalname?: string }[] }).files ?? []).filter(
      // A form's empty file input arrives as a nameless, empty part: no file was chosen.
      (file) => file.size > 0 || file.originalname
    )
    const files: UploadedAttachment[] = []
    for (const file of sent) {
      if (!file.size) return next(invalid(`The file “${attachmentName(file.originalname, { mimeType: "", extension: "" }).replace(/\.$/, "")}” is empty.`))
      const kind = detectAttachment(file.buffer)
      if (!kind) return next(invalid("A file is not a photo or a PDF. Add JPEG, PNG, WebP or HEIC photos, or PDF documents."))
      files.push({ ...kind, content: file.buffer.toString("base64"), size: file.size, filename: attachmentName(file.originalname, kind) })
    }
    ;(req as MessageUploadRequest).messageFiles = files
    // A multipart form's fields are all text; "internal" is a check box there.
    const body = req.body as Record<string, unknown> | undefined
    if (req.is("multipart/form-data") && body && typeof body.internal === "string") {
      body.internal = body.internal === "true" || body.internal === "on" ? true : body.internal === "false" ? false : body.internal
    }
    next()
  })
}

export type MessageUploadRequest = MedusaRequest & { messageFiles?: UploadedAttachment[] }
