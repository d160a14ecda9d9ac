import type { ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { eachLimited, type ExistingRow, PARALLEL_WRITES, undoable } from "./existing-customer-writes"

type CustomerUndo = { restore: { id: string } & Record<string, unknown> }
const CUSTOMER_FIELDS = ["first_name", "last_name", "phone", "company_name"] as const

async function undoCustomers(container: MedusaContainer, records: CustomerUndo[]) {
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  for (const { restore } of [...records].reverse()) {
    const { id, ...previous } = restore
    await customers.updateCustomers(id, previous)
  }
}

export const importExistingCustomersStepId = "import-existing-customers"

/** Updates the names, phone and company of the batch's existing customers (new ones are written by importNewCustomersStep). */
export const importExistingCustomersStep = createStep(
  importExistingCustomersStepId,
  async (input: { rows: ExistingRow[] }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const { output, records } = await undoable<ExistingRow[], CustomerUndo>(
      container,
      async (remember) => {
        const changing = input.rows.filter(({ row }) => Object.keys(row.customer).length)
        if (changing.length) {
          const before = await customers.listCustomers(
            { id: changing.map((item) => item.customer_id) },
            { select: ["id", ...CUSTOMER_FIELDS], take: changing.length }
          )
          const beforeById = new Map(before.map((customer) => [customer.id, customer as unknown as Record<string, unknown>]))
          await eachLimited(changing, PARALLEL_WRITES, async ({ row, customer_id }) => {
            const previous = beforeById.get(customer_id) ?? {}
            await customers.updateCustomers(customer_id, row.customer)
            remember({ restore: { id: customer_id, ...Object.fromEntries(Object.keys(row.customer).map((key) => [key, previous[key] ?? null])) } })
          })
        }
        return input.rows
      },
      undoCustomers
    )
    return new StepResponse(output, records)
  },
  async (records, { container }) => {
    if (records) await undoCustomers(container, records)
  }
)
