import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"

export const saveBillPayerStepId = "save-bill-payer"

export type SaveBillPayerInput = { customer_id: string; business_profile_id: string | null; payer_id: string | null }

type Previous = { id: string; payer_id: string } | null

/** Writes the customer's (or the profile's) payer: a row for another customer, none when the customer pays. Undone on failure. */
export const saveBillPayerStep = createStep(
  saveBillPayerStepId,
  async (input: SaveBillPayerInput, { container }) => {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const [current] = await invoices.listBillPayers({ customer_id: input.customer_id, business_profile_id: input.business_profile_id }, { take: 1 })
    const previous: Previous = current ? { id: current.id, payer_id: current.payer_id } : null
    const before = current?.payer_id ?? null
    let createdId: string | null = null
    if (!input.payer_id) {
      if (current) await invoices.softDeleteBillPayers(current.id)
    } else if (current) {
      await invoices.updateBillPayers({ id: current.id, payer_id: input.payer_id })
    } else {
      createdId = (await invoices.createBillPayers({ ...input, payer_id: input.payer_id })).id
    }
    return new StepResponse({ before, after: input.payer_id, changed: before !== input.payer_id }, { previous, createdId, removed: !input.payer_id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    if (undo.createdId) await invoices.deleteBillPayers(undo.createdId)
    if (undo.previous && undo.removed) await invoices.restoreBillPayers(undo.previous.id)
    else if (undo.previous) await invoices.updateBillPayers(undo.previous)
  }
)
