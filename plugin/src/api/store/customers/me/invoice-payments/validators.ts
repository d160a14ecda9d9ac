import { z } from "@medusajs/framework/zod"
import { MAX_INVOICES_PER_PAYMENT } from "@fieldservice/contract"

const ID = /^[A-Za-z0-9_]{1,255}$/

/** Pay: the invoices, one card (saved, or a new one Stripe.js made), and the pay page's key. */
export const StoreCreateInvoicePayment = z
  .object({
    invoice_ids: z
      .array(z.string({ error: "Each invoice id must be text" }).regex(ID, "That is not an invoice id"), { error: "Choose the invoices to pay" })
      .min(1, "Choose at least one invoice to pay")
      .max(MAX_INVOICES_PER_PAYMENT, `At most ${MAX_INVOICES_PER_PAYMENT} invoices can be paid at once`),
    saved_card_id: z.string({ error: "saved_card_id must be text" }).regex(ID, "That is not a saved card").optional(),
    payment_method: z
      .string({ error: "payment_method must be text" })
      .regex(/^pm_[A-Za-z0-9_]{1,250}$/, "payment_method must be a card Stripe.js made (pm_…)")
      .optional(),
    save_card: z.boolean({ error: "save_card must be true or false" }).optional(),
    idempotency_key: z
      .string({ error: "idempotency_key is required" })
      .regex(/^[A-Za-z0-9_-]{8,100}$/, "idempotency_key must be 8 to 100 letters, digits, - or _"),
  })
  .strict()
  .refine((body) => !!body.saved_card_id !== !!body.payment_method, {
    message: "Choose one card: a saved card or a new one",
    path: ["saved_card_id"],
  })
export type StoreCreateInvoicePaymentType = z.infer<typeof StoreCreateInvoicePayment>

/** The confirm route and the reads take nothing but the session and the ids in the path. */
export const StoreInvoicePaymentAction = z.object({}).strict()
