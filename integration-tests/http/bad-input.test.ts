import http from "node:http"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { adminToken, api, randomLoopbackIp, signUpCustomer, uniqueEmail } from "../support/api"
import { createFieldworker } from "../support/bookings"
import {
  type BadRequest,
  type BodySpec,
  badConfirm,
  badCsvRequests,
  badId,
  badJsonRequests,
  badNoBodyRequests,
  badStripeRequests,
  badUploadRequests,
} from "../support/bad-requests"
import { type CustomerRecords, customerWithRecords, BRISTOL, png } from "../support/customer-records"
import { createQuote, twoOptionQuote } from "../support/quotes"
import { pluginRoutes, readableMessageProblem, urlOf, WRITE_METHODS } from "../support/routes"
import { changedTables, settledDigest, type TableDigest } from "../support/table-digest"

/**
 * Item 4 of issue #13: bad input gets a clear 4xx, never a 5xx, and nothing half-written. Every
 * write handler of every plugin route file gets CASES generated bad requests (fast-check, fixed
 * seed): wrong types, missing and unknown fields, very long strings, unicode and emoji, null
 * characters, deep nesting, `__proto__`/`constructor` keys, SQL and HTML metacharacters, numbers
 * out of range, bad ids, wrong content types, bodies cut short. Every answer must be a 4xx with
 * a readable `message`, and every table must hold the same rows afterwards.
 *
 * Each request carries a defect, so none is valid. Where a body is otherwise complete, it is sent
 * against a throw-away customer's own records (or a throw-away fieldworker, FAQ…), so that a
 * defect a route failed to notice shows as a 2xx and as a changed table, not as a 404.
 */

const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261313)
// 50 a route: each route's generator mixes about ten kinds of defect, so each kind is drawn about
// five times per route. The file runs alone and was CI's longest at 100; BAD_INPUT_CASES=500 digs deeper.
const CASES = Number(process.env.BAD_INPUT_CASES ?? 50)
const CONCURRENCY = 6

/** The throw-away records each route's ids and sample bodies come from. */
type Fixture = {
  admin: string
  customer: CustomerRecords
  /** A second throw-away customer: a merge needs two. */
  other: { id: string; token: string }
  /** A customer only the account DELETE route is pointed at. */
  deletable: { id: string }
  password: string
  bookingSession: string
  service: { id: string; variant: string }
  fieldworkerId: string
  faqId: string
  termId: string
  customFieldId: string
  dependentTypeId: string
  productId: string
  /** A tag the throw-away customer carries. */
  tag: string
  /** A draft quote for the throw-away customer, and a photo on it. */
  quoteId: string
  quoteAttachmentId: string
}

type WriteRoute = {
  spec: (f: Fixture) => BodySpec
  /** The path parameters: the throw-away records'. */
  ids?: (f: Fixture) => Record<string, string>
  /** Who calls: a store customer's token, the staff's, or nobody. */
  as?: (f: Fixture) => string | undefined
  /** The DELETE takes `?confirm=true`. */
  confirm?: true
}

const none = (): BodySpec => ({ kind: "none" })
const upload = (): BodySpec => ({ kind: "upload" })
const asCustomer = (f: Fixture) => f.customer.token
const staff = (f: Fixture) => f.admin
const visitor = () => undefined
const inTwentyDays = () => new Date(Date.now() + 20 * 86_400_000).toISOString()
const address = { ...BRISTOL, address_1: "1 Fuzz Lane" }
const business = { name: "Fuzz Ltd", billing_email: "fuzz@example.test", tax_id: "GB1", ...address }
const contact = { name: "Fuzz Contact", role: "Tenant", emails: ["c@example.test"], phones: ["+44 7700 900123"] }

/**
 * Every write handler of the plugin, by "METHOD pattern": what it takes, and whose ids fill its
 * path. A route file with a write handler that is not here makes this file fail: add a line.
 */
const WRITE_ROUTES: Record<string, WriteRoute> = {
  "POST /store/customers/me/additional-contacts": { as: asCustomer, spec: () => ({ kind: "json", sample: contact, required: ["name"] }) },
  "POST /store/customers/me/additional-contacts/[id]": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.contactId }),
    spec: () => ({ kind: "json", sample: contact }),
  },
  "DELETE /store/customers/me/additional-contacts/[id]": { as: asCustomer, ids: (f) => ({ id: f.customer.contactId }), spec: none },
  "POST /store/customers/me/billing-address": {
    as: asCustomer,
    spec: () => ({ kind: "json", sample: { same_as_booking: false, address }, required: ["same_as_booking", "address"] }),
  },
  "POST /store/customers/me/bookings": {
    as: asCustomer,
    spec: (f) => ({
      kind: "json",
      sample: {
        service_id: f.service.id,
        variant_id: f.service.variant,
        starts_at: inTwentyDays(),
        location: { address_id: f.customer.addressId },
        instructions: "Fuzz",
        saved_card_id: f.customer.cardId,
      },
      required: ["service_id", "variant_id", "starts_at", "location"],
    }),
  },
  "POST /store/customers/me/booking-series": {
    as: asCustomer,
    spec: (f) => ({
      kind: "json",
      sample: {
        service_id: f.service.id,
        variant_id: f.service.variant,
        starts_at: inTwentyDays(),
        location: { address_id: f.customer.addressId },
        instructions: "Fuzz",
        frequency: "every_2_weeks",
        count: 4,
      },
      required: ["service_id", "variant_id", "starts_at", "location", "frequency"],
    }),
  },
  "POST /store/customers/me/booking-series/[id]/skip": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.seriesId }),
    spec: () => ({ kind: "json", sample: { date: inTwentyDays().slice(0, 10) }, required: ["date"] }),
  },
  "POST /store/customers/me/booking-series/[id]/move": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.seriesId }),
    spec: () => ({ kind: "json", sample: { date: inTwentyDays().slice(0, 10), starts_at: inTwentyDays() }, required: ["date", "starts_at"] }),
  },
  "POST /store/customers/me/booking-series/[id]/change": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.seriesId }),
    spec: () => ({
      kind: "json",
      sample: { from: inTwentyDays().slice(0, 10), starts_at: inTwentyDays(), frequency: "weekly" },
      required: ["from", "starts_at"],
    }),
  },
  "POST /store/customers/me/booking-series/[id]/pause": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.seriesId }),
    spec: () => ({ kind: "json", sample: { from: inTwentyDays().slice(0, 10), to: inTwentyDays().slice(0, 10) }, required: ["from", "to"] }),
  },
  "POST /store/customers/me/booking-series/[id]/end": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.seriesId }),
    spec: () => ({ kind: "json", sample: { from: inTwentyDays().slice(0, 10) } }),
  },
  "POST /store/customers/me/booking-price": {
    as: asCustomer,
    spec: (f) => ({
      kind: "json",
      sample: { service_id: f.service.id, variant_id: f.service.variant, location: { address_id: f.customer.addressId } },
      required: ["service_id", "variant_id", "location"],
    }),
  },
  "POST /store/customers/me/bookings/[id]": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: { contact: { name: "Fuzz", email: "f@example.test", phone: "0117 496 0000" }, instructions: "Ring twice" } }),
  },
  "POST /store/customers/me/bookings/[id]/attachments": { as: asCustomer, ids: (f) => ({ id: f.customer.bookingId }), spec: upload },
  "POST /store/customers/me/bookings/[id]/rating": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.ratedBookingId }),
    spec: () => ({ kind: "json", sample: { stars: 3, comment: "Fuzz" }, required: ["stars"] }),
  },
  "PUT /store/customers/me/bookings/[id]/rating": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.ratedBookingId }),
    spec: () => ({ kind: "json", sample: { stars: 3, comment: "Fuzz" }, required: ["stars"] }),
  },
  "POST /store/customers/me/bookings/[id]/rating/photos": { as: asCustomer, ids: (f) => ({ id: f.customer.ratedBookingId }), spec: upload },
  "DELETE /store/customers/me/bookings/[id]/attachments/[attachment_id]": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.bookingId, attachment_id: f.customer.attachmentId }),
    spec: none,
  },
  "POST /store/customers/me/bookings/[id]/confirm-payment": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: {} }),
  },
  "POST /store/customers/me/bookings/[id]/release-hold": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: {} }),
  },
  "POST /store/customers/me/bookings/[id]/cancel": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: { reason: "Fuzz" } }),
  },
  "POST /store/customers/me/bookings/[id]/reschedule": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: { starts_at: inTwentyDays() }, required: ["starts_at"] }),
  },
  "POST /store/customers/me/business-profiles": {
    as: asCustomer,
    spec: () => ({ kind: "json", sample: business, required: ["name", "billing_email", "address_1", "city", "postal_code", "country_code"] }),
  },
  "POST /store/customers/me/business-profiles/[id]": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.businessProfileId }),
    spec: () => ({ kind: "json", sample: business }),
  },
  "DELETE /store/customers/me/business-profiles/[id]": { as: asCustomer, ids: (f) => ({ id: f.customer.businessProfileId }), spec: none },
  "POST /store/customers/me/dependents": {
    as: asCustomer,
    spec: (f) => ({ kind: "json", sample: { type_id: f.dependentTypeId, name: "Fuzz", notes: "Friendly", custom_fields: {} }, required: ["type_id", "name"] }),
  },
  "POST /store/customers/me/dependents/[id]": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.dependentId }),
    spec: () => ({ kind: "json", sample: { name: "Fuzz", notes: "Friendly", custom_fields: {} } }),
  },
  "DELETE /store/customers/me/dependents/[id]": { as: asCustomer, ids: (f) => ({ id: f.customer.dependentId }), spec: none },
  "POST /store/customers/me/dependents/[id]/photo": { as: asCustomer, ids: (f) => ({ id: f.customer.dependentId }), spec: upload },
  "DELETE /store/customers/me/dependents/[id]/photo": { as: asCustomer, ids: (f) => ({ id: f.customer.dependentId }), spec: none },
  "POST /store/customers/me/profile": {
    as: asCustomer,
    spec: () => ({
      kind: "json",
      sample: {
        first_name: "Fuzz",
        last_name: "Case",
        kind: "personal",
        additional_names: ["Zed"],
        marketing_emails: false,
        reminder_emails: true,
        billing_same_as_booking: true,
        custom_fields: {},
      },
    }),
  },
  "POST /store/customers/me/profile/picture": { as: asCustomer, spec: upload },
  "DELETE /store/customers/me/profile/picture": { as: asCustomer, spec: none },
  "DELETE /store/customers/me/saved-cards/[id]": { as: asCustomer, ids: (f) => ({ id: f.customer.cardId }), spec: none },
  "POST /store/customers/me/saved-cards/[id]/default": { as: asCustomer, ids: (f) => ({ id: f.customer.cardId }), spec: () => ({ kind: "json", sample: {} }) },
  "POST /store/customers/me/quotes/[id]/price": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: (f) => ({ kind: "json", sample: { option_id: f.customer.quoteOptionId, optional_line_ids: [] } }),
  },
  "POST /store/customers/me/quotes/[id]/accept": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: (f) => ({ kind: "json", sample: { version: 1, option_id: f.customer.quoteOptionId, optional_line_ids: [], signed_name: "Fuzz Name" } }),
  },
  "POST /store/customers/me/quotes/[id]/deposit": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: (f) => ({ kind: "json", sample: { saved_card_id: f.customer.cardId } }),
  },
  "POST /store/customers/me/quotes/[id]/deposit/confirm": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: () => ({ kind: "json", sample: {} }),
  },
  "POST /store/customers/me/quotes/[id]/decline": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: () => ({ kind: "json", sample: { reason: "Fuzz" } }),
  },
  "POST /store/customers/me/quotes/[id]/request-changes": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: () => ({ kind: "json", sample: { message: "Fuzz" } }),
  },
  "POST /store/customers/me/quotes/[id]/schedule": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: () => ({ kind: "json", sample: { starts_at: inTwentyDays(), location: { address } }, required: ["starts_at"] }),
  },
  // ---- Gift vouchers (issue #20) ----
  "POST /store/customers/me/gift-vouchers": {
    as: asCustomer,
    spec: (f) => ({
      kind: "json",
      sample: {
        kind: "amount",
        amount: 25,
        recipient_name: "Fuzz Friend",
        recipient_email: "fuzz.friend@example.test",
        message: "Fuzz",
        deliver_on: "2099-01-01",
        saved_card_id: f.customer.cardId,
        agree_terms: true,
        idempotency_key: "fuzz-voucher-key-0001",
      },
      required: ["kind", "recipient_name", "recipient_email", "deliver_on", "saved_card_id", "agree_terms", "idempotency_key"],
    }),
  },
  "POST /store/customers/me/gift-vouchers/add": {
    as: asCustomer,
    spec: () => ({ kind: "json", sample: { code: "GIFT-FUZZ-FUZZ-FUZZ-FUZZ" }, required: ["code"] }),
  },
  // Without the link's token (a header) every call is 401; the token's own checks are in store-quotes.test.ts.
  "POST /store/portal/quote-link": { as: visitor, spec: () => ({ kind: "json", sample: { token: "q1.not-a-real-token" } }) },
  "POST /store/portal/quote-link/quotes/[id]/schedule": {
    as: visitor,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: () => ({ kind: "json", sample: { starts_at: inTwentyDays() }, required: ["starts_at"] }),
  },
  "POST /store/portal/quote-link/quotes/[id]/price": {
    as: visitor,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: (f) => ({ kind: "json", sample: { option_id: f.customer.quoteOptionId } }),
  },
  "POST /store/portal/quote-link/quotes/[id]/accept": {
    as: visitor,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: (f) => ({ kind: "json", sample: { version: 1, option_id: f.customer.quoteOptionId, signed_name: "Fuzz Name" } }),
  },
  "POST /store/portal/quote-link/quotes/[id]/deposit": {
    as: visitor,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: (f) => ({ kind: "json", sample: { saved_card_id: f.customer.cardId } }),
  },
  "POST /store/portal/quote-link/quotes/[id]/deposit/confirm": {
    as: visitor,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: () => ({ kind: "json", sample: {} }),
  },
  "POST /store/portal/quote-link/quotes/[id]/decline": {
    as: visitor,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: () => ({ kind: "json", sample: { reason: "Fuzz" } }),
  },
  "POST /store/portal/quote-link/quotes/[id]/request-changes": {
    as: visitor,
    ids: (f) => ({ id: f.customer.quoteId }),
    spec: () => ({ kind: "json", sample: { message: "Fuzz" } }),
  },
  // Notifications (issue #21): marking read takes no body.
  "POST /store/customers/me/notifications/[id]/read": { as: asCustomer, ids: (f) => ({ id: f.customer.notificationIds[0] }), spec: none },
  "POST /store/customers/me/notifications/read-all": { as: asCustomer, spec: none },
  // Messages (issue #21): JSON, or a multipart form with files (so "multipart instead of JSON" is no defect there).
  "POST /store/customers/me/conversations": {
    as: asCustomer,
    spec: () => ({ kind: "json", sample: { subject_type: "general", body: "Fuzz" }, required: ["subject_type", "body"], multipart: true }),
  },
  "POST /store/customers/me/conversations/[id]/messages": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.conversationId }),
    spec: () => ({ kind: "json", sample: { body: "Fuzz" }, required: ["body"], multipart: true }),
  },
  "DELETE /store/customers/me/conversations/[id]/messages/[message_id]": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.conversationId, message_id: f.customer.conversationMessageId }),
    spec: none,
  },
  "POST /admin/conversations": {
    as: staff,
    spec: (f) => ({
      kind: "json",
      sample: { customer_id: f.customer.customerId, subject_type: "general", body: "Fuzz" },
      required: ["customer_id", "subject_type", "body"],
      multipart: true,
    }),
  },
  "POST /admin/conversations/[id]/messages": {
    as: staff,
    ids: (f) => ({ id: f.customer.conversationId }),
    spec: () => ({ kind: "json", sample: { body: "Fuzz", internal: true }, required: ["body"], multipart: true }),
  },
  "POST /admin/conversations/[id]/assign": {
    as: staff,
    ids: (f) => ({ id: f.customer.conversationId }),
    spec: () => ({ kind: "json", sample: { user_id: null }, required: ["user_id"] }),
  },
  "POST /store/customers/me/invoice-payments": {
    as: asCustomer,
    spec: (f) => ({
      kind: "json",
      sample: { invoice_ids: [f.customer.invoiceId], saved_card_id: f.customer.cardId, idempotency_key: "fuzz_invoice_payment" },
      required: ["invoice_ids", "idempotency_key"],
    }),
  },
  "POST /store/customers/me/invoice-payments/[id]/confirm": {
    as: asCustomer,
    ids: (f) => ({ id: f.customer.checkoutId }),
    spec: () => ({ kind: "json", sample: {} }),
  },
  "POST /store/customers/me/saved-cards/setup": { as: asCustomer, spec: () => ({ kind: "json", sample: {} }) },
  "POST /store/portal/booking-session/account": {
    as: (f) => f.bookingSession,
    spec: () => ({
      kind: "json",
      sample: { password: "correct-horse-battery", first_name: "Fuzz", last_name: "Guest" },
      required: ["password", "first_name", "last_name"],
    }),
  },
  "POST /store/portal/booking-session/bookings/[id]/cancel": {
    as: (f) => f.bookingSession,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: { reason: "Fuzz" } }),
  },
  "POST /store/portal/booking-session/bookings/[id]/reschedule": {
    as: (f) => f.bookingSession,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: { starts_at: inTwentyDays() }, required: ["starts_at"] }),
  },
  "POST /store/portal/invite/accept": {
    as: visitor,
    spec: () => ({ kind: "json", sample: { token: "t".repeat(43), password: "correct-horse-battery" }, required: ["token", "password"] }),
  },
  "POST /store/portal/password": {
    as: asCustomer,
    spec: (f) => ({
      kind: "json",
      sample: { current_password: f.password, new_password: "another-horse-battery" },
      required: ["current_password", "new_password"],
    }),
  },
  "POST /store/portal/sign-in-link": { as: visitor, spec: (f) => ({ kind: "json", sample: { email: f.customer.email }, required: ["email"] }) },
  "POST /store/portal/sign-up": {
    as: visitor,
    spec: () => ({
      kind: "json",
      sample: {
        first_name: "Fuzz",
        last_name: "Visitor",
        email: uniqueEmail("fuzz.visitor"),
        phone: "+44 7700 900000",
        password: "correct-horse-battery",
        kind: "personal",
      },
      required: ["first_name", "last_name", "email", "phone", "password"],
    }),
  },
  "POST /store/portal/social/complete": { as: asCustomer, spec: none },
  "POST /store/portal/verify-email": { as: visitor, spec: () => ({ kind: "json", sample: { token: "t".repeat(43) }, required: ["token"] }) },
  "POST /store/portal/verify-email/resend": { as: visitor, spec: (f) => ({ kind: "json", sample: { email: f.customer.email }, required: ["email"] }) },
  // A forged signature: whatever the fuzzing leaves, the link turns nothing off.
  "POST /store/portal/unsubscribe": {
    as: visitor,
    spec: (f) => ({
      kind: "json",
      sample: { customer: f.other.id, kind: "reminders", signature: "s".repeat(43) },
      required: ["customer", "kind", "signature"],
    }),
  },

  "POST /admin/bookings/[id]/fieldworker": {
    as: staff,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: (f) => ({ kind: "json", sample: { fieldworker_id: f.fieldworkerId, outside_area: true }, required: ["fieldworker_id"] }),
  },
  "POST /admin/bookings/[id]/reschedule": {
    as: staff,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: { starts_at: inTwentyDays() }, required: ["starts_at"] }),
  },
  "POST /admin/bookings/[id]/status": {
    as: staff,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: () => ({ kind: "json", sample: { status: "confirmed" }, required: ["status"] }),
  },
  "POST /admin/bookings/[id]/reopen": { as: staff, ids: (f) => ({ id: f.customer.bookingId }), spec: none },
  "POST /admin/bookings/[id]/customer": {
    as: staff,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: (f) => ({ kind: "json", sample: { customer_id: f.other.id }, required: ["customer_id"] }),
  },
  "POST /admin/bookings": {
    as: staff,
    spec: (f) => ({
      kind: "json",
      sample: {
        customer_id: f.customer.customerId,
        service_id: f.service.id,
        variant_id: f.service.variant,
        starts_at: inTwentyDays(),
        location: { address_id: f.customer.addressId },
        instructions: "Fuzz",
      },
      required: ["customer_id", "service_id", "variant_id", "starts_at", "location"],
    }),
  },
  "POST /admin/customers/[id]/booking-price": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: (f) => ({
      kind: "json",
      sample: { service_id: f.service.id, variant_id: f.service.variant, location: { address_id: f.customer.addressId } },
      required: ["service_id", "variant_id", "location"],
    }),
  },
  "POST /admin/customers/[id]/booking-series": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: (f) => ({
      kind: "json",
      sample: {
        service_id: f.service.id,
        variant_id: f.service.variant,
        starts_at: inTwentyDays(),
        location: { address_id: f.customer.addressId },
        frequency: "every_2_weeks",
        count: 4,
      },
      required: ["service_id", "variant_id", "starts_at", "location", "frequency"],
    }),
  },
  "POST /admin/customers/[id]/booking-series/[series_id]/skip": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, series_id: f.customer.seriesId }),
    spec: () => ({ kind: "json", sample: { date: inTwentyDays().slice(0, 10) }, required: ["date"] }),
  },
  "POST /admin/customers/[id]/booking-series/[series_id]/move": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, series_id: f.customer.seriesId }),
    spec: () => ({ kind: "json", sample: { date: inTwentyDays().slice(0, 10), starts_at: inTwentyDays() }, required: ["date", "starts_at"] }),
  },
  "POST /admin/customers/[id]/booking-series/[series_id]/change": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, series_id: f.customer.seriesId }),
    spec: () => ({
      kind: "json",
      sample: { from: inTwentyDays().slice(0, 10), starts_at: inTwentyDays(), frequency: "weekly" },
      required: ["from", "starts_at"],
    }),
  },
  "POST /admin/customers/[id]/booking-series/[series_id]/pause": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, series_id: f.customer.seriesId }),
    spec: () => ({ kind: "json", sample: { from: inTwentyDays().slice(0, 10), to: inTwentyDays().slice(0, 10) }, required: ["from", "to"] }),
  },
  "POST /admin/customers/[id]/booking-series/[series_id]/end": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, series_id: f.customer.seriesId }),
    spec: () => ({ kind: "json", sample: { from: inTwentyDays().slice(0, 10) } }),
  },
  "POST /admin/bookings/[id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.bookingId }),
    spec: (f) => ({
      kind: "json",
      sample: { location: { address_id: f.customer.addressId }, contact: { name: "Fuzz", phone: "0117 496 0000" }, instructions: "Ring twice" },
    }),
  },
  "POST /admin/bookings/[id]/attachments": { as: staff, ids: (f) => ({ id: f.customer.bookingId }), spec: upload },
  "DELETE /admin/bookings/[id]/attachments/[attachment_id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.bookingId, attachment_id: f.customer.attachmentId }),
    spec: none,
  },
  "POST /admin/content/faqs": {
    as: staff,
    spec: () => ({ kind: "json", sample: { question: "Fuzz?", answer: "Yes.", category: "General", order: 3 }, required: ["question", "answer"] }),
  },
  "POST /admin/content/faqs/[id]": {
    as: staff,
    ids: (f) => ({ id: f.faqId }),
    spec: () => ({ kind: "json", sample: { question: "Fuzz?", answer: "Yes.", category: "General", order: 3 } }),
  },
  "DELETE /admin/content/faqs/[id]": { as: staff, ids: (f) => ({ id: f.faqId }), spec: none },
  "POST /admin/content/terms": {
    as: staff,
    spec: () => ({
      kind: "json",
      sample: { title: "Fuzz terms", slug: "fuzz-terms", body: "Terms.", version: "1", publishedAt: "2026-01-01" },
      required: ["title", "slug", "body", "version", "publishedAt"],
    }),
  },
  "POST /admin/content/terms/[id]": {
    as: staff,
    ids: (f) => ({ id: f.termId }),
    spec: () => ({ kind: "json", sample: { title: "Fuzz terms", body: "Terms.", version: "2", publishedAt: "2026-01-01" } }),
  },
  "DELETE /admin/content/terms/[id]": { as: staff, ids: (f) => ({ id: f.termId }), spec: none },
  "POST /admin/crm/imports": { as: staff, spec: () => ({ kind: "csv" }) },
  "POST /admin/crm/merges": {
    as: staff,
    spec: (f) => ({ kind: "json", sample: { primary_id: f.customer.customerId, secondary_id: f.other.id }, required: ["primary_id", "secondary_id"] }),
  },
  "POST /admin/custom-fields": {
    as: staff,
    spec: () => ({
      kind: "json",
      sample: { target_type: "customer", key: "fuzz_field", label: "Fuzz", type: "text" },
      required: ["target_type", "key", "label", "type"],
      open: true,
    }),
  },
  "POST /admin/custom-fields/[id]": {
    as: staff,
    ids: (f) => ({ id: f.customFieldId }),
    spec: () => ({ kind: "json", sample: { label: "Fuzz", required: false, visibility: "staff", rank: 2, help_text: "Help" } }),
  },
  "DELETE /admin/custom-fields/[id]": { as: staff, ids: (f) => ({ id: f.customFieldId }), spec: none, confirm: true },
  "DELETE /admin/customers/[id]/account": { as: staff, ids: (f) => ({ id: f.deletable.id }), spec: none },
  "POST /admin/customers/[id]/additional-contacts": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({ kind: "json", sample: contact, required: ["name"] }),
  },
  "POST /admin/customers/[id]/additional-contacts/[contact_id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, contact_id: f.customer.contactId }),
    spec: () => ({ kind: "json", sample: contact }),
  },
  "DELETE /admin/customers/[id]/additional-contacts/[contact_id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, contact_id: f.customer.contactId }),
    spec: none,
  },
  "POST /admin/customers/[id]/billing-address": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({ kind: "json", sample: { same_as_booking: false, address }, required: ["same_as_booking", "address"] }),
  },
  "POST /admin/customers/[id]/business-profiles": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({ kind: "json", sample: business, required: ["name", "billing_email", "address_1", "city", "postal_code", "country_code"] }),
  },
  "POST /admin/customers/[id]/business-profiles/[business_profile_id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, business_profile_id: f.customer.businessProfileId }),
    spec: () => ({ kind: "json", sample: business }),
  },
  "DELETE /admin/customers/[id]/business-profiles/[business_profile_id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, business_profile_id: f.customer.businessProfileId }),
    spec: none,
  },
  "POST /admin/customers/[id]/dependents": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: (f) => ({ kind: "json", sample: { type_id: f.dependentTypeId, name: "Fuzz", notes: "Friendly", custom_fields: {} }, required: ["type_id", "name"] }),
  },
  "POST /admin/customers/[id]/dependents/[dependent_id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, dependent_id: f.customer.dependentId }),
    spec: () => ({ kind: "json", sample: { name: "Fuzz", notes: "Friendly", custom_fields: {} } }),
  },
  "DELETE /admin/customers/[id]/dependents/[dependent_id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, dependent_id: f.customer.dependentId }),
    spec: none,
  },
  "POST /admin/customers/[id]/dependents/[dependent_id]/photo": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, dependent_id: f.customer.dependentId }),
    spec: upload,
  },
  "DELETE /admin/customers/[id]/dependents/[dependent_id]/photo": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, dependent_id: f.customer.dependentId }),
    spec: none,
  },
  // ---- Data requests (GDPR) ----
  "POST /store/customers/me/data-exports": { as: asCustomer, spec: none },
  "POST /store/customers/me/calendar-link/reset": { as: asCustomer, spec: none },
  "POST /admin/customers/[id]/data-exports": { as: staff, ids: (f) => ({ id: f.customer.customerId }), spec: none },
  "POST /admin/customers/[id]/erasure": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: (f) => ({ kind: "json", sample: { confirm_email: f.customer.email }, required: ["confirm_email"] }),
  },
  // ---- end of data requests ----
  "POST /admin/customers/[id]/billing-cycle": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({ kind: "json", sample: { frequency: "monthly", month_day: 15 }, required: ["frequency", "month_day"] }),
  },
  "POST /admin/customers/[id]/automatic-payment": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({ kind: "json", sample: { enabled: false }, required: ["enabled"] }),
  },
  "POST /store/customers/me/automatic-payment": { as: asCustomer, spec: () => ({ kind: "json", sample: { enabled: false }, required: ["enabled"] }) },
  "POST /admin/customers/[id]/billing-cycle/bill-now": { as: staff, ids: (f) => ({ id: f.customer.customerId }), spec: none },
  "POST /admin/customers/[id]/bill-payer": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({ kind: "json", sample: { pays: "customer" }, required: ["pays"] }),
  },
  "POST /admin/customers/[id]/messages": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({ kind: "json", sample: { subject: "Fuzz", body: "Hello" }, required: ["subject", "body"] }),
  },
  "POST /admin/customers/[id]/picture": { as: staff, ids: (f) => ({ id: f.customer.customerId }), spec: upload },
  "DELETE /admin/customers/[id]/picture": { as: staff, ids: (f) => ({ id: f.customer.customerId }), spec: none },
  "POST /admin/customers/[id]/statement/email": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({ kind: "json", sample: { from: "2025-01-01", to: "2025-12-31" } }),
  },
  "POST /admin/customers/[id]/portal-invite": { as: staff, ids: (f) => ({ id: f.customer.customerId }), spec: none },
  "POST /admin/customers/[id]/profile": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId }),
    spec: () => ({
      kind: "json",
      sample: {
        first_name: "Fuzz",
        status: "active",
        tax_exempt: false,
        tax_rate_override: 5,
        payment_terms_days: 30,
        internal_notes: "Notes",
        tags: ["fuzz"],
        custom_fields: {},
      },
    }),
  },
  "POST /admin/customers/[id]/restore": { as: staff, ids: (f) => ({ id: f.customer.customerId }), spec: none },
  "POST /admin/customer-tags/rename": {
    as: staff,
    spec: (f) => ({ kind: "json", sample: { from: f.tag, to: "Fuzz tag renamed" }, required: ["from", "to"] }),
  },
  "POST /admin/customer-tags/delete": { as: staff, spec: (f) => ({ kind: "json", sample: { tag: f.tag }, required: ["tag"] }) },
  "POST /admin/dependent-types": {
    as: staff,
    spec: () => ({ kind: "json", sample: { label_singular: "Fuzz", label_plural: "Fuzzes", rank: 4 }, required: ["label_singular", "label_plural"] }),
  },
  "POST /admin/dependent-types/[id]": {
    as: staff,
    ids: (f) => ({ id: f.dependentTypeId }),
    spec: () => ({ kind: "json", sample: { label_singular: "Fuzz", label_plural: "Fuzzes", rank: 4 } }),
  },
  "DELETE /admin/dependent-types/[id]": { as: staff, ids: (f) => ({ id: f.dependentTypeId }), spec: none, confirm: true },
  // ---- Invoices (issue #17) ----
  "POST /admin/referrals/settings": {
    as: staff,
    spec: () => ({
      kind: "json",
      sample: { enabled: true, welcome_discount_type: "percentage", welcome_discount_value: 10, reward_amount: 10, currency_code: "gbp" },
    }),
  },
  // No referral of this customer has that id: every case is refused, whatever its body.
  "POST /admin/customers/[id]/referrals/[referral_id]/revoke": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, referral_id: "ref_not_theirs" }),
    spec: () => ({ kind: "json", sample: { reason: "Fuzz" } }),
  },
  "POST /admin/ratings/settings": {
    as: staff,
    spec: () => ({ kind: "json", sample: { low_rating_threshold: 2, public_review_url: "https://g.page/r/fuzz/review" } }),
  },
  "POST /admin/gift-vouchers/settings": { as: staff, spec: () => ({ kind: "json", sample: { validity_months: 12, min_amount: 10, max_amount: 500 } }) },
  "POST /admin/gift-vouchers": {
    as: staff,
    spec: (f) => ({
      kind: "json",
      sample: { amount: 15, recipient_name: "Fuzz", recipient_email: "fuzz@example.test", message: "Fuzz", customer_id: f.customer.customerId },
      required: ["amount", "recipient_name", "recipient_email"],
    }),
  },
  "POST /admin/gift-vouchers/[id]": {
    as: staff,
    ids: (f) => ({ id: f.customer.giftVoucherId }),
    spec: () => ({ kind: "json", sample: { disabled: true, note: "Fuzz" } }),
  },
  "POST /admin/billing/settings": {
    as: staff,
    spec: () => ({ kind: "json", sample: { issue_on_completion: true, default_terms: "net_14", invoice_prefix: "INV-{YYYY}-" } }),
  },
  "POST /admin/invoices/[id]/issue": { as: staff, ids: (f) => ({ id: f.customer.invoiceId }), spec: () => ({ kind: "json", sample: {} }) },
  "POST /admin/invoices/[id]/void": {
    as: staff,
    ids: (f) => ({ id: f.customer.invoiceId }),
    spec: () => ({ kind: "json", sample: { reason: "Fuzz" }, required: ["reason"] }),
  },
  "POST /admin/invoices/[id]/credit-notes": {
    as: staff,
    ids: (f) => ({ id: f.customer.invoiceId }),
    spec: () => ({ kind: "json", sample: { amount: "1.00", reason: "Fuzz" }, required: ["amount", "reason"] }),
  },
  "POST /admin/invoices/[id]/payments": {
    as: staff,
    ids: (f) => ({ id: f.customer.invoiceId }),
    spec: () => ({ kind: "json", sample: { method: "cash", amount: "1.00", reference: "Fuzz" }, required: ["method", "amount"] }),
  },
  "POST /admin/invoices/[id]/due-date": {
    as: staff,
    ids: (f) => ({ id: f.customer.invoiceId }),
    spec: () => ({ kind: "json", sample: { due_date: "2030-01-01" }, required: ["due_date"] }),
  },
  "POST /admin/invoices/[id]/resend": { as: staff, ids: (f) => ({ id: f.customer.invoiceId }), spec: none },
  // ---- Complaints (issue #21) ----
  "POST /store/customers/me/complaints": {
    as: asCustomer,
    spec: () => ({ kind: "json", sample: { category: "damage", description: "Fuzz complaint" }, required: ["category", "description"] }),
  },
  "POST /store/customers/me/complaints/[id]/photos": { as: asCustomer, ids: (f) => ({ id: f.customer.complaintId }), spec: upload },
  "POST /admin/complaints": {
    as: staff,
    spec: (f) => ({
      kind: "json",
      sample: { customer_id: f.customer.customerId, category: "billing", description: "Fuzz complaint" },
      required: ["customer_id", "category", "description"],
    }),
  },
  "POST /admin/complaints/[id]/assign": {
    as: staff,
    ids: (f) => ({ id: f.customer.complaintId }),
    spec: () => ({ kind: "json", sample: { assigned_user_id: null }, required: ["assigned_user_id"] }),
  },
  "POST /admin/complaints/[id]/status": {
    as: staff,
    ids: (f) => ({ id: f.customer.complaintId }),
    spec: () => ({ kind: "json", sample: { status: "in_progress" }, required: ["status"] }),
  },
  "POST /admin/complaints/[id]/photos": { as: staff, ids: (f) => ({ id: f.customer.complaintId }), spec: upload },
  // ---- Quotes, staff side (issue #19) ----
  "POST /admin/quotes": {
    as: staff,
    spec: (f) => ({
      kind: "json",
      sample: {
        customer_id: f.customer.customerId,
        title: "Fuzz quote",
        expires_on: inTwentyDays().slice(0, 10),
        options: [{ title: "Fuzz option", lines: [{ variant_id: f.service.variant, quantity: 1 }] }],
      },
      required: ["customer_id", "title", "options"],
    }),
  },
  "POST /admin/quotes/[id]": {
    as: staff,
    ids: (f) => ({ id: f.quoteId }),
    spec: () => ({ kind: "json", sample: { title: "Fuzz quote", notes: "Fuzz notes" } }),
  },
  "POST /admin/quotes/[id]/send": { as: staff, ids: (f) => ({ id: f.quoteId }), spec: none },
  "POST /admin/quotes/[id]/revise": { as: staff, ids: (f) => ({ id: f.quoteId }), spec: none },
  "POST /admin/quotes/[id]/attachments": { as: staff, ids: (f) => ({ id: f.quoteId }), spec: upload },
  "DELETE /admin/quotes/[id]/attachments/[attachment_id]": {
    as: staff,
    ids: (f) => ({ id: f.quoteId, attachment_id: f.quoteAttachmentId }),
    spec: none,
  },
  "POST /admin/quotes/[id]/schedule": {
    as: staff,
    ids: (f) => ({ id: f.quoteId }),
    spec: () => ({ kind: "json", sample: { starts_at: inTwentyDays(), location: { address } }, required: ["starts_at"] }),
  },
  // ---- Staff-managed saved cards ----
  "POST /admin/customers/[id]/saved-cards/setup": { as: staff, ids: (f) => ({ id: f.customer.customerId }), spec: () => ({ kind: "json", sample: {} }) },
  "POST /admin/customers/[id]/saved-cards/[card_id]/default": {
    as: staff,
    ids: (f) => ({ id: f.customer.customerId, card_id: f.customer.cardId }),
    spec: () => ({ kind: "json", sample: {} }),
  },
  "DELETE /admin/customers/[id]/saved-cards/[card_id]": { as: staff, ids: (f) => ({ id: f.customer.customerId, card_id: f.customer.cardId }), spec: none },
  "POST /admin/fieldworkers": {
    as: staff,
    spec: () => ({
      kind: "json",
      sample: { name: "Fuzz Worker", email: "fuzz.worker@crew.example.test", phone: "+44 7700 900123", service_areas: ["BS"], active: true },
      required: ["name", "email"],
    }),
  },
  "POST /admin/fieldworkers/[id]": {
    as: staff,
    ids: (f) => ({ id: f.fieldworkerId }),
    spec: () => ({
      kind: "json",
      sample: { name: "Fuzz Worker", email: "fuzz.worker@crew.example.test", phone: "+44 7700 900123", service_areas: ["BS"], active: true },
    }),
  },
  "DELETE /admin/fieldworkers/[id]": { as: staff, ids: (f) => ({ id: f.fieldworkerId }), spec: none, confirm: true },
  "POST /admin/portal/settings": {
    as: staff,
    spec: () => ({
      kind: "json",
      sample: {
        portal_enabled: true,
        closed_message: "Closed",
        dependents_enabled: true,
        cancellation_cutoff_hours: 24,
        reschedule_cutoff_hours: 24,
        cancellation_policy: "Free until a day before.",
        office_phone: "0117 496 0000",
      },
    }),
  },
  "POST /admin/portal/visit-reminders": { as: staff, spec: () => ({ kind: "json", sample: { enabled: true, lead_hours: [48, 2] } }) },
  "POST /admin/products/[id]/service": {
    as: staff,
    ids: (f) => ({ id: f.productId }),
    spec: () => ({
      kind: "json",
      sample: {
        duration_minutes: 60,
        currency_code: "gbp",
        summary: "Fuzz",
        service_areas: ["BS"],
        window_minutes: 60,
        capacity: 2,
        working_hours: [],
        lead_time_hours: 24,
        horizon_days: 30,
      },
    }),
  },
  "DELETE /admin/products/[id]/service": { as: staff, ids: (f) => ({ id: f.productId }), spec: none },
  "POST /hooks/stripe": { as: visitor, spec: () => ({ kind: "stripe" }) },
}

/**
 * Tables a refused request may still change, and why:
 * - workflow_execution: Medusa's record of workflow runs (a run refused by its own checks).
 * - customer_directory_entry: the directory read model, moved on by a job every five minutes from
 *   visits of other files' bookings that pass while this file runs.
 */
const MAY_CHANGE = ["workflow_execution", "customer_directory_entry"]

let fixture: Fixture
let before: TableDigest
const cleanups: (() => Promise<unknown>)[] = []
let settingsBefore: Record<string, unknown>

const must = async (what: string, promise: Promise<{ status: number; body: any }>) => {
  const response = await promise
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}

beforeAll(async () => {
  const admin = await adminToken()
  settingsBefore = (await must("settings", api("/admin/portal/settings", { token: admin }))).settings
  if (!settingsBefore.dependents_enabled) await must("dependents on", api("/admin/portal/settings", { token: admin, body: { dependents_enabled: true } }))
  const customer = await customerWithRecords("Fuzz")
  const tag = `Fuzz tag ${Date.now()}`
  await must("tag", api(`/admin/customers/${customer.customerId}/profile`, { token: admin, body: { tags: [tag] } }))
  const other = await signUpCustomer({ first_name: "Fuzz", last_name: "Other" })
  const deletable = await signUpCustomer({ first_name: "Fuzz", last_name: "Deletable" })
  // Every booking gives its email a booking-number login: the restricted session the portal's "make an account" uses.
  const session = await must(
    "booking-number login",
    api("/auth/customer/booking-number", { body: { email: customer.email, booking_number: customer.bookingNumber } })
  )
  const service = (await must("service", api("/store/services/regular-home-clean"))).service
  const fieldworker = await createFieldworker(admin, { name: "Fuzz Worker", service_areas: [] })
  const faq = (await must("faq", api("/admin/content/faqs", { token: admin, body: { question: "Fuzz question?", answer: "Fuzz answer." } }))).faq
  const term = (
    await must(
      "term",
      api("/admin/content/terms", { token: admin, body: { title: "Fuzz", slug: `fuzz-${Date.now()}`, body: "Fuzz.", version: "1", publishedAt: "2026-01-01" } })
    )
  ).term
  const field = (
    await must(
      "custom field",
      api("/admin/custom-fields", { token: admin, body: { target_type: "customer", key: `fuzz_${Date.now()}`, label: "Fuzz", type: "text" } })
    )
  ).custom_field
  const type = (
    await must("dependent type", api("/admin/dependent-types", { token: admin, body: { label_singular: "Fuzz thing", label_plural: "Fuzz things" } }))
  ).dependent_type
  const product = (
    await must(
      "product",
      api("/admin/products", { token: admin, body: { title: `Fuzz service ${Date.now()}`, options: [{ title: "Default", values: ["Default"] }] } })
    )
  ).product
  await must("service details", api(`/admin/products/${product.id}/service`, { token: admin, body: { duration_minutes: 60 } }))
  const quote = (await createQuote(admin, await twoOptionQuote(customer.customerId))).quote
  const quoteFile = (await must("quote photo", api(`/admin/quotes/${quote.id}/attachments`, { token: admin, raw: png("fuzz-quote.png") }))).quote.draft
    .attachments[0]
  cleanups.push(
    () => api(`/admin/fieldworkers/${fieldworker.id}?confirm=true`, { token: admin, method: "DELETE" }),
    () => api(`/admin/content/faqs/${faq.id}`, { token: admin, method: "DELETE" }),
    () => api(`/admin/content/terms/${term.id}`, { token: admin, method: "DELETE" }),
    () => api(`/admin/custom-fields/${field.id}?confirm=true`, { token: admin, method: "DELETE" }),
    () => api(`/admin/dependent-types/${type.id}?confirm=true`, { token: admin, method: "DELETE" }),
    () => api(`/admin/products/${product.id}`, { token: admin, method: "DELETE" })
  )
  fixture = {
    admin,
    customer,
    other: { id: other.customer.id, token: other.token },
    deletable: { id: deletable.customer.id },
    password: customer.password,
    bookingSession: session.token,
    service: { id: service.id, variant: service.variants[0].id },
    fieldworkerId: fieldworker.id,
    faqId: String(faq.id),
    termId: String(term.id),
    customFieldId: field.id,
    dependentTypeId: type.id,
    productId: product.id,
    tag,
    quoteId: quote.id,
    quoteAttachmentId: quoteFile.id,
  }
  // Whatever earlier requests (and other files) set off is done before the first count.
  before = await settledDigest({ skip: MAY_CHANGE })
}, 240_000)

afterAll(async () => {
  if (!fixture) return
  // The settings as they were, in case a refused request was not refused.
  const { updated_at: _updated, ...settings } = settingsBefore
  await api("/admin/portal/settings", { token: fixture.admin, body: settings })
  for (const cleanup of cleanups) await cleanup().catch(() => undefined)
})

type Answer = { status: number; body: any }
const FILE_IP = randomLoopbackIp()

/** One raw request: any bytes, any content type (or none), from this file's loopback address. */
function send(method: string, path: string, request: BadRequest, token: string | undefined): Promise<Answer> {
  const headers: Record<string, string> = { ...request.headers }
  if (request.contentType !== undefined) headers["content-type"] = request.contentType
  if (request.body) headers["content-length"] = String(request.body.length)
  if (token) headers.authorization = `Bearer ${token}`
  if (path.startsWith("/store")) headers["x-publishable-api-key"] = inject("publishableKey")
  const url = new URL(inject("backendUrl").replace("localhost", "127.0.0.1"))
  return new Promise((resolve, reject) => {
    const call = http.request({ host: url.hostname, port: url.port, method, path, headers, localAddress: FILE_IP }, (response) => {
      let text = ""
      response.setEncoding("utf8")
      response.on("data", (chunk) => (text += chunk))
      response.on("end", () => {
        let body: any = text
        try {
          body = text ? JSON.parse(text) : null
        } catch {}
        resolve({ status: response.statusCode ?? 0, body })
      })
    })
    call.on("error", reject)
    call.setTimeout(15_000, () => call.destroy(new Error("no answer in 15 s")))
    call.end(request.body)
  })
}

/** A stable number per route, so adding a route doesn't change the cases of the others. */
const seedOf = (key: string) => [...key].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) | 0, SEED)

function casesFor(key: string, route: WriteRoute, params: string[]): { request: BadRequest; method: string }[] {
  const spec = route.spec(fixture)
  const bodies =
    spec.kind === "json"
      ? badJsonRequests(spec)
      : spec.kind === "none"
        ? badNoBodyRequests()
        : spec.kind === "upload"
          ? badUploadRequests()
          : spec.kind === "csv"
            ? badCsvRequests()
            : badStripeRequests()
  const options: fc.Arbitrary<BadRequest>[] = [bodies]
  if (params.length) {
    // A bad id with an otherwise fine request (a valid upload included): refused as not found.
    const fine =
      spec.kind === "json" ? { contentType: "application/json", body: Buffer.from(JSON.stringify(spec.sample)) } : spec.kind === "upload" ? uploadOf() : {}
    options.push(
      fc
        .tuple(fc.constantFrom(...params), badId)
        .map(([param, value]) => ({ defect: `bad ${param} ${JSON.stringify(value.slice(0, 40))}`, params: { [param]: value }, ...fine }))
    )
  }
  if (route.confirm) options.push(badConfirm.map((query) => ({ defect: `bad query ${query}`, query })))
  const method = key.split(" ")[0]
  return fc.sample(fc.oneof(...options), { seed: seedOf(key), numRuns: CASES }).map((request) => ({ request, method }))
}

function uploadOf() {
  const boundary = "----fine-upload"
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64")
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  }
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++
        await work(items[index], index)
      }
    })
  )
}

const writeRoutes = pluginRoutes().flatMap((route) =>
  route.methods.filter((method) => WRITE_METHODS.includes(method)).map((method) => ({ key: `${method} ${route.pattern}`, route }))
)

describe("bad input", () => {
  it("every write handler of every route file is in WRITE_ROUTES", () => {
    const missing = writeRoutes.filter(({ key }) => !WRITE_ROUTES[key]).map(({ key, route }) => `${key} (${route.file})`)
    const stale = Object.keys(WRITE_ROUTES).filter((key) => !writeRoutes.some((route) => route.key === key))
    expect(missing, "add these to WRITE_ROUTES in integration-tests/http/bad-input.test.ts: what they take and whose ids fill them").toEqual([])
    expect(stale, "remove these from WRITE_ROUTES: their route files are gone").toEqual([])
  })

  const rows: { route: string; cases: number; client: number; server: number; other: number }[] = []
  let started = 0

  it.each(writeRoutes.filter(({ key }) => WRITE_ROUTES[key]).map(({ key, route }) => ({ key, route })))(
    `answers ${CASES} bad requests to $key with a readable 4xx`,
    async ({ key, route }) => {
      started ||= Date.now()
      const entry = WRITE_ROUTES[key]
      const ids = entry.ids?.(fixture) ?? {}
      const token = (entry.as ?? staff)(fixture)
      const cases = casesFor(key, entry, route.params)
      const row = { route: key, cases: cases.length, client: 0, server: 0, other: 0 }
      rows.push(row)
      const failures: string[] = []
      await pool(cases, CONCURRENCY, async ({ request, method }, index) => {
        const path = urlOf(route.pattern, { ...ids, ...request.params }) + (request.query ? `?${request.query}` : "")
        const answer = await send(method, path, request, token).catch((error: Error) => ({ status: 0, body: { message: error.message } }))
        if (answer.status >= 500) row.server++
        else if (answer.status >= 400) row.client++
        else row.other++
        const problem =
          answer.status === 0 ? "no answer" : answer.status >= 500 ? "server error" : answer.status < 400 ? "accepted" : readableMessageProblem(answer.body)
        if (problem && failures.length < 5) {
          failures.push(`case ${index} (${request.defect}): ${answer.status} ${problem}; ${JSON.stringify(answer.body)?.slice(0, 300)}`)
        }
      })
      if (failures.length) console.log(`${key}, seed ${SEED}:\n${failures.join("\n")}`)
      expect(failures.join("\n"), `seed ${SEED} (BAD_INPUT_SEED replays it)`).toBe("")
      expect(row.client).toBe(CASES)
    },
    90_000
  )

  it("wrote nothing: every table holds the same rows as before", async () => {
    const after = await settledDigest({ skip: MAY_CHANGE })
    console.log(
      `Bad input (seed ${SEED}, ${CASES} cases a route, ${Math.round((Date.now() - started) / 1000)} s):\n` +
        [["route", "cases", "4xx", "5xx", "other"], ...rows.map((row) => [row.route, row.cases, row.client, row.server, row.other])]
          .map(([route, ...counts]) => `${String(route).padEnd(72)} ${counts.map((count) => String(count).padStart(5)).join(" ")}`)
          .join("\n")
    )
    expect(rows.length).toBe(Object.keys(WRITE_ROUTES).length)
    expect(changedTables(before, after).join("\n"), "tables changed by refused requests").toBe("")
  })
})
