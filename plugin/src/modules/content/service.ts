import { MedusaError } from "@medusajs/framework/utils"
import type { Payload } from "payload" with { "resolution-mode": "import" }
import type { AdminFaq, AdminTerm } from "@fieldservice/contract"
import type { ContentCollection } from "../../cms/collections"
import { startCms, type CmsOptions } from "../../cms/config"

// The documents as Payload returns them, which is what the API answers.
export type Faq = AdminFaq
export type Term = AdminTerm

export type ContentEntry<C extends ContentCollection> = C extends "faqs" ? Faq : Term
export type ContentData<C extends ContentCollection> = Partial<Omit<ContentEntry<C>, "id" | "updatedAt" | "createdAt">>

type ContentModuleOptions = { cms?: CmsOptions }

const SORT: Record<ContentCollection, string[]> = {
  faqs: ["category", "order", "id"],
  terms: ["title"],
}

/**
 * FAQs and terms, kept in Payload CMS (collections in src/cms). Payload boots on first use
 * and applies its migrations then, so an app that never shows help content pays nothing.
 */
export default class ContentModuleService {
  private payload?: Promise<Payload>

  constructor(
    _dependencies: Record<string, unknown>,
    private readonly options: ContentModuleOptions = {}
  ) {}

  /** Boots the CMS and applies pending migrations; safe to call repeatedly. */
  async ready(): Promise<Payload> {
    this.payload ??= startCms(this.options.cms ?? {}).catch((error) => {
      this.payload = undefined
      throw error
    })
    return this.payload
  }

  async list<C extends ContentCollection>(collection: C): Promise<ContentEntry<C>[]> {
    const payload = await this.ready()
    const result = await payload.find({ collection, sort: SORT[collection], pagination: false, depth: 0 })
    return result.docs as unknown as ContentEntry<C>[]
  }

  async retrieve<C extends ContentCollection>(collection: C, id: number): Promise<ContentEntry<C>> {
    const payload = await this.ready()
    const doc = await payload.findByID({ collection, id, depth: 0, disableErrors: true })
    if (!doc) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No ${singular(collection)} with id ${id}`)
    }
    return doc as unknown as ContentEntry<C>
  }

  async create<C extends ContentCollection>(collection: C, data: ContentData<C>): Promise<ContentEntry<C>> {
    const payload = await this.ready()
    return (await asMedusaError(() => payload.create({ collection, data: data as never, depth: 0 }))) as unknown as ContentEntry<C>
  }

  async update<C extends ContentCollection>(collection: C, id: number, data: ContentData<C>): Promise<ContentEntry<C>> {
    await this.retrieve(collection, id)
    const payload = await this.ready()
    return (await asMedusaError(() => payload.update({ collection, id, data: data as never, depth: 0 }))) as unknown as ContentEntry<C>
  }

  async delete(collection: ContentCollection, id: number): Promise<void> {
    await this.retrieve(collection, id)
    const payload = await this.ready()
    await payload.delete({ collection, id })
  }
}

function singular(collection: ContentCollection) {
  return collection === "faqs" ? "FAQ" : "terms document"
}

/** Payload reports invalid data (e.g. a slug already in use) as its own ValidationError; make it a 400. */
async function asMedusaError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    const e = error as { status?: number; message?: string; data?: { errors?: { message: string; path: string }[] } }
    if (e?.status && e.status >= 400 && e.status < 500) {
      const details = e.data?.errors?.map((item) => `${item.path}: ${item.message}`).join("; ")
      throw new MedusaError(MedusaError.Types.INVALID_DATA, details || e.message || "Invalid content")
    }
    throw error
  }
}
