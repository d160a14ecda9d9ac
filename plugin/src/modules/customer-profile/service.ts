import { MedusaService } from "@medusajs/framework/utils"
import ContactMethod from "./models/contact-method"
import CustomerProfile from "./models/customer-profile"

class CustomerProfileModuleService extends MedusaService({
  CustomerProfile,
  ContactMethod,
}) {}

export default CustomerProfileModuleService
