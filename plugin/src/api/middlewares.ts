import { authenticate, defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCreateFaq, AdminCreateTerm, AdminUpdateFaq, AdminUpdateTerm } from "./admin/content/validators"
import { AdminUpdatePortalSettings } from "./admin/portal/validators"
import { AdminExportDirectory, AdminListDirectory } from "./utils/directory-filters"
import { AdminAssignFieldworker, AdminChangeBookingStatus, AdminListBookings } from "./utils/admin-booking-validators"
import { AdminCreateFieldworker, AdminListFieldworkers, AdminUpdateFieldworker } from "./utils/fieldworker-validators"
import { customerAccessGuard } from "./guards/customer-access"
import { hideArchivedCustomers } from "./guards/hide-archived"
import { BusinessProfileCreate, BusinessProfileUpdate } from "./utils/business-profile-validators"
import { StoreListBookings, StorePlaceBooking } from "./utils/booking-validators"
import { StoreSavedCardAction, StoreSavedCardsQuery } from "./utils/saved-card-validators"
import { StoreCancelBooking, StoreRescheduleBooking, StoreUpdateBooking } from "./utils/manage-booking-validators"
import { attachmentUpload } from "./utils/attachment-upload"
import { AdditionalContactCreate, AdditionalContactUpdate } from "./utils/additional-contact-validators"
import { imageUpload } from "./utils/image-upload"
import {
  BillingAddressUpdate,
  ConfirmDelete,
  CustomerTagList,
  CustomFieldCreate,
  CustomFieldList,
  CustomFieldUpdate,
  DependentCreate,
  DependentTypeCreate,
  DependentTypeUpdate,
  DependentUpdate,
} from "./utils/profile-section-validators"
import { AdminUpdateProfile, StoreUpdateProfile } from "./utils/profile-validators"
import { customerImportUpload } from "./utils/customer-import-upload"
import { CustomerImportList } from "./utils/customer-import-response"
import { AdminSaveServiceDetails, StoreListServices, StoreServiceAvailability } from "./utils/service-validators"
import { customerLoginGuard } from "./guards/login-guard"
import { emailRequestLimit } from "./guards/email-request-limit"
import { passwordResetOnce } from "./guards/password-reset-once"
import { portalOpenGuard } from "./guards/portal-open"
import {
  StoreAcceptInvite,
  StoreAccountFromBooking,
  StoreChangePassword,
  StoreResendVerification,
  StoreSignInLink,
  StoreSignUp,
  StoreToken,
} from "./store/portal/validators"
import { activityContext } from "./utils/activity-actor"
import { AdminListCustomerActivity, AdminListCustomerCommunications, AdminSendCustomerMessage } from "./utils/customer-activity-validators"
import { AdminListDuplicates, AdminMergeCustomers, AdminMergePreview } from "./utils/customer-merge-validators"
// Request shape (issue #13, bad input): see the block at the top of `routes`.
import { NO_BODY_ROUTES, NoBody, PLUGIN_ROUTES, requestShapeGuard } from "./guards/request-shape"
// Data requests (GDPR access and erasure): see docs/security/data-requests.md.
import { AdminEraseCustomer, DataExportRequest, StoreDataExportDownload } from "./utils/data-requests"

const customer = authenticate("customer", ["session", "bearer"])
/** Sessions without a customer yet: a social login before sign-up completes, a booking-number login. */
const loginWithoutCustomer = authenticate("customer", ["bearer"], { allowUnregistered: true })

export default defineMiddlewares({
  routes: [
    // ── Request shape (issue #13, bad input) ──
    // On the plugin's own routes: a null character or absurd nesting → 400, a write whose body
    // isn't JSON (uploads aside) → 415, and routes that take no body refuse any field (400).
    { matcher: PLUGIN_ROUTES, middlewares: [requestShapeGuard] },
    ...NO_BODY_ROUTES.map(([matcher, method]) => ({ matcher, method, middlewares: [validateAndTransformBody(NoBody)] })),
    // ── end of request shape ──

    // Customer logins: portal switch, rate limits, and account state before a token is handed out.
    { matcher: "/auth/customer/:auth_provider", method: ["POST"], middlewares: [customerLoginGuard] },
    { matcher: "/auth/customer/:auth_provider/callback", method: ["GET", "POST"], middlewares: [customerLoginGuard] },
    { matcher: "/auth/customer/emailpass/update", method: ["POST"], middlewares: [passwordResetOnce] },
    { matcher: "/auth/customer/emailpass/reset-password", method: ["POST"], middlewares: [emailRequestLimit("password_reset", "identifier")] },
    { matcher: "/auth/customer/emailpass/register", method: ["POST"], middlewares: [portalOpenGuard] },

    // The customer's own data: blocked, archived or deleted customers are stopped on their next request.
    { matcher: "/store/customers/me*", middlewares: [customer, customerAccessGuard] },
    { matcher: "/store/customers/me/profile", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateProfile)] },
    { matcher: "/store/customers/me/business-profiles", method: "POST", middlewares: [validateAndTransformBody(BusinessProfileCreate)] },
    { matcher: "/store/customers/me/business-profiles/:id", method: "POST", middlewares: [validateAndTransformBody(BusinessProfileUpdate)] },
    { matcher: "/store/customers/me/bookings", method: "POST", middlewares: [validateAndTransformBody(StorePlaceBooking)] },
    { matcher: "/store/customers/me/bookings", method: "GET", middlewares: [validateAndTransformQuery(StoreListBookings, {})] },
    { matcher: "/store/customers/me/bookings/:id", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateBooking)] },
    { matcher: "/store/customers/me/bookings/:id/cancel", method: "POST", middlewares: [validateAndTransformBody(StoreCancelBooking)] },
    { matcher: "/store/customers/me/bookings/:id/reschedule", method: "POST", middlewares: [validateAndTransformBody(StoreRescheduleBooking)] },
    { matcher: "/store/customers/me/bookings/:id/attachments", method: "POST", middlewares: [attachmentUpload] },
    { matcher: "/store/customers/me/profile/picture", method: "POST", middlewares: [imageUpload("picture")] },
    { matcher: "/store/customers/me/saved-cards", method: "GET", middlewares: [validateAndTransformQuery(StoreSavedCardsQuery, {})] },
    { matcher: "/store/customers/me/saved-cards/setup", method: "POST", middlewares: [validateAndTransformBody(StoreSavedCardAction)] },
    { matcher: "/store/customers/me/saved-cards/:id", method: "DELETE", middlewares: [validateAndTransformQuery(StoreSavedCardsQuery, {})] },
    { matcher: "/store/customers/me/saved-cards/:id/default", method: "POST", middlewares: [validateAndTransformBody(StoreSavedCardAction)] },
    { matcher: "/store/customers/me/additional-contacts", method: "POST", middlewares: [validateAndTransformBody(AdditionalContactCreate)] },
    { matcher: "/store/customers/me/additional-contacts/:id", method: "POST", middlewares: [validateAndTransformBody(AdditionalContactUpdate)] },
    { matcher: "/store/customers/me/billing-address", method: "POST", middlewares: [validateAndTransformBody(BillingAddressUpdate)] },
    { matcher: "/store/customers/me/dependents", method: "POST", middlewares: [validateAndTransformBody(DependentCreate)] },
    { matcher: "/store/customers/me/dependents/:id", method: "POST", middlewares: [validateAndTransformBody(DependentUpdate)] },
    { matcher: "/store/customers/me/dependents/:id/photo", method: "POST", middlewares: [imageUpload("photo")] },
    { matcher: "/store/portal/password", method: "POST", middlewares: [customer, customerAccessGuard, validateAndTransformBody(StoreChangePassword)] },

    // Accounts, open to visitors.
    {
      matcher: "/store/portal/sign-up",
      method: "POST",
      middlewares: [portalOpenGuard, validateAndTransformBody(StoreSignUp), emailRequestLimit("sign_up")],
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
    { matcher: "/store/portal/social/complete", method: "POST", middlewares: [loginWithoutCustomer] },
    { matcher: "/store/portal/booking-session", method: "GET", middlewares: [loginWithoutCustomer] },
    {
      matcher: "/store/portal/booking-session/account",
      method: "POST",
      middlewares: [loginWithoutCustomer, validateAndTransformBody(StoreAccountFromBooking)],
    },

    // Stripe's webhooks: the signature is checked over the exact bytes Stripe sent.
    { matcher: "/hooks/stripe", method: "POST", bodyParser: { preserveRawBody: true }, middlewares: [] },

    // Services, open to visitors.
    { matcher: "/store/services", method: "GET", middlewares: [validateAndTransformQuery(StoreListServices, {})] },
    { matcher: "/store/services/:id/availability", method: "GET", middlewares: [validateAndTransformQuery(StoreServiceAvailability, {})] },

    // Staff.
    { matcher: "/admin/products/:id/service", method: "POST", middlewares: [validateAndTransformBody(AdminSaveServiceDetails)] },
    { matcher: "/admin/customers", method: "GET", middlewares: [hideArchivedCustomers] },
    { matcher: "/admin/customers/:id/profile", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateProfile)] },
    { matcher: "/admin/customers/:id/business-profiles", method: "POST", middlewares: [validateAndTransformBody(BusinessProfileCreate)] },
    {
      matcher: "/admin/customers/:id/business-profiles/:business_profile_id",
      method: "POST",
      middlewares: [validateAndTransformBody(BusinessProfileUpdate)],
    },
    { matcher: "/admin/customers/:id/picture", method: "POST", middlewares: [imageUpload("picture")] },
    { matcher: "/admin/customers/:id/additional-contacts", method: "POST", middlewares: [validateAndTransformBody(AdditionalContactCreate)] },
    {
      matcher: "/admin/customers/:id/additional-contacts/:contact_id",
      method: "POST",
      middlewares: [validateAndTransformBody(AdditionalContactUpdate)],
    },
    { matcher: "/admin/customers/:id/billing-address", method: "POST", middlewares: [validateAndTransformBody(BillingAddressUpdate)] },
    { matcher: "/admin/customers/:id/dependents", method: "POST", middlewares: [validateAndTransformBody(DependentCreate)] },
    { matcher: "/admin/customers/:id/dependents/:dependent_id", method: "POST", middlewares: [validateAndTransformBody(DependentUpdate)] },
    { matcher: "/admin/customers/:id/dependents/:dependent_id/photo", method: "POST", middlewares: [imageUpload("photo")] },
    { matcher: "/admin/customer-tags", method: "GET", middlewares: [validateAndTransformQuery(CustomerTagList, {})] },
    { matcher: "/admin/custom-fields", method: "GET", middlewares: [validateAndTransformQuery(CustomFieldList, {})] },
    { matcher: "/admin/custom-fields", method: "POST", middlewares: [validateAndTransformBody(CustomFieldCreate)] },
    { matcher: "/admin/custom-fields/:id", method: "POST", middlewares: [validateAndTransformBody(CustomFieldUpdate)] },
    { matcher: "/admin/custom-fields/:id", method: "DELETE", middlewares: [validateAndTransformQuery(ConfirmDelete, {})] },
    { matcher: "/admin/dependent-types", method: "POST", middlewares: [validateAndTransformBody(DependentTypeCreate)] },
    { matcher: "/admin/dependent-types/:id", method: "POST", middlewares: [validateAndTransformBody(DependentTypeUpdate)] },
    { matcher: "/admin/dependent-types/:id", method: "DELETE", middlewares: [validateAndTransformQuery(ConfirmDelete, {})] },
    { matcher: "/admin/portal/settings", method: "POST", middlewares: [validateAndTransformBody(AdminUpdatePortalSettings)] },
    { matcher: "/admin/content/faqs", method: "POST", middlewares: [validateAndTransformBody(AdminCreateFaq)] },
    { matcher: "/admin/content/faqs/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateFaq)] },
    { matcher: "/admin/content/terms", method: "POST", middlewares: [validateAndTransformBody(AdminCreateTerm)] },
    { matcher: "/admin/content/terms/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateTerm)] },
    // The customer directory (search, filters) and its CSV export.
    { matcher: "/admin/crm/customers", method: "GET", middlewares: [validateAndTransformQuery(AdminListDirectory, {})] },
    { matcher: "/admin/crm/customers/export", method: "GET", middlewares: [validateAndTransformQuery(AdminExportDirectory, {})] },
    { matcher: "/admin/bookings", method: "GET", middlewares: [validateAndTransformQuery(AdminListBookings, {})] },
    { matcher: "/admin/bookings/:id/fieldworker", method: "POST", middlewares: [validateAndTransformBody(AdminAssignFieldworker)] },
    { matcher: "/admin/bookings/:id/status", method: "POST", middlewares: [validateAndTransformBody(AdminChangeBookingStatus)] },
    { matcher: "/admin/fieldworkers", method: "GET", middlewares: [validateAndTransformQuery(AdminListFieldworkers, {})] },
    { matcher: "/admin/fieldworkers", method: "POST", middlewares: [validateAndTransformBody(AdminCreateFieldworker)] },
    { matcher: "/admin/fieldworkers/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateFieldworker)] },
    { matcher: "/admin/fieldworkers/:id", method: "DELETE", middlewares: [validateAndTransformQuery(ConfirmDelete, {})] },

    // Activity timeline: who changes a customer through Medusa's own routes, and the values before.
    { matcher: "/admin/customers", method: "POST", middlewares: [activityContext()] },
    { matcher: "/admin/customers/:id", method: ["POST", "DELETE"], middlewares: [activityContext({ customer: (req) => req.params.id })] },
    {
      matcher: "/admin/customers/:id/addresses",
      method: "POST",
      middlewares: [activityContext({ customer: (req) => req.params.id, addresses: true })],
    },
    {
      matcher: "/admin/customers/:id/addresses/:address_id",
      method: ["POST", "DELETE"],
      middlewares: [activityContext({ customer: (req) => req.params.id, addresses: true })],
    },
    { matcher: "/store/customers", method: "POST", middlewares: [activityContext({ self: true })] },
    { matcher: "/store/customers/me", method: "POST", middlewares: [activityContext({ customer: (req) => req.auth_context.actor_id })] },
    {
      matcher: "/store/customers/me/addresses",
      method: "POST",
      middlewares: [activityContext({ customer: (req) => req.auth_context.actor_id, addresses: true })],
    },
    {
      matcher: "/store/customers/me/addresses/:address_id",
      method: ["POST", "DELETE"],
      middlewares: [activityContext({ customer: (req) => req.auth_context.actor_id, addresses: true })],
    },
    { matcher: "/store/portal/sign-up", method: "POST", middlewares: [activityContext({ self: true })] },
    { matcher: "/store/portal/social/complete", method: "POST", middlewares: [activityContext({ self: true })] },
    { matcher: "/store/portal/booking-session/account", method: "POST", middlewares: [activityContext({ self: true })] },
    { matcher: "/admin/customers/:id/activity", method: "GET", middlewares: [validateAndTransformQuery(AdminListCustomerActivity, {})] },
    {
      matcher: "/admin/customers/:id/communications",
      method: "GET",
      middlewares: [validateAndTransformQuery(AdminListCustomerCommunications, {})],
    },
    { matcher: "/admin/customers/:id/messages", method: "POST", middlewares: [validateAndTransformBody(AdminSendCustomerMessage)] },
    // CRM import: the upload is streamed into the File module and checked as it arrives (multipart, not JSON).
    { matcher: "/admin/crm/imports", method: "POST", bodyParser: false, middlewares: [customerImportUpload] },
    { matcher: "/admin/crm/imports", method: "GET", middlewares: [validateAndTransformQuery(CustomerImportList, {})] },
    // Staff CRM: duplicate customers and merging them.
    { matcher: "/admin/crm/duplicates", method: "GET", middlewares: [validateAndTransformQuery(AdminListDuplicates, {})] },
    { matcher: "/admin/crm/merges/preview", method: "GET", middlewares: [validateAndTransformQuery(AdminMergePreview, {})] },
    { matcher: "/admin/crm/merges", method: "POST", middlewares: [validateAndTransformBody(AdminMergeCustomers)] },

    // ---- Data requests (GDPR access and erasure): docs/security/data-requests.md ----
    // The emailed link's download answers 404 (not 401) when signed out, like every refused download.
    {
      matcher: "/store/data-exports/download",
      method: "GET",
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        customerAccessGuard,
        validateAndTransformQuery(StoreDataExportDownload, {}),
      ],
    },
    { matcher: "/store/customers/me/data-exports", method: "POST", middlewares: [validateAndTransformBody(DataExportRequest)] },
    { matcher: "/admin/customers/:id/data-exports", method: "POST", middlewares: [validateAndTransformBody(DataExportRequest)] },
    { matcher: "/admin/customers/:id/erasure", method: "POST", middlewares: [validateAndTransformBody(AdminEraseCustomer)] },
    // ---- end of data requests ----
  ],
})
