import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, createCustomersWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep, type ActivityEntry } from "../customer-profile/steps/record-activity"
import { checkBillPayerStep } from "./steps/check-bill-payer"
import { saveBillPayerStep } from "./steps/save-bill-payer"

export const setBillPayerWorkflowId = "set-bill-payer"

export type NewBillingContact = {
  first_name: string
  last_name: string | null
  email: string
  company: string | null
  address: { address_1: string; address_2?: string | null; city: string; postal_code: string; country_code: string } | null
}

export type SetBillPayerInput = {
  customer_id: string
  /** Set: that business profile's own payer; null: the customer's. */
  business_profile_id: string | null
  /** Another customer who pays; null with no contact: the customer pays. */
  payer_id: string | null
  /** A new billing contact (a letting agency, a head office), made a customer and set as the payer. */
  new_contact?: NewBillingContact | null
  actor?: ActivityActor | null
}

/**
 * Who pays a customer's (or one business profile's) invoices from now on. Refuses the customer
 * themself, chains and unknown ids; a new billing contact is made a customer first (in the same
 * workflow, undone if anything later fails). Lines go in both the customer's and the payer's history.
 */
export const setBillPayerWorkflow = createWorkflow(setBillPayerWorkflowId, (input: SetBillPayerInput) => {
  // Two staff setting payers around the same customers at once can't make a chain between them.
  acquireLockStep({ key: "bill-payers", timeout: 30, ttl: 60 })
  const checked = checkBillPayerStep(
    transform({ input }, ({ input }) => ({
      customer_id: input.customer_id,
      business_profile_id: input.business_profile_id,
      payer_id: input.new_contact ? null : input.payer_id,
      new_contact_email: input.new_contact?.email ?? null,
    }))
  )
  const created = when({ input }, ({ input }) => !!input.new_contact).then(() =>
    createCustomersWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => {
        const contact = input.new_contact!
        return {
          customersData: [
            {
              email: contact.email,
              first_name: contact.first_name,
              last_name: contact.last_name,
              company_name: contact.company,
              addresses: contact.address ? [{ ...contact.address, company: contact.company, is_default_billing: true }] : [],
            },
          ],
        }
      }),
    })
  )
  const payerId = transform({ input, created }, ({ input, created }) => (created?.[0]?.id as string | undefined) ?? input.payer_id)
  const saved = saveBillPayerStep(
    transform({ input, payerId }, ({ input, payerId }) => ({
      customer_id: input.customer_id,
      business_profile_id: input.business_profile_id,
      payer_id: payerId,
    }))
  )
  releaseLockStep({ key: "bill-payers" })
  recordActivityStep(
    transform({ input, saved, checked, created, payerId }, ({ input, saved, checked, created, payerId }): ActivityEntry[] => {
      if (!saved.changed) return []
      const whose = checked.profile_name ? `${checked.profile_name}'s invoices` : "Invoices"
      const payerName = created?.[0] ? [input.new_contact!.first_name, input.new_contact!.last_name].filter(Boolean).join(" ") : checked.payer_name
      const data = { business_profile_id: input.business_profile_id, before: saved.before, after: saved.after }
      const actor = input.actor ?? null
      const entries: ActivityEntry[] = [
        {
          customer_id: input.customer_id,
          kind: "bill_payer_changed",
          message: payerId ? `${whose} now go to ${payerName}${created?.[0] ? " (a new billing contact)" : ""}.` : `${whose} go to the customer again.`,
          data,
          actor,
        },
      ]
      if (payerId) {
        const forWhom = checked.profile_name ? `${checked.customer_name} (${checked.profile_name})` : checked.customer_name
        entries.push({
          customer_id: payerId,
          kind: "bill_payer_added",
          message: `Now pays the invoices of ${forWhom}.`,
          data: { ...data, customer_id: input.customer_id },
          actor,
        })
      }
      if (saved.before && saved.before !== payerId) {
        entries.push({
          customer_id: saved.before,
          kind: "bill_payer_removed",
          message: `No longer pays the invoices of ${checked.customer_name}.`,
          data,
          actor,
        })
      }
      return entries
    })
  )
  return new WorkflowResponse(
    transform({ saved, payerId, created }, ({ saved, payerId, created }) => ({
      ...saved,
      payer_id: payerId ?? null,
      created_contact_id: (created?.[0]?.id as string | undefined) ?? null,
    }))
  )
})
