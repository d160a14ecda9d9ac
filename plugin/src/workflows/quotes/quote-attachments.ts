import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { AttachmentFile } from "../booking/add-booking-attachment"
import { deleteReplacedImage, uploadImage } from "../files/image-steps"
import { checkQuoteAttachmentRoomStep, createQuoteAttachmentStep, removeQuoteAttachmentStep } from "./steps/attachments"
import { quoteLockKey } from "./update-quote-draft"

/**
 * Staff add a photo or PDF to the quote's draft (the customer sees it once that version is sent),
 * under the bookings' limits: the same file once a version, and at most 20. Locked like the
 * draft's other changes, so it can't land on a version being sent.
 */
export const addQuoteAttachmentWorkflow = createWorkflow("add-quote-attachment", (input: { quote_id: string; file: AttachmentFile }) => {
  const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const room = checkQuoteAttachmentRoomStep(transform({ input }, ({ input }) => ({ quote_id: input.quote_id, content: input.file.content })))
  const stored = uploadImage({
    image: transform({ input }, ({ input }) => ({ mimeType: input.file.mimeType, extension: input.file.extension, content: input.file.content })),
    prefix: "quote",
  })
  const attachment = createQuoteAttachmentStep(
    transform({ input, room, stored }, ({ input, room, stored }) => ({
      ...room,
      file_id: stored.id,
      url: stored.url,
      filename: input.file.filename,
      mime_type: input.file.mimeType,
      size_bytes: input.file.size,
    }))
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(attachment)
})

/** Staff take a file off the draft; the stored file is deleted last, and only when no earlier version lists it. */
export const removeQuoteAttachmentWorkflow = createWorkflow("remove-quote-attachment", (input: { quote_id: string; attachment_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => quoteLockKey(input.quote_id))
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 60 })
  const removed = removeQuoteAttachmentStep(input)
  releaseLockStep({ key: lockKey })
  deleteReplacedImage(transform({ removed }, ({ removed }) => removed.unused_file_id))
  return new WorkflowResponse(transform({ removed }, ({ removed }) => ({ id: removed.id })))
})
