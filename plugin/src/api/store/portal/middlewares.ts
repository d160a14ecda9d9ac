import { authenticate, type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { QuoteLinkSchedule } from "../../utils/common-validators/quote-schedule"
import { customerAccessGuard } from "../../guards/customer-access"
import { emailRequestLimit } from "../../guards/email-request-limit"
import { portalOpenGuard } from "../../guards/portal-open"
import { refuseBody } from "../../guards/request-shape"
import { activityContext } from "../../utils/activity-actor"
import {
  StoreAcceptInvite,
  StoreAccountFromBooking,
  StoreChangePassword,
  StoreResendVerification,
  StoreSignInLink,
  StoreSignUp,
  StoreToken,
  StoreUnsubscribe,
} from "./validators"
import {
  quoteAcceptance,
  quoteChangeRequest,
  quoteDecline,
  quoteDepositConfirm,
  quoteDepositPayment,
  quoteLinkToken,
  quoteSelection,
} from "@fieldservice/contract"
import { quoteLinkAccess } from "../../utils/quote-routes"
import { StoreCancelBooking, StoreRescheduleBooking } from "../customers/me/bookings/[id]/validators"

/** Sessions without a customer yet: a social login before sign-up completes, a booking-number login. */
const loginWithoutCustomer = authenticate("customer", ["bearer"], { allowUnregistered: true })

/** Accounts: open to visitors, except the password change. A new customer made their own account (activity). */
export const storePortalRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/portal/password",
    method: "POST",
    middlewares: [authenticate("customer", ["session", "bearer"]), customerAccessGuard, validateAndTransformBody(StoreChangePassword)],
  },
  {
    matcher: "/store/portal/sign-up",
    method: "POST",
    middlewares: [portalOpenGuard, validateAndTransformBody(StoreSignUp), emailRequestLimit("sign_up"), activityContext({ self: true })],
  },
  { matcher: "/store/portal/verify-email", method: "POST", middlewares: [validateAndTransformBody(StoreToken)] },
  {
    matcher: "/store/portal/sign-in-link",
    method: "POST",
    middlewares: [portalOpenGuard, validateAndTransformBody(StoreSignInLink), emailRequestLimit("sign_in_link")],
  },
  {
    matcher: "/store/portal/verify-email/resend",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreResendVerification), emailRequestLimit("verify_email")],
  },
  { matcher: "/store/portal/invite/accept", method: "POST", middlewares: [validateAndTransformBody(StoreAcceptInvite)] },
  { matcher: "/store/portal/social/complete", method: "POST", middlewares: [refuseBody, loginWithoutCustomer, activityContext({ self: true })] },
  { matcher: "/store/portal/booking-session", method: "GET", middlewares: [loginWithoutCustomer] },
  { matcher: "/store/portal/booking-session/bookings/:id", method: "GET", middlewares: [loginWithoutCustomer] },
  {
    matcher: "/store/portal/booking-session/bookings/:id/cancel",
    method: "POST",
    middlewares: [portalOpenGuard, loginWithoutCustomer, validateAndTransformBody(StoreCancelBooking), activityContext({ self: true })],
  },
  {
    matcher: "/store/portal/booking-session/bookings/:id/reschedule",
    method: "POST",
    middlewares: [portalOpenGuard, loginWithoutCustomer, validateAndTransformBody(StoreRescheduleBooking), activityContext({ self: true })],
  },
  {
    matcher: "/store/portal/booking-session/account",
    method: "POST",
    middlewares: [loginWithoutCustomer, validateAndTransformBody(StoreAccountFromBooking), activityContext({ self: true })],
  },
  // The emailed quote link: a session for one quote, its token in a header (docs/security/email-links.md).
  { matcher: "/store/portal/quote-link", method: "POST", middlewares: [portalOpenGuard, validateAndTransformBody(quoteLinkToken)] },
  { matcher: "/store/portal/quote-link/quotes/:id", method: "GET", middlewares: [portalOpenGuard, quoteLinkAccess] },
  { matcher: "/store/portal/quote-link/quotes/:id/pdf", method: "GET", middlewares: [portalOpenGuard, quoteLinkAccess] },
  { matcher: "/store/portal/quote-link/quotes/:id/attachments/:attachment_id", method: "GET", middlewares: [portalOpenGuard, quoteLinkAccess] },
  {
    matcher: "/store/portal/quote-link/quotes/:id/price",
    method: "POST",
    middlewares: [portalOpenGuard, quoteLinkAccess, validateAndTransformBody(quoteSelection)],
  },
  {
    matcher: "/store/portal/quote-link/quotes/:id/accept",
    method: "POST",
    middlewares: [portalOpenGuard, quoteLinkAccess, validateAndTransformBody(quoteAcceptance)],
  },
  {
    matcher: "/store/portal/quote-link/quotes/:id/deposit",
    method: "POST",
    middlewares: [portalOpenGuard, quoteLinkAccess, validateAndTransformBody(quoteDepositPayment)],
  },
  {
    matcher: "/store/portal/quote-link/quotes/:id/deposit/confirm",
    method: "POST",
    middlewares: [portalOpenGuard, quoteLinkAccess, validateAndTransformBody(quoteDepositConfirm)],
  },
  {
    matcher: "/store/portal/quote-link/quotes/:id/schedule",
    method: "POST",
    middlewares: [portalOpenGuard, quoteLinkAccess, validateAndTransformBody(QuoteLinkSchedule)],
  },
  {
    matcher: "/store/portal/quote-link/quotes/:id/decline",
    method: "POST",
    middlewares: [portalOpenGuard, quoteLinkAccess, validateAndTransformBody(quoteDecline)],
  },
  {
    matcher: "/store/portal/quote-link/quotes/:id/request-changes",
    method: "POST",
    middlewares: [portalOpenGuard, quoteLinkAccess, validateAndTransformBody(quoteChangeRequest)],
  },
  // The emails' unsubscribe link: signed, no session (a mail client's one-click POST has none).
  { matcher: "/store/portal/unsubscribe", method: "GET", middlewares: [validateAndTransformQuery(StoreUnsubscribe, {})] },
  { matcher: "/store/portal/unsubscribe", method: "POST", middlewares: [validateAndTransformBody(StoreUnsubscribe)] },
]
