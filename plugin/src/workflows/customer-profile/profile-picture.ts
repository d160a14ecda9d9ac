import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteReplacedImage, uploadImage, type ImageFile } from "../files/image-steps"
import { ensureCustomerProfileStep } from "./steps/ensure-customer-profile"
import { updateCustomerProfileStep } from "./steps/update-customer-profile"

/** Sets or replaces the profile picture; the old file is deleted once the new one is saved. */
export const setProfilePictureWorkflow = createWorkflow(
  "set-profile-picture",
  (input: { customer_id: string; image: ImageFile }) => {
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    const file = uploadImage({ image: input.image, prefix: "picture" })
    const result = updateCustomerProfileStep(
      transform({ profile, file }, ({ profile, file }) => ({
        id: profile.id,
        changes: { picture_file_id: file.id, picture_url: file.url },
      }))
    )
    deleteReplacedImage(transform({ result }, ({ result }) => result.before.picture_file_id))
    return new WorkflowResponse(transform({ file }, ({ file }) => ({ picture_url: file.url })))
  }
)

export const removeProfilePictureWorkflow = createWorkflow(
  "remove-profile-picture",
  (input: { customer_id: string }) => {
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    const result = updateCustomerProfileStep(
      transform({ profile }, ({ profile }) => ({ id: profile.id, changes: { picture_file_id: null, picture_url: null } }))
    )
    deleteReplacedImage(transform({ result }, ({ result }) => result.before.picture_file_id))
    return new WorkflowResponse({ picture_url: null })
  }
)
