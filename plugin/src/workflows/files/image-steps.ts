import { randomUUID } from "node:crypto"
import { transform, when } from "@medusajs/framework/workflows-sdk"
import { deleteFilesStep, uploadFilesStep } from "@medusajs/medusa/core-flows"

export type ImageFile = { mimeType: string; extension: string; content: string }

/**
 * Stores one checked picture or document privately through the File module (local disk outside
 * ./static, or S3 with a private ACL): it is read back only through routes that check whose it is.
 * The upload is removed again if the workflow fails later.
 */
export function uploadImage(input: { image: ImageFile; prefix: string }) {
  const files = transform({ input }, ({ input }) => ({
    files: [
      {
        filename: `${input.prefix}-${randomUUID()}.${input.image.extension}`,
        mimeType: input.image.mimeType,
        content: input.image.content,
        access: "private" as const,
      },
    ],
  }))
  const uploaded = uploadFilesStep(files)
  return transform({ uploaded }, ({ uploaded }) => ({ id: uploaded[0].id, url: uploaded[0].url }))
}

/** Deletes a replaced or removed image; last in its workflow because a deleted file cannot come back. */
export function deleteReplacedImage(fileId: unknown) {
  const ids = transform({ fileId }, ({ fileId }) => (typeof fileId === "string" && fileId ? [fileId] : []))
  when({ ids }, ({ ids }) => ids.length > 0).then(() => {
    deleteFilesStep(ids)
  })
}
