import { type MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { validateAndTransformBody } from "../../utils/validate-body"
import { refuseBody } from "../../guards/request-shape"
import {
  AdminCreateCreditNote,
  AdminExportInvoicesParams,
  AdminGetBillingSummaryParams,
  AdminGetInvoicesParams,
  AdminIssueInvoice,
  AdminRecordInvoicePayment,
  AdminSetInvoiceDueDate,
  AdminUpdateBillingSettings,
  AdminVoidInvoice,
} from "./validators"
import { AdminGetAutomaticPaymentParams, AdminGetFailedAutomaticPaymentsParams, AdminSetAutomaticPayment } from "../automatic-payments/validators"

export const adminInvoiceRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/invoices", method: "GET", middlewares: [validateAndTransformQuery(AdminGetInvoicesParams, {})] },
  { matcher: "/admin/invoices/export", method: "GET", middlewares: [validateAndTransformQuery(AdminExportInvoicesParams, {})] },
  // The customer page's billing card (invoice money, so it lives with the invoices).
  { matcher: "/admin/customers/:id/billing-summary", method: "GET", middlewares: [validateAndTransformQuery(AdminGetBillingSummaryParams, {})] },
  { matcher: "/admin/invoices/:id/issue", method: "POST", middlewares: [validateAndTransformBody(AdminIssueInvoice)] },
  { matcher: "/admin/invoices/:id/void", method: "POST", middlewares: [validateAndTransformBody(AdminVoidInvoice)] },
  { matcher: "/admin/invoices/:id/credit-notes", method: "POST", middlewares: [validateAndTransformBody(AdminCreateCreditNote)] },
  { matcher: "/admin/invoices/:id/payments", method: "POST", middlewares: [validateAndTransformBody(AdminRecordInvoicePayment)] },
  { matcher: "/admin/invoices/:id/due-date", method: "POST", middlewares: [validateAndTransformBody(AdminSetInvoiceDueDate)] },
  { matcher: "/admin/invoices/:id/resend", method: "POST", middlewares: [refuseBody] },
  { matcher: "/admin/billing/settings", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateBillingSettings)] },

  // Automatic payment (issue #18 item 4): the failed list, and the customer page's card (invoice money, so it lives here).
  { matcher: "/admin/automatic-payments", method: "GET", middlewares: [validateAndTransformQuery(AdminGetFailedAutomaticPaymentsParams, {})] },
  { matcher: "/admin/customers/:id/automatic-payment", method: "GET", middlewares: [validateAndTransformQuery(AdminGetAutomaticPaymentParams, {})] },
  { matcher: "/admin/customers/:id/automatic-payment", method: "POST", middlewares: [validateAndTransformBody(AdminSetAutomaticPayment)] },
]
