import { checkAddressPostcode } from "../../utils/address-postcode"
import { type AuthenticatedMedusaRequest, type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { hideArchivedCustomers } from "../../guards/hide-archived"
import { refuseBody } from "../../guards/request-shape"
import { activityContext } from "../../utils/activity-actor"
import { searchPhonesByDigits, softDeleteCoreCustomer } from "./core-routes"
import { AdminUpdateProfile } from "../../utils/common-validators/profile"
import { checkCustomerCustomFieldValues, checkDependentChangeValues, checkNewDependentValues } from "../../utils/custom-field-values"
import { imageUpload } from "../../utils/image-upload"
import { AdminBookingPrice } from "../bookings/validators"
import { StatementPeriodParams } from "../../utils/common-validators/statement"
import {
  AdminCreateAdditionalContact,
  AdminCreateBusinessProfile,
  AdminCreateDataExport,
  AdminCreateDependent,
  AdminEraseCustomer,
  AdminGetSavedCardsParams,
  AdminSavedCardAction,
  AdminGetCustomerActivityParams,
  AdminGetCustomerCommunicationsParams,
  AdminSendCustomerMessage,
  AdminUpdateAdditionalContact,
  AdminUpdateBillingAddress,
  AdminUpdateBusinessProfile,
  AdminUpdateDependent,
  AdminCreateBookingSeries,
  AdminSkipSeriesVisit,
  AdminMoveSeriesVisit,
  AdminChangeBookingSeries,
  AdminPauseBookingSeries,
  AdminEndBookingSeries,
  AdminSetBillingCycle,
  AdminSetBillPayer,
} from "./validators"

const customerOf = (req: AuthenticatedMedusaRequest) => req.params.id

export const adminCustomerRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/customers", method: "GET", middlewares: [hideArchivedCustomers, searchPhonesByDigits] },
  { matcher: "/admin/customers/:id/addresses", method: "POST", middlewares: [checkAddressPostcode] },
  { matcher: "/admin/customers/:id/addresses/:address_id", method: "POST", middlewares: [checkAddressPostcode] },
  { matcher: "/admin/customers/:id/booking-price", method: "POST", middlewares: [validateAndTransformBody(AdminBookingPrice)] },
  {
    matcher: "/admin/customers/:id/profile",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateProfile), checkCustomerCustomFieldValues("staff")],
  },
  { matcher: "/admin/customers/:id/business-profiles", method: "POST", middlewares: [validateAndTransformBody(AdminCreateBusinessProfile)] },
  {
    matcher: "/admin/customers/:id/business-profiles/:business_profile_id",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateBusinessProfile)],
  },
  { matcher: "/admin/customers/:id/picture", method: "POST", middlewares: [imageUpload("picture")] },
  { matcher: "/admin/customers/:id/additional-contacts", method: "POST", middlewares: [validateAndTransformBody(AdminCreateAdditionalContact)] },
  {
    matcher: "/admin/customers/:id/additional-contacts/:contact_id",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateAdditionalContact)],
  },
  { matcher: "/admin/customers/:id/billing-address", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateBillingAddress)] },
  {
    matcher: "/admin/customers/:id/dependents",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminCreateDependent), checkNewDependentValues("staff")],
  },
  {
    matcher: "/admin/customers/:id/dependents/:dependent_id",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateDependent), checkDependentChangeValues],
  },
  { matcher: "/admin/customers/:id/dependents/:dependent_id/photo", method: "POST", middlewares: [imageUpload("photo")] },

  // Deletes and actions that take no body.
  { matcher: "/admin/customers/:id/account", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/admin/customers/:id/additional-contacts/:contact_id", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/admin/customers/:id/business-profiles/:business_profile_id", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/admin/customers/:id/dependents/:dependent_id", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/admin/customers/:id/dependents/:dependent_id/photo", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/admin/customers/:id/picture", method: "DELETE", middlewares: [refuseBody] },
  { matcher: "/admin/customers/:id/portal-invite", method: "POST", middlewares: [refuseBody] },
  { matcher: "/admin/customers/:id/restore", method: "POST", middlewares: [refuseBody] },

  // Activity timeline: who changes a customer through Medusa's own routes, and the values before.
  { matcher: "/admin/customers", method: "POST", middlewares: [activityContext()] },
  { matcher: "/admin/customers/:id", method: ["POST", "DELETE"], middlewares: [activityContext({ customer: customerOf })] },
  // Medusa's own Delete is our soft delete (restorable for 30 days); it answers and core's route never runs.
  { matcher: "/admin/customers/:id", method: "DELETE", middlewares: [refuseBody, softDeleteCoreCustomer] },
  { matcher: "/admin/customers/:id/addresses", method: "POST", middlewares: [activityContext({ customer: customerOf, addresses: true })] },
  {
    matcher: "/admin/customers/:id/addresses/:address_id",
    method: ["POST", "DELETE"],
    middlewares: [activityContext({ customer: customerOf, addresses: true })],
  },
  { matcher: "/admin/customers/:id/activity", method: "GET", middlewares: [validateAndTransformQuery(AdminGetCustomerActivityParams, {})] },
  { matcher: "/admin/customers/:id/communications", method: "GET", middlewares: [validateAndTransformQuery(AdminGetCustomerCommunicationsParams, {})] },
  { matcher: "/admin/customers/:id/messages", method: "POST", middlewares: [validateAndTransformBody(AdminSendCustomerMessage)] },

  // Saved cards (kept by Stripe), managed by staff on the customer page.
  { matcher: "/admin/customers/:id/saved-cards", method: "GET", middlewares: [validateAndTransformQuery(AdminGetSavedCardsParams, {})] },
  { matcher: "/admin/customers/:id/saved-cards/setup", method: "POST", middlewares: [validateAndTransformBody(AdminSavedCardAction)] },
  {
    matcher: "/admin/customers/:id/saved-cards/:card_id",
    method: "DELETE",
    middlewares: [refuseBody, validateAndTransformQuery(AdminGetSavedCardsParams, {})],
  },
  { matcher: "/admin/customers/:id/saved-cards/:card_id/default", method: "POST", middlewares: [validateAndTransformBody(AdminSavedCardAction)] },

  // Account statements (issue #17 item 6).
  { matcher: "/admin/customers/:id/statement", method: "GET", middlewares: [validateAndTransformQuery(StatementPeriodParams, {})] },
  { matcher: "/admin/customers/:id/statement/pdf", method: "GET", middlewares: [validateAndTransformQuery(StatementPeriodParams, {})] },
  { matcher: "/admin/customers/:id/statement/email", method: "POST", middlewares: [validateAndTransformBody(StatementPeriodParams)] },

  // Billing cycles (issue #18 item 2).
  { matcher: "/admin/customers/:id/billing-cycle", method: "POST", middlewares: [validateAndTransformBody(AdminSetBillingCycle)] },
  { matcher: "/admin/customers/:id/billing-cycle/bill-now", method: "POST", middlewares: [refuseBody] },

  // Bill payers (issue #18 item 3).
  { matcher: "/admin/customers/:id/bill-payer", method: "POST", middlewares: [validateAndTransformBody(AdminSetBillPayer)] },

  // Data requests (GDPR access and erasure): docs/security/data-requests.md.
  { matcher: "/admin/customers/:id/data-exports", method: "POST", middlewares: [validateAndTransformBody(AdminCreateDataExport)] },
  { matcher: "/admin/customers/:id/erasure", method: "POST", middlewares: [validateAndTransformBody(AdminEraseCustomer)] },

  // Repeat visits set up and changed by staff (issue #18 item 1): the portal's rules, the office's lead time.
  { matcher: "/admin/customers/:id/booking-series", method: "POST", middlewares: [validateAndTransformBody(AdminCreateBookingSeries)] },
  { matcher: "/admin/customers/:id/booking-series/:series_id/skip", method: "POST", middlewares: [validateAndTransformBody(AdminSkipSeriesVisit)] },
  { matcher: "/admin/customers/:id/booking-series/:series_id/move", method: "POST", middlewares: [validateAndTransformBody(AdminMoveSeriesVisit)] },
  { matcher: "/admin/customers/:id/booking-series/:series_id/change", method: "POST", middlewares: [validateAndTransformBody(AdminChangeBookingSeries)] },
  { matcher: "/admin/customers/:id/booking-series/:series_id/pause", method: "POST", middlewares: [validateAndTransformBody(AdminPauseBookingSeries)] },
  { matcher: "/admin/customers/:id/booking-series/:series_id/end", method: "POST", middlewares: [validateAndTransformBody(AdminEndBookingSeries)] },
]
