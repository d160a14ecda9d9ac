import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import BusinessProfile from "./models/business-profile"

class BusinessProfileModuleService extends MedusaService({ BusinessProfile }) {
  /** The business profile, only if it belongs to the customer; otherwise "not found" (never "forbidden"). */
  async retrieveOwnedBusinessProfile(customerId: string, id: string) {
    const [profile] = await this.listBusinessProfiles({ id, customer_id: customerId }, { take: 1 })
    if (!profile) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Business profile ${id} was not found`)
    return profile
  }
}

export default BusinessProfileModuleService
