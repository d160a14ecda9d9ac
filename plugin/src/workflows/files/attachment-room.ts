import { createHash } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

/** The most photos and documents one booking, or one quote version, keeps. */
export const MAX_ATTACHMENTS = 20

/** SHA-256 of a file's bytes (sent as base64), kept with it to spot the same file again. */
export const contentSha256 = (content: string) => createHash("sha256").update(Buffer.from(content, "base64")).digest("hex")

/**
 * Refuses a file when its place ("booking", "quote") already keeps as many as it may, or already
 * has this very file (a second press of "Add"), in the staff's and customer's words.
 */
export function refuseWithoutRoom(place: string, found: { same?: { filename: string } | null; count: number }) {
  if (found.same) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This file is already on the ${place}, as “${found.same.filename}”.`)
  }
  if (found.count >= MAX_ATTACHMENTS) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `A ${place} can keep at most ${MAX_ATTACHMENTS} files. Remove one you no longer need, then add this one.`
    )
  }
}
