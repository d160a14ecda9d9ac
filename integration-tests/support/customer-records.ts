import { randomUUID } from "node:crypto"
import { adminToken, api, eventually, fileUpload, signUpCustomer, TINY_PNG } from "./api"
import { messageForm } from "./conversations"
import { insertQuoteAttachment, insertSentQuote } from "./quote-fixtures"
import { sql } from "./db"
import { saveCard } from "./stripe"

/** A voucher bought for a friend, as its record alone (buying one through Stripe is http/gift-vouchers's). */
async function insertGiftVoucher(buyerId: string) {
  const id = `gvou_${randomUUID().replace(/-/g, "").slice(0, 26).toUpperCase()}`
  await sql(
    `insert into gift_voucher (id, kind, currency_code, value, raw_value, buyer_customer_id, recipient_name, recipient_email, deliver_on)
     values ($1, 'amount', 'gbp', 25, '{"value":"25","precision":20}', $2, 'A friend', 'friend@example.test', '2030-01-01')`,
    [id, buyerId]
  )
  return id
}

/**
 * A customer with one of everything the portal lets them own, made through the real API:
 * a saved location, an extra contact, a business profile, a dependent with a photo, a profile
 * picture, a saved card, a booking with a photo attached, and the booking's portal notification.
 */
export type CustomerRecords = {
  label: string
  token: string
  email: string
  password: string
  customerId: string
  addressId: string
  contactId: string
  businessProfileId: string
  dependentId: string
  bookingId: string
  bookingNumber: string
  attachmentId: string
  cardId: string
  /** The invoice of a second visit, marked completed by staff (paid online with the saved card). */
  invoiceId: string
  /** That online payment (an invoice checkout). */
  checkoutId: string
  notificationIds: string[]
  /** A copy of their data they asked for (GDPR), made and emailed. */
  dataExportId: string
  /** Repeat visits (monthly, two visits) at their saved location. */
  seriesId: string
  /** A quote sent to them (one option, one optional line), and that option. */
  quoteId: string
  quoteOptionId: string
  /** A gift voucher they bought (its record only: no gift card yet). */
  giftVoucherId: string
  /** A photo on that quote's sent version. */
  quoteAttachmentId: string
  /** A complaint about the completed visit, and its photo. */
  complaintId: string
  complaintPhotoId: string
  /** The completed visit (bookingId's sibling) rated 4 stars, and a photo on that rating. */
  ratedBookingId: string
  ratingPhotoId: string
  /** Their conversation about the booking: their first message, and the photo on it. */
  conversationId: string
  conversationMessageId: string
  conversationAttachmentId: string
  /** Values only this customer's records hold: none may appear in an answer to someone else. */
  secrets: string[]
}

export const BRISTOL = { address_1: "9 Chandos Road", city: "Bristol", postal_code: "BS6 6PG", country_code: "gb" }
export const png = (name = "photo.png") => fileUpload({ name, type: "image/png", data: TINY_PNG })

const must = (what: string, response: { status: number; body: any }, status = [200, 201]) => {
  if (!status.includes(response.status)) throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}

/** Sets up monthly repeat visits (two of them) from a free window of a service. */
export async function bookSeries(token: string, addressId: string, handle = "regular-home-clean") {
  const service = must("service", await api(`/store/services/${handle}`)).service
  const windows = must("availability", await api(`/store/services/${handle}/availability?days=28`)).windows as { starts_at: string }[]
  // Past the first two weeks when it can: those are what the portal's booking page and the services
  // test show, and the demo services' few teams fill up when every file books there.
  const later = windows.filter((window) => Date.parse(window.starts_at) > Date.now() + 14 * 86_400_000)
  for (const window of (later.length ? later : windows.slice(5)).sort(() => Math.random() - 0.5)) {
    const response = await api("/store/customers/me/booking-series", {
      token,
      body: {
        service_id: service.id,
        variant_id: service.variants[0].id,
        starts_at: window.starts_at,
        location: { address_id: addressId },
        frequency: "monthly_by_date",
        count: 2,
      },
    })
    if (response.status === 201) return response.body.booking_series as { id: string }
    if (response.status !== 409) throw new Error(`repeat visits failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  throw new Error(`no free ${handle} window for repeat visits`)
}

/** Books a free window of a service for the customer (later windows first: other files take the early ones). */
export async function bookSomething(token: string, handle = "regular-home-clean", location: Record<string, unknown> = { address: BRISTOL }) {
  const service = must("service", await api(`/store/services/${handle}`)).service
  const { booking } = await bookAnyWindow(token, handle, { service_id: service.id, variant_id: service.variants[0].id, location })
  return { booking, service }
}

/**
 * Places `body` (a portal booking without its time) in a random free window of the service past
 * the first two weeks, trying another when one fills meanwhile: files running at the same time
 * book the same demo services.
 */
export async function bookAnyWindow(token: string, handle: string, body: Record<string, unknown>) {
  const windows = must("availability", await api(`/store/services/${handle}/availability?days=28`)).windows as { starts_at: string }[]
  // Past the first two weeks when it can: those are what the portal's booking page and the services
  // test show, and the demo services' few teams fill up when every file books there.
  const later = windows.filter((window) => Date.parse(window.starts_at) > Date.now() + 14 * 86_400_000)
  for (const window of (later.length ? later : windows.slice(5)).sort(() => Math.random() - 0.5)) {
    const response = await api("/store/customers/me/bookings", {
      token,
      body: { ...body, starts_at: window.starts_at },
    })
    if (response.status === 201) return { booking: response.body.booking }
    if (response.status !== 409) throw new Error(`booking failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  throw new Error(`no free ${handle} window`)
}

export async function customerWithRecords(label: string): Promise<CustomerRecords> {
  const tag = `${label}${randomUUID().slice(0, 6)}`
  const signed = await signUpCustomer({ first_name: `${label}first${tag}`, last_name: `${label}last${tag}` })
  const token = signed.token
  const street = `${tag} Secret Street`

  const addresses = must("address", await api("/store/customers/me/addresses", { token, body: { ...BRISTOL, address_1: street, address_name: `${tag} home` } }))
    .customer.addresses as { id: string }[]
  const contact = must(
    "contact",
    await api("/store/customers/me/additional-contacts", {
      token,
      body: { name: `${tag} Tenant`, role: "Tenant", emails: [`tenant.${tag.toLowerCase()}@example.test`], phones: [] },
    })
  ).additional_contact
  const business = must(
    "business profile",
    await api("/store/customers/me/business-profiles", {
      token,
      body: { name: `${tag} Lettings Ltd`, billing_email: `accounts.${tag.toLowerCase()}@example.test`, ...BRISTOL, address_1: street },
    })
  ).business_profile
  const types = must("dependent types", await api("/store/customers/me/dependents", { token })).dependent_types as { id: string }[]
  const dependent = must("dependent", await api("/store/customers/me/dependents", { token, body: { type_id: types[0].id, name: `${tag} Rex` } })).dependent
  must("dependent photo", await api(`/store/customers/me/dependents/${dependent.id}/photo`, { token, raw: png(`${tag}-rex.png`) }))
  must("picture", await api("/store/customers/me/profile/picture", { token, raw: png(`${tag}-me.png`) }))
  const cardId = await saveCard(token)
  const { booking } = await bookSomething(token, "regular-home-clean", { address_id: addresses[0].id })
  const attachment = must(
    "attachment",
    await api(`/store/customers/me/bookings/${booking.id}/attachments`, { token, raw: png(`${tag}-boiler.png`) })
  ).attachment
  const admin = await adminToken()
  const visited = (await bookSomething(token, "regular-home-clean", { address_id: addresses[0].id })).booking
  must("completion", await api(`/admin/bookings/${visited.id}/status`, { token: admin, body: { status: "completed", early_finish: true } }))
  const invoice = await eventually(async () => {
    const list = must("invoices", await api("/store/customers/me/invoices", { token })).invoices as { id: string }[]
    if (!list.length) throw new Error("no invoice yet")
    return list[0]
  }, 20_000)
  const checkout = must(
    "invoice payment",
    await api("/store/customers/me/invoice-payments", {
      token,
      body: { invoice_ids: [invoice.id], saved_card_id: cardId, idempotency_key: `records_${Date.now()}_${Math.random().toString(36).slice(2)}` },
    })
  ).checkout as { id: string }
  const complaint = must(
    "complaint",
    await api("/store/customers/me/complaints", { token, body: { category: "quality_of_work", description: `${tag} streaky windows`, booking_id: visited.id } })
  ).complaint as { id: string }
  const complaintPhoto = must("complaint photo", await api(`/store/customers/me/complaints/${complaint.id}/photos`, { token, raw: png(`${tag}-streaks.png`) }))
    .complaint.photos[0] as { id: string }
  must("rating", await api(`/store/customers/me/bookings/${visited.id}/rating`, { token, body: { stars: 4, comment: "Lovely work" } }), [201])
  const rated = must("rating photo", await api(`/store/customers/me/bookings/${visited.id}/rating/photos`, { token, raw: png("shine.png") }), [201])
  const notifications = await eventually(async () => {
    const list = must("notifications", await api("/store/customers/me/notifications", { token })).notifications as { id: string }[]
    if (!list.length) throw new Error("no notification yet")
    return list
  })

  const series = await bookSeries(token, addresses[0].id)
  const quote = await insertSentQuote({
    customer_id: signed.customer.id,
    options: [
      {
        title: "Standard",
        lines: [
          { description: "Deep clean", unit_price: 120 },
          { description: "Oven", unit_price: 40, optional: true },
        ],
      },
    ],
  })

  const conversation = must(
    "conversation",
    await api("/store/customers/me/conversations", {
      token,
      raw: messageForm({ subject_type: "booking", subject_id: booking.id, body: `${tag} asks about the visit` }, [
        { name: `${tag}-leak.png`, type: "image/png", data: TINY_PNG },
      ]),
    })
  ).conversation as { id: string; messages: { id: string; attachments: { id: string }[] }[] }

  // A copy of their data (GDPR), made in the background: waited for until its email is in their
  // history, so nothing of it is still being written when a test compares tables.
  const dataExport = must("data export", await api("/store/customers/me/data-exports", { token, body: {} }), [202]).data_export
  await eventually(async () => {
    const lines = must("activity", await api(`/admin/customers/${signed.customer.id}/activity?kind=email_sent`, { token: admin })).activity as {
      data: { template?: string } | null
    }[]
    const sent = new Set(lines.map((line) => line.data?.template))
    if (!sent.has("data-export-ready") || !sent.has("invoice-issued") || !sent.has("invoice-payment-receipt") || !sent.has("rating-thanks")) {
      throw new Error("the data export's, invoice's or receipt's email is not sent yet")
    }
  }, 30_000)

  return {
    label,
    token,
    email: signed.email,
    password: signed.password,
    customerId: signed.customer.id,
    addressId: addresses[0].id,
    contactId: contact.id,
    businessProfileId: business.id,
    dependentId: dependent.id,
    bookingId: booking.id,
    bookingNumber: booking.booking_number,
    attachmentId: attachment.id,
    cardId,
    invoiceId: invoice.id,
    checkoutId: checkout.id,
    notificationIds: notifications.map((notification) => notification.id),
    dataExportId: dataExport.id,
    seriesId: series.id,
    quoteId: quote.id,
    quoteOptionId: quote.options[0].id,
    quoteAttachmentId: await insertQuoteAttachment(quote.id, attachment.id),
    complaintId: complaint.id,
    complaintPhotoId: complaintPhoto.id,
    giftVoucherId: await insertGiftVoucher(signed.customer.id),
    ratedBookingId: visited.id,
    ratingPhotoId: rated.rating.photos[0].id,
    conversationId: conversation.id,
    conversationMessageId: conversation.messages[0].id,
    conversationAttachmentId: conversation.messages[0].attachments[0].id,
    secrets: [signed.email, tag, booking.booking_number],
  }
}

/** Every id and value of the customer's records (what "their rows" are found by). */
export const recordValues = (records: CustomerRecords) => [
  records.customerId,
  records.addressId,
  records.contactId,
  records.businessProfileId,
  records.dependentId,
  records.bookingId,
  records.attachmentId,
  records.cardId,
  records.invoiceId,
  records.checkoutId,
  ...records.notificationIds,
  records.dataExportId,
  records.seriesId,
  records.quoteId,
  records.quoteAttachmentId,
  records.complaintId,
  records.complaintPhotoId,
  records.giftVoucherId,
  records.ratingPhotoId,
  records.conversationId,
  records.conversationMessageId,
  records.conversationAttachmentId,
  ...records.secrets,
]
