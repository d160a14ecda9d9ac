import { defineMiddlewares } from "@medusajs/framework/http"
import { adminBookingRoutesMiddlewares } from "./admin/bookings/middlewares"
import { adminContentRoutesMiddlewares } from "./admin/content/middlewares"
import { adminConversationRoutesMiddlewares } from "./admin/conversations/middlewares"
import { adminCrmRoutesMiddlewares } from "./admin/crm/middlewares"
import { adminCustomFieldRoutesMiddlewares } from "./admin/custom-fields/middlewares"
import { adminCustomerTagRoutesMiddlewares } from "./admin/customer-tags/middlewares"
import { adminCustomerRoutesMiddlewares } from "./admin/customers/middlewares"
import { adminDependentTypeRoutesMiddlewares } from "./admin/dependent-types/middlewares"
import { adminFieldworkerRoutesMiddlewares } from "./admin/fieldworkers/middlewares"
import { adminGiftVoucherRoutesMiddlewares } from "./admin/gift-vouchers/middlewares"
import { adminReferralRoutesMiddlewares } from "./admin/referrals/middlewares"
import { ratingRoutesMiddlewares } from "./admin/ratings/middlewares"
import { adminInvoiceRoutesMiddlewares } from "./admin/invoices/middlewares"
import { adminPortalRoutesMiddlewares } from "./admin/portal/middlewares"
import { adminQuoteRoutesMiddlewares } from "./admin/quotes/middlewares"
import { adminComplaintRoutesMiddlewares } from "./admin/complaints/middlewares"
import { storeComplaintRoutesMiddlewares } from "./store/customers/me/complaints/middlewares"
import { adminProductRoutesMiddlewares } from "./admin/products/middlewares"
import { adminScheduleRoutesMiddlewares } from "./admin/schedule/middlewares"
import { adminServiceRoutesMiddlewares } from "./admin/services/middlewares"
import { authCustomerRoutesMiddlewares } from "./auth/middlewares"
// Request shape (issue #13, bad input): see the block at the top of `routes`.
import { PLUGIN_ROUTES, requestShapeGuard } from "./guards/request-shape"
import { hookRoutesMiddlewares } from "./hooks/middlewares"
import { loyaltyStoreRoutesMiddlewares } from "./guards/loyalty-store-routes"
import { storeCustomerRoutesMiddlewares } from "./store/customers/middlewares"
import { storeConversationRoutesMiddlewares } from "./store/customers/me/conversations/middlewares"
import { storeNotificationRoutesMiddlewares } from "./store/customers/me/notifications/middlewares"
import { storeDataExportRoutesMiddlewares } from "./store/data-exports/middlewares"
import { storePortalRoutesMiddlewares } from "./store/portal/middlewares"
import { storeServiceRoutesMiddlewares } from "./store/services/middlewares"

/** Each area's middlewares live beside its routes (validators, uploads, guards); here they are only put together. */
export default defineMiddlewares({
  routes: [
    // ── Request shape (issue #13, bad input) ──
    // On the plugin's own routes: a null character or absurd nesting → 400, a write whose body
    // isn't JSON (uploads aside) → 415. Routes that take no body refuse any field (`refuseBody`, in each area).
    { matcher: PLUGIN_ROUTES, middlewares: [requestShapeGuard] },
    // ── end of request shape ──

    ...loyaltyStoreRoutesMiddlewares,
    ...authCustomerRoutesMiddlewares,
    ...storeCustomerRoutesMiddlewares,
    ...storePortalRoutesMiddlewares,
    ...storeServiceRoutesMiddlewares,
    ...storeDataExportRoutesMiddlewares,
    ...hookRoutesMiddlewares,
    ...adminProductRoutesMiddlewares,
    ...adminCustomerRoutesMiddlewares,
    ...adminCustomerTagRoutesMiddlewares,
    ...adminCustomFieldRoutesMiddlewares,
    ...adminDependentTypeRoutesMiddlewares,
    ...adminPortalRoutesMiddlewares,
    ...adminContentRoutesMiddlewares,
    ...adminCrmRoutesMiddlewares,
    ...adminBookingRoutesMiddlewares,
    ...adminFieldworkerRoutesMiddlewares,
    ...adminScheduleRoutesMiddlewares,
    ...adminServiceRoutesMiddlewares,
    ...adminInvoiceRoutesMiddlewares,
    ...adminQuoteRoutesMiddlewares,
    ...adminGiftVoucherRoutesMiddlewares,
    ...adminReferralRoutesMiddlewares,
    ...storeComplaintRoutesMiddlewares,
    ...adminComplaintRoutesMiddlewares,
    ...ratingRoutesMiddlewares,
    ...storeConversationRoutesMiddlewares,
    ...adminConversationRoutesMiddlewares,
    ...storeNotificationRoutesMiddlewares,
  ],
})
