import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import AdditionalContact from "./models/additional-contact"
import ContactMethod from "./models/contact-method"
import CustomerActivity from "./models/customer-activity"
import CustomerProfile from "./models/customer-profile"

class CustomerProfileModuleService extends MedusaService({
  CustomerProfile,
  ContactMethod,
  AdditionalContact,
  CustomerActivity,
}) {
  /** The contact, only if it is on this profile; otherwise "not found" (never "forbidden"). */
  async retrieveOwnedAdditionalContact(profileId: string, id: string) {
    const [contact] = await this.listAdditionalContacts({ id, profile_id: profileId }, { take: 1 })
    if (!contact) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contact ${id} was not found`)
    return contact
  }
}

export default CustomerProfileModuleService
