import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ContentCollection } from "../../cms/collections"
import { CONTENT_MODULE, type ContentModuleService } from "../../modules/content"
import type { ContentData } from "../../modules/content/service"
import { createContentEntryWorkflow, deleteContentEntryWorkflow, updateContentEntryWorkflow } from "../../workflows/content/content-workflows"
import type { AdminContentDeleteResponse } from "@fieldservice/contract"

// FAQs and terms share one shape of API; these build the handlers for either collection.

function entryId(req: MedusaRequest): number {
  const id = Number(req.params.id)
  if (!Number.isInteger(id) || id <= 0) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No entry with id ${req.params.id}`)
  }
  return id
}

export function listContent(collection: ContentCollection) {
  return async (req: MedusaRequest, res: MedusaResponse) => {
    const content: ContentModuleService = req.scope.resolve(CONTENT_MODULE)
    res.json({ [collection]: await content.list(collection) })
  }
}

export function createContent(collection: ContentCollection, key: string) {
  return async (req: AuthenticatedMedusaRequest<ContentData<ContentCollection>>, res: MedusaResponse) => {
    const { result } = await createContentEntryWorkflow(req.scope).run({
      input: { collection, data: req.validatedBody },
    })
    res.status(201).json({ [key]: result })
  }
}

export function retrieveContent(collection: ContentCollection, key: string) {
  return async (req: MedusaRequest, res: MedusaResponse) => {
    const content: ContentModuleService = req.scope.resolve(CONTENT_MODULE)
    res.json({ [key]: await content.retrieve(collection, entryId(req)) })
  }
}

export function updateContent(collection: ContentCollection, key: string) {
  return async (req: AuthenticatedMedusaRequest<ContentData<ContentCollection>>, res: MedusaResponse) => {
    const { result } = await updateContentEntryWorkflow(req.scope).run({
      input: { collection, id: entryId(req), data: req.validatedBody },
    })
    res.json({ [key]: result })
  }
}

export function deleteContent(collection: ContentCollection) {
  return async (req: MedusaRequest, res: MedusaResponse<AdminContentDeleteResponse>) => {
    const id = entryId(req)
    await deleteContentEntryWorkflow(req.scope).run({ input: { collection, id } })
    res.json({ id, object: collection, deleted: true })
  }
}
