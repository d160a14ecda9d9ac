import { render } from "@react-email/render"
import { accountVerification } from "./account-verification"
import { confirmAccount } from "./confirm-account"
import { passwordChanged } from "./password-changed"
import { passwordReset } from "./password-reset"
import { signInLink } from "./sign-in-link"
import { bookingConfirmation, bookingReceived } from "./booking"
import { bookingCancelled, bookingCancelledOffice, bookingRescheduled, bookingRescheduledOffice } from "./booking-changes"
import { bookingSeriesChanged, bookingSeriesChangedOffice } from "./booking-series"
import { portalInvite } from "./portal-invite"
import { staffMessage } from "./staff-message"
import { dataExportReady, dataExportReadyStaff } from "./data-export"
import { invoiceIssued, invoiceReceipt } from "./invoices"
import { accountStatement } from "./statements"
import { invoicePaymentReceipt } from "./invoice-payments"
import { automaticPaymentFailed } from "./automatic-payments"
import { quoteCustomerActionOffice, quoteSent } from "./quotes"
import { giftVoucherDelivery, giftVoucherReceipt } from "./gift-vouchers"
import { complaintStatusChanged } from "./complaints"
import { visitReminder } from "./visit-reminder"
import { ratingLowOffice, ratingRequest, ratingThanks } from "./ratings"
import { conversationMessage, conversationMessageOffice } from "./conversations"
import { portalNotice } from "./portal-notice"
import type { FieldKind, TemplateDefinition } from "./template"

export type { AccountVerificationData } from "./account-verification"
export type { ConfirmAccountData } from "./confirm-account"
export type { PasswordChangedData } from "./password-changed"
export type { PasswordResetData } from "./password-reset"
export type { SignInLinkData } from "./sign-in-link"
export type { PortalInviteData } from "./portal-invite"
export type { StaffMessageData } from "./staff-message"
export type { DataExportReadyData, DataExportReadyStaffData } from "./data-export"
export type { InvoiceIssuedData, InvoiceReceiptData } from "./invoices"
export type { AccountStatementData } from "./statements"
export type { AutomaticPaymentFailedData } from "./automatic-payments"
export type { QuoteCustomerActionOfficeData, QuoteSentData } from "./quotes"
export type { GiftVoucherDeliveryData, GiftVoucherReceiptData } from "./gift-vouchers"
export type { ComplaintStatusChangedData } from "./complaints"
export type { RatingLowOfficeData, RatingRequestData, RatingThanksData } from "./ratings"
export type { ConversationMessageData, ConversationMessageOfficeData } from "./conversations"
export type { PortalNoticeData } from "./portal-notice"
export type { BookingConfirmationData, BookingReceivedData } from "./booking"
export type { BookingSeriesChangedData, BookingSeriesChangedOfficeData } from "./booking-series"
export type { VisitReminderData } from "./visit-reminder"
export type { BookingCancelledData, BookingCancelledOfficeData, BookingRescheduledData, BookingRescheduledOfficeData } from "./booking-changes"

export const EMAIL_TEMPLATES = {
  "account-verification": accountVerification,
  "password-reset": passwordReset,
  "sign-in-link": signInLink,
  "portal-invite": portalInvite,
  "confirm-account": confirmAccount,
  "booking-confirmation": bookingConfirmation,
  "booking-received": bookingReceived,
  "booking-cancelled": bookingCancelled,
  "booking-cancelled-office": bookingCancelledOffice,
  "booking-rescheduled": bookingRescheduled,
  "booking-rescheduled-office": bookingRescheduledOffice,
  "booking-series-changed": bookingSeriesChanged,
  "booking-series-changed-office": bookingSeriesChangedOffice,
  "staff-message": staffMessage,
  "data-export-ready": dataExportReady,
  "data-export-ready-staff": dataExportReadyStaff,
  "password-changed": passwordChanged,
  "invoice-issued": invoiceIssued,
  "invoice-receipt": invoiceReceipt,
  "account-statement": accountStatement,
  "invoice-payment-receipt": invoicePaymentReceipt,
  "automatic-payment-failed": automaticPaymentFailed,
  "quote-sent": quoteSent,
  "quote-customer-action-office": quoteCustomerActionOffice,
  "gift-voucher-delivery": giftVoucherDelivery,
  "gift-voucher-receipt": giftVoucherReceipt,
  "complaint-status-changed": complaintStatusChanged,
  "visit-reminder": visitReminder,
  "rating-request": ratingRequest,
  "rating-thanks": ratingThanks,
  "rating-low-office": ratingLowOffice,
  "conversation-message": conversationMessage,
  "conversation-message-office": conversationMessageOffice,
  "portal-notice": portalNotice,
} satisfies Record<string, TemplateDefinition>

export type EmailTemplateId = keyof typeof EMAIL_TEMPLATES

export type RenderedEmail = { subject: string; html: string; text: string }

const isTemplateId = (id: string): id is EmailTemplateId => Object.prototype.hasOwnProperty.call(EMAIL_TEMPLATES, id)

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === "https:" || protocol === "http:"
  } catch {
    return false
  }
}

const isAmount = (value: unknown) => typeof value === "number" && Number.isFinite(value)

/** A BookingPrice as the booking emails print it. */
function isPrice(value: unknown): boolean {
  const price = value as Record<string, unknown>
  if (typeof value !== "object" || typeof price.currency_code !== "string" || !Array.isArray(price.lines)) return false
  const linesOk = price.lines.every((line: Record<string, unknown>) => typeof line?.title === "string" && isAmount(line.quantity) && isAmount(line.total))
  return linesOk && isAmount(price.discount_total) && isAmount(price.tax_total) && isAmount(price.total)
}

/** Returns only the template's own fields, checked; anything else in `data` (e.g. reply_to) is left out. */
function checkData(template: string, fields: Record<string, FieldKind>, data: Record<string, unknown>) {
  const checked: Record<string, unknown> = {}
  for (const [name, kind] of Object.entries(fields)) {
    const value = data[name]
    const where = `Email template "${template}": data.${name}`
    if (kind === "optional-string") {
      if (value === undefined || value === null || value === "") continue
      if (typeof value !== "string") throw new Error(`${where} must be a string`)
    } else if (kind === "optional-price") {
      if (value === undefined || value === null) continue
      if (!isPrice(value)) throw new Error(`${where} must be a price (currency_code, lines, tax_total, total)`)
    } else if (value === undefined || value === null || value === "") {
      const what = kind === "url" ? "the link the email points to" : kind === "string" ? "text" : "a positive number"
      throw new Error(`${where} is missing (${what})`)
    } else if (kind === "string" && typeof value !== "string") {
      throw new Error(`${where} must be a string`)
    } else if (kind === "url" && (typeof value !== "string" || !isHttpUrl(value))) {
      throw new Error(`${where} must be a full http(s) URL, got ${JSON.stringify(value)}`)
    } else if (kind === "count" && (typeof value !== "number" || !Number.isFinite(value) || value <= 0)) {
      throw new Error(`${where} must be a positive number, got ${JSON.stringify(value)}`)
    }
    checked[name] = value
  }
  return checked
}

/**
 * Renders one email. Pure in (template, data, businessName), so a stored notification's
 * template + data can be re-rendered later for a preview.
 */
export async function renderEmail(template: string, data: Record<string, unknown>, options: { businessName: string }): Promise<RenderedEmail> {
  if (!isTemplateId(template)) {
    throw new Error(`Unknown email template "${template}". Known templates: ${Object.keys(EMAIL_TEMPLATES).join(", ")}`)
  }
  const businessName = options.businessName?.trim()
  if (!businessName) throw new Error(`Email template "${template}": businessName is required`)

  const definition: TemplateDefinition = EMAIL_TEMPLATES[template]
  const checked = checkData(template, definition.fields, data ?? {})
  const element = definition.element(checked, businessName)
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { subject: definition.subject(businessName, checked), html, text }
}

/** Just the subject line of a stored email (for lists); null when it can't be worked out from the data. */
export function emailSubject(template: string, data: Record<string, unknown>, options: { businessName: string }): string | null {
  if (!isTemplateId(template)) return null
  try {
    const definition: TemplateDefinition = EMAIL_TEMPLATES[template]
    return definition.subject(options.businessName, checkData(template, definition.fields, data ?? {}))
  } catch {
    return null
  }
}
