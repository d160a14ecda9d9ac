import type { CollectionConfig } from "payload" with { "resolution-mode": "import" }

/** Questions customers ask, grouped by category on the portal's support page. */
export const Faqs: CollectionConfig = {
  slug: "faqs",
  admin: { useAsTitle: "question", defaultColumns: ["question", "category", "order"] },
  defaultSort: "order",
  fields: [
    { name: "question", type: "text", required: true, maxLength: 300 },
    { name: "answer", type: "textarea", required: true, maxLength: 5000 },
    { name: "category", type: "text", required: true, defaultValue: "General", maxLength: 80, index: true },
    { name: "order", type: "number", required: true, defaultValue: 0, min: 0 },
  ],
}

/** Versioned terms the customer agrees to (terms of service, cancellation policy, privacy). */
export const Terms: CollectionConfig = {
  slug: "terms",
  admin: { useAsTitle: "title", defaultColumns: ["title", "version", "publishedAt"] },
  defaultSort: "title",
  fields: [
    { name: "title", type: "text", required: true, maxLength: 200 },
    { name: "slug", type: "text", required: true, unique: true, index: true, maxLength: 120 },
    { name: "body", type: "textarea", required: true, maxLength: 100000 },
    { name: "version", type: "text", required: true, defaultValue: "1.0", maxLength: 20 },
    { name: "publishedAt", type: "date", required: true },
  ],
}

export const CONTENT_COLLECTIONS = ["faqs", "terms"] as const
export type ContentCollection = (typeof CONTENT_COLLECTIONS)[number]
