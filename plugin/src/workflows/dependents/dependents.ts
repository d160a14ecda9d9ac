import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Audience } from "../../modules/custom-fields"
import { storeCustomFieldValuesStep, validateCustomFieldValuesStep } from "../custom-fields/steps"
import { deleteReplacedImage, uploadImage, type ImageFile } from "../files/image-steps"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"
import {
  checkNewDependentStep,
  dependentEntries,
  readDependentStateStep,
  createDependentStep,
  deleteDependentStep,
  loadOwnedDependentStep,
  updateDependentStep,
} from "./steps"

export type CreateDependentInput = {
  customer_id: string
  audience: Audience
  data: { type_id: string; name: string; notes?: string | null }
  custom_fields?: Record<string, unknown>
  actor?: ActivityActor
}

/** Adds a dependent with its field values; the whole form is checked before anything is written. */
export const createDependentWorkflow = createWorkflow("create-dependent", (input: CreateDependentInput) => {
  checkNewDependentStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, type_id: input.data.type_id })))
  const target = transform({ input }, ({ input }) => ({ target_type: "dependent_type" as const, target_id: input.data.type_id }))
  const values = validateCustomFieldValuesStep(
    transform({ input, target }, ({ input, target }) => ({
      target,
      values: input.custom_fields ?? {},
      audience: input.audience,
      partial: false,
    }))
  )
  const dependent = createDependentStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, ...input.data })))
  storeCustomFieldValuesStep(
    transform({ dependent, target, values }, ({ dependent, target, values }) => ({
      owner: { owner_type: "dependent" as const, owner_id: dependent.id },
      target,
      values,
    }))
  )
  const state = readDependentStateStep(transform({ dependent }, ({ dependent }) => ({ id: dependent.id })))
  recordActivityStep(transform({ state, input }, ({ state, input }) => dependentEntries(null, state, input.actor)))
  return new WorkflowResponse(dependent)
})

export type UpdateDependentInput = {
  customer_id: string
  id: string
  audience: Audience
  data: { name?: string; notes?: string | null }
  /** Only the keys sent change. */
  custom_fields?: Record<string, unknown>
  actor?: ActivityActor
}

export const updateDependentWorkflow = createWorkflow("update-dependent", (input: UpdateDependentInput) => {
  const dependent = loadOwnedDependentStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, id: input.id })))
  const target = transform({ dependent }, ({ dependent }) => ({ target_type: "dependent_type" as const, target_id: dependent.type_id }))
  const before = readDependentStateStep(transform({ input }, ({ input }) => ({ id: input.id })))
  const values = when({ input }, ({ input }) => !!input.custom_fields).then(() =>
    validateCustomFieldValuesStep(
      transform({ input, target }, ({ input, target }) => ({
        target,
        values: input.custom_fields!,
        audience: input.audience,
        partial: true,
      }))
    )
  )
  updateDependentStep(transform({ input }, ({ input }) => ({ id: input.id, data: input.data })))
  when({ values }, ({ values }) => !!values).then(() => {
    storeCustomFieldValuesStep(
      transform({ input, target, values }, ({ input, target, values }) => ({
        owner: { owner_type: "dependent" as const, owner_id: input.id },
        target,
        values: values!,
      }))
    )
  })
  const after = readDependentStateStep(transform({ input }, ({ input }) => ({ id: input.id }))).config({ name: "read-dependent-state-after" })
  recordActivityStep(transform({ before, after, input }, ({ before, after, input }) => dependentEntries(before, after, input.actor)))
  return new WorkflowResponse(dependent)
})

/** Soft-deletes the dependent; its field values stay in the database. */
export const deleteDependentWorkflow = createWorkflow("delete-dependent", (input: { customer_id: string; id: string; actor?: ActivityActor }) => {
  const removed = deleteDependentStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, id: input.id })))
  const before = readDependentStateStep(transform({ removed }, ({ removed }) => ({ id: removed.id })))
  recordActivityStep(transform({ before, input }, ({ before, input }) => dependentEntries(before, null, input.actor)))
  return new WorkflowResponse(removed)
})

export const setDependentPhotoWorkflow = createWorkflow(
  "set-dependent-photo",
  (input: { customer_id: string; id: string; image: ImageFile; actor?: ActivityActor }) => {
    loadOwnedDependentStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, id: input.id })))
    const before = readDependentStateStep(transform({ input }, ({ input }) => ({ id: input.id })))
    const file = uploadImage({ image: input.image, prefix: "dependent" })
    const result = updateDependentStep(
      transform({ input, file }, ({ input, file }) => ({ id: input.id, data: { photo_file_id: file.id, photo_url: file.url } }))
    )
    recordActivityStep(
      transform({ before, result, input }, ({ before, result, input }) =>
        dependentEntries(before, { ...before, details: { ...before.details, photo_url: result.after.photo_url ?? null } }, input.actor)
      )
    )
    deleteReplacedImage(transform({ result }, ({ result }) => result.before.photo_file_id))
    return new WorkflowResponse(result.after)
  }
)

export const removeDependentPhotoWorkflow = createWorkflow("remove-dependent-photo", (input: { customer_id: string; id: string; actor?: ActivityActor }) => {
  loadOwnedDependentStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, id: input.id })))
  const before = readDependentStateStep(transform({ input }, ({ input }) => ({ id: input.id })))
  const result = updateDependentStep(transform({ input }, ({ input }) => ({ id: input.id, data: { photo_file_id: null, photo_url: null } })))
  recordActivityStep(
    transform({ before, input }, ({ before, input }) => dependentEntries(before, { ...before, details: { ...before.details, photo_url: null } }, input.actor))
  )
  deleteReplacedImage(transform({ result }, ({ result }) => result.before.photo_file_id))
  return new WorkflowResponse(result.after)
})
