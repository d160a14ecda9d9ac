import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ADDRESS_LABELS, type ActivityActor, addressLine, describeChanges, diffFields, pickFields } from "./activity"
import { ensureCustomerProfileStep } from "./steps/ensure-customer-profile"
import { recordActivityStep, type ActivityEntry } from "./steps/record-activity"
import { updateCustomerProfileStep } from "./steps/update-customer-profile"

export type BillingAddressFields = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1: string
  address_2?: string | null
  city: string
  province?: string | null
  postal_code: string
  country_code: string
  phone?: string | null
}

const ADDRESS_KEYS = ["first_name", "last_name", "company", "address_1", "address_2", "city", "province", "postal_code", "country_code", "phone"] as const

type Undo = { created?: string; previous?: Record<string, unknown> & { id: string } }

/**
 * The billing address is the customer's Medusa address marked default-billing, labelled
 * "Billing": updated in place when there is one, created otherwise.
 */
const saveBillingAddressStep = createStep(
  "save-billing-address",
  async (input: { customer_id: string; address: BillingAddressFields }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const [existing] = await customers.listCustomerAddresses({ customer_id: input.customer_id, is_default_billing: true }, { take: 1 })
    const data = { ...input.address, address_name: "Billing", is_default_billing: true }
    if (existing) {
      const previous = Object.fromEntries(["address_name", ...ADDRESS_KEYS].map((key) => [key, (existing as unknown as Record<string, unknown>)[key] ?? null]))
      const [updated] = await customers.updateCustomerAddresses({ id: existing.id }, data)
      const before = pickFields(existing as unknown as Record<string, unknown>, ADDRESS_LABELS)
      const after = pickFields(updated as unknown as Record<string, unknown>, ADDRESS_LABELS)
      return new StepResponse({ id: updated.id, before: before as Record<string, unknown> | null, after }, {
        previous: { id: existing.id, ...previous },
      } as Undo)
    }
    const created = await customers.createCustomerAddresses({ ...data, customer_id: input.customer_id })
    const after = pickFields(created as unknown as Record<string, unknown>, ADDRESS_LABELS)
    return new StepResponse({ id: created.id, before: null as Record<string, unknown> | null, after }, { created: created.id } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const customers = container.resolve(Modules.CUSTOMER)
    if (undo.created) await customers.deleteCustomerAddresses(undo.created)
    if (undo.previous) {
      const { id, ...previous } = undo.previous
      await customers.updateCustomerAddresses({ id }, previous as never)
    }
  }
)

export type SetBillingAddressInput = (
  { customer_id: string; same_as_booking: true } | { customer_id: string; same_as_booking: false; address: BillingAddressFields }
) & { actor?: ActivityActor }

const BILLING_LABELS = Object.fromEntries(Object.entries(ADDRESS_LABELS).filter(([key]) => !key.startsWith("is_default"))) as Record<string, string>

/** "Same as booking address", or a separate billing address. */
export const setBillingAddressWorkflow = createWorkflow("set-billing-address", (input: SetBillingAddressInput) => {
  const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
  const saved = when({ input }, ({ input }) => !input.same_as_booking).then(() => {
    return saveBillingAddressStep(
      transform({ input }, ({ input }) => {
        if (input.same_as_booking) throw new MedusaError(MedusaError.Types.INVALID_DATA, "No address to save")
        return { customer_id: input.customer_id, address: input.address }
      })
    )
  })
  const result = updateCustomerProfileStep(
    transform({ profile, input }, ({ profile, input }) => ({
      id: profile.id,
      changes: { billing_same_as_booking: input.same_as_booking },
    }))
  )
  recordActivityStep(
    transform({ input, saved, result }, ({ input, saved, result }) => {
      const entries: ActivityEntry[] = []
      const base = { customer_id: input.customer_id, actor: input.actor }
      if (!!result.before.billing_same_as_booking !== input.same_as_booking) {
        entries.push({
          ...base,
          kind: "profile_updated",
          message: input.same_as_booking ? "Invoices now go to the booking's address." : "Invoices now go to a separate billing address.",
          changes: [
            {
              field: "billing_same_as_booking",
              label: "Billing address same as booking address",
              before: !!result.before.billing_same_as_booking,
              after: input.same_as_booking,
            },
          ],
        })
      }
      if (saved) {
        const changes = diffFields(saved.before, saved.after, BILLING_LABELS)
        if (changes.length) {
          entries.push({
            ...base,
            kind: saved.before ? "address_updated" : "address_added",
            message: saved.before ? `Billing address: ${describeChanges("Billing address", changes)}` : `Billing address added: ${addressLine(saved.after)}.`,
            changes,
            data: { address_id: saved.id, billing: true },
          })
        }
      }
      return entries
    })
  )
  return new WorkflowResponse({ ok: true })
})
