import type { ICustomerModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { splitPrimaryContacts, type ContactPlan, type NormalizedContactMethod } from "../../../modules/customer-profile/contact-details"

export const planPrimaryContactsStepId = "plan-primary-contacts"

/**
 * Works out, from the edit form's whole list, the customer record's new email and phone (the
 * primary ones) and the extras the list keeps. Nothing is written: a refusal stops the edit first.
 */
export const planPrimaryContactsStep = createStep(
  planPrimaryContactsStepId,
  async (input: { customer_id: string; methods: NormalizedContactMethod[] }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const customer = await customers.retrieveCustomer(input.customer_id, { select: ["id", "email", "phone", "has_account"] })
    const result = splitPrimaryContacts(input.methods, { email: customer.email ?? null, phone: customer.phone ?? null, has_account: !!customer.has_account })
    if (!result.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, result.message)
    const { plan } = result
    if (plan.email) {
      // Medusa keeps one customer without a login per email: two would be one person, to merge.
      const [taken] = await customers.listCustomers({ email: plan.email, has_account: false }, { select: ["id"], take: 1 })
      if (taken && taken.id !== customer.id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Another customer already has ${plan.email} as their email: merge the two customers instead`)
      }
    }
    const update: { email?: string; phone?: string | null } = { ...(plan.email ? { email: plan.email } : {}) }
    if ((plan.phone ?? null) !== (customer.phone || null)) update.phone = plan.phone
    return new StepResponse<ContactPlan & { customer_update: typeof update }>({ ...plan, customer_update: update })
  }
)
