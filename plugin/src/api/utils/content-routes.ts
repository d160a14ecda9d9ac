import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ContentCollection } from "../../cms/collections"
import { CONTENT_MODULE, type ContentModuleService } from "../../modules/content"
import type { ContentData, ContentEntry } from "../../modules/content/service"
import { createContentEntryWorkflow, deleteContentEntryWorkflow, updateContentEntryWorkflow } from "../../workflows/content/content-workflows"
import { fillSettings, type AdminContentDeleteResponse, type AdminContentListResponse, type AdminContentResponse } from "@fieldservice/contract"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"

// FAQs and terms share one shape of API; these build the handlers for either collection.

function entryId(req: MedusaRequest): number {
  const id = Number(req.params.id)
  if (!Number.isInteger(id) || id <= 0) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No entry with id ${req.params.id}`)
  }
  return id
}

// A computed key can't be typed by TypeScript; the collection names the key (faqs → faq).
const listAnswer = <C extends ContentCollection>(collection: C, entries: ContentEntry<C>[]) => ({ [collection]: entries }) as AdminContentListResponse<C>
const entryAnswer = <C extends ContentCollection>(key: string, entry: ContentEntry<C>) => ({ [key]: entry }) as unknown as AdminContentResponse<C>

/** The admin's list, as written (StoreFaqListResponse and StoreTermListResponse are the same shape). */
export function listContent<C extends ContentCollection>(collection: C) {
  return async (req: MedusaRequest, res: MedusaResponse<AdminContentListResponse<C>>) => {
    const content: ContentModuleService = req.scope.resolve(CONTENT_MODULE)
    res.json(listAnswer(collection, await content.list(collection)))
  }
}

/** The field of each collection that customers read as text. */
const PORTAL_TEXT: Record<ContentCollection, string> = { faqs: "answer", terms: "body" }

/**
 * The portal's list: the same entries, with the portal settings they name filled in
 * ({{cancellation_policy}}…), so the rules are written once and every client reads them the same.
 */
export function listContentForPortal<C extends ContentCollection>(collection: C) {
  return async (req: MedusaRequest, res: MedusaResponse<AdminContentListResponse<C>>) => {
    const content: ContentModuleService = req.scope.resolve(CONTENT_MODULE)
    const portal: PortalAccessModuleService = req.scope.resolve(PORTAL_ACCESS_MODULE)
    const [entries, rules] = await Promise.all([content.list(collection), portal.getChangePolicy()])
    const key = PORTAL_TEXT[collection]
    const filled = entries.map((entry) => {
      const text = (entry as Record<string, unknown>)[key]
      return typeof text === "string" ? { ...entry, [key]: fillSettings(text, rules) } : entry
    })
    res.json(listAnswer(collection, filled as ContentEntry<C>[]))
  }
}

export function createContent<C extends ContentCollection>(collection: C, key: string) {
  return async (req: AuthenticatedMedusaRequest<ContentData<C>>, res: MedusaResponse<AdminContentResponse<C>>) => {
    const { result } = await createContentEntryWorkflow(req.scope).run({
      input: { collection, data: req.validatedBody },
    })
    res.status(201).json(entryAnswer<C>(key, result as ContentEntry<C>))
  }
}

export function retrieveContent<C extends ContentCollection>(collection: C, key: string) {
  return async (req: MedusaRequest, res: MedusaResponse<AdminContentResponse<C>>) => {
    const content: ContentModuleService = req.scope.resolve(CONTENT_MODULE)
    res.json(entryAnswer(key, await content.retrieve(collection, entryId(req))))
  }
}

export function updateContent<C extends ContentCollection>(collection: C, key: string) {
  return async (req: AuthenticatedMedusaRequest<ContentData<C>>, res: MedusaResponse<AdminContentResponse<C>>) => {
    const { result } = await updateContentEntryWorkflow(req.scope).run({
      input: { collection, id: entryId(req), data: req.validatedBody },
    })
    res.json(entryAnswer<C>(key, result as ContentEntry<C>))
  }
}

export function deleteContent(collection: ContentCollection) {
  return async (req: MedusaRequest, res: MedusaResponse<AdminContentDeleteResponse>) => {
    const id = entryId(req)
    await deleteContentEntryWorkflow(req.scope).run({ input: { collection, id } })
    res.json({ id, object: collection, deleted: true })
  }
}
