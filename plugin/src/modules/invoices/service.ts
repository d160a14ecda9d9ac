import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlManager } from "../../utils/sql-manager"
import BillingSettings from "./models/billing-settings"
import CreditNote from "./models/credit-note"
import Invoice from "./models/invoice"
import InvoiceCheckout from "./models/invoice-checkout"
import InvoiceLine from "./models/invoice-line"
import InvoicePayment from "./models/invoice-payment"

/** The database sequences numbers come from (created by the module's migration). */
const SEQUENCES = { invoice: "invoice_number_seq", credit_note: "credit_note_number_seq" } as const
export type NumberedDocument = keyof typeof SEQUENCES

/** "INV-{YYYY}-" and 123 issued in 2026 → "INV-2026-000123". */
export const formatDocumentNumber = (prefix: string, sequence: number, issuedAt: Date) =>
  `${prefix.replaceAll("{YYYY}", String(issuedAt.getUTCFullYear()))}${String(sequence).padStart(6, "0")}`

class InvoicesModuleService extends MedusaService({ Invoice, InvoiceLine, InvoicePayment, CreditNote, BillingSettings, InvoiceCheckout }) {
  async getSettings() {
    const [settings] = await this.listBillingSettings({}, { take: 1, order: { created_at: "ASC" } })
    return settings ?? (await this.createBillingSettings({}))
  }

  /**
   * The next number for an invoice or credit note. A sequence never hands out a value twice, even
   * when the transaction that took it rolls back (that leaves a gap, never a repeat).
   */
  @InjectManager()
  async nextNumber(kind: NumberedDocument, issuedAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const settings = await this.getSettings()
    const [row] = await sqlManager(sharedContext).execute(`SELECT nextval('${SEQUENCES[kind]}') AS value`)
    return formatDocumentNumber(kind === "invoice" ? settings.invoice_prefix : settings.credit_note_prefix, Number(row.value), issuedAt)
  }
}

export default InvoicesModuleService
