import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  createCustomerAddressesWorkflow,
  createCustomersWorkflow,
  deleteCustomerAddressesWorkflow,
  deleteCustomersWorkflow,
  updateCustomerAddressesWorkflow,
  updateCustomersWorkflow,
} from "@medusajs/medusa/core-flows"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import {
  ACTIVITY_REQUEST_CONTEXT,
  type ActivityActor,
  type ActivityChange,
  type ActivityRequestContext,
  ADDRESS_LABELS,
  addressLine,
  CORE_CUSTOMER_LABELS,
  describeChanges,
  diffFields,
  personName,
  pickFields,
  SYSTEM_ACTOR,
} from "../customer-profile/activity"
import { recordCustomerActivityWorkflow } from "../customer-profile/record-activity"
import type { ActivityEntry } from "../customer-profile/steps/record-activity"

/*
 * Edits made through Medusa's own customer routes and workflows (the admin's customer form,
 * the store's /customers/me, addresses) write activity lines here. Who asked and the values
 * before the change come from the request (api/utils/activity-actor.ts); without a request
 * (a script, a job) the system made the change and only the new values are known.
 */

type Row = Record<string, unknown> & { id: string }

const requestContext = (container: MedusaContainer) =>
  (container.resolve(ACTIVITY_REQUEST_CONTEXT, { allowUnregistered: true }) as ActivityRequestContext | undefined) ?? null

/** The customer who signed up is the actor of their own new account. */
const actorFor = (context: ActivityRequestContext | null, customerId: string): ActivityActor => {
  const actor = context?.actor ?? SYSTEM_ACTOR
  return actor.type === "customer" && !actor.id ? { ...actor, id: customerId } : actor
}

/** The new values only, when the old ones were not captured ("before" left out, shown as not recorded). */
const afterOnly = (record: Record<string, unknown>, labels: Record<string, string>): ActivityChange[] =>
  diffFields(null, record, labels).map(({ field, label, after }) => ({ field, label, after }) as ActivityChange)

async function record(container: MedusaContainer, entries: ActivityEntry[]) {
  if (!entries.length) return new StepResponse(undefined, [] as string[])
  const { result } = await recordCustomerActivityWorkflow(container).run({ input: entries })
  return new StepResponse(
    undefined,
    result.map((entry) => entry.id)
  )
}

async function takeBack(ids: string[] | undefined, { container }: { container: MedusaContainer }) {
  if (!ids?.length) return
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  await profiles.deleteCustomerActivities(ids)
}

const asList = <T>(value: T | T[] | undefined | null): T[] => (Array.isArray(value) ? value : value ? [value] : [])

createCustomersWorkflow.hooks.customersCreated(async ({ customers }, { container }) => {
  const context = requestContext(container)
  const entries = asList(customers as unknown as Row[]).map((customer): ActivityEntry => {
    const actor = actorFor(context, customer.id)
    const who = [personName(customer), customer.email].filter(Boolean).join(", ")
    return {
      customer_id: customer.id,
      kind: "customer_created",
      message: actor.type === "customer" ? `Account created by the customer (${who}).` : `Customer created (${who}).`,
      changes: diffFields(null, pickFields(customer, CORE_CUSTOMER_LABELS), CORE_CUSTOMER_LABELS),
      actor,
    }
  })
  return record(container, entries)
}, takeBack)

updateCustomersWorkflow.hooks.customersUpdated(async ({ customers }, { container }) => {
  const context = requestContext(container)
  const entries: ActivityEntry[] = []
  for (const customer of asList(customers as unknown as Row[])) {
    const after = pickFields(customer, CORE_CUSTOMER_LABELS)
    const before = context?.customers[customer.id]
    const changes = before ? diffFields(before, after, CORE_CUSTOMER_LABELS) : afterOnly(after, CORE_CUSTOMER_LABELS)
    if (!changes.length) continue
    entries.push({
      customer_id: customer.id,
      kind: "profile_updated",
      message: before ? describeChanges("Profile", changes) : "Profile updated (earlier values not recorded).",
      changes,
      actor: actorFor(context, customer.id),
      data: before ? null : { before_recorded: false },
    })
  }
  return record(container, entries)
}, takeBack)

deleteCustomersWorkflow.hooks.customersDeleted(async ({ ids }, { container }) => {
  const context = requestContext(container)
  const entries = asList(ids).map((id): ActivityEntry => ({
    customer_id: id,
    kind: "customer_deleted",
    message: "Customer deleted.",
    actor: actorFor(context, id),
  }))
  return record(container, entries)
}, takeBack)

createCustomerAddressesWorkflow.hooks.addressesCreated(async ({ addresses }, { container }) => {
  const context = requestContext(container)
  const entries = asList(addresses as unknown as Row[]).map((address): ActivityEntry => {
    const customerId = String(address.customer_id)
    return {
      customer_id: customerId,
      kind: "address_added",
      message: `Address added: ${addressLine(address)}.`,
      changes: diffFields(null, pickFields(address, ADDRESS_LABELS), ADDRESS_LABELS),
      data: { address_id: address.id },
      actor: actorFor(context, customerId),
    }
  })
  return record(container, entries)
}, takeBack)

updateCustomerAddressesWorkflow.hooks.addressesUpdated(async ({ addresses }, { container }) => {
  const context = requestContext(container)
  const entries: ActivityEntry[] = []
  for (const address of asList(addresses as unknown as Row[])) {
    const customerId = String(address.customer_id)
    const after = pickFields(address, ADDRESS_LABELS)
    const before = context?.addresses[address.id]
    const changes = before ? diffFields(before, after, ADDRESS_LABELS) : afterOnly(after, ADDRESS_LABELS)
    if (!changes.length) continue
    entries.push({
      customer_id: customerId,
      kind: "address_updated",
      message: `Address ${addressLine(address)} edited: ${changes.map((change) => change.label.toLowerCase()).join(", ")}.`,
      changes,
      data: { address_id: address.id, ...(before ? {} : { before_recorded: false }) },
      actor: actorFor(context, customerId),
    })
  }
  return record(container, entries)
}, takeBack)

// The addresses are gone by now: only those read before the change (through Medusa's routes) can be named.
deleteCustomerAddressesWorkflow.hooks.addressesDeleted(async ({ ids }, { container }) => {
  const context = requestContext(container)
  const entries: ActivityEntry[] = []
  for (const id of asList(ids)) {
    const before = context?.addresses[id]
    if (!before) continue
    entries.push({
      customer_id: before.customer_id,
      kind: "address_removed",
      message: `Address removed: ${addressLine(before)}.`,
      changes: diffFields(pickFields(before, ADDRESS_LABELS), null, ADDRESS_LABELS),
      data: { address_id: id },
      actor: actorFor(context, before.customer_id),
    })
  }
  return record(container, entries)
}, takeBack)
