import { randomUUID } from "node:crypto"
import type {
  ICartModuleService,
  ICustomerModuleService,
  ILockingModule,
  INotificationModuleService,
  IOrderModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../modules/custom-fields"
import { CUSTOMER_MERGE_MODULE, type CustomerMergeModuleService } from "../../modules/customer-merge"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../../modules/dependents"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import {
  type AddressMove,
  type MergeConflict,
  type MergeCount,
  type MergePlan,
  type NewContactMethod,
  loadMergeSide,
  planCustomerMerge,
} from "./plan"

// ---- Locks -------------------------------------------------------------------------------------

const LOCK_WAIT_MS = 30_000
const LOCK_TTL_SECONDS = 120

/**
 * Holds both customers' profile locks (the ones profile edits take) for the whole merge, taken
 * in id order so two merges sharing a customer queue instead of deadlocking. A merge that can't
 * get them in time answers 409.
 */
export const acquireMergeLocksStep = createStep(
  "acquire-customer-merge-locks",
  async (input: { keys: string[] }, { container }) => {
    const locking: ILockingModule = container.resolve(Modules.LOCKING)
    const ownerId = `customer-merge-${randomUUID()}`
    const held: string[] = []
    for (const key of [...new Set(input.keys)].sort()) {
      const deadline = Date.now() + LOCK_WAIT_MS
      for (;;) {
        try {
          await locking.acquire(key, { ownerId, expire: LOCK_TTL_SECONDS })
          held.push(key)
          break
        } catch {
          if (Date.now() > deadline) {
            if (held.length) await locking.release(held, { ownerId })
            throw new MedusaError(
              MedusaError.Types.CONFLICT,
              "One of these customers is being changed or merged right now. Try again in a moment.",
              "customer_busy"
            )
          }
          await new Promise((resolve) => setTimeout(resolve, 250))
        }
      }
    }
    return new StepResponse({ keys: held, ownerId }, { keys: held, ownerId })
  },
  async (lock, { container }) => {
    if (!lock?.keys.length) return
    const locking: ILockingModule = container.resolve(Modules.LOCKING)
    await locking.release(lock.keys, { ownerId: lock.ownerId })
  }
)

export const releaseMergeLocksStep = createStep(
  "release-customer-merge-locks",
  async (lock: { keys: string[]; ownerId: string }, { container }) => {
    const locking: ILockingModule = container.resolve(Modules.LOCKING)
    await locking.release(lock.keys, { ownerId: lock.ownerId })
    return new StepResponse(true)
  }
)

/** Reads both customers again under the locks: either may have changed (or been merged) since the preview. */
export const planMergeStep = createStep(
  "plan-customer-merge",
  async (input: { primary_id: string; secondary_id: string }, { container }) => {
    return new StepResponse(await planCustomerMerge(container, input))
  }
)

// ---- Moving records that store the customer's id ------------------------------------------------

type Reassign = { ids: string[]; from: string; to: string }

/** A step that points records at another owner, and back again if the merge fails later. */
function reassignStep(name: string, reassign: (container: MedusaContainer, ids: string[], owner: string) => Promise<unknown>) {
  return createStep(
    name,
    async (input: Reassign, { container }) => {
      if (input.ids.length) await reassign(container, input.ids, input.to)
      return new StepResponse(input.ids.length, input)
    },
    async (undo, { container }) => {
      if (!undo?.ids.length) return
      await reassign(container, undo.ids, undo.from)
    }
  )
}

export const moveBusinessProfilesStep = reassignStep("merge-move-business-profiles", (container, ids, owner) =>
  (container.resolve(BUSINESS_PROFILE_MODULE) as BusinessProfileModuleService).updateBusinessProfiles(
    ids.map((id) => ({ id, customer_id: owner }))
  )
)

export const moveDependentsStep = reassignStep("merge-move-dependents", (container, ids, owner) =>
  (container.resolve(DEPENDENTS_MODULE) as DependentsModuleService).updateDependents(ids.map((id) => ({ id, customer_id: owner })))
)

export const moveBookingsStep = reassignStep("merge-move-bookings", (container, ids, owner) =>
  (container.resolve(BOOKING_MODULE) as BookingModuleService).updateBookings(ids.map((id) => ({ id, customer_id: owner })))
)

export const moveOrdersStep = reassignStep("merge-move-orders", (container, ids, owner) =>
  (container.resolve(Modules.ORDER) as IOrderModuleService).updateOrders(ids.map((id) => ({ id, customer_id: owner })))
)

export const moveCartsStep = reassignStep("merge-move-carts", (container, ids, owner) =>
  (container.resolve(Modules.CART) as ICartModuleService).updateCarts(ids.map((id) => ({ id, customer_id: owner })))
)

export const moveOrderAddressesStep = reassignStep("merge-move-order-addresses", (container, ids, owner) =>
  (container.resolve(Modules.ORDER) as IOrderModuleService).updateOrderAddresses(ids.map((id) => ({ id, customer_id: owner })) as never)
)

export const moveCartAddressesStep = reassignStep("merge-move-cart-addresses", (container, ids, owner) =>
  (container.resolve(Modules.CART) as ICartModuleService).updateAddresses(ids.map((id) => ({ id, customer_id: owner })))
)

export const moveActivityStep = reassignStep("merge-move-activity", (container, ids, owner) =>
  (container.resolve(CUSTOMER_PROFILE_MODULE) as CustomerProfileModuleService).updateCustomerActivities(
    ids.map((id) => ({ id, customer_id: owner }))
  )
)

/** Additional contacts belong to the profile, so from/to are profile ids here. */
export const moveAdditionalContactsStep = reassignStep("merge-move-additional-contacts", (container, ids, profileId) =>
  (container.resolve(CUSTOMER_PROFILE_MODULE) as CustomerProfileModuleService).updateAdditionalContacts(
    ids.map((id) => ({ id, profile_id: profileId })) as never
  )
)

/** Emails and portal notices addressed to the secondary: receiver_id, and `to` where it is the customer id (portal notices). */
export const moveNotificationsStep = createStep(
  "merge-move-notifications",
  async (input: Reassign, { container }) => {
    const notifications = container.resolve(Modules.NOTIFICATION) as INotificationModuleService & {
      updateNotifications: (data: { id: string; receiver_id?: string; to?: string }[]) => Promise<unknown>
    }
    if (!input.ids.length) return new StepResponse(0, { ...input, addressed: [] as string[] })
    const rows = await notifications.listNotifications({ id: input.ids } as never, { select: ["id", "to"] })
    const addressed = rows.filter((row) => row.to === input.from).map((row) => row.id)
    const toCustomer = new Set(addressed)
    await notifications.updateNotifications(
      input.ids.map((id) => ({ id, receiver_id: input.to, ...(toCustomer.has(id) ? { to: input.to } : {}) }))
    )
    return new StepResponse(input.ids.length, { ...input, addressed })
  },
  async (undo, { container }) => {
    if (!undo?.ids.length) return
    const notifications = container.resolve(Modules.NOTIFICATION) as unknown as {
      updateNotifications: (data: { id: string; receiver_id?: string; to?: string }[]) => Promise<unknown>
    }
    const toCustomer = new Set(undo.addressed)
    await notifications.updateNotifications(
      undo.ids.map((id) => ({ id, receiver_id: undo.from, ...(toCustomer.has(id) ? { to: undo.from } : {}) }))
    )
  }
)

/** The secondary's addresses, with their default flags as planned (the primary's defaults stay). */
export const moveAddressesStep = createStep(
  "merge-move-addresses",
  async (input: { from: string; to: string; moves: AddressMove[] }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const previous = input.moves.length
      ? await customers.listCustomerAddresses({ id: input.moves.map((move) => move.id) }, { select: ["id", "is_default_billing", "is_default_shipping"] })
      : []
    const undo = { from: input.from, previous: previous.map(({ id, is_default_billing, is_default_shipping }) => ({ id, is_default_billing, is_default_shipping })) }
    for (const move of input.moves) {
      await customers.updateCustomerAddresses(move.id, {
        customer_id: input.to,
        is_default_billing: move.is_default_billing,
        is_default_shipping: move.is_default_shipping,
      } as never)
    }
    return new StepResponse(input.moves.length, undo)
  },
  async (undo, { container }) => {
    if (!undo?.previous.length) return
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    for (const address of undo.previous) {
      await customers.updateCustomerAddresses(address.id, {
        customer_id: undo.from,
        is_default_billing: address.is_default_billing,
        is_default_shipping: address.is_default_shipping,
      } as never)
    }
  }
)

/** The primary joins the secondary's customer groups; the secondary leaves them. */
export const moveCustomerGroupsStep = createStep(
  "merge-move-customer-groups",
  async (input: { from: string; to: string; add: string[]; remove: string[] }, { container }) => {
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    if (input.add.length) await customers.addCustomerToGroup(input.add.map((group) => ({ customer_id: input.to, customer_group_id: group })))
    if (input.remove.length) await customers.removeCustomerFromGroup(input.remove.map((group) => ({ customer_id: input.from, customer_group_id: group })))
    return new StepResponse(input.add.length, input)
  },
  async (undo, { container }) => {
    if (!undo) return
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    if (undo.add.length) await customers.removeCustomerFromGroup(undo.add.map((group) => ({ customer_id: undo.to, customer_group_id: group })))
    if (undo.remove.length) await customers.addCustomerToGroup(undo.remove.map((group) => ({ customer_id: undo.from, customer_group_id: group })))
  }
)

/** Fills the primary's empty fields (company, phone, names, metadata keys) from the secondary. */
export const fillPrimaryCustomerStep = createStep(
  "merge-fill-primary-customer",
  async (input: { id: string; changes: MergePlan["customer_changes"] }, { container }) => {
    const keys = Object.keys(input.changes)
    if (!keys.length) return new StepResponse(0, null)
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    const before = (await customers.retrieveCustomer(input.id)) as unknown as Record<string, unknown>
    await customers.updateCustomers(input.id, input.changes as never)
    return new StepResponse(keys.length, { id: input.id, previous: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])) })
  },
  async (undo, { container }) => {
    if (!undo) return
    const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    await customers.updateCustomers(undo.id, undo.previous as never)
  }
)

/**
 * The secondary's extra emails and numbers join the primary's profile; exact duplicates are
 * dropped (soft-deleted), and the secondary's account email and phone are added as extra ones.
 */
export const moveContactMethodsStep = createStep(
  "merge-move-contact-methods",
  async (
    input: {
      from: string | null
      to: string
      move: { id: string; is_primary: boolean }[]
      drop: string[]
      add: NewContactMethod[]
    },
    { container }
  ) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const previous = input.move.length
      ? ((await profiles.listContactMethods({ id: input.move.map((move) => move.id) }, { select: ["id", "is_primary"] })) as { id: string; is_primary: boolean }[])
      : []
    if (input.move.length) {
      await profiles.updateContactMethods(input.move.map((move) => ({ id: move.id, profile_id: input.to, is_primary: move.is_primary })) as never)
    }
    if (input.drop.length) await profiles.softDeleteContactMethods(input.drop)
    const created = input.add.length
      ? ((await profiles.createContactMethods(input.add.map((method) => ({ ...method, profile_id: input.to })) as never)) as unknown as { id: string }[])
      : []
    return new StepResponse(
      { moved: input.move.length, dropped: input.drop.length, added: created.length },
      { from: input.from, previous: previous.map(({ id, is_primary }) => ({ id, is_primary })), dropped: input.drop, created: created.map((row) => row.id) }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    if (undo.created.length) await profiles.deleteContactMethods(undo.created)
    if (undo.dropped.length) await profiles.restoreContactMethods(undo.dropped)
    if (undo.previous.length && undo.from) {
      await profiles.updateContactMethods(undo.previous.map((row) => ({ ...row, profile_id: undo.from })) as never)
    }
  }
)

/** The primary profile's combined tags, notes and filled fields; the secondary's profile gives up what moved. */
export const mergeProfileFieldsStep = createStep(
  "merge-profile-fields",
  async (
    input: { primary_profile_id: string; changes: Record<string, unknown>; secondary_profile_id: string | null; secondary_changes: Record<string, unknown> },
    { container }
  ) => {
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    const undo: { id: string; previous: Record<string, unknown> }[] = []
    const apply = async (id: string | null, changes: Record<string, unknown>) => {
      const keys = Object.keys(changes)
      if (!id || !keys.length) return
      const before = (await profiles.retrieveCustomerProfile(id)) as unknown as Record<string, unknown>
      await profiles.updateCustomerProfiles({ id, ...changes } as never)
      undo.push({ id, previous: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])) })
    }
    await apply(input.primary_profile_id, input.changes)
    await apply(input.secondary_profile_id, input.secondary_changes)
    return new StepResponse(undo.length, undo)
  },
  async (undo, { container }) => {
    if (!undo?.length) return
    const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
    for (const { id, previous } of undo) await profiles.updateCustomerProfiles({ id, ...previous } as never)
  }
)

/** The secondary's custom field values fill the primary's empty fields; where both had one, the primary's stays and the secondary's is dropped. */
export const moveCustomFieldValuesStep = createStep(
  "merge-move-custom-field-values",
  async (input: Reassign & { drop: string[] }, { container }) => {
    const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    if (input.drop.length) await customFields.softDeleteCustomFieldValues(input.drop)
    if (input.ids.length) await customFields.updateCustomFieldValues(input.ids.map((id) => ({ id, owner_id: input.to })))
    return new StepResponse({ moved: input.ids.length, dropped: input.drop.length }, input)
  },
  async (undo, { container }) => {
    if (!undo) return
    const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
    if (undo.ids.length) await customFields.updateCustomFieldValues(undo.ids.map((id) => ({ id, owner_id: undo.from })))
    if (undo.drop.length) await customFields.restoreCustomFieldValues(undo.drop)
  }
)

type Holder = { id: string; provider_id: string }
const holderLink = (customerId: string, holderId: string) => ({
  [Modules.CUSTOMER]: { customer_id: customerId },
  [Modules.PAYMENT]: { account_holder_id: holderId },
})

/**
 * The secondary's payment account holder (its Stripe customer with the saved cards) is linked to
 * the primary when the primary has none for that provider; otherwise the primary's is kept and
 * the secondary's is only unlinked (left as it is in the payment module and at Stripe).
 */
export const moveAccountHoldersStep = createStep(
  "merge-move-account-holders",
  async (input: { from: string; to: string; move: Holder[]; unlink: Holder[] }, { container }) => {
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const all = [...input.move, ...input.unlink]
    if (all.length) await link.dismiss(all.map((holder) => holderLink(input.from, holder.id)))
    if (input.move.length) await link.create(input.move.map((holder) => holderLink(input.to, holder.id)))
    return new StepResponse({ moved: input.move.length, unlinked: input.unlink.length }, input)
  },
  async (undo, { container }) => {
    if (!undo) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (undo.move.length) await link.dismiss(undo.move.map((holder) => holderLink(undo.to, holder.id)))
    const all = [...undo.move, ...undo.unlink]
    if (all.length) await link.create(all.map((holder) => holderLink(undo.from, holder.id)))
  }
)

/** The secondary's invite, email-confirmation and password-reset records go with its logins. */
export const removeAccountTokensStep = createStep(
  "merge-remove-account-tokens",
  async (input: { ids: string[] }, { container }) => {
    if (!input.ids.length) return new StepResponse(0, [] as string[])
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    await portal.softDeleteAccountTokens(input.ids)
    return new StepResponse(input.ids.length, input.ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
    await portal.restoreAccountTokens(ids)
  }
)

/**
 * Nothing may still point at the secondary before it is deleted. Something added to the
 * secondary while the merge ran (a booking placed that second) would be left behind, so the
 * whole merge is undone and staff are asked to try again.
 */
export const checkNothingLeftStep = createStep(
  "merge-check-nothing-left",
  async (input: { secondary: MergePlan["secondary"]["customer"] }, { container }) => {
    const side = await loadMergeSide(container, input.secondary)
    const left: [string, number][] = [
      ["address", side.addresses.length],
      ["customer group", side.group_ids.length],
      ["business profile", side.business_profile_ids.length],
      ["additional contact", side.profile?.additional_contact_ids.length ?? 0],
      ["extra email or phone", side.profile?.contact_methods.length ?? 0],
      ["dependent", side.dependent_ids.length],
      ["custom field value", side.custom_values.length],
      ["booking", side.booking_ids.length],
      ["order", side.order_ids.length],
      ["order address", side.order_address_ids.length],
      ["cart", side.cart_ids.length],
      ["cart address", side.cart_address_ids.length],
      ["saved-card account", side.account_holders.length],
      ["notification", side.notification_ids.length],
      ["activity entry", side.activity_ids.length],
      ["portal link", side.account_token_ids.length],
    ]
    const remaining = left.filter(([, count]) => count > 0)
    if (remaining.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `The secondary customer changed while merging (new: ${remaining.map(([kind, count]) => `${count} ${kind}${count === 1 ? "" : "s"}`).join(", ")}). Nothing was merged; try again.`,
        "customer_changed"
      )
    }
    return new StepResponse(true)
  }
)

/** The merge's own record: who merged which customer into which, with the counts and kept values. */
export const recordMergeStep = createStep(
  "record-customer-merge",
  async (
    input: { primary_id: string; secondary_id: string; actor: string | null; counts: MergeCount[]; conflicts: MergeConflict[] },
    { container }
  ) => {
    const merges: CustomerMergeModuleService = container.resolve(CUSTOMER_MERGE_MODULE)
    const record = await merges.createCustomerMerges({
      primary_customer_id: input.primary_id,
      secondary_customer_id: input.secondary_id,
      actor: input.actor,
      summary: { counts: input.counts } as Record<string, unknown>,
      conflicts: { fields: input.conflicts } as Record<string, unknown>,
    })
    return new StepResponse(record, record.id)
  },
  async (id, { container }) => {
    if (!id) return
    const merges: CustomerMergeModuleService = container.resolve(CUSTOMER_MERGE_MODULE)
    await merges.deleteCustomerMerges(id)
  }
)
