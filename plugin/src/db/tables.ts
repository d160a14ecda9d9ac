/**
 * Table names that raw SQL uses but no model of ours declares. Medusa names a link's table after
 * the two modules and keys it joins, so the name can't be read off a model; it is written here
 * once, for the plugin's SQL, its migration scripts and the tests that read the database.
 */

/** The customer ↔ customer profile link (src/links/customer-profile.ts). */
export const PROFILE_LINK_TABLE = "customer_customer_customer_profile_customer_profile"

// Links Medusa's own modules make (@medusajs/link-modules), read by the erasure and the merge.

/** Customer ↔ payment account holder: where a customer's saved cards hang. */
export const CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE = "customer_account_holder"
/** Order ↔ the cart it was placed from. */
export const ORDER_CART_LINK_TABLE = "order_cart"
export const CART_PAYMENT_COLLECTION_LINK_TABLE = "cart_payment_collection"
export const ORDER_PAYMENT_COLLECTION_LINK_TABLE = "order_payment_collection"
export const ORDER_FULFILLMENT_LINK_TABLE = "order_fulfillment"

/** Medusa's Notification module: an invoice's first email is found by its idempotency key. */
export const NOTIFICATION_TABLE = "notification"
