import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { type ActivityActor, describeChanges, diffFields, pickFields } from "./activity"
import { ensureCustomerProfileStep } from "./steps/ensure-customer-profile"
import { recordActivityStep, type ActivityEntry } from "./steps/record-activity"

export type AdditionalContactFields = { name: string; role?: string | null; emails: string[]; phones: string[] }

const CONTACT_LABELS = { name: "Name", role: "Role", emails: "Emails", phones: "Phone numbers" }

type ContactRecord = Record<string, unknown> & { id: string; name: string; role?: string | null }

const contactName = (contact: ContactRecord) => `${contact.name}${contact.role ? ` (${contact.role})` : ""}`

function contactEntry(customerId: string, actor: ActivityActor | undefined, before: ContactRecord | null, after: ContactRecord | null): ActivityEntry[] {
  const changes = diffFields(before && pickFields(before, CONTACT_LABELS), after && pickFields(after, CONTACT_LABELS), CONTACT_LABELS)
  if (!changes.length) return []
  const contact = (after ?? before)!
  const [kind, message] = !before
    ? ["additional_contact_added", `Contact added: ${contactName(contact)}.`]
    : !after
      ? ["additional_contact_removed", `Contact removed: ${contactName(contact)}.`]
      : ["additional_contact_updated", `Contact ${before.name}: ${describeChanges("Contact", changes)}`]
  return [{ customer_id: customerId, kind, message, changes, actor, data: { additional_contact_id: contact.id } }]
}

const createAdditionalContactStep = createStep(
  "create-additional-contact",
  async (input: { profile_id: string; data: AdditionalContactFields }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const created = await profiles.createAdditionalContacts({ ...input.data, profile_id: input.profile_id } as never)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.deleteAdditionalContacts(id)
  }
)

const updateAdditionalContactStep = createStep(
  "update-additional-contact",
  async (input: { profile_id: string; id: string; data: Partial<AdditionalContactFields> }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const before = await profiles.retrieveOwnedAdditionalContact(input.profile_id, input.id)
    const after = await profiles.updateAdditionalContacts({ id: input.id, ...input.data } as never)
    const previous = { id: before.id, name: before.name, role: before.role, emails: before.emails, phones: before.phones }
    return new StepResponse({ before: previous as ContactRecord, after: after as unknown as ContactRecord }, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.updateAdditionalContacts(previous as never)
  }
)

const deleteAdditionalContactStep = createStep(
  "delete-additional-contact",
  async (input: { profile_id: string; id: string }, { container }) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const before = await profiles.retrieveOwnedAdditionalContact(input.profile_id, input.id)
    await profiles.softDeleteAdditionalContacts(input.id)
    const { id, name, role, emails, phones } = before
    return new StepResponse({ id: input.id, before: { id, name, role, emails, phones } as ContactRecord }, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    await profiles.restoreAdditionalContacts(id)
  }
)

// Each workflow starts from the customer's profile, so a contact id from another customer is "not found".
export const createAdditionalContactWorkflow = createWorkflow(
  "create-additional-contact",
  (input: { customer_id: string; data: AdditionalContactFields; actor?: ActivityActor }) => {
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    const created = createAdditionalContactStep(transform({ profile, input }, ({ profile, input }) => ({ profile_id: profile.id, data: input.data })))
    recordActivityStep(
      transform({ input, created }, ({ input, created }) => contactEntry(input.customer_id, input.actor, null, created as unknown as ContactRecord))
    )
    return new WorkflowResponse(created)
  }
)

export const updateAdditionalContactWorkflow = createWorkflow(
  "update-additional-contact",
  (input: { customer_id: string; id: string; data: Partial<AdditionalContactFields>; actor?: ActivityActor }) => {
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    const result = updateAdditionalContactStep(
      transform({ profile, input }, ({ profile, input }) => ({ profile_id: profile.id, id: input.id, data: input.data }))
    )
    recordActivityStep(transform({ input, result }, ({ input, result }) => contactEntry(input.customer_id, input.actor, result.before, result.after)))
    return new WorkflowResponse(transform({ result }, ({ result }) => result.after))
  }
)

export const deleteAdditionalContactWorkflow = createWorkflow(
  "delete-additional-contact",
  (input: { customer_id: string; id: string; actor?: ActivityActor }) => {
    const profile = ensureCustomerProfileStep({ customer_id: input.customer_id })
    const removed = deleteAdditionalContactStep(transform({ profile, input }, ({ profile, input }) => ({ profile_id: profile.id, id: input.id })))
    recordActivityStep(transform({ input, removed }, ({ input, removed }) => contactEntry(input.customer_id, input.actor, removed.before, null)))
    return new WorkflowResponse(transform({ removed }, ({ removed }) => ({ id: removed.id })))
  }
)
