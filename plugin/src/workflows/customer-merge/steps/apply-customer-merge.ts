import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_DIRECTORY_MODULE, type CustomerDirectoryModuleService } from "../../../modules/customer-directory"
import type { MergePlan } from "../../../modules/customer-merge/merge-plan"
import { mergeActivityEntries } from "../../../modules/customer-merge/merge-wording"
import { ACTIVITY_TABLE, CONTACT_METHOD_TABLE } from "../../../modules/customer-profile/bulk-tables"
import { insertNew, newEntityId } from "../../../utils/bulk-insert"
import { IN_IDS, restoreSnapshots, type RowSnapshot, snapshotRows, snapshotSet } from "../../../utils/row-snapshots"
import { type KnexLike, knexSqlManager, type SqlManager } from "../../../utils/sql-manager"
import { activityRow, type ActivityEntry } from "../../customer-profile/steps/record-activity"
import { CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE } from "../../../db/tables"
import { billingSnapshots, mergeBilling } from "./merge-billing"
import { customerRecordSnapshots, mergeCustomerRecords } from "./merge-customer-records"

/*
 * A merge's writes, in one database transaction. They span the customer, customer-profile,
 * business-profile, dependents, custom-fields, booking, order, cart, payment-link, notification,
 * auth, portal-access, invoices, conversations, complaints and ratings tables; as steps through each module they were a dozen transactions,
 * and a server killed between two of them (where no compensation runs) left a customer half
 * merged. Here PostgreSQL commits all of it or none of it. The tables are written as their
 * modules write them (soft deletes where the modules soft-delete; the auth module's hard delete
 * of logins), and the rows as they were are kept, to put back if a later step of the workflow fails.
 */

type Knex = KnexLike & { transaction: <T>(work: (trx: KnexLike) => Promise<T>) => Promise<T> }

export type ApplyMergeInput = {
  plan: MergePlan
  primary_profile_id: string
  actor: string | null
}

type Undo = { snapshots: RowSnapshot[]; inserted: { table: string; ids: string[] }[] }

const json = (values: unknown) => JSON.stringify(values)

/** Points rows of `table` at the primary (`column` holds the customer or profile id). */
async function reassign(sql: SqlManager, table: string, column: string, ids: string[], to: string) {
  if (!ids.length) return
  await sql.execute(`UPDATE "${table}" SET "${column}" = ?, updated_at = now() WHERE id ${IN_IDS}`, [to, json(ids)])
}

async function softDelete(sql: SqlManager, table: string, ids: string[]) {
  if (!ids.length) return
  await sql.execute(`UPDATE "${table}" SET deleted_at = now(), updated_at = now() WHERE id ${IN_IDS} AND deleted_at IS NULL`, [json(ids)])
}

/** Sets columns of one row from a plain object (types as the table declares them: arrays, JSON, numbers). */
async function setColumns(sql: SqlManager, table: string, id: string, changes: Record<string, unknown>) {
  const columns = Object.keys(changes).map((column) => `"${column.replace(/"/g, '""')}"`)
  if (!columns.length) return
  await sql.execute(
    `UPDATE "${table}" AS t SET (${columns.join(", ")}, updated_at) = (SELECT ${columns.map((column) => `s.${column}`).join(", ")}, now()
       FROM jsonb_populate_record(null::"${table}", ?::jsonb) AS s) WHERE t.id = ?`,
    [json(changes), id]
  )
}

/** What still belongs to the secondary inside the transaction: anything added while the merge ran. */
async function leftBehind(sql: SqlManager, secondaryId: string, secondaryProfileId: string | null) {
  const counts: [string, string, unknown[]][] = [
    ["address", `SELECT count(*) FROM customer_address WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["customer group", `SELECT count(*) FROM customer_group_customer WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["business profile", `SELECT count(*) FROM business_profile WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["dependent", `SELECT count(*) FROM dependent WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["custom field value", `SELECT count(*) FROM custom_field_value WHERE owner_type = 'customer' AND owner_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["booking", `SELECT count(*) FROM booking WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["order", `SELECT count(*) FROM "order" WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["order address", `SELECT count(*) FROM order_address WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["cart", `SELECT count(*) FROM cart WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["saved-card account", `SELECT count(*) FROM ${CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE} WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["notification", `SELECT count(*) FROM notification WHERE receiver_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["activity entry", `SELECT count(*) FROM customer_activity WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["portal link", `SELECT count(*) FROM account_token WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["invoice", `SELECT count(*) FROM invoice WHERE (customer_id = ? OR payer_id = ?) AND deleted_at IS NULL`, [secondaryId, secondaryId]],
    ["billing cycle", `SELECT count(*) FROM billing_cycle WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["conversation", `SELECT count(*) FROM conversation WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["complaint", `SELECT count(*) FROM complaint WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ["rating", `SELECT count(*) FROM rating WHERE customer_id = ? AND deleted_at IS NULL`, [secondaryId]],
    ...(secondaryProfileId
      ? ([
          ["extra email or phone", `SELECT count(*) FROM customer_contact_method WHERE profile_id = ? AND deleted_at IS NULL`, [secondaryProfileId]],
          ["additional contact", `SELECT count(*) FROM customer_additional_contact WHERE profile_id = ? AND deleted_at IS NULL`, [secondaryProfileId]],
        ] as [string, string, unknown[]][])
      : []),
  ]
  const left: string[] = []
  for (const [kind, query, params] of counts) {
    const [row] = await sql.execute(query, params)
    const count = Number(row.count)
    if (count > 0) left.push(`${count} ${kind}${count === 1 ? "" : "s"}`)
  }
  return left
}

/** The logins (auth identities) that belong to the customer, with their provider identities. */
async function loginIds(sql: SqlManager, customerId: string) {
  const rows = await sql.execute(`SELECT id FROM auth_identity WHERE app_metadata->>'customer_id' = ?`, [customerId])
  return rows.map((row) => row.id as string)
}

async function applyMerge(sql: SqlManager, input: ApplyMergeInput): Promise<{ merge_id: string; undo: Undo }> {
  const { plan, primary_profile_id: primaryProfileId } = input
  const primaryId = plan.primary.customer.id
  const secondaryId = plan.secondary.customer.id
  const secondaryProfileId = plan.secondary.profile?.id ?? null
  const side = plan.secondary
  const holders = [...plan.account_holders.move, ...plan.account_holders.unlink].map((holder) => holder.id)
  const logins = await loginIds(sql, secondaryId)
  const contactMethodIds = [...plan.contact_methods.move.map((move) => move.id), ...plan.contact_methods.drop]

  // The rows as they are, before anything changes.
  const snapshots: RowSnapshot[] = [
    await snapshotRows(sql, "customer", [primaryId, secondaryId]),
    await snapshotRows(
      sql,
      "customer_address",
      plan.addresses.map((address) => address.id)
    ),
    await snapshotSet(sql, "customer_group_customer", `t.customer_id ${IN_IDS}`, [json([primaryId, secondaryId])]),
    await snapshotRows(sql, "customer_contact_method", contactMethodIds),
    await snapshotRows(sql, "customer_additional_contact", side.profile?.additional_contact_ids ?? []),
    await snapshotRows(sql, "customer_profile", [primaryProfileId, ...(secondaryProfileId ? [secondaryProfileId] : [])]),
    await snapshotRows(sql, "business_profile", side.business_profile_ids),
    await snapshotRows(sql, "dependent", side.dependent_ids),
    await snapshotRows(sql, "custom_field_value", [...plan.custom_values.move, ...plan.custom_values.drop]),
    await snapshotRows(sql, "booking", side.booking_ids),
    await snapshotRows(sql, "order", side.order_ids),
    await snapshotRows(sql, "order_address", side.order_address_ids),
    await snapshotRows(sql, "cart", side.cart_ids),
    await snapshotRows(sql, "cart_address", side.cart_address_ids),
    await snapshotSet(sql, CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE, `t.account_holder_id ${IN_IDS}`, [json(holders)]),
    await snapshotRows(sql, "notification", side.notification_ids),
    await snapshotRows(sql, "customer_activity", side.activity_ids),
    await snapshotRows(sql, "account_token", side.account_token_ids),
    ...(await billingSnapshots(sql, primaryId, secondaryId)),
    ...(await customerRecordSnapshots(sql, plan)),
    // Put back last-first: the logins before their provider identities.
    await snapshotSet(sql, "provider_identity", `t.auth_identity_id ${IN_IDS}`, [json(logins)]),
    await snapshotSet(sql, "auth_identity", `t.id ${IN_IDS}`, [json(logins)]),
  ]

  // Addresses, with the default flags as planned (the primary's defaults stay).
  if (plan.addresses.length) {
    await sql.execute(
      `UPDATE customer_address AS a SET customer_id = ?, is_default_billing = x.billing, is_default_shipping = x.shipping, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS x(id text, billing boolean, shipping boolean) WHERE a.id = x.id`,
      [primaryId, json(plan.addresses.map((address) => ({ id: address.id, billing: address.is_default_billing, shipping: address.is_default_shipping })))]
    )
  }
  // Customer groups: the primary joins the secondary's, the secondary leaves them (Medusa deletes these rows).
  if (plan.groups.add.length) {
    await sql.execute(
      `INSERT INTO customer_group_customer (id, customer_id, customer_group_id) SELECT x.id, ?, x.group_id FROM jsonb_to_recordset(?::jsonb) AS x(id text, group_id text)`,
      [primaryId, json(plan.groups.add.map((group) => ({ id: newEntityId("cusgc"), group_id: group })))]
    )
  }
  if (plan.groups.remove.length) {
    await sql.execute(`DELETE FROM customer_group_customer WHERE customer_id = ? AND customer_group_id ${IN_IDS}`, [secondaryId, json(plan.groups.remove)])
  }
  await setColumns(sql, "customer", primaryId, plan.customer_changes)

  // Extra emails and numbers, additional contacts, the profiles' combined fields.
  if (plan.contact_methods.move.length) {
    await sql.execute(
      `UPDATE customer_contact_method AS m SET profile_id = ?, is_primary = x.is_primary, updated_at = now()
         FROM jsonb_to_recordset(?::jsonb) AS x(id text, is_primary boolean) WHERE m.id = x.id`,
      [primaryProfileId, json(plan.contact_methods.move)]
    )
  }
  await softDelete(sql, "customer_contact_method", plan.contact_methods.drop)
  const addedMethods = await insertNew(
    sql,
    CONTACT_METHOD_TABLE,
    plan.contact_methods.add.map((method) => ({ ...method, profile_id: primaryProfileId }))
  )
  await reassign(sql, "customer_additional_contact", "profile_id", side.profile?.additional_contact_ids ?? [], primaryProfileId)
  await setColumns(sql, "customer_profile", primaryProfileId, plan.profile_changes)
  if (secondaryProfileId) await setColumns(sql, "customer_profile", secondaryProfileId, plan.secondary_profile_changes)

  // Records that carry the customer's id.
  await reassign(sql, "business_profile", "customer_id", side.business_profile_ids, primaryId)
  await reassign(sql, "dependent", "customer_id", side.dependent_ids, primaryId)
  await softDelete(sql, "custom_field_value", plan.custom_values.drop)
  await reassign(sql, "custom_field_value", "owner_id", plan.custom_values.move, primaryId)
  await reassign(sql, "booking", "customer_id", side.booking_ids, primaryId)
  await reassign(sql, "order", "customer_id", side.order_ids, primaryId)
  await reassign(sql, "order_address", "customer_id", side.order_address_ids, primaryId)
  await reassign(sql, "cart", "customer_id", side.cart_ids, primaryId)
  await reassign(sql, "cart_address", "customer_id", side.cart_address_ids, primaryId)
  // Saved-card accounts: unlinked from the secondary (as the link module dismisses), linked to the primary where it has none.
  if (holders.length) {
    await sql.execute(
      `UPDATE ${CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE} SET deleted_at = now(), updated_at = now() WHERE customer_id = ? AND account_holder_id ${IN_IDS} AND deleted_at IS NULL`,
      [secondaryId, json(holders)]
    )
  }
  for (const holder of plan.account_holders.move) {
    await sql.execute(
      `INSERT INTO ${CUSTOMER_ACCOUNT_HOLDER_LINK_TABLE} (id, customer_id, account_holder_id) VALUES (?, ?, ?)
       ON CONFLICT (customer_id, account_holder_id) DO UPDATE SET deleted_at = NULL, updated_at = now()`,
      [newEntityId("custacchldr"), primaryId, holder.id]
    )
  }
  // Emails and portal notices: receiver_id, and `to` where it is the customer's id (portal notices).
  if (side.notification_ids.length) {
    await sql.execute(`UPDATE notification SET receiver_id = ?, "to" = CASE WHEN "to" = ? THEN ? ELSE "to" END, updated_at = now() WHERE id ${IN_IDS}`, [
      primaryId,
      secondaryId,
      primaryId,
      json(side.notification_ids),
    ])
  }
  await reassign(sql, "customer_activity", "customer_id", side.activity_ids, primaryId)
  await mergeBilling(sql, primaryId, secondaryId)
  await mergeCustomerRecords(sql, plan)
  // Invite, email-confirmation and password-reset links go with the logins.
  await softDelete(sql, "account_token", side.account_token_ids)

  // Anything added to the secondary since the plan was made would be left behind: then nothing happens.
  const left = await leftBehind(sql, secondaryId, secondaryProfileId)
  if (left.length) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The secondary customer changed while merging (new: ${left.join(", ")}). Nothing was merged; try again.`,
      "customer_changed"
    )
  }

  // The secondary is deleted the way staff delete a customer: soft-deleted, its logins removed.
  const deleted = await sql.execute(`UPDATE customer SET deleted_at = now(), updated_at = now() WHERE id = ? AND deleted_at IS NULL RETURNING id`, [
    secondaryId,
  ])
  if (!deleted.length)
    throw new MedusaError(MedusaError.Types.CONFLICT, "The secondary customer was deleted while merging. Nothing was merged.", "customer_changed")
  if (logins.length) {
    await sql.execute(`DELETE FROM provider_identity WHERE auth_identity_id ${IN_IDS}`, [json(logins)])
    await sql.execute(`DELETE FROM auth_identity WHERE id ${IN_IDS}`, [json(logins)])
  }

  // The merge's own record, and both customers' history.
  const mergeId = newEntityId("cmrg")
  await sql.execute(
    `INSERT INTO customer_merge (id, primary_customer_id, secondary_customer_id, actor, summary, conflicts) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)`,
    [mergeId, primaryId, secondaryId, input.actor, json({ counts: plan.counts }), json({ fields: plan.conflicts })]
  )
  const entries: ActivityEntry[] = mergeActivityEntries(plan, input.actor, mergeId)
  const activity = await insertNew(sql, ACTIVITY_TABLE, entries.map(activityRow))
  return {
    merge_id: mergeId,
    undo: {
      snapshots,
      inserted: [
        { table: "customer_contact_method", ids: addedMethods },
        { table: "customer_merge", ids: [mergeId] },
        { table: "customer_activity", ids: activity },
      ],
    },
  }
}

async function refreshDirectory(container: MedusaContainer, customerIds: string[]) {
  try {
    const directory: CustomerDirectoryModuleService = container.resolve(CUSTOMER_DIRECTORY_MODULE)
    await directory.refreshEntries(customerIds)
  } catch (error) {
    // A read model: its upkeep job brings the rows up to date if this fails.
    const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(`The customer directory could not be refreshed after a merge: ${(error as Error).message}`)
  }
}

export const applyCustomerMergeStepId = "apply-customer-merge"

/**
 * Carries out the planned merge in one transaction. Undone (if a later step fails) by writing
 * the rows back as they were, again in one transaction.
 */
export const applyCustomerMergeStep = createStep(
  applyCustomerMergeStepId,
  async (input: ApplyMergeInput, { container }) => {
    const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { merge_id, undo } = await knex.transaction((trx) => applyMerge(knexSqlManager(trx), input))
    await refreshDirectory(container, [input.plan.primary.customer.id, input.plan.secondary.customer.id])
    return new StepResponse({ id: merge_id }, { undo, customers: [input.plan.primary.customer.id, input.plan.secondary.customer.id] })
  },
  async (done, { container }) => {
    if (!done) return
    const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await knex.transaction(async (trx) => {
      const sql = knexSqlManager(trx)
      for (const { table, ids } of done.undo.inserted) {
        if (ids.length) await sql.execute(`DELETE FROM "${table}" WHERE id ${IN_IDS}`, [json(ids)])
      }
      await restoreSnapshots(sql, done.undo.snapshots)
    })
    await refreshDirectory(container, done.customers)
  }
)
