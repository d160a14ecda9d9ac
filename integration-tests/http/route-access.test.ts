import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { adminToken, api } from "../support/api"
import { type CustomerRecords, customerWithRecords, png, recordValues } from "../support/customer-records"
import { type HttpMethod, pluginRoutes, readableMessageProblem, urlOf } from "../support/routes"
import { changedTables, settledDigest } from "../support/table-digest"
import { sealQuoteToken } from "../../plugin/src/utils/quote-links"

/** Where a visit booked from a quote would be (the sweep's schedule calls). */
const QUOTE_VISIT_ADDRESS = { address_1: "1 Sweep Lane", city: "Bristol", postal_code: "BS6 6HR", country_code: "gb" }

/**
 * Item 3 of issue #13: no customer sees or changes another's data, for every route the plugin
 * has. The routes come from the file system (every plugin/src/api/**\/route.ts and the handlers
 * it exports), so a route added later is swept without anyone remembering to:
 *
 * - store routes: customer B calls every handler with customer A's ids → 404, nothing of A's in
 *   the answer, and none of A's rows changed;
 * - admin routes: without a staff session (none, or a customer's) → 401;
 * - a store route file that STORE_ROUTES below does not know makes this file fail.
 */

type Records = CustomerRecords
/** How to call one handler: a valid body, so that only whose ids they are can refuse it. */
type Call = { body?: (own: Records) => unknown; upload?: true }
type StoreRoute =
  /** Each `[param]` filled with a customer's id; `calls` per method (none needed for GET/DELETE). */
  | {
      ids: Record<string, (records: Records) => string>
      calls?: Partial<Record<HttpMethod, Call>>
      /** Called with B's booking-number session (B's email and booking number) instead of B's customer session. */
      session?: "booking-number" | "quote-link"
    }
  /** Why no other customer's id can reach it. Reads under /store/customers/me are still checked for A's data. */
  | { noCheck: string; foreignBodies?: Partial<Record<HttpMethod, ((victim: Records, own: Records) => unknown)[]>> }

const ME = "no id: it reads or changes only the signed-in customer's own records (the customer comes from the session)"
const PUBLIC = "public: the business's catalogue or help content, the same for every visitor"

/** Every store route file of the plugin (and the core routes below): add a line here when you add one. */
const STORE_ROUTES: Record<string, StoreRoute> = {
  "/store/content/faqs": { noCheck: PUBLIC },
  "/store/content/terms": { noCheck: PUBLIC },
  "/store/customers/me/additional-contacts": { noCheck: ME },
  "/store/customers/me/additional-contacts/[id]": { ids: { id: (r) => r.contactId }, calls: { POST: { body: () => ({ name: "Changed by someone else" }) } } },
  "/store/customers/me/automatic-payment": { noCheck: ME },
  "/store/customers/me/billing-address": { noCheck: ME },
  "/store/customers/me/booking-price": {
    noCheck: "no id in the path; the location and business profile the price is for are each checked below (another customer's → 404)",
    foreignBodies: {
      POST: [
        (victim, own) => priceBody(own, { location: { address_id: victim.addressId } }),
        (victim, own) => priceBody(own, { business_profile_id: victim.businessProfileId }),
      ],
    },
  },
  "/store/customers/me/bookings": {
    noCheck: "no id in the path; the ids a new booking refers to are each checked below (another customer's → 404)",
    foreignBodies: {
      POST: [
        (victim, own) => bookingBody(own, { location: { address_id: victim.addressId } }),
        (victim, own) => bookingBody(own, { business_profile_id: victim.businessProfileId }),
        (victim, own) => bookingBody(own, { additional_contact_id: victim.contactId }),
        (victim, own) => bookingBody(own, { dependent_ids: [own.dependentId, victim.dependentId] }),
        (victim, own) => bookingBody(own, { saved_card_id: victim.cardId }),
      ],
    },
  },
  "/store/customers/me/booking-series": {
    noCheck: "no id in the path; the ids new repeat visits refer to are each checked below (another customer's → 404)",
    foreignBodies: {
      POST: [
        (victim, own) => seriesBody(own, { location: { address_id: victim.addressId } }),
        (victim, own) => seriesBody(own, { business_profile_id: victim.businessProfileId }),
        (victim, own) => seriesBody(own, { additional_contact_id: victim.contactId }),
        (victim, own) => seriesBody(own, { dependent_ids: [own.dependentId, victim.dependentId] }),
      ],
    },
  },
  "/store/customers/me/booking-series/[id]": { ids: { id: (r) => r.seriesId } },
  "/store/customers/me/booking-series/[id]/skip": { ids: { id: (r) => r.seriesId }, calls: { POST: { body: () => ({ date: inDays(40).slice(0, 10) }) } } },
  "/store/customers/me/booking-series/[id]/move": {
    ids: { id: (r) => r.seriesId },
    calls: { POST: { body: () => ({ date: inDays(40).slice(0, 10), starts_at: inDays(41) }) } },
  },
  "/store/customers/me/booking-series/[id]/change": {
    ids: { id: (r) => r.seriesId },
    calls: { POST: { body: () => ({ from: inDays(40).slice(0, 10), starts_at: inDays(41), frequency: "weekly" }) } },
  },
  "/store/customers/me/booking-series/[id]/pause": {
    ids: { id: (r) => r.seriesId },
    calls: { POST: { body: () => ({ from: inDays(40).slice(0, 10), to: inDays(50).slice(0, 10) }) } },
  },
  "/store/customers/me/booking-series/[id]/end": { ids: { id: (r) => r.seriesId }, calls: { POST: { body: () => ({ from: inDays(40).slice(0, 10) }) } } },
  "/store/customers/me/bookings/[id]": { ids: { id: (r) => r.bookingId }, calls: { POST: { body: () => ({ instructions: "Changed by someone else" }) } } },
  "/store/customers/me/bookings/[id]/attachments": { ids: { id: (r) => r.bookingId }, calls: { POST: { upload: true } } },
  "/store/customers/me/bookings/[id]/attachments/[attachment_id]": { ids: { id: (r) => r.bookingId, attachment_id: (r) => r.attachmentId } },
  "/store/customers/me/bookings/[id]/rating": {
    ids: { id: (r) => r.ratedBookingId },
    calls: { POST: { body: () => ({ stars: 1 }) }, PUT: { body: () => ({ stars: 1, comment: "Changed by someone else" }) } },
  },
  "/store/customers/me/bookings/[id]/rating/photos": { ids: { id: (r) => r.ratedBookingId }, calls: { POST: { upload: true } } },
  "/store/customers/me/bookings/[id]/rating/photos/[photo_id]": { ids: { id: (r) => r.ratedBookingId, photo_id: (r) => r.ratingPhotoId } },
  "/store/customers/me/ratings/pending": { noCheck: ME },
  "/store/customers/me/bookings/[id]/confirm-payment": { ids: { id: (r) => r.bookingId }, calls: { POST: { body: () => ({}) } } },
  "/store/customers/me/bookings/[id]/release-hold": { ids: { id: (r) => r.bookingId }, calls: { POST: { body: () => ({}) } } },
  "/store/customers/me/bookings/[id]/cancel": { ids: { id: (r) => r.bookingId }, calls: { POST: { body: () => ({ reason: "Someone else" }) } } },
  "/store/customers/me/bookings/[id]/reschedule": {
    ids: { id: (r) => r.bookingId },
    calls: { POST: { body: () => ({ starts_at: new Date(Date.now() + 20 * 86_400_000).toISOString() }) } },
  },
  "/store/customers/me/business-profiles": { noCheck: ME },
  "/store/customers/me/visits.ics": { noCheck: ME },
  "/store/customers/me/calendar-link": { noCheck: ME },
  "/store/customers/me/calendar-link/reset": { noCheck: ME },
  "/store/customers/me/invoice-payments": {
    noCheck: "no id in the path; the invoices and the saved card paid with are each checked below (another customer's → 404)",
    foreignBodies: {
      POST: [
        (victim, own) => ({ invoice_ids: [victim.invoiceId], saved_card_id: own.cardId, idempotency_key: `sweep_${Date.now()}_a` }),
        (victim, own) => ({ invoice_ids: [own.invoiceId, victim.invoiceId], saved_card_id: own.cardId, idempotency_key: `sweep_${Date.now()}_b` }),
      ],
    },
  },
  "/store/customers/me/invoice-payments/[id]": { ids: { id: (r) => r.checkoutId } },
  "/store/customers/me/invoice-payments/[id]/confirm": { ids: { id: (r) => r.checkoutId }, calls: { POST: { body: () => ({}) } } },
  "/store/customers/me/invoices": { noCheck: ME },
  "/store/customers/me/gift-vouchers": {
    noCheck: "no id in the path; the card a voucher is paid with is checked below (another customer's → 404)",
    foreignBodies: { POST: [(victim) => voucherBody(victim.cardId)] },
  },
  "/store/customers/me/gift-vouchers/[id]": { ids: { id: (r) => r.giftVoucherId } },
  "/store/customers/me/referrals": { noCheck: ME },
  "/store/customers/me/store-credit": { noCheck: ME },
  "/store/customers/me/gift-vouchers/add": { noCheck: "a code, not an id: a voucher already in another account is refused (http/gift-vouchers)" },
  "/store/customers/me/complaints": {
    noCheck: "no id in the path; the visit a new complaint is about is checked below (another customer's → 404)",
    foreignBodies: { POST: [(victim) => ({ category: "damage", description: "Not my visit", booking_id: victim.bookingId })] },
  },
  "/store/customers/me/complaints/[id]": { ids: { id: (r) => r.complaintId } },
  "/store/customers/me/complaints/[id]/photos": { ids: { id: (r) => r.complaintId }, calls: { POST: { upload: true } } },
  "/store/customers/me/complaints/[id]/photos/[photo_id]": { ids: { id: (r) => r.complaintId, photo_id: (r) => r.complaintPhotoId } },
  "/store/customers/me/quotes": { noCheck: ME },
  "/store/customers/me/quotes/[id]": { ids: { id: (r) => r.quoteId } },
  "/store/customers/me/quotes/[id]/pdf": { ids: { id: (r) => r.quoteId } },
  "/store/customers/me/quotes/[id]/attachments/[attachment_id]": { ids: { id: (r) => r.quoteId, attachment_id: (r) => r.quoteAttachmentId } },
  "/store/customers/me/quotes/[id]/price": {
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: (own) => ({ option_id: own.quoteOptionId, optional_line_ids: [] }) } },
  },
  "/store/customers/me/quotes/[id]/accept": {
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: (own) => ({ version: 1, option_id: own.quoteOptionId, optional_line_ids: [], signed_name: "Someone Else" }) } },
  },
  "/store/customers/me/quotes/[id]/deposit": { ids: { id: (r) => r.quoteId }, calls: { POST: { body: (own) => ({ saved_card_id: own.cardId }) } } },
  "/store/customers/me/quotes/[id]/deposit/confirm": { ids: { id: (r) => r.quoteId }, calls: { POST: { body: () => ({}) } } },
  "/store/customers/me/quotes/[id]/decline": { ids: { id: (r) => r.quoteId }, calls: { POST: { body: () => ({ reason: "Not for me" }) } } },
  "/store/customers/me/quotes/[id]/request-changes": { ids: { id: (r) => r.quoteId }, calls: { POST: { body: () => ({ message: "Cheaper?" }) } } },
  "/store/customers/me/quotes/[id]/schedule": {
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: () => ({ starts_at: new Date(Date.now() + 20 * 86_400_000).toISOString(), location: { address: QUOTE_VISIT_ADDRESS } }) } },
  },
  "/store/customers/me/invoices/[id]": { ids: { id: (r) => r.invoiceId } },
  "/store/customers/me/invoices/[id]/pdf": { ids: { id: (r) => r.invoiceId } },
  "/store/customers/me/statement": { noCheck: ME },
  "/store/customers/me/statement/pdf": { noCheck: ME },
  "/store/customers/me/business-profiles/[id]": { ids: { id: (r) => r.businessProfileId }, calls: { POST: { body: () => ({ name: "Hijacked Ltd" }) } } },
  // ---- Data requests (GDPR) ----
  "/store/customers/me/data-exports": { noCheck: ME },
  "/store/customers/me/data-exports/[id]": { ids: { id: (r) => r.dataExportId } },
  "/store/data-exports/download": {
    noCheck:
      "no id in the path: the emailed link's export id and single-use token, with the session of the customer who asked; anyone else gets 404 (data-export.test.ts)",
  },
  // ---- end of data requests ----
  // ---- Messages (issue #21) ----
  "/store/customers/me/conversations": {
    noCheck: "no id in the path; the booking, quote or invoice a new conversation is about is checked below (another customer's → 404)",
    foreignBodies: {
      POST: [
        (victim) => ({ subject_type: "booking", subject_id: victim.bookingId, body: "About someone else's visit" }),
        (victim) => ({ subject_type: "quote", subject_id: victim.quoteId, body: "About someone else's quote" }),
        (victim) => ({ subject_type: "invoice", subject_id: victim.invoiceId, body: "About someone else's invoice" }),
      ],
    },
  },
  "/store/customers/me/conversations/unread": { noCheck: ME },
  "/store/customers/me/conversations/stream": { noCheck: `${ME}; a stream that stays open, so the reads sweep leaves it out (conversations.test.ts reads it)` },
  "/store/customers/me/conversations/[id]": { ids: { id: (r) => r.conversationId } },
  "/store/customers/me/conversations/[id]/messages": {
    ids: { id: (r) => r.conversationId },
    calls: { POST: { body: () => ({ body: "Written into someone else's conversation" }) } },
  },
  "/store/customers/me/conversations/[id]/messages/[message_id]": { ids: { id: (r) => r.conversationId, message_id: (r) => r.conversationMessageId } },
  "/store/customers/me/conversations/[id]/messages/[message_id]/files/[attachment_id]": {
    ids: { id: (r) => r.conversationId, message_id: (r) => r.conversationMessageId, attachment_id: (r) => r.conversationAttachmentId },
  },
  // ---- end of messages ----
  "/store/customers/me/dependents": { noCheck: ME },
  "/store/customers/me/dependents/[id]": { ids: { id: (r) => r.dependentId }, calls: { POST: { body: () => ({ name: "Renamed by someone else" }) } } },
  "/store/customers/me/dependents/[id]/photo": { ids: { id: (r) => r.dependentId }, calls: { POST: { upload: true } } },
  "/store/customers/me/notifications": { noCheck: ME },
  "/store/customers/me/notifications/[id]/read": { ids: { id: (r) => r.notificationIds[0] }, calls: { POST: { body: () => ({}) } } },
  "/store/customers/me/notifications/read-all": { noCheck: ME },
  "/store/customers/me/notifications/unread-count": { noCheck: ME },
  "/store/customers/me/profile": { noCheck: ME },
  "/store/customers/me/profile/picture": { noCheck: ME },
  "/store/customers/me/saved-cards": { noCheck: ME },
  "/store/customers/me/saved-cards/[id]": { ids: { id: (r) => r.cardId } },
  "/store/customers/me/saved-cards/[id]/default": { ids: { id: (r) => r.cardId }, calls: { POST: { body: () => ({}) } } },
  "/store/customers/me/saved-cards/setup": { noCheck: ME },
  "/store/portal/booking-session": { noCheck: "a booking-number session sees only the bookings made with its own email" },
  "/store/portal/booking-session/account": { noCheck: "makes an account for the booking-number session's own email" },
  "/store/portal/booking-session/bookings/[id]": { session: "booking-number", ids: { id: (r) => r.bookingId } },
  "/store/portal/booking-session/bookings/[id]/cancel": {
    session: "booking-number",
    ids: { id: (r) => r.bookingId },
    calls: { POST: { body: () => ({ reason: "Someone else" }) } },
  },
  "/store/portal/booking-session/bookings/[id]/reschedule": {
    session: "booking-number",
    ids: { id: (r) => r.bookingId },
    calls: { POST: { body: () => ({ starts_at: new Date(Date.now() + 22 * 86_400_000).toISOString() }) } },
  },
  "/store/portal/quote-link": { noCheck: "trades the emailed link's sealed token for the one quote it names" },
  "/store/portal/quote-link/quotes/[id]": { session: "quote-link", ids: { id: (r) => r.quoteId } },
  "/store/portal/quote-link/quotes/[id]/pdf": { session: "quote-link", ids: { id: (r) => r.quoteId } },
  "/store/portal/quote-link/quotes/[id]/attachments/[attachment_id]": {
    session: "quote-link",
    ids: { id: (r) => r.quoteId, attachment_id: (r) => r.quoteAttachmentId },
  },
  "/store/portal/quote-link/quotes/[id]/price": {
    session: "quote-link",
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: (own) => ({ option_id: own.quoteOptionId, optional_line_ids: [] }) } },
  },
  "/store/portal/quote-link/quotes/[id]/accept": {
    session: "quote-link",
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: (own) => ({ version: 1, option_id: own.quoteOptionId, optional_line_ids: [], signed_name: "Someone Else" }) } },
  },
  "/store/portal/quote-link/quotes/[id]/deposit": {
    session: "quote-link",
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: (own) => ({ saved_card_id: own.cardId }) } },
  },
  "/store/portal/quote-link/quotes/[id]/deposit/confirm": { session: "quote-link", ids: { id: (r) => r.quoteId }, calls: { POST: { body: () => ({}) } } },
  "/store/portal/quote-link/quotes/[id]/decline": {
    session: "quote-link",
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: () => ({ reason: "Not for me" }) } },
  },
  "/store/portal/quote-link/quotes/[id]/schedule": {
    session: "quote-link",
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: () => ({ starts_at: new Date(Date.now() + 20 * 86_400_000).toISOString() }) } },
  },
  "/store/portal/quote-link/quotes/[id]/request-changes": {
    session: "quote-link",
    ids: { id: (r) => r.quoteId },
    calls: { POST: { body: () => ({ message: "Cheaper?" }) } },
  },
  "/store/portal/invite/accept": { noCheck: "the emailed single-use token is the only key; it names the customer" },
  "/store/portal/password": { noCheck: ME },
  "/store/portal/settings": { noCheck: PUBLIC },
  "/store/portal/gift-vouchers/options": { noCheck: PUBLIC },
  "/store/portal/sign-in-link": { noCheck: "answers the same whether or not the email exists; the link goes to that email only" },
  "/store/portal/sign-up": { noCheck: "a visitor's own new account; answers the same whether or not the email exists" },
  "/store/portal/social/complete": { noCheck: "links the session's own Google/Facebook login" },
  "/store/portal/verify-email": { noCheck: "the emailed single-use token is the only key" },
  "/store/portal/unsubscribe": { noCheck: "the emailed link's signature (HMAC of the customer and kind) is the only key; a forged one is a 400" },
  "/store/portal/verify-email/resend": { noCheck: "answers the same whether or not the email exists; the link goes to that email only" },
  "/store/services": { noCheck: PUBLIC },
  "/store/services/[id]": { noCheck: PUBLIC },
  "/store/services/[id]/availability": { noCheck: PUBLIC },
  // Medusa core's saved locations, which the portal uses (not a plugin file, listed in CORE_STORE_ROUTES).
  "/store/customers/me/addresses/[address_id]": { ids: { address_id: (r) => r.addressId }, calls: { POST: { body: () => ({ city: "Elsewhere" }) } } },
}

/** Core routes swept with the plugin's because the portal uses them for the customer's data. */
const CORE_STORE_ROUTES: { pattern: string; methods: HttpMethod[] }[] = [
  { pattern: "/store/customers/me/addresses/[address_id]", methods: ["GET", "POST", "DELETE"] },
]

/** Route files outside /store and /admin, and why they need no session check. */
const OTHER_ROUTES: Record<string, string> = {
  "/calendar/[customer_id]/[file]":
    "a calendar app's subscription: no session; the key in the file name is made for that customer only (booking-series.test.ts)",
  "/hooks/stripe": "Stripe's webhook: no session; every event must carry a valid Stripe-Signature (stripe-webhooks.test.ts)",
}

/** Admin routes that may answer without a staff session (Medusa's AUTHENTICATE = false), and why. None today. */
const PUBLIC_ADMIN_ROUTES: Record<string, string> = {}

function bookingBody(own: Records, overrides: Record<string, unknown>) {
  return {
    service_id: serviceIds.service,
    variant_id: serviceIds.variant,
    starts_at: new Date(Date.now() + 21 * 86_400_000).toISOString(),
    location: { address_id: own.addressId },
    ...overrides,
  }
}

/** New repeat visits: a booking's answers and how often. */
function seriesBody(own: Records, overrides: Record<string, unknown>) {
  const { saved_card_id: _card, ...booking } = bookingBody(own, overrides) as Record<string, unknown>
  return { ...booking, frequency: "every_2_weeks", count: 3 }
}

/** Buying a gift voucher with the card given (delivered today, London's calendar). */
const voucherBody = (cardId: string) => ({
  kind: "amount",
  amount: 25,
  recipient_name: "A friend",
  recipient_email: "friend@example.test",
  deliver_on: new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()),
  saved_card_id: cardId,
  agree_terms: true,
  idempotency_key: randomUUID().replace(/-/g, ""),
})

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

/** The review step's price: the booking's choices the price depends on. */
function priceBody(own: Records, overrides: Record<string, unknown>) {
  const { service_id, variant_id, location } = bookingBody(own, {})
  return { service_id, variant_id, location, ...overrides }
}

const routes = pluginRoutes()
const storeRoutes = [
  ...routes.filter((route) => route.pattern.startsWith("/store/")),
  ...CORE_STORE_ROUTES.map((route) => ({ ...route, params: [...route.pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]) })),
]
const adminRoutes = routes.filter((route) => route.pattern.startsWith("/admin/"))

let victim: Records
let intruder: Records
let admin: string
let dependentsWereOffered: boolean
/** B signed in with their email and booking number instead of their password. */
let intruderBookingSession: string
/** B's emailed link to B's own quote (the token the portal sends in a header). */
let intruderQuoteLink: string
const serviceIds = { service: "", variant: "" }

beforeAll(async () => {
  admin = await adminToken()
  // Dependents are an option of the portal: switched on so their routes answer for their owner.
  const settings = await api("/admin/portal/settings", { token: admin })
  dependentsWereOffered = settings.body.settings.dependents_enabled
  if (!dependentsWereOffered) await api("/admin/portal/settings", { token: admin, body: { dependents_enabled: true } })
  ;[victim, intruder] = [await customerWithRecords("Avery"), await customerWithRecords("Blake")]
  intruderQuoteLink = sealQuoteToken({ quote_id: intruder.quoteId, customer_id: intruder.customerId }, "supersecret")
  intruderBookingSession = (await api("/auth/customer/booking-number", { body: { email: intruder.email, booking_number: intruder.bookingNumber } })).body.token
  const service = (await api("/store/services/regular-home-clean")).body.service
  serviceIds.service = service.id
  serviceIds.variant = service.variants[0].id
}, 180_000)

afterAll(async () => {
  if (dependentsWereOffered === false) await api("/admin/portal/settings", { token: admin, body: { dependents_enabled: false } })
})

describe("the route table", () => {
  it("knows every route file the plugin has, and can call every handler in it", () => {
    expect(routes.length).toBeGreaterThan(50)
    const problems: string[] = []
    for (const route of routes) {
      if (!route.methods.length) problems.push(`${route.file} exports no GET/POST/DELETE… handler the sweep can find`)
      if (route.pattern.startsWith("/store/") && !STORE_ROUTES[route.pattern]) {
        problems.push(
          `${route.pattern} (${route.file}) is not in STORE_ROUTES in integration-tests/http/route-access.test.ts: add a line saying how to fill its ids with a customer's records, or why no check is needed`
        )
      }
      if (!route.pattern.startsWith("/store/") && !route.pattern.startsWith("/admin/") && !OTHER_ROUTES[route.pattern]) {
        problems.push(
          `${route.pattern} (${route.file}) is neither a store nor an admin route: add it to OTHER_ROUTES in route-access.test.ts with why it needs no session`
        )
      }
      if (route.optsOutOfAuth && !PUBLIC_ADMIN_ROUTES[route.pattern]) problems.push(`${route.file} opts out of Medusa's session check (AUTHENTICATE = false)`)
      const entry = STORE_ROUTES[route.pattern]
      if (entry && "ids" in entry) {
        const missing = route.params.filter((param) => !entry.ids[param])
        if (missing.length) problems.push(`STORE_ROUTES["${route.pattern}"] doesn't say how to fill [${missing.join("], [")}]`)
        for (const method of route.methods) {
          if (method === "POST" && !entry.calls?.POST) problems.push(`STORE_ROUTES["${route.pattern}"] needs calls.POST: a valid body or upload`)
        }
      }
      if (entry && "noCheck" in entry && route.params.length && entry.noCheck !== PUBLIC) {
        problems.push(`${route.pattern} has [${route.params.join("], [")}] but STORE_ROUTES says no check is needed`)
      }
    }
    const stale = Object.keys(STORE_ROUTES).filter((pattern) => !storeRoutes.some((route) => route.pattern === pattern))
    for (const pattern of stale) problems.push(`STORE_ROUTES["${pattern}"] has no route file any more: remove it`)
    expect(problems).toEqual([])
  })
})

/** Every way to fill a route's ids where at least one is the victim's (the rest the intruder's own). */
function idCombinations(ids: Record<string, (records: Records) => string>) {
  const names = Object.keys(ids)
  const combos: { values: Record<string, string>; victims: string[] }[] = []
  for (let mask = 1; mask < 1 << names.length; mask++) {
    const values: Record<string, string> = {}
    const victims: string[] = []
    names.forEach((name, index) => {
      const theirs = (mask >> index) & 1
      values[name] = ids[name](theirs ? victim : intruder)
      if (theirs) victims.push(values[name])
    })
    combos.push({ values, victims })
  }
  return combos
}

/** The victim's values that an answer must not hold (leaving out the ones the intruder sent). */
const leaks = (text: string, sent: string[]) => recordValues(victim).filter((value) => !sent.includes(value) && text.includes(value))

describe("store routes: customer B with customer A's ids", () => {
  it("answers 404 with nothing of A's, changes none of A's rows, and B's own ids still work", async () => {
    const before = await settledDigest({ mentioning: recordValues(victim) })
    const problems: string[] = []
    let calls = 0
    for (const route of storeRoutes) {
      const entry = STORE_ROUTES[route.pattern]
      if (!entry) continue
      if ("noCheck" in entry) {
        for (const [method, bodies] of Object.entries(entry.foreignBodies ?? {})) {
          for (const makeBody of bodies ?? []) {
            const body = makeBody(victim, intruder) as Record<string, unknown>
            const response = await api(route.pattern, { token: intruder.token, method: method as "POST", body })
            calls++
            const text = JSON.stringify(response.body)
            if (response.status !== 404) problems.push(`${method} ${route.pattern} with ${JSON.stringify(body)}: ${response.status} ${text.slice(0, 300)}`)
            const leaked = leaks(text, JSON.stringify(body).match(/[\w-]+/g) ?? [])
            if (leaked.length) problems.push(`${method} ${route.pattern} leaked ${leaked.join(", ")}`)
          }
        }
        continue
      }
      const auth =
        entry.session === "quote-link"
          ? { headers: { "x-quote-link": intruderQuoteLink } }
          : { token: entry.session === "booking-number" ? intruderBookingSession : intruder.token }
      for (const method of route.methods) {
        for (const { values, victims } of idCombinations(entry.ids)) {
          const url = urlOf(route.pattern, values)
          const call = entry.calls?.[method]
          const response = await api(url, {
            ...auth,
            method: method as "GET" | "POST" | "DELETE",
            ...(call?.upload ? { raw: png() } : call?.body ? { body: call.body(intruder) } : {}),
          })
          calls++
          const text = JSON.stringify(response.body)
          if (response.status !== 404) problems.push(`${method} ${url} (A's ${victims.join(", ")}): ${response.status} ${text.slice(0, 300)}`)
          else {
            const unreadable = readableMessageProblem(response.body)
            if (unreadable) problems.push(`${method} ${url}: ${unreadable}`)
          }
          const leaked = leaks(text, Object.values(values))
          if (leaked.length) problems.push(`${method} ${url} leaked A's ${leaked.join(", ")}: ${text.slice(0, 300)}`)
        }
        // The same read with B's own ids works: the 404 above was about whose ids they are.
        if (method === "GET") {
          const own = Object.fromEntries(Object.entries(entry.ids).map(([name, pick]) => [name, pick(intruder)]))
          const response = await api(urlOf(route.pattern, own), auth)
          if (response.status !== 200) problems.push(`GET ${route.pattern} with B's own ids: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`)
        }
      }
    }
    const after = await settledDigest({ mentioning: recordValues(victim) })
    expect(problems).toEqual([])
    expect(changedTables(before, after), "tables where A's rows changed").toEqual([])
    expect(calls).toBeGreaterThanOrEqual(25)
  })

  it("lists and reads under /store/customers/me show B nothing of A's", async () => {
    const problems: string[] = []
    for (const route of storeRoutes.filter(
      // A server-sent events stream never ends: conversations.test.ts checks what it sends.
      (r) => r.pattern.startsWith("/store/customers/me") && !r.params.length && r.methods.includes("GET") && !r.pattern.endsWith("/stream")
    )) {
      const response = await api(route.pattern, { token: intruder.token })
      if (response.status !== 200) problems.push(`GET ${route.pattern}: ${response.status}`)
      const leaked = leaks(JSON.stringify(response.body), [])
      if (leaked.length) problems.push(`GET ${route.pattern} shows A's ${leaked.join(", ")}`)
    }
    expect(problems).toEqual([])
  })

  it("answers 401 to the customer's own routes without a session", async () => {
    const problems: string[] = []
    for (const route of storeRoutes.filter((r) => r.pattern.startsWith("/store/customers/me") || r.pattern === "/store/portal/password")) {
      const entry = STORE_ROUTES[route.pattern]
      const values = Object.fromEntries(route.params.map((param) => [param, entry && "ids" in entry ? entry.ids[param](victim) : "x"]))
      for (const method of route.methods) {
        const call = entry && "calls" in entry ? entry.calls?.[method] : undefined
        const response = await api(urlOf(route.pattern, values), {
          method: method as "GET" | "POST" | "DELETE",
          ...(call?.upload ? { raw: png() } : call?.body ? { body: call.body(victim) } : method === "POST" ? { body: {} } : {}),
        })
        if (response.status !== 401)
          problems.push(`${method} ${route.pattern} without a session: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`)
      }
    }
    expect(problems).toEqual([])
  })
})

/** Any id will do: the session check comes first. Customer ids for customer pages, A's records for the rest. */
function adminParam(pattern: string, param: string): string {
  const segments = pattern.split("/")
  const parent = segments[segments.indexOf(`[${param}]`) - 1]
  if (param === "id" && parent === "customers") return victim.customerId
  if (param === "id" && parent === "bookings") return victim.bookingId
  if (param === "contact_id") return victim.contactId
  if (param === "series_id") return victim.seriesId
  if (param === "business_profile_id") return victim.businessProfileId
  if (param === "dependent_id") return victim.dependentId
  if (param === "notification_id") return victim.notificationIds[0]
  return "1"
}

describe("admin routes without a staff session", () => {
  it("answer 401 to nobody and to a customer's session, for every handler of every admin route file", async () => {
    const before = await settledDigest({ mentioning: recordValues(victim) })
    const problems: string[] = []
    let calls = 0
    for (const route of adminRoutes) {
      if (PUBLIC_ADMIN_ROUTES[route.pattern]) continue
      const values = Object.fromEntries(route.params.map((param) => [param, adminParam(route.pattern, param)]))
      const url = urlOf(route.pattern, values)
      for (const method of route.methods) {
        for (const [who, token] of [
          ["no session", undefined],
          ["customer A's session", victim.token],
        ] as const) {
          const response = await api(url, { method: method as "GET" | "POST" | "DELETE", token, ...(method === "POST" ? { body: {} } : {}) })
          calls++
          if (response.status !== 401) problems.push(`${method} ${url} with ${who}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`)
          const leaked = leaks(JSON.stringify(response.body), Object.values(values))
          if (leaked.length) problems.push(`${method} ${url} with ${who} shows ${leaked.join(", ")}`)
        }
      }
    }
    const after = await settledDigest({ mentioning: recordValues(victim) })
    expect(problems).toEqual([])
    expect(changedTables(before, after)).toEqual([])
    expect(calls).toBeGreaterThan(100)
  })
})
