import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AttachmentFile } from "../booking/add-booking-attachment"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import { uploadImage } from "../files/image-steps"
import { complaintActivity } from "./complaint-activity"
import { checkComplaintPhotoRoomStep, createComplaintPhotoStep } from "./steps/complaint-steps"

/**
 * A photo or PDF on a complaint (checked by content by the route, like booking attachments): kept
 * privately by Medusa's File module, at most 10 a complaint and each file once, with a history line.
 * `customer_id` limits it to the customer's own complaint.
 */
export const addComplaintPhotoWorkflow = createWorkflow(
  "add-complaint-photo",
  (input: { complaint_id: string; customer_id?: string; file: AttachmentFile; added_by: "customer" | "staff"; actor?: ActivityActor | null }) => {
    const room = checkComplaintPhotoRoomStep(
      transform({ input }, ({ input }) => ({ complaint_id: input.complaint_id, customer_id: input.customer_id, content: input.file.content }))
    )
    const stored = uploadImage({
      image: transform({ input }, ({ input }) => ({ mimeType: input.file.mimeType, extension: input.file.extension, content: input.file.content })),
      prefix: "complaint",
    })
    const photo = createComplaintPhotoStep(
      transform({ input, room, stored }, ({ input, room, stored }) => ({
        complaint_id: room.complaint.id,
        file_id: stored.id,
        url: stored.url,
        filename: input.file.filename,
        mime_type: input.file.mimeType,
        size_bytes: input.file.size,
        content_sha256: room.content_sha256,
        added_by: input.added_by,
      }))
    )
    recordActivityStep(
      transform({ input, room }, ({ input, room }) =>
        complaintActivity(room.complaint, "complaint_file_added", `Added “${input.file.filename}” to complaint ${room.complaint.number}`, input.actor, {
          filename: input.file.filename,
        })
      )
    )
    return new WorkflowResponse(photo)
  }
)
