import { z } from "@medusajs/framework/zod"

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} cannot be empty`)
    .max(max, `${label} must be at most ${max} characters`)

export const MAX_ORDER = 1_000_000

const faqFields = {
  question: text("question", 300),
  answer: text("answer", 5000),
  category: text("category", 80),
  // Bounded: a larger number can't mean an order and would overflow the database column.
  order: z
    .number({ error: "order must be a number" })
    .int("order must be a whole number")
    .min(0, "order cannot be negative")
    .refine((order) => order <= MAX_ORDER, `order must be at most ${MAX_ORDER}`),
}

export const AdminCreateFaq = z.object({ ...faqFields, category: faqFields.category.default("General"), order: faqFields.order.default(0) }).strict()
export const AdminUpdateFaq = z.object(faqFields).partial().strict()

const termFields = {
  title: text("title", 200),
  slug: text("slug", 120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug may only use lowercase letters, digits and single dashes"),
  body: text("body", 100000),
  version: text("version", 20),
  // Text only: coercing any JSON value would turn `false` or `0` into 1 January 1970.
  publishedAt: z
    .string({ error: "publishedAt must be a date" })
    .pipe(z.coerce.date({ error: "publishedAt must be a date" }))
    .transform((date) => date.toISOString()),
}

export const AdminCreateTerm = z.object(termFields).strict()
export const AdminUpdateTerm = z.object(termFields).partial().strict()
