import type { ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { eachLimited, PARALLEL_WRITES, undoable } from "./existing-customer-writes"
import type { ProfiledRow } from "./import-customer-profiles"

type AddressUndo = { created: string[] } | { restore: { id: string } & Record<string, unknown> }
export const ADDRESS_FIELDS = ["address_1", "address_2", "city", "province", "postal_code", "country_code"] as const

async function undoAddresses(container: MedusaContainer, records: AddressUndo[]) {
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  for (const record of [...records].reverse()) {
    if ("created" in record) {
      if (record.created.length) await customers.deleteCustomerAddresses(record.created)
    } else {
      const { id, ...previous } = record.restore
      await customers.updateCustomerAddresses(id, previous)
    }
  }
}

export const importAddressesStepId = "import-customer-addresses"

/**
 * For existing customers, the row's address becomes their default one: it updates the default
 * (or only) address, or is added as the default when they have none. (New customers get
 * theirs from importNewCustomersStep.)
 */
export const importAddressesStep = createStep(
  importAddressesStepId,
  async (rows: ProfiledRow[], { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const changing = rows.filter((item) => item.row.address)
    const { records } = await undoable<void, AddressUndo>(
      container,
      async (remember) => {
        if (!changing.length) return
        const addresses = await customers.listCustomerAddresses(
          { customer_id: changing.map((item) => item.customer_id) },
          { select: ["id", "customer_id", "is_default_shipping", "is_default_billing", ...ADDRESS_FIELDS], take: null }
        )
        const toCreate: Record<string, unknown>[] = []
        const toUpdate: { id: string; data: Record<string, unknown>; previous: Record<string, unknown> }[] = []
        for (const { row, customer_id } of changing) {
          const own = addresses.filter((address) => address.customer_id === customer_id)
          const target = own.find((address) => address.is_default_shipping) ?? (own.length === 1 && !own[0].is_default_billing ? own[0] : undefined)
          if (target) {
            const previous = Object.fromEntries(ADDRESS_FIELDS.map((key) => [key, (target as unknown as Record<string, unknown>)[key] ?? null]))
            toUpdate.push({ id: target.id, data: { ...row.address }, previous })
          } else {
            toCreate.push({
              ...row.address,
              customer_id,
              first_name: row.customer.first_name ?? null,
              last_name: row.customer.last_name ?? null,
              is_default_shipping: !own.some((address) => address.is_default_shipping),
            })
          }
        }
        await eachLimited(toUpdate, PARALLEL_WRITES, async ({ id, data, previous }) => {
          await customers.updateCustomerAddresses(id, data)
          remember({ restore: { id, ...previous } })
        })
        if (toCreate.length) {
          const created = await customers.createCustomerAddresses(toCreate as never)
          remember({ created: (created as unknown as { id: string }[]).map((address) => address.id) })
        }
      },
      undoAddresses
    )
    return new StepResponse(undefined, records)
  },
  async (records, { container }) => {
    if (records) await undoAddresses(container, records)
  }
)
