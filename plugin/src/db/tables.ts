/**
 * Table names that raw SQL uses but no model of ours declares. Medusa names a link's table after
 * the two modules and keys it joins, so the name can't be read off a model; it is written here
 * once, for the plugin's SQL, its migration scripts and the tests that read the database.
 */

/** The customer ↔ customer profile link (src/links/customer-profile.ts). */
export const PROFILE_LINK_TABLE = "customer_customer_customer_profile_customer_profile"
