import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ContentCollection } from "../../cms/collections"
import type { ContentData } from "../../modules/content/service"
import { createContentEntryStep, deleteContentEntryStep, updateContentEntryStep } from "./steps/content-steps"

export const createContentEntryWorkflow = createWorkflow(
  "create-content-entry",
  (input: { collection: ContentCollection; data: ContentData<ContentCollection> }) => new WorkflowResponse(createContentEntryStep(input))
)

export const updateContentEntryWorkflow = createWorkflow(
  "update-content-entry",
  (input: { collection: ContentCollection; id: number; data: ContentData<ContentCollection> }) => new WorkflowResponse(updateContentEntryStep(input))
)

export const deleteContentEntryWorkflow = createWorkflow(
  "delete-content-entry",
  (input: { collection: ContentCollection; id: number }) => new WorkflowResponse(deleteContentEntryStep(input))
)
