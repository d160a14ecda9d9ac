import { authenticate, defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminUpdateProfile } from "./admin/customers/[id]/profile/validators"
import { AdminCreateFaq, AdminCreateTerm, AdminUpdateFaq, AdminUpdateTerm } from "./admin/content/validators"
import { StoreUpdateProfile } from "./store/customers/me/profile/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/customers/me/profile",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    { matcher: "/store/customers/me/profile", method: "POST", middlewares: [validateAndTransformBody(StoreUpdateProfile)] },
    { matcher: "/admin/customers/:id/profile", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateProfile)] },
    { matcher: "/admin/content/faqs", method: "POST", middlewares: [validateAndTransformBody(AdminCreateFaq)] },
    { matcher: "/admin/content/faqs/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateFaq)] },
    { matcher: "/admin/content/terms", method: "POST", middlewares: [validateAndTransformBody(AdminCreateTerm)] },
    { matcher: "/admin/content/terms/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateTerm)] },
  ],
})
