import path from "node:path"
import type { IAuthModuleService, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { AdminCustomerProfile, BaseCustomerAddress } from "@fieldservice/contract"
import { loadDependents } from "../../queries/dependents"
import { loadProfile } from "../../queries/profile"
import { customerMailboxes } from "../../queries/communications"
import { emailSubject, renderEmail } from "../../emails"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { BUSINESS_PROFILE_MODULE, type BusinessProfileModuleService } from "../../modules/business-profile"
import { CUSTOMER_PROFILE_MODULE, type CustomerProfileModuleService } from "../../modules/customer-profile"
import { DATA_REQUESTS_MODULE, type DataRequestsModuleService } from "../../modules/data-requests"
import { PORTAL_ACCESS_MODULE, type PortalAccessModuleService } from "../../modules/portal-access"
import { listSavedCards } from "../../utils/saved-cards"
import { collectRegularVisitsAndBilling } from "./export-regular"

/** One file of the ZIP read from the File module: a picture, a photo, an attachment. */
export type ExportFile = { path: string; file_key: string }
/** What goes into the ZIP: a JSON file per part, and the person's files. */
export type ExportContent = { parts: { path: string; data: unknown }[]; files: ExportFile[] }

type Field = { key: string; label: string; visibility?: string; value: unknown }

/** A file name that is safe inside a ZIP on any system. */
export const safeName = (name: string) =>
  name
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "-")
    .replace(/^[.\s-]+/, "")
    .slice(0, 120) || "file"

const fieldValues = (fields: Field[]) =>
  fields
    .filter((field) => field.value !== null)
    .map(({ key, label, value, visibility }) => ({ key, label, value, visible_to_customer: visibility === "customer" }))

/**
 * Everything the business holds about the customer, in the parts of an access request's answer
 * (GDPR articles 15 and 20: machine-readable JSON). Staff-only fields and notes are included:
 * they are the customer's personal data too.
 */
export async function collectCustomerData(container: MedusaContainer, customerId: string): Promise<ExportContent> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const files: ExportFile[] = []
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "company_name", "has_account", "created_at", "customer_profile.picture_file_id"],
    filters: { id: customerId },
  })
  const customer = customers[0] as Record<string, unknown> & { customer_profile?: { picture_file_id?: string | null } | null }
  const profile = await loadProfile(container, customerId, "staff")
  const pictureKey = customer.customer_profile?.picture_file_id
  const picture = pictureKey ? `pictures/profile${path.extname(pictureKey) || ".jpg"}` : null
  if (pictureKey && picture) files.push({ path: picture, file_key: pictureKey })

  const parts: ExportContent["parts"] = []
  parts.push({
    path: "profile.json",
    data: {
      id: customer.id,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
      other_names: profile.additional_names ?? [],
      account_email: customer.email ?? null,
      phone: customer.phone ?? null,
      company_name: customer.company_name ?? null,
      kind: profile.kind ?? null,
      status: profile.status ?? null,
      customer_since: customer.created_at,
      picture,
      kept_by_staff: {
        internal_notes: profile.internal_notes ?? null,
        tags: profile.tags ?? [],
        tax_exempt: profile.tax_exempt ?? false,
        tax_rate_override: profile.tax_rate_override ?? null,
        payment_terms_days: profile.payment_terms_days ?? null,
      },
    },
  })
  parts.push({
    path: "contacts.json",
    data: {
      // The primary email and phone are in profile.json; these are the others.
      emails: (profile.emails ?? []).map(({ value }) => ({ email: value })),
      phone_numbers: (profile.phones ?? []).map(({ kind, value }) => ({ kind, number: value })),
      additional_contacts: (profile.additional_contacts ?? []).map(({ id: _id, ...contact }) => contact),
    },
  })
  const strip = (address: BaseCustomerAddress | null) => {
    if (!address) return null
    const { id: _id, is_default_billing: _b, is_default_shipping: _s, ...rest } = address
    return rest
  }
  parts.push({
    path: "addresses.json",
    data: {
      billing_same_as_booking: profile.billing_same_as_booking ?? true,
      billing_address: strip(profile.billing_address ?? null),
      saved_locations: (profile.locations ?? []).map(strip),
    },
  })

  const businessProfiles: BusinessProfileModuleService = container.resolve(BUSINESS_PROFILE_MODULE)
  const bizRows = await businessProfiles.listBusinessProfiles({ customer_id: customerId }, { order: { created_at: "ASC" } })
  parts.push({
    path: "business-profiles.json",
    data: bizRows.map(({ name, billing_email, tax_id, address_1, address_2, city, province, postal_code, country_code, created_at }) => ({
      name,
      billing_email,
      tax_id,
      address_1,
      address_2,
      city,
      province,
      postal_code,
      country_code,
      created_at,
    })),
  })

  const { dependents } = await loadDependents(container, customerId, "staff")
  const { data: photoRows } = await query.graph({ entity: "dependent", fields: ["id", "photo_file_id"], filters: { customer_id: customerId } })
  const photoKeys = new Map((photoRows as { id: string; photo_file_id: string | null }[]).map((row) => [row.id, row.photo_file_id]))
  parts.push({
    path: "dependents.json",
    data: dependents.map((dependent) => {
      const key = photoKeys.get(dependent.id)
      const photo = key ? `pictures/dependents/${safeName(dependent.name)}-${dependent.id}${path.extname(key) || ".jpg"}` : null
      if (key && photo) files.push({ path: photo, file_key: key })
      return { type: dependent.type_label, name: dependent.name, notes: dependent.notes, photo, fields: fieldValues(dependent.custom_fields) }
    }),
  })
  parts.push({ path: "custom-fields.json", data: fieldValues(profile.custom_fields ?? []) })

  parts.push({ path: "bookings.json", data: await collectBookings(container, customer, files) })
  parts.push({ path: "saved-cards.json", data: await collectSavedCards(container, customerId) })
  parts.push({ path: "emails.json", data: await collectEmails(container, customerId) })

  const profiles: CustomerProfileModuleService = container.resolve(CUSTOMER_PROFILE_MODULE)
  const activity = await profiles.listCustomerActivities({ customer_id: customerId }, { order: { created_at: "ASC" }, take: null })
  parts.push({
    path: "activity.json",
    data: activity.map((line) => {
      const entry = line as unknown as Record<string, unknown>
      return {
        when: entry.created_at,
        kind: entry.kind,
        message: entry.message,
        by: entry.actor_type === "staff" ? (entry.actor_name ?? entry.actor ?? "staff") : entry.actor_type,
        changes: entry.changes ?? [],
      }
    }),
  })
  parts.push({ path: "regular-visits-and-billing.json", data: await collectRegularVisitsAndBilling(container, customerId) })
  parts.push({ path: "consents-and-preferences.json", data: await collectConsents(container, customerId, profile) })
  return { parts, files }
}

async function collectBookings(container: MedusaContainer, customer: Record<string, unknown>, files: ExportFile[]) {
  const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
  const rows = await bookings.listBookings({ customer_id: customer.id as string }, { order: { starts_at: "ASC" }, take: null })
  const attachments = rows.length
    ? await bookings.listBookingAttachments({ booking_id: rows.map((row) => row.id) }, { order: { created_at: "ASC" }, take: null })
    : []
  const orders = await orderSummaries(
    container,
    rows.map((row) => row.order_id).filter((id): id is string => !!id)
  )
  return rows.map((booking) => {
    const own = attachments.filter((attachment) => (attachment as unknown as { booking_id: string }).booking_id === booking.id)
    return {
      booking_number: booking.booking_number,
      service: booking.service_title,
      option: booking.option_title,
      status: booking.status,
      starts_at: booking.starts_at,
      ends_at: booking.ends_at,
      location: booking.location_text,
      contact: booking.contact,
      instructions: booking.instructions,
      card: booking.card,
      cancelled_at: booking.cancelled_at,
      cancelled_by: booking.cancelled_by,
      cancellation_reason: booking.cancellation_reason,
      times_rescheduled: booking.reschedule_count,
      order: booking.order_id ? (orders.get(booking.order_id) ?? null) : null,
      attachments: own.map((attachment, index) => {
        const file = `attachments/${safeName(booking.booking_number)}/${index + 1}-${safeName(attachment.filename)}`
        files.push({ path: file, file_key: attachment.file_id })
        return { filename: attachment.filename, type: attachment.mime_type, added_by: attachment.added_by, added_at: attachment.created_at, file }
      }),
    }
  })
}

/** The orders behind bookings: number, amounts, status. */
async function orderSummaries(container: MedusaContainer, ids: string[]) {
  const result = new Map<string, unknown>()
  if (!ids.length) return result
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "status", "currency_code", "total", "created_at"],
    filters: { id: ids },
  })
  for (const order of data as Record<string, unknown>[]) {
    result.set(order.id as string, {
      number: order.display_id,
      status: order.status,
      total: order.total !== undefined ? Number(order.total) : null,
      currency: order.currency_code,
      placed_at: order.created_at,
    })
  }
  return result
}

/** The saved cards, read from Stripe: what identifies each card to a person, never its number. */
async function collectSavedCards(container: MedusaContainer, customerId: string) {
  try {
    const saved = await listSavedCards(container, customerId)
    if (!saved.enabled) return { note: "Card payments are not set up, so no cards are saved.", cards: [] }
    return { cards: saved.cards.map(({ brand, last4, exp_month, exp_year, is_default }) => ({ brand, last4, exp_month, exp_year, is_default })) }
  } catch (error) {
    return { note: `The saved cards could not be read from Stripe: ${error instanceof Error ? error.message : String(error)}`, cards: [] }
  }
}

/** Every email sent to the customer (and their portal notices), with the text as it was sent. */
async function collectEmails(container: MedusaContainer, customerId: string) {
  const { emails } = await customerMailboxes(container, customerId)
  const notifications: INotificationModuleService = container.resolve(Modules.NOTIFICATION)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const rows = await notifications.listNotifications(
    { $or: [{ receiver_id: customerId }, ...(emails.length ? [{ to: emails, channel: "email" }] : [])] } as never,
    { order: { created_at: "ASC" }, take: null }
  )
  const businessName = portal.businessName
  const result: unknown[] = []
  for (const row of rows) {
    const data = (row.data ?? {}) as Record<string, unknown>
    let text: string | null = null
    if (row.channel === "email") {
      text = await renderEmail(row.template ?? "", data, { businessName }).then(
        (rendered) => rendered.text,
        () => null
      )
    }
    result.push({
      sent_at: row.created_at,
      channel: row.channel === "feed" ? "portal notice" : row.channel,
      to: row.channel === "email" ? row.to : undefined,
      template: row.template,
      subject: row.channel === "email" ? emailSubject(row.template ?? "", data, { businessName }) : undefined,
      status: row.status,
      text: text ?? (row.channel === "feed" ? (data.message ?? data.title ?? null) : null),
    })
  }
  return result
}

async function collectConsents(container: MedusaContainer, customerId: string, profile: AdminCustomerProfile) {
  const auth: IAuthModuleService = container.resolve(Modules.AUTH)
  const portal: PortalAccessModuleService = container.resolve(PORTAL_ACCESS_MODULE)
  const requests: DataRequestsModuleService = container.resolve(DATA_REQUESTS_MODULE)
  const [identities, tokens, exportRequests] = await Promise.all([
    auth.listAuthIdentities({ app_metadata: { customer_id: customerId } } as never, { relations: ["provider_identities"] }),
    portal.listAccountTokens({ customer_id: customerId }, { select: ["purpose", "created_at", "used_at"], order: { created_at: "ASC" } }),
    requests.listDataExports({ customer_id: customerId }, { order: { created_at: "ASC" } }),
  ])
  const LOGIN_NAMES: Record<string, string> = { emailpass: "email and password", google: "Google", facebook: "Facebook" }
  return {
    email_preferences: {
      marketing_emails: !!profile.marketing_emails,
      reminder_emails: !!profile.reminder_emails,
      feedback_emails: profile.feedback_emails !== false,
    },
    email_verified_at: profile.email_verified_at ?? null,
    portal_logins: [...new Set(identities.flatMap((identity) => identity.provider_identities?.map((p) => LOGIN_NAMES[p.provider] ?? p.provider) ?? []))],
    portal_links_sent: tokens.map((token) => ({ purpose: token.purpose, sent_at: token.created_at, used_at: token.used_at })),
    data_export_requests: exportRequests.map((request) => ({ requested_at: request.created_at, requested_by: request.requested_by, status: request.status })),
  }
}
