import type {
  IAuthModuleService,
  ICartModuleService,
  ICustomerModuleService,
  INotificationModuleService,
  IOrderModuleService,
  MedusaContainer,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { BOOKING_MODULE, type BookingModuleService } from "../modules/booking"
import { BOOKING_SERIES_MODULE, type BookingSeriesModuleService } from "../modules/booking-series"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../modules/business-profile"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../modules/custom-fields"
import type {
  AccountHolderRow,
  AddressRow,
  ContactMethodRow,
  CustomValueRow,
  MergeCustomer,
  MergePlan,
  MergeSide,
  ProfileRow,
} from "../modules/customer-merge/merge-plan"
import { customerLabel } from "../modules/customer-merge/merge-wording"
import { conflictingCustomValues, planMerge } from "../modules/customer-merge/plan-merge"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../modules/customer-profile"
import { DEPENDENTS_MODULE, type DependentsModuleService } from "../modules/dependents"
import { INVOICES_MODULE, type InvoicesModuleService } from "../modules/invoices"
import { customerRecordIds } from "../modules/customer-merge/customer-records"
import { mergePayerChain } from "../queries/bill-payers"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../modules/portal-access"

/*
 * Reads both customers' records across the modules for a merge, and plans it (the planning
 * itself is in modules/customer-merge/plan-merge.ts). The preview and the merge workflow use it.
 */

const ids = (rows: { id: string }[]) => rows.map((row) => row.id)

/** The customer as stored, or why it can't take part in a merge (unknown → 404, deleted → 400). */
async function findLiveCustomer(container: MedusaContainer, id: string, role: "primary" | "secondary"): Promise<MergeCustomer> {
  const customers: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id }, { withDeleted: true, take: 1 })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No customer with id ${id} (the ${role} customer)`)
  if (customer.deleted_at) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${customerLabel(customer as unknown as MergeCustomer)} (the ${role} customer) was deleted on ${new Date(customer.deleted_at).toISOString().slice(0, 10)} and can't be merged. Restore them first if they are needed.`
    )
  }
  return {
    id: customer.id,
    email: customer.email ?? null,
    first_name: customer.first_name ?? null,
    last_name: customer.last_name ?? null,
    phone: customer.phone ?? null,
    company_name: customer.company_name ?? null,
    has_account: !!customer.has_account,
    metadata: (customer.metadata as Record<string, unknown> | null) ?? null,
    created_at: new Date(customer.created_at as unknown as string).toISOString(),
  }
}

/** Every record of the customer that a merge moves. */
export async function loadMergeSide(container: MedusaContainer, customer: MergeCustomer): Promise<MergeSide> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerId = customer.id
  const { data } = await query.graph({
    entity: "customer",
    fields: [
      "id",
      "addresses.id",
      "addresses.address_name",
      "addresses.address_1",
      "addresses.postal_code",
      "addresses.is_default_billing",
      "addresses.is_default_shipping",
      "groups.id",
      "account_holders.id",
      "account_holders.provider_id",
      "customer_profile.*",
      "customer_profile.contact_methods.*",
      "customer_profile.additional_contacts.id",
    ],
    filters: { id: customerId },
  })
  const row = data[0] as unknown as {
    addresses?: AddressRow[]
    groups?: { id: string }[]
    account_holders?: (AccountHolderRow | null)[]
    customer_profile?:
      | (Omit<ProfileRow, "contact_methods" | "additional_contact_ids"> & {
          contact_methods?: ContactMethodRow[]
          additional_contacts?: { id: string }[]
        })
      | null
  }
  const businessProfiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
  const dependents: DependentsModuleService = container.resolve(DEPENDENTS_MODULE)
  const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const orders: IOrderModuleService = container.resolve(Modules.ORDER)
  const carts: ICartModuleService = container.resolve(Modules.CART)
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const auth: IAuthModuleService = container.resolve(Modules.AUTH)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const seriesModule: BookingSeriesModuleService = container.resolve(BOOKING_SERIES_MODULE)
  const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
  const [bizProfiles, deps, values, bookingRows, orderRows, cartRows, notificationRows, activityRows, identities, tokens, seriesRows, invoiceRows] =
    await Promise.all([
      businessProfiles.listBusinessProfiles({ customer_id: customerId }, { select: ["id"] }),
      dependents.listDependents({ customer_id: customerId }, { select: ["id"] }),
      customFields.listCustomFieldValues({ owner_type: "customer", owner_id: customerId }, { select: ["id", "field_id", "value"] }),
      bookings.listBookings({ customer_id: customerId }, { select: ["id"] }),
      orders.listOrders({ customer_id: customerId }, { select: ["id"] }),
      carts.listCarts({ customer_id: customerId }, { select: ["id", "shipping_address_id", "billing_address_id"] }),
      notifications.listNotifications({ receiver_id: customerId }, { select: ["id"] }),
      profiles.listCustomerActivities({ customer_id: customerId }, { select: ["id"] }),
      auth.listAuthIdentities({ app_metadata: { customer_id: customerId } } as never, { relations: ["provider_identities"] }),
      portal.listAccountTokens({ customer_id: customerId }, { select: ["id"] }),
      seriesModule.listBookingSeries({ customer_id: customerId }, { select: ["id"] }),
      invoices.listInvoices({ $or: [{ customer_id: customerId }, { payer_id: customerId }] } as never, { select: ["id"] }),
    ])
  // Cart addresses have no index on customer_id: read them through the customer's carts.
  const cartAddressIds = (cartRows as unknown as { shipping_address_id?: string | null; billing_address_id?: string | null }[])
    .flatMap((cart) => [cart.shipping_address_id, cart.billing_address_id])
    .filter((id): id is string => !!id)
  const [orderAddresses, cartAddresses, records] = await Promise.all([
    orders.listOrderAddresses({ customer_id: customerId } as never, { select: ["id"] }),
    cartAddressIds.length ? carts.listAddresses({ id: cartAddressIds }, { select: ["id", "customer_id"] }) : Promise.resolve([]),
    customerRecordIds(container, customerId),
  ])
  const profile = row?.customer_profile ?? null
  return {
    customer,
    profile: profile
      ? {
          ...profile,
          contact_methods: profile.contact_methods ?? [],
          additional_contact_ids: ids(profile.additional_contacts ?? []),
        }
      : null,
    addresses: row?.addresses ?? [],
    group_ids: ids(row?.groups ?? []),
    business_profile_ids: ids(bizProfiles),
    dependent_ids: ids(deps),
    custom_values: values as unknown as CustomValueRow[],
    booking_ids: ids(bookingRows),
    series_ids: ids(seriesRows),
    invoice_ids: ids(invoiceRows),
    order_ids: ids(orderRows),
    order_address_ids: ids(orderAddresses),
    cart_ids: ids(cartRows),
    cart_address_ids: ids(cartAddresses.filter((address) => address.customer_id === customerId)),
    account_holders: (row?.account_holders ?? []).filter((holder): holder is AccountHolderRow => !!holder),
    notification_ids: ids(notificationRows),
    activity_ids: ids(activityRows),
    login_identity_ids: ids(identities),
    login_methods: [...new Set(identities.flatMap((identity) => identity.provider_identities?.map((p) => p.provider) ?? []))],
    account_token_ids: ids(tokens),
    ...records,
  }
}

/** The names of the custom fields both customers have a value for (deleted fields too), for the conflicts. */
async function customFieldLabels(container: MedusaContainer, primary: MergeSide, secondary: MergeSide) {
  const conflictingValues = conflictingCustomValues(primary, secondary)
  if (!conflictingValues.length) return new Map<string, string>()
  const customFields: CustomFieldsModuleService = container.resolve(CUSTOM_FIELDS_MODULE)
  const fields = await customFields.listCustomFields({ id: conflictingValues.map((value) => value.field_id) }, { select: ["id", "label"], withDeleted: true })
  return new Map(fields.map((field) => [field.id, field.label as string]))
}

/** Works out the whole merge from both customers' records (read again by the workflow once it holds the locks). */
export async function planCustomerMerge(container: MedusaContainer, input: { primary_id: string; secondary_id: string }): Promise<MergePlan> {
  if (input.primary_id === input.secondary_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A customer can't be merged with itself: choose two different customers")
  }
  const [primaryCustomer, secondaryCustomer] = await Promise.all([
    findLiveCustomer(container, input.primary_id, "primary"),
    findLiveCustomer(container, input.secondary_id, "secondary"),
  ])
  const chain = await mergePayerChain(container, input.primary_id, input.secondary_id)
  if (chain) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, chain)
  const [primary, secondary] = await Promise.all([loadMergeSide(container, primaryCustomer), loadMergeSide(container, secondaryCustomer)])
  return planMerge(primary, secondary, await customFieldLabels(container, primary, secondary))
}
