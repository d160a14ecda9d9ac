import { CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE, ORDER_FULFILLMENT_LINK_TABLE } from "../../db/tables"
import { ACTIVITY_TABLE } from "../../modules/customer-profile/bulk-tables"
import { refreshDirectoryEntries } from "../../modules/customer-directory/service"
import { insertNew } from "../../utils/bulk-insert"
import type { SqlManager } from "../../utils/sql-manager"
import { actorColumns, type ActivityActor } from "../customer-profile/activity"
import {
  ERASED_EMAIL_SQL,
  ERASED_FIRST_NAME,
  ERASED_LAST_NAME,
  type ErasureTargets,
  erasedEmail,
  json,
  LIST,
  type Run,
  workflowPatterns,
} from "./erasure-records"

/** How many records of each kind the erasure removed or replaced (the erasure record keeps it; nothing personal). */
export type ErasureSummary = Record<string, number>

export const ERASED_ACTIVITY_KIND = "personal_data_erased"
const MERGE_LINE = "Merged with a customer whose personal data was later erased."
const PAYER_LINE = "Bill payer changed, involving a customer whose personal data was later erased."
const IMPORT_ROW_REASON = "Row removed: the customer's personal data was erased."

/**
 * Removes or replaces the person's data in every table that holds it, inside the erasure's one
 * transaction: nothing is changed unless everything is. What is kept (a customer record, its
 * bookings and orders with their numbers, amounts, dates and statuses) keeps its ids, with the
 * person's details replaced. The customer's history is emptied but for one line saying who erased it.
 */
export async function eraseRecords(
  run: Run,
  sql: SqlManager,
  targets: ErasureTargets,
  input: { erasure_id: string; actor: ActivityActor }
): Promise<ErasureSummary> {
  const ids = json(targets.customer_ids)
  const emails = json(targets.emails)
  const email = erasedEmail(targets.customer_id)
  const summary: ErasureSummary = {}
  const count = async (kind: string, statement: string, params: unknown[] = []) => {
    const { count } = await run(statement, params)
    summary[kind] = (summary[kind] ?? 0) + count
  }

  // ---- The person: customer record, profile, everything they added --------------------------------
  // Each record its own address (the duplicates merged in earlier are deleted records of the same person).
  await count(
    "customers",
    `UPDATE customer SET first_name = ?, last_name = ?, email = ${ERASED_EMAIL_SQL}, phone = NULL,
      company_name = NULL, metadata = NULL, has_account = false, updated_at = now() WHERE id IN ${LIST}`,
    [ERASED_FIRST_NAME, ERASED_LAST_NAME, ids]
  )
  await count("addresses", `DELETE FROM customer_address WHERE customer_id IN ${LIST}`, [ids])
  await count(
    "profiles",
    `UPDATE customer_profile SET additional_names = NULL, picture_file_id = NULL, picture_url = NULL,
      internal_notes = NULL, tags = '{}', status = 'archived', status_changed_at = now(), email_verified_at = NULL,
      marketing_emails = false, reminder_emails = false, feedback_emails = false, updated_at = now() WHERE id IN ${LIST}`,
    [json(targets.profile_ids)]
  )
  await count("contact_methods", `DELETE FROM customer_contact_method WHERE profile_id IN ${LIST}`, [json(targets.profile_ids)])
  await count("additional_contacts", `DELETE FROM customer_additional_contact WHERE profile_id IN ${LIST}`, [json(targets.profile_ids)])
  await count("business_profiles", `DELETE FROM business_profile WHERE customer_id IN ${LIST}`, [ids])
  await count(
    "custom_field_values",
    `DELETE FROM custom_field_value WHERE (owner_type = 'customer' AND owner_id IN ${LIST})
      OR (owner_type = 'dependent' AND owner_id IN ${LIST})`,
    [ids, json(targets.dependent_ids)]
  )
  await count("dependents", `DELETE FROM dependent WHERE customer_id IN ${LIST}`, [ids])

  // ---- Bookings and orders: kept for the accounts, the person's details replaced -------------------
  await count(
    "bookings",
    `UPDATE booking SET email = ?, contact = NULL, location = NULL, location_text = NULL, instructions = NULL,
      cancellation_reason = NULL, address_id = NULL, additional_contact_id = NULL, business_profile_id = NULL,
      dependent_ids = '{}', card = NULL, updated_at = now() WHERE id IN ${LIST}`,
    [email, json(targets.booking_ids)]
  )
  await count("booking_attachments", `DELETE FROM booking_attachment WHERE booking_id IN ${LIST}`, [json(targets.booking_ids)])
  // Ratings stay in the report (stars, service, area); the customer's words and photos go.
  await run(`DELETE FROM rating_photo WHERE rating_id IN (SELECT id FROM rating WHERE customer_id IN ${LIST})`, [ids])
  await run(`UPDATE rating SET comment = NULL, updated_at = now() WHERE customer_id IN ${LIST}`, [ids])
  await count("orders", `UPDATE "order" SET email = ?, updated_at = now() WHERE id IN ${LIST}`, [email, json(targets.order_ids)])
  const addressColumns = `first_name = '${ERASED_FIRST_NAME}', last_name = '${ERASED_LAST_NAME}', company = NULL, address_1 = NULL,
      address_2 = NULL, city = NULL, province = NULL, postal_code = NULL, phone = NULL, metadata = NULL, updated_at = now()`
  await count(
    "order_addresses",
    `UPDATE order_address SET ${addressColumns} WHERE customer_id IN ${LIST}
      OR id IN (SELECT unnest(array[shipping_address_id, billing_address_id]) FROM "order" WHERE id IN ${LIST})`,
    [ids, json(targets.order_ids)]
  )
  await run(
    `UPDATE fulfillment_address SET ${addressColumns} WHERE id IN (SELECT f.delivery_address_id FROM fulfillment f
      JOIN ${ORDER_FULFILLMENT_LINK_TABLE} link ON link.fulfillment_id = f.id WHERE link.order_id IN ${LIST})`,
    [json(targets.order_ids)]
  )
  await count("carts", `UPDATE cart SET email = ?, updated_at = now() WHERE id IN ${LIST}`, [email, json(targets.cart_ids)])
  await run(
    `UPDATE cart_address SET ${addressColumns} WHERE customer_id IN ${LIST}
      OR id IN (SELECT unnest(array[shipping_address_id, billing_address_id]) FROM cart WHERE id IN ${LIST})`,
    [ids, json(targets.cart_ids)]
  )
  // A payment session's context carries the customer's details as they were when paying; the
  // payment itself (amounts, Stripe's ids) is kept.
  await run(`UPDATE payment_session SET context = '{}'::jsonb WHERE payment_collection_id IN ${LIST}`, [json(targets.payment_collection_ids)])
  await count("saved_card_accounts", `DELETE FROM ${CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE} WHERE customer_id IN ${LIST}`, [ids])

  // ---- Regular customers: repeat visits end (the visits booked stay, as single bookings do), the
  // contact and notes they carried go; who pays whose invoices and the automatic-payment agreement
  // (with who agreed) go too. Issued invoices are accounting records and are kept.
  await count(
    "booking_series",
    `UPDATE booking_series SET contact = NULL, instructions = NULL, location_text = NULL, updated_at = now(),
      status = 'ended',
      ended_at = COALESCE(ended_at, now()), ended_by = COALESCE(ended_by, 'system'),
      end_reason = COALESCE(end_reason, 'the customer''s personal data was erased') WHERE customer_id IN ${LIST}`,
    [ids]
  )
  await count("bill_payers", `DELETE FROM bill_payer WHERE customer_id IN ${LIST} OR payer_id IN ${LIST}`, [ids, ids])
  await count("automatic_payments", `DELETE FROM automatic_payment WHERE customer_id IN ${LIST}`, [ids])

  // ---- Emails, notices, logins, links ---------------------------------------------------------------
  // Their emails and portal notices, and the office's copies about their bookings: kept as a log
  // (when, which template, sent or not) without the recipient's address or the email's contents.
  await count(
    "notifications",
    `UPDATE notification SET "to" = CASE WHEN lower("to") IN ${LIST} THEN ? ELSE "to" END,
      data = '{"erased": true}'::jsonb, provider_data = NULL, updated_at = now()
      WHERE receiver_id IN ${LIST} OR resource_id IN ${LIST} OR lower("to") IN ${LIST}`,
    [emails, email, ids, json([...targets.customer_ids, ...targets.booking_ids, ...targets.series_ids]), emails]
  )
  const identities = json(targets.auth_identity_ids)
  for (const table of ["provider_identity", "auth_mfa_recovery_code", "auth_mfa_factor", "auth_password_reset_token", "auth_verification"]) {
    if (table !== "provider_identity" && !(await tableExists(run, table))) continue
    await run(`DELETE FROM ${table} WHERE auth_identity_id IN ${LIST}`, [identities])
  }
  for (const table of ["auth_password_reset_token", "auth_verification"]) {
    if (await tableExists(run, table)) await run(`DELETE FROM ${table} WHERE lower(entity_id) IN ${LIST}`, [emails])
  }
  await count("logins", `DELETE FROM auth_identity WHERE id IN ${LIST}`, [identities])
  await count("portal_links", `DELETE FROM account_token WHERE customer_id IN ${LIST} OR lower(email) IN ${LIST}`, [ids, emails])
  await count("login_failures", `DELETE FROM login_failure WHERE lower(email) IN ${LIST}`, [emails])
  // The emails asked for on their behalf (sign-up, links, resets), counted for the rate limits.
  await count("email_requests", `DELETE FROM email_request WHERE lower(email) IN ${LIST}`, [emails])

  // ---- What other features wrote about them ------------------------------------------------------
  await count(
    "import_rows",
    `UPDATE customer_import_rejection SET cells = '[]'::jsonb, reason = ?, updated_at = now()
      WHERE jsonb_typeof(cells) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(cells) AS cell WHERE lower(trim(cell)) IN ${LIST})`,
    [IMPORT_ROW_REASON, emails]
  )
  await count(
    "merges",
    `UPDATE customer_merge SET conflicts = '{"fields": []}'::jsonb, updated_at = now()
      WHERE primary_customer_id IN ${LIST} OR secondary_customer_id IN ${LIST}`,
    [ids, ids]
  )
  await run(
    `UPDATE customer_activity SET message = ?, changes = NULL,
      data = jsonb_strip_nulls(jsonb_build_object('merge_id', data->>'merge_id', 'primary_id', data->>'primary_id', 'secondary_id', data->>'secondary_id'))
      WHERE customer_id NOT IN ${LIST} AND (data->>'secondary_id' IN ${LIST} OR data->>'primary_id' IN ${LIST})`,
    [MERGE_LINE, ids, ids, ids]
  )
  // Other customers' history naming them as their bill payer (or as the customer they paid for).
  await run(
    `UPDATE customer_activity SET message = ?, changes = NULL WHERE customer_id NOT IN ${LIST} AND kind LIKE 'bill_payer%'
      AND (data->>'before' IN ${LIST} OR data->>'after' IN ${LIST} OR data->>'customer_id' IN ${LIST})`,
    [PAYER_LINE, ids, ids, ids, ids]
  )
  await count(
    "exports",
    `UPDATE data_export SET file_key = NULL, token_hash = NULL, updated_at = now(),
      status = CASE WHEN status = 'pending' THEN 'failed' WHEN status = 'ready' THEN 'expired' ELSE status END,
      error = CASE WHEN status = 'pending' THEN 'Cancelled: the customer''s personal data was erased.' ELSE error END
      WHERE customer_id IN ${LIST}`,
    [ids]
  )
  // Stored runs of finished workflows (kept for their retention time) can hold their input: the
  // cart's email, the customer's details. Runs still going are left alone.
  await run(
    `DELETE FROM workflow_execution w WHERE w.state IN ('done', 'failed', 'reverted')
      AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(?::jsonb) AS pattern
                  WHERE w.context::text ILIKE pattern OR w.execution::text ILIKE pattern)`,
    [json(workflowPatterns(targets))]
  )

  // ---- The history: one line, who erased it and when -----------------------------------------------
  await count("activity", `DELETE FROM customer_activity WHERE customer_id IN ${LIST}`, [ids])
  await insertNew(sql, ACTIVITY_TABLE, [
    {
      customer_id: targets.customer_id,
      kind: ERASED_ACTIVITY_KIND,
      message: `Personal data erased by ${describeActor(input.actor)}.`,
      data: { erasure_id: input.erasure_id },
      changes: null,
      ...actorColumns(input.actor),
    },
  ])
  await refreshDirectoryEntries(sql, targets.customer_ids)
  return summary
}

function describeActor(actor: ActivityActor) {
  if (actor.type !== "staff") return "the system"
  if (actor.name && actor.email && actor.name !== actor.email) return `${actor.name} (${actor.email})`
  return actor.name || actor.email || "a staff member"
}

/** Medusa's auth module gained tables over versions (MFA, verification); only those present are cleaned. */
async function tableExists(run: Run, table: string) {
  const { rows } = await run(`SELECT to_regclass(?) IS NOT NULL AS present`, [table])
  return rows[0]?.present === true
}
