import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { MAX_PICTURE_BYTES, type PictureType } from "@fieldservice/contract"

export type ImageKind = { mimeType: PictureType; extension: "jpg" | "png" | "webp" }

/** An accepted upload: its bytes as base64 (what Medusa's File module takes) and its real type. */
export type UploadedImage = ImageKind & { content: string; size: number }

const startsWith = (buffer: Buffer, bytes: number[], offset = 0) =>
  buffer.length >= offset + bytes.length && bytes.every((byte, index) => buffer[offset + index] === byte)

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

/**
 * What the bytes are, whatever the file is called: JPEG, PNG and WebP are recognised by
 * their signatures; anything else is null.
 */
export function detectImage(buffer: Buffer): ImageKind | null {
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return { mimeType: "image/jpeg", extension: "jpg" }
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: "image/png", extension: "png" }
  if (startsWith(buffer, ascii("RIFF")) && startsWith(buffer, ascii("WEBP"), 8)) return { mimeType: "image/webp", extension: "webp" }
  return null
}

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_PICTURE_BYTES, files: 1 } }).single("file")

const ACCEPTED = "a JPEG, PNG or WebP image of at most 5 MB"

/**
 * The form itself couldn't be read (cut short, a wrong or missing boundary, a broken part
 * header): the browser's or the connection's fault, not the server's, so a 400.
 */
export const brokenUpload = () =>
  new MedusaError(MedusaError.Types.INVALID_DATA, "The upload was cut short or isn't a proper file upload. Choose the file and send it again.")

/**
 * Reads one image from a multipart body's "file" field into `req.uploadedImage`, or answers
 * 400: nothing sent, too big, or not really an image (the content is checked, not the name).
 */
export function imageUpload(what: string) {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    upload(req as never, res as never, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        const message =
          error.code === "LIMIT_FILE_SIZE"
            ? `The ${what} is larger than 5 MB. Choose a smaller image.`
            : `Send the ${what} as one file in the "file" field (${ACCEPTED}).`
        return next(new MedusaError(MedusaError.Types.INVALID_DATA, message))
      }
      if (error) return next(brokenUpload())
      const file = (req as MedusaRequest & { file?: { buffer: Buffer; size: number } }).file
      if (!file || !file.size) {
        return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Choose a ${what} to upload: ${ACCEPTED}.`))
      }
      const kind = detectImage(file.buffer)
      if (!kind) {
        return next(new MedusaError(MedusaError.Types.INVALID_DATA, `That file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats.`))
      }
      ;(req as ImageUploadRequest).uploadedImage = { ...kind, content: file.buffer.toString("base64"), size: file.size }
      next()
    })
  }
}

export type ImageUploadRequest = MedusaRequest & { uploadedImage: UploadedImage }
