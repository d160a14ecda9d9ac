import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import Dependent from "./models/dependent"
import DependentType from "./models/dependent-type"
import { sqlManager } from "../../utils/sql-manager"

class DependentsModuleService extends MedusaService({ Dependent, DependentType }) {
  /** How many (live) dependents each type has. */
  @InjectManager()
  async countDependentsByType(@MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    const manager = sqlManager(sharedContext)
    const rows = await manager.execute(`SELECT type_id, count(*)::int AS count FROM dependent WHERE deleted_at IS NULL GROUP BY type_id`)
    return Object.fromEntries(rows.map((row) => [String(row.type_id), Number(row.count)]))
  }

  /** The dependent, only if it belongs to the customer; otherwise "not found" (never "forbidden"). */
  async retrieveOwnedDependent(customerId: string, id: string) {
    const [dependent] = await this.listDependents({ id, customer_id: customerId }, { take: 1 })
    if (!dependent) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dependent ${id} was not found`)
    return dependent
  }
}

export default DependentsModuleService
