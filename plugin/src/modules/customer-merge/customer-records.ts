import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MergeSide } from "./merge-plan"

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * The customer's conversations, complaints, ratings and visit reminders, for the merge plan. Read
 * by SQL (one round trip each) as the merge writes them: these modules' rows carry only customer_id.
 */
export async function customerRecordIds(
  container: MedusaContainer,
  customerId: string
): Promise<Pick<MergeSide, "conversations" | "complaint_ids" | "rating_ids" | "visit_reminder_ids">> {
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const ids = async (table: string) =>
    (await knex.raw(`SELECT id FROM "${table}" WHERE customer_id = ? AND deleted_at IS NULL ORDER BY id`, [customerId])).rows.map((row) => String(row.id))
  const { rows: conversations } = await knex.raw(
    `SELECT id, subject_type FROM conversation WHERE customer_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
    [customerId]
  )
  return {
    conversations: conversations.map((row) => ({ id: String(row.id), subject_type: String(row.subject_type) })),
    complaint_ids: await ids("complaint"),
    rating_ids: await ids("rating"),
    visit_reminder_ids: await ids("visit_reminder"),
  }
}
