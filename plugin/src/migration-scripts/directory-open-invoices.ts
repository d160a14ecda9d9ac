import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * The directory's rows learn when each customer's oldest open invoice falls due (the "Overdue
 * invoices" filter). Only customers owing money are touched, in one statement; rows refreshed
 * from then on fill it themselves. A script, as it reads the invoices module's table, which may be
 * migrated after the directory's.
 */
export default async function directoryOpenInvoices({ container }: { container: MedusaContainer }) {
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await db.raw(
    `UPDATE customer_directory_entry e SET open_invoice_due_at = owed.due_at, updated_at = now()
       FROM (SELECT customer_id, min(due_at) AS due_at FROM invoice
              WHERE deleted_at IS NULL AND status IN ('issued', 'partially_paid') GROUP BY customer_id) owed
      WHERE e.customer_id = owed.customer_id AND e.deleted_at IS NULL
        AND e.open_invoice_due_at IS DISTINCT FROM owed.due_at`
  )
}
