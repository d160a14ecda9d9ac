import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteReplacedImage, uploadImage, type ImageFile } from "../files/image-steps"
import type { ActivityActor } from "./activity"
import { ensureCustomerProfileStep } from "./steps/ensure-customer-profile"
import { recordActivityStep, type ActivityEntry } from "./steps/record-activity"
import { updateCustomerProfileStep } from "./steps/update-customer-profile"

const pictureEntry = (customerId: string, before: unknown, after: string | null, actor: ActivityActor | undefined): ActivityEntry[] => [
  {
    customer_id: customerId,
    kind: "profile_updated",
    message: !after ? "Profile picture removed." : before ? "Profile picture changed." : "Profile picture added.",
    // Not the files' addresses: they mean nothing to staff, and the files are private.
    changes: [{ field: "picture_url", label: "Profile picture", before: before ? "earlier picture" : null, after: after ? "new picture" : null }],
    actor,
  },
]

/** Sets or replaces the profile picture; the old file is deleted once the new one is saved. */
export const setProfilePictureWorkflow = createWorkflow("set-profile-picture", (input: { customer_id: string; image: ImageFile; actor?: ActivityActor }) => {
  const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
  const file = uploadImage({ image: input.image, prefix: "picture" })
  const result = updateCustomerProfileStep(
    transform({ profile, file }, ({ profile, file }) => ({
      id: profile.id,
      changes: { picture_file_id: file.id, picture_url: file.url },
    }))
  )
  recordActivityStep(
    transform({ input, result, file }, ({ input, result, file }) => pictureEntry(input.customer_id, result.before.picture_url, file.url, input.actor))
  )
  deleteReplacedImage(transform({ result }, ({ result }) => result.before.picture_file_id))
  return new WorkflowResponse(transform({ file }, ({ file }) => ({ picture_file_id: file.id as string | null })))
})

export const removeProfilePictureWorkflow = createWorkflow("remove-profile-picture", (input: { customer_id: string; actor?: ActivityActor }) => {
  const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
  const result = updateCustomerProfileStep(transform({ profile }, ({ profile }) => ({ id: profile.id, changes: { picture_file_id: null, picture_url: null } })))
  recordActivityStep(
    transform({ input, result }, ({ input, result }) =>
      result.before.picture_url ? pictureEntry(input.customer_id, result.before.picture_url, null, input.actor) : []
    )
  )
  deleteReplacedImage(transform({ result }, ({ result }) => result.before.picture_file_id))
  return new WorkflowResponse({ picture_file_id: null as string | null })
})
