import { checkAddressPostcode } from "../../utils/address-postcode"
import {
  type AuthenticatedMedusaRequest,
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { customerAccessGuard } from "../../guards/customer-access"
import { refuseBody } from "../../guards/request-shape"
import { activityContext } from "../../utils/activity-actor"
import { attachmentUpload } from "../../utils/attachment-upload"
import { StoreUpdateProfile } from "../../utils/common-validators/profile"
import { checkCustomerCustomFieldValues } from "../../utils/custom-field-values"
import { imageUpload } from "../../utils/image-upload"
import { StoreCancelBooking, StoreConfirmBookingPayment, StoreRescheduleBooking, StoreUpdateBooking } from "./me/bookings/[id]/validators"
import { StoreBookingPrice, StoreCreateBooking, StoreGetBookingsParams } from "./me/bookings/validators"
import {
  StoreChangeBookingSeries,
  StoreCreateBookingSeries,
  StoreEndBookingSeries,
  StoreMoveSeriesVisit,
  StorePauseBookingSeries,
  StoreSkipSeriesVisit,
} from "./me/booking-series/validators"
import { StoreGetSavedCardsParams, StoreSavedCardAction } from "./me/saved-cards/validators"
import { StoreGetInvoicesParams } from "./me/invoices/validators"
import {
  quoteAcceptance,
  quoteChangeRequest,
  quoteDecline,
  quoteDepositConfirm,
  quoteDepositPayment,
  quoteSelection,
  storeQuoteListQuery,
  giftVoucherCode,
  giftVoucherPurchase,
} from "@fieldservice/contract"
import { voucherCodeLimit } from "../../guards/voucher-code-limit"
import { QuoteSchedule } from "../../utils/common-validators/quote-schedule"
import { StoreGetAutomaticPaymentParams, StoreSetAutomaticPayment } from "./me/automatic-payment/validators"
import { StatementPeriodParams } from "../../utils/common-validators/statement"
import { StoreCreateInvoicePayment, StoreInvoicePaymentAction } from "./me/invoice-payments/validators"
import {
  StoreCreateAdditionalContact,
  StoreCreateBusinessProfile,
  StoreCreateDataExport,
  StoreCreateDependent,
  StoreUpdateAdditionalContact,
  StoreUpdateBillingAddress,
  StoreUpdateBusinessProfile,
  StoreUpdateDependent,
} from "./validators"

const self = (req: AuthenticatedMedusaRequest) => req.auth_context.actor_id

/**
 * The loyalty plugin allows its gift card fields on every /store route (`allowFields`), which turns
 * on Medusa's field checks for routes without a query config: "My bookings"' own `order=asc` would
 * then be read as a field to sort by and refused. Our routes list their own fields.
 */
function ownQueryFields(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  ;(req as unknown as { allowed: string[] }).allowed = []
  next()
}

export const storeCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  // The customer's own data: blocked, archived or deleted customers are stopped on their next request.
  { matcher: "/store/customers/me*", middlewares: [authenticate("customer", ["session", "bearer"]), customerAccessGuard] },
  {
    matcher: "/store/customers/me/profile",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreUpdateProfile), checkCustomerCustomFieldValues("customer")],
  },
  { matcher: "/store/customers/me/business-profiles", method: "POST", middlewares: [validateAndTransformBody(StoreCreateBusinessProfile)] },
  { matcher: "/store/customers/me/business-profiles/:id", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateBusinessProfile)] },
  { matcher: "/store/customers/me/bookings", method: "POST", middlewares: [validateAndTransformBody(StoreCreateBooking), voucherCodeLimit] },
  { matcher: "/store/customers/me/bookings", method: "GET", middlewares: [ownQueryFields, validateAndTransformQuery(StoreGetBookingsParams, {})] },
  { matcher: "/store/customers/me/booking-series", method: "POST", middlewares: [validateAndTransformBody(StoreCreateBookingSeries)] },
  { matcher: "/store/customers/me/booking-series/:id/skip", method: "POST", middlewares: [validateAndTransformBody(StoreSkipSeriesVisit)] },
  { matcher: "/store/customers/me/booking-series/:id/move", method: "POST", middlewares: [validateAndTransformBody(StoreMoveSeriesVisit)] },
  { matcher: "/store/customers/me/booking-series/:id/change", method: "POST", middlewares: [validateAndTransformBody(StoreChangeBookingSeries)] },
  { matcher: "/store/customers/me/booking-series/:id/pause", method: "POST", middlewares: [validateAndTransformBody(StorePauseBookingSeries)] },
  { matcher: "/store/customers/me/booking-series/:id/end", method: "POST", middlewares: [validateAndTransformBody(StoreEndBookingSeries)] },
  { matcher: "/store/customers/me/invoices", method: "GET", middlewares: [validateAndTransformQuery(StoreGetInvoicesParams, {})] },
  { matcher: "/store/customers/me/quotes", method: "GET", middlewares: [validateAndTransformQuery(storeQuoteListQuery, {})] },
  { matcher: "/store/customers/me/quotes/:id/price", method: "POST", middlewares: [validateAndTransformBody(quoteSelection)] },
  { matcher: "/store/customers/me/quotes/:id/accept", method: "POST", middlewares: [validateAndTransformBody(quoteAcceptance)] },
  { matcher: "/store/customers/me/quotes/:id/deposit", method: "POST", middlewares: [validateAndTransformBody(quoteDepositPayment)] },
  { matcher: "/store/customers/me/quotes/:id/deposit/confirm", method: "POST", middlewares: [validateAndTransformBody(quoteDepositConfirm)] },
  { matcher: "/store/customers/me/quotes/:id/decline", method: "POST", middlewares: [validateAndTransformBody(quoteDecline)] },
  { matcher: "/store/customers/me/quotes/:id/request-changes", method: "POST", middlewares: [validateAndTransformBody(quoteChangeRequest)] },
  { matcher: "/store/customers/me/quotes/:id/schedule", method: "POST", middlewares: [validateAndTransformBody(QuoteSchedule)] },
  { matcher: "/store/customers/me/statement", method: "GET", middlewares: [validateAndTransformQuery(StatementPeriodParams, {})] },
  { matcher: "/store/customers/me/statement/pdf", method: "GET", middlewares: [validateAndTransformQuery(StatementPeriodParams, {})] },
  { matcher: "/store/customers/me/invoice-payments", method: "GET", middlewares: [validateAndTransformQuery(StoreInvoicePaymentAction, {})] },
  { matcher: "/store/customers/me/invoice-payments", method: "POST", middlewares: [validateAndTransformBody(StoreCreateInvoicePayment)] },
  { matcher: "/store/customers/me/invoice-payments/:id", method: "GET", middlewares: [validateAndTransformQuery(StoreInvoicePaymentAction, {})] },
  { matcher: "/store/customers/me/invoice-payments/:id/confirm", method: "POST", middlewares: [validateAndTransformBody(StoreInvoicePaymentAction)] },
  { matcher: "/store/customers/me/automatic-payment", method: "GET", middlewares: [validateAndTransformQuery(StoreGetAutomaticPaymentParams, {})] },
  { matcher: "/store/customers/me/automatic-payment", method: "POST", middlewares: [validateAndTransformBody(StoreSetAutomaticPayment)] },
  { matcher: "/store/customers/me/gift-vouchers", method: "POST", middlewares: [validateAndTransformBody(giftVoucherPurchase)] },
  { matcher: "/store/customers/me/gift-vouchers/add", method: "POST", middlewares: [validateAndTransformBody(giftVoucherCode), voucherCodeLimit] },
  { matcher: "/store/customers/me/booking-price", method: "POST", middlewares: [validateAndTransformBody(StoreBookingPrice), voucherCodeLimit] },
  { matcher: "/store/customers/me/bookings/:id", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateBooking)] },
  { matcher: "/store/customers/me/bookings/:id/cancel", method: "POST", middlewares: [validateAndTransformBody(StoreCancelBooking)] },
  { matcher: "/store/customers/me/bookings/:id/reschedule", method: "POST", middlewares: [validateAndTransformBody(StoreRescheduleBooking)] },
  { matcher: "/store/customers/me/bookings/:id/confirm-payment", method: "POST", middlewares: [validateAndTransformBody(StoreConfirmBookingPayment)] },
  { matcher: "/store/customers/me/bookings/:id/release-hold", method: "POST", middlewares: [validateAndTransformBody(StoreConfirmBookingPayment)] },
  { matcher: "/store/customers/me/bookings/:id/attachments", method: "POST", middlewares: [attachmentUpload] },
  { matcher: "/store/customers/me/profile/picture", method: "POST", middlewares: [imageUpload("picture")] },
  { matcher: "/store/customers/me/saved-cards", method: "GET", middlewares: [validateAndTransformQuery(StoreGetSavedCardsParams, {})] },
  { matcher: "/store/customers/me/saved-cards/setup", method: "POST", middlewares: [validateAndTransformBody(StoreSavedCardAction)] },
  { matcher: "/store/customers/me/saved-cards/:id", method: "DELETE", middlewares: [refuseBody, validateAndTransformQuery(StoreGetSavedCardsParams, {})] },
  { matcher: "/store/customers/me/saved-cards/:id/default", method: "POST", middlewares: [validateAndTransformBody(StoreSavedCardAction)] },
  { matcher: "/store/customers/me/additional-contacts", method: "POST", middlewares: [validateAndTransformBody(StoreCreateAdditionalContact)] },
  { matcher: "/store/customers/me/additional-contacts/:id", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateAdditionalContact)] },
  { matcher: "/store/customers/me/addresses", method: "POST", middlewares: [checkAddressPostcode] },
  { matcher: "/store/customers/me/addresses/:address_id", method: "POST", middlewares: [checkAddressPostcode] },
  { matcher: "/store/customers/me/billing-address", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateBillingAddress)] },
  { matcher: "/store/customers/me/dependents", method: "POST", middlewares: [validateAndTransformBody(StoreCreateDependent)] },
  { matcher: "/store/customers/me/dependents/:id", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateDependent)] },
  { matcher: "/store/customers/me/dependents/:id/photo", method: "POST", middlewares: [imageUpload("photo")] },
  { matcher: "/store/customers/me/data-exports", method: "POST", middlewares: [validateAndTransformBody(StoreCreateDataExport)] },

  { matcher: "/store/customers/me/calendar-link/reset", method: "POST", middlewares: [refuseBody] },
  // Deletes take no body.
  { matcher: "/store/customers/me/additional-contacts/:id", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/store/customers/me/bookings/:id/attachments/:attachment_id", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/store/customers/me/business-profiles/:id", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/store/customers/me/dependents/:id", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/store/customers/me/dependents/:id/photo", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/store/customers/me/profile/picture", method: "DELETE", middlewares: [refuseBody] },

  // Activity timeline: who changes a customer through Medusa's own routes, and the values before.
  { matcher: "/store/customers", method: "POST", middlewares: [activityContext({ self: true })] },
  { matcher: "/store/customers/me", method: "POST", middlewares: [activityContext({ customer: self })] },
  { matcher: "/store/customers/me/addresses", method: "POST", middlewares: [activityContext({ customer: self, addresses: true })] },
  { matcher: "/store/customers/me/addresses/:address_id", method: ["POST", "DELETE"], middlewares: [activityContext({ customer: self, addresses: true })] },
]
