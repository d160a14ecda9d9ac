import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ConversationSubjectType } from "@fieldservice/contract"
import { BOOKING_MODULE, type BookingModuleService } from "../../modules/booking"
import { INVOICES_MODULE, type InvoicesModuleService } from "../../modules/invoices"
import { QUOTES_MODULE, type QuotesModuleService } from "../../modules/quotes"

/** The complaints slice's module, when it is installed (conversations about a complaint need it). */
export const COMPLAINTS_MODULE = "complaints"

type ComplaintsService = { listComplaints: (filters: Record<string, unknown>, config?: Record<string, unknown>) => Promise<Record<string, unknown>[]> }

const notFound = (type: string, id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `The ${type} ${id} was not found`)

/**
 * What a conversation is about, checked: the subject must be the customer's own (another
 * customer's, or one that doesn't exist, is the same 404). Answers the conversation's title.
 */
export async function subjectTitle(
  container: MedusaContainer,
  customerId: string,
  subjectType: ConversationSubjectType,
  subjectId: string | null
): Promise<string> {
  if (subjectType === "general") return "General"
  if (!subjectId) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Say which ${subjectType} the message is about (subject_id), or write a general message.`)
  }
  if (subjectType === "booking") {
    const bookings: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [booking] = await bookings.listBookings({ id: subjectId, customer_id: customerId }, { take: 1, select: ["id", "booking_number", "service_title"] })
    if (!booking) throw notFound("booking", subjectId)
    return `Booking ${booking.booking_number} · ${booking.service_title}`
  }
  if (subjectType === "quote") {
    const quotes: QuotesModuleService = container.resolve(QUOTES_MODULE)
    // A draft is not the customer's to see yet.
    const [quote] = await quotes.listQuotes(
      { id: subjectId, customer_id: customerId, status: { $ne: "draft" } },
      { take: 1, select: ["id", "number", "title"] }
    )
    if (!quote) throw notFound("quote", subjectId)
    return `Quote ${quote.number ?? ""} · ${quote.title}`.replace("  ", " ")
  }
  if (subjectType === "invoice") {
    const invoices: InvoicesModuleService = container.resolve(INVOICES_MODULE)
    const [invoice] = await invoices.listInvoices({ id: subjectId, customer_id: customerId, status: { $ne: "draft" } }, { take: 1, select: ["id", "number"] })
    if (!invoice) throw notFound("invoice", subjectId)
    return `Invoice ${invoice.number ?? invoice.id}`
  }
  if (!container.hasRegistration(COMPLAINTS_MODULE)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Conversations about a complaint are not available: complaints are not set up. Write a general message instead."
    )
  }
  const complaints = container.resolve<ComplaintsService>(COMPLAINTS_MODULE)
  const [complaint] = await complaints.listComplaints({ id: subjectId, customer_id: customerId }, { take: 1 })
  if (!complaint) throw notFound("complaint", subjectId)
  const label = (complaint.number ?? complaint.title ?? "") as string
  return label ? `Complaint ${label}` : "Complaint"
}

/**
 * The page of what a conversation is about, null for general: the portal's page for the customer,
 * the admin's (a path inside the admin app, as its links take) for staff. Both are named alike.
 */
export function subjectUrl(_audience: "customer" | "staff", subjectType: ConversationSubjectType, subjectId: string | null): string | null {
  if (subjectType === "general" || !subjectId) return null
  return `/${subjectType}s/${subjectId}`
}
