import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../../modules/business-profile"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../../modules/invoices"

export const checkBillPayerStepId = "check-bill-payer"

export type CheckBillPayerInput = {
  customer_id: string
  business_profile_id: string | null
  /** An existing customer who is to pay; null: the customer pays, or a new contact is made. */
  payer_id: string | null
  new_contact_email: string | null
}

const nameOf = (customer: { first_name?: string | null; last_name?: string | null; company_name?: string | null; email: string }) =>
  [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.company_name || customer.email

/**
 * Everything that makes a payer setting wrong, before anything is written: the business profile
 * must be the customer's; the payer must be another customer who exists, and no chains (a payer
 * whose own invoices go to someone else, or a customer who pays for others getting a payer); a new
 * contact's email must not be a customer's already (pick that customer instead). Gives the names
 * the activity lines use.
 */
export const checkBillPayerStep = createStep(checkBillPayerStepId, async (input: CheckBillPayerInput, { container }) => {
  const customers = container.resolve(Modules.CUSTOMER)
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const customer = await customers.retrieveCustomer(input.customer_id, { select: ["id", "first_name", "last_name", "company_name", "email"] })
  let profileName: string | null = null
  if (input.business_profile_id) {
    const profiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
    const [profile] = await profiles.listBusinessProfiles({ id: input.business_profile_id, customer_id: input.customer_id }, { take: 1 })
    // Another customer's profile is as unknown as one that doesn't exist.
    if (!profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Business profile with id: ${input.business_profile_id} was not found`)
    profileName = profile.name
  }
  const paysForOthers = async () => (await invoices.listBillPayers({ payer_id: input.customer_id }, { take: 1, select: ["id"] })).length > 0
  let payerName: string | null = null
  if (input.payer_id) {
    if (input.payer_id === input.customer_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'A customer can\'t be their own bill payer: choose "The customer" instead.')
    }
    const [payer] = await customers.listCustomers({ id: input.payer_id }, { take: 1, select: ["id", "first_name", "last_name", "company_name", "email"] })
    if (!payer) throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no customer with id ${input.payer_id} to pay these invoices.`)
    payerName = nameOf(payer)
    if ((await invoices.listBillPayers({ customer_id: payer.id }, { take: 1, select: ["id"] })).length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${payerName}'s own invoices go to another payer, so they can't pay for others. Choose who pays ${payerName}'s invoices instead.`
      )
    }
  }
  if ((input.payer_id || input.new_contact_email) && (await paysForOthers())) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${nameOf(customer)} pays other customers' invoices, so their own can't go to someone else. Change those customers' payer first.`
    )
  }
  if (input.new_contact_email) {
    const [taken] = await customers.listCustomers({ email: input.new_contact_email }, { take: 1, select: ["id"] })
    if (taken) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `A customer with the email ${input.new_contact_email} exists already: choose them as "Another customer" instead.`
      )
    }
  }
  return new StepResponse({ customer_name: nameOf(customer), profile_name: profileName, payer_name: payerName })
})
