import type { MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"

/**
 * The loyalty plugin's own store routes look gift cards up by code, apply them and store credit to
 * any cart, and claim accounts, with no guessing limit and none of a voucher's rules (delivered,
 * disabled, in whose account). The portal spends vouchers only through its own routes, which have
 * them, so these answer 404 as if they weren't there.
 */
function notOffered(_req: MedusaRequest, res: MedusaResponse) {
  res.status(404).json({
    type: "not_found",
    message: "Gift vouchers are added in the portal's Gift cards page and used at the booking's payment step.",
  })
}

export const loyaltyStoreRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/gift-cards*", middlewares: [notOffered] },
  { matcher: "/store/carts/:id/gift-cards", middlewares: [notOffered] },
  { matcher: "/store/carts/:id/store-credits", middlewares: [notOffered] },
  { matcher: "/store/store-credit-accounts/claim", middlewares: [notOffered] },
]
