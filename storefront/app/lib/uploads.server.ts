import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node"
import { MAX_PICTURE_BYTES, PICTURE_TYPES } from "@fieldservice/contract"

/**
 * A little above the backend's 5 MB, so a picture just over it still reaches the size check
 * below (with a clear message) instead of being cut off mid-upload.
 */
const MAX_PART_BYTES = MAX_PICTURE_BYTES + 512 * 1024

export const TOO_LARGE_MESSAGE = "That picture is too big. Choose one of 5 MB or smaller."

export type ReadFormResult = { form: FormData; tooLarge: false } | { form: null; tooLarge: true }

/**
 * The posted form, multipart (with a file, kept in memory) or URL-encoded: pages with an upload
 * also have plain buttons (Remove picture, Delete) that post without a file.
 */
export async function readForm(request: Request, maxPartBytes: number = MAX_PART_BYTES): Promise<ReadFormResult> {
  const type = request.headers.get("content-type") ?? ""
  if (!/^multipart\/form-data/i.test(type)) return { form: await request.formData(), tooLarge: false }
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxPartBytes }))
    return { form, tooLarge: false }
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { form: null, tooLarge: true }
    throw error
  }
}

/** A chosen file. Without one, browsers still send the field: no name, no bytes. */
export function uploadedFile(form: FormData, name: string): File | null {
  const value = form.get(name)
  if (!value || typeof value === "string") return null
  if (value.size === 0 && !value.name) return null
  return value
}

const ACCEPTED: ReadonlySet<string> = new Set(PICTURE_TYPES)

/**
 * What is wrong with a picture before it is sent, by what the browser says about it. The backend
 * checks the content itself (a text file renamed .png is refused there, with its own message).
 */
export function pictureProblem(file: File): string | null {
  if (file.size === 0) return "That file is empty. Choose a JPEG, PNG or WebP picture."
  if (file.size > MAX_PICTURE_BYTES) return TOO_LARGE_MESSAGE
  // Browsers send application/octet-stream for extensions they don't know; the backend decides then.
  if (file.type && file.type !== "application/octet-stream" && !ACCEPTED.has(file.type.toLowerCase())) {
    return "That file isn't a picture we can use. Choose a JPEG, PNG or WebP picture."
  }
  return null
}
