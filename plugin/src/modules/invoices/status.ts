import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { InvoiceStatus } from "@fieldservice/contract"
import { invoiceBalance } from "./totals"

type Amounts = { status: InvoiceStatus; total: BigNumberInput; credited_total: BigNumberInput; paid_total: BigNumberInput }

/**
 * An issued invoice's status follows its money: nothing owed is paid, something paid is
 * partially paid. Drafts and void invoices keep theirs.
 */
export function statusAfterMoney(invoice: Amounts): InvoiceStatus {
  if (invoice.status === "draft" || invoice.status === "void") return invoice.status
  if (invoiceBalance(invoice).isZero()) return "paid"
  return MathBN.gt(invoice.paid_total, 0) ? "partially_paid" : "issued"
}

/** Issued (or part paid), money still owed, and past its due date. */
export function isOverdue(invoice: Amounts & { due_at: Date | string | null }, now: Date): boolean {
  if (invoice.status !== "issued" && invoice.status !== "partially_paid") return false
  return !!invoice.due_at && new Date(invoice.due_at).getTime() < now.getTime() && !invoiceBalance(invoice).isZero()
}
