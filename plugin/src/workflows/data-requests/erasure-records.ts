import { MedusaError } from "@medusajs/framework/utils"
import { escapeLike } from "../../utils/sql-manager"
import {
  CART_PAYMENT_COLLECTION_LINK_TABLE,
  CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE,
  ORDER_CART_LINK_TABLE,
  ORDER_PAYMENT_COLLECTION_LINK_TABLE,
  PROFILE_LINK_TABLE,
} from "../../db/tables"

/*
 * Finding everything that belongs to a customer, for the erasure. Every query reads soft-deleted
 * rows too: a soft-deleted address or email still holds the person's data.
 */

/** Runs a statement in the erasure's transaction; `rows` and how many rows it touched. */
export type Run = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[]; count: number }>

/** `IN ${LIST}` with JSON.stringify(array) as its parameter: one parameter for any number of values. */
export const LIST = "(SELECT jsonb_array_elements_text(?::jsonb))"
export const json = (values: unknown[]) => JSON.stringify(values)

/** The neutral values that replace a person's details in the records that are kept. */
export const ERASED_FIRST_NAME = "Erased"
export const ERASED_LAST_NAME = "customer"
/** Unique per customer (customer emails are unique) and undeliverable: `.invalid` is reserved (RFC 2606). */
export const erasedEmail = (customerId: string) => `erased+${customerId.toLowerCase()}@erased.invalid`
/** The same address in SQL, for a customer row's `id`. */
export const ERASED_EMAIL_SQL = `'erased+' || lower(id) || '@erased.invalid'`

export type ErasureTargets = {
  customer_id: string
  /** The customer and the duplicates merged into them earlier (the same person's older records). */
  customer_ids: string[]
  profile_ids: string[]
  /** Every email address of the person, lower-case: account, extra ones, bookings'. */
  emails: string[]
  booking_ids: string[]
  booking_numbers: string[]
  /** Their repeat visits (emails about a series name it, not its bookings). */
  series_ids: string[]
  order_ids: string[]
  cart_ids: string[]
  dependent_ids: string[]
  auth_identity_ids: string[]
  payment_collection_ids: string[]
  account_holders: { id: string; provider_id: string; external_id: string | null }[]
  /** File module keys: profile picture, dependents' photos, booking attachments, rating photos, earlier exports. */
  file_keys: string[]
}

const strings = (rows: Record<string, unknown>[], column: string) => [
  ...new Set(rows.map((row) => row[column]).filter((value): value is string => typeof value === "string" && value !== "")),
]

/**
 * The customer (locked for the rest of the transaction) and every record of theirs. A customer
 * merged into another is refused: their data now lives on the customer kept, who is the one to erase.
 */
export async function findErasureTargets(run: Run, customerId: string): Promise<ErasureTargets> {
  const { rows: found } = await run(`SELECT id, email, deleted_at FROM customer WHERE id = ? FOR UPDATE`, [customerId])
  if (!found.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`)
  const { rows: mergedInto } = await run(`SELECT primary_customer_id FROM customer_merge WHERE secondary_customer_id = ? ORDER BY created_at DESC LIMIT 1`, [
    customerId,
  ])
  if (mergedInto.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `This customer was merged into customer ${mergedInto[0].primary_customer_id}, which now holds their data. Erase that customer instead.`
    )
  }
  const { rows: merged } = await run(`SELECT secondary_customer_id FROM customer_merge WHERE primary_customer_id = ?`, [customerId])
  const customerIds = [customerId, ...strings(merged, "secondary_customer_id").filter((id) => id !== customerId)]
  const ids = json(customerIds)

  const { rows: customers } = await run(`SELECT email FROM customer WHERE id IN ${LIST}`, [ids])
  const { rows: profiles } = await run(
    `SELECT p.id, p.picture_file_id FROM customer_profile p
     JOIN ${PROFILE_LINK_TABLE} link ON link.customer_profile_id = p.id
     WHERE link.customer_id IN ${LIST}`,
    [ids]
  )
  const profileIds = strings(profiles, "id")
  const { rows: methods } = await run(`SELECT normalized FROM customer_contact_method WHERE kind = 'email' AND profile_id IN ${LIST}`, [json(profileIds)])
  const ownEmails = [...strings(customers, "email"), ...strings(methods, "normalized")].map((email) => email.toLowerCase())

  // Their bookings, and bookings made as a guest with one of their emails before they had an account.
  const { rows: bookings } = await run(
    `SELECT id, booking_number, order_id, email FROM booking
     WHERE customer_id IN ${LIST} OR (customer_id IS NULL AND lower(email) IN ${LIST})`,
    [ids, json(ownEmails)]
  )
  const bookingIds = strings(bookings, "id")
  const emails = [...new Set([...ownEmails, ...strings(bookings, "email").map((email) => email.toLowerCase())])]

  const { rows: orders } = await run(`SELECT id FROM "order" WHERE customer_id IN ${LIST} OR id IN ${LIST}`, [ids, json(strings(bookings, "order_id"))])
  const orderIds = strings(orders, "id")
  const { rows: carts } = await run(
    `SELECT id FROM cart WHERE customer_id IN ${LIST} OR id IN (SELECT cart_id FROM ${ORDER_CART_LINK_TABLE} WHERE order_id IN ${LIST})`,
    [ids, json(orderIds)]
  )
  const cartIds = strings(carts, "id")
  const { rows: collections } = await run(
    `SELECT payment_collection_id AS id FROM ${CART_PAYMENT_COLLECTION_LINK_TABLE} WHERE cart_id IN ${LIST}
     UNION SELECT payment_collection_id FROM ${ORDER_PAYMENT_COLLECTION_LINK_TABLE} WHERE order_id IN ${LIST}`,
    [json(cartIds), json(orderIds)]
  )
  const { rows: dependents } = await run(`SELECT id, photo_file_id FROM dependent WHERE customer_id IN ${LIST}`, [ids])
  const { rows: series } = await run(`SELECT id FROM booking_series WHERE customer_id IN ${LIST}`, [ids])
  const { rows: attachments } = await run(`SELECT file_id FROM booking_attachment WHERE booking_id IN ${LIST}`, [json(bookingIds)])
  const { rows: ratingPhotos } = await run(`SELECT p.file_id FROM rating_photo p JOIN rating r ON r.id = p.rating_id WHERE r.customer_id IN ${LIST}`, [ids])
  const { rows: exportFiles } = await run(`SELECT file_key FROM data_export WHERE customer_id IN ${LIST} AND file_key IS NOT NULL`, [ids])

  // Their logins: attached to the customer, their bookings' booking-number logins, and password or
  // social logins made with their email but never attached (a sign-up not finished). Never staff logins.
  const { rows: identities } = await run(
    `SELECT DISTINCT ai.id FROM auth_identity ai LEFT JOIN provider_identity pi ON pi.auth_identity_id = ai.id
     WHERE ai.app_metadata->>'customer_id' IN ${LIST}
        OR (pi.provider = 'booking-number' AND pi.entity_id IN ${LIST})
        OR (ai.app_metadata->>'user_id' IS NULL
            AND (lower(pi.entity_id) IN ${LIST} OR lower(pi.user_metadata->>'email') IN ${LIST} OR lower(pi.provider_metadata->>'email') IN ${LIST}))`,
    [ids, json(strings(bookings, "booking_number")), json(emails), json(emails), json(emails)]
  )
  const { rows: holders } = await run(
    `SELECT h.id, h.provider_id, h.external_id FROM account_holder h
     JOIN ${CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE} link ON link.account_holder_id = h.id WHERE link.customer_id IN ${LIST}`,
    [ids]
  )

  return {
    customer_id: customerId,
    customer_ids: customerIds,
    profile_ids: profileIds,
    emails,
    booking_ids: bookingIds,
    booking_numbers: strings(bookings, "booking_number"),
    series_ids: strings(series, "id"),
    order_ids: orderIds,
    cart_ids: cartIds,
    dependent_ids: strings(dependents, "id"),
    auth_identity_ids: strings(identities, "id"),
    payment_collection_ids: strings(collections, "id"),
    account_holders: holders.map((row) => ({
      id: String(row.id),
      provider_id: String(row.provider_id),
      external_id: typeof row.external_id === "string" ? row.external_id : null,
    })),
    file_keys: [
      ...strings(profiles, "picture_file_id"),
      ...strings(dependents, "photo_file_id"),
      ...strings(attachments, "file_id"),
      ...strings(ratingPhotos, "file_id"),
      ...strings(exportFiles, "file_key"),
    ],
  }
}

/** Substrings that mark a stored workflow run as one about this customer: their ids and emails. */
export function workflowPatterns(targets: ErasureTargets): string[] {
  return [...targets.customer_ids, ...targets.booking_ids, ...targets.order_ids, ...targets.cart_ids, ...targets.payment_collection_ids, ...targets.emails].map(
    (value) => `%${escapeLike(value)}%`
  )
}
