import type { ICustomerModuleService } from "@medusajs/framework/types"
import { generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import type { ActivityActor } from "../customer-profile/activity"
import { recordActivityStep } from "../customer-profile/steps/record-activity"

/** The trigger of a staff member's message, so the communication log and the timeline can tell it apart. */
export const STAFF_MESSAGE_TRIGGER = "crm.staff_message"
export const STAFF_MESSAGE_TEMPLATE = "staff-message"

export type SendCustomerMessageInput = {
  customer_id: string
  subject: string
  body: string
  /** The staff member writing: the email goes out under their name and replies go to their address. */
  sender: ActivityActor
}

/** The customer to write to: one who exists and is not deleted, with an email address. */
const loadMessageRecipientStep = createStep("load-message-recipient", async (input: { customer_id: string }, { container }) => {
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: input.customer_id }, { take: 1, withDeleted: true })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
  if (customer.deleted_at) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "This customer was deleted, so they can't be sent messages. Restore them first.")
  }
  if (!customer.email) throw new MedusaError(MedusaError.Types.INVALID_DATA, "This customer has no email address to write to.")
  return new StepResponse({
    id: customer.id,
    email: customer.email,
    first_name: customer.first_name ?? null,
    // Made here so the timeline line can point at the email before it is sent.
    notification_id: generateEntityId(undefined, "noti"),
  })
})

/**
 * A staff member emails the customer from the customer page: from "<staff name> (<business>)"
 * at the business's sending address, with replies to the staff member's own inbox. A direct
 * message is not marketing, so it goes out whatever the customer's email preferences. The
 * timeline line is written first; if sending fails it is taken back (the failed email stays in
 * the communication log).
 */
export const sendCustomerMessageWorkflow = createWorkflow("send-customer-message", (input: SendCustomerMessageInput) => {
  const recipient = loadMessageRecipientStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
  recordActivityStep(
    transform({ input, recipient }, ({ input, recipient }) => [
      {
        customer_id: recipient.id,
        kind: "message_sent",
        message: `Message “${input.subject}” emailed to ${recipient.email}.`,
        data: { notification_id: recipient.notification_id, subject: input.subject, to: recipient.email },
        actor: input.sender,
      },
    ])
  )
  const sent = sendNotificationsStep(
    transform({ input, recipient }, ({ input, recipient }) => [
      {
        // The Notification module keeps an id given to it.
        id: recipient.notification_id,
        to: recipient.email,
        channel: "email",
        template: STAFF_MESSAGE_TEMPLATE,
        receiver_id: recipient.id,
        resource_id: recipient.id,
        resource_type: "customer",
        trigger_type: STAFF_MESSAGE_TRIGGER,
        data: {
          subject: input.subject,
          body: input.body,
          first_name: recipient.first_name ?? undefined,
          sender_name: input.sender.name || input.sender.email || undefined,
          reply_to: input.sender.email ?? undefined,
          sent_by: input.sender.id ?? undefined,
        },
      },
    ])
  )
  return new WorkflowResponse(transform({ sent }, ({ sent }) => sent[0]))
})
