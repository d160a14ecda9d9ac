import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ContentCollection } from "../../../cms/collections"
import { CONTENT_MODULE, type ContentModuleService } from "../../../modules/content"
import type { ContentData } from "../../../modules/content/service"

type Target = { collection: ContentCollection; id: number }

export const createContentEntryStep = createStep(
  "create-content-entry",
  async (input: { collection: ContentCollection; data: ContentData<ContentCollection> }, { container }) => {
    const content: ContentModuleService = container.resolve(CONTENT_MODULE)
    const entry = await content.create(input.collection, input.data)
    return new StepResponse(entry, { collection: input.collection, id: entry.id } as Target)
  },
  async (created: Target | undefined, { container }) => {
    if (!created) return
    const content: ContentModuleService = container.resolve(CONTENT_MODULE)
    await content.delete(created.collection, created.id)
  }
)

export const updateContentEntryStep = createStep(
  "update-content-entry",
  async (input: Target & { data: ContentData<ContentCollection> }, { container }) => {
    const content: ContentModuleService = container.resolve(CONTENT_MODULE)
    const before = await content.retrieve(input.collection, input.id)
    const after = await content.update(input.collection, input.id, input.data)
    return new StepResponse(after, { collection: input.collection, before })
  },
  async (previous, { container }) => {
    if (!previous) return
    const content: ContentModuleService = container.resolve(CONTENT_MODULE)
    const { id, updatedAt: _updatedAt, ...data } = previous.before as { id: number; updatedAt: string } & Record<string, unknown>
    await content.update(previous.collection, id, data as ContentData<ContentCollection>)
  }
)

export const deleteContentEntryStep = createStep(
  "delete-content-entry",
  async (input: Target, { container }) => {
    const content: ContentModuleService = container.resolve(CONTENT_MODULE)
    const before = await content.retrieve(input.collection, input.id)
    await content.delete(input.collection, input.id)
    return new StepResponse({ id: input.id, deleted: true }, { collection: input.collection, before })
  },
  async (previous, { container }) => {
    if (!previous) return
    const content: ContentModuleService = container.resolve(CONTENT_MODULE)
    const { id: _id, updatedAt: _updatedAt, ...data } = previous.before as { id: number; updatedAt: string } & Record<string, unknown>
    await content.create(previous.collection, data as ContentData<ContentCollection>)
  }
)
