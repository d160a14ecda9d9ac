import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import Dependent from "./models/dependent"
import DependentType from "./models/dependent-type"

class DependentsModuleService extends MedusaService({ Dependent, DependentType }) {
  /** The dependent, only if it belongs to the customer; otherwise "not found" (never "forbidden"). */
  async retrieveOwnedDependent(customerId: string, id: string) {
    const [dependent] = await this.listDependents({ id, customer_id: customerId }, { take: 1 })
    if (!dependent) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Dependent ${id} was not found`)
    return dependent
  }
}

export default DependentsModuleService
