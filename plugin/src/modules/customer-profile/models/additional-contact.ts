import { model } from "@medusajs/framework/utils"
import CustomerProfile from "./customer-profile"

/** Someone else to reach about the customer's jobs: a tenant, a site manager, a partner. */
const AdditionalContact = model.define("customer_additional_contact", {
  id: model.id({ prefix: "acont" }).primaryKey(),
  name: model.text(),
  role: model.text().nullable(),
  /** Normalised (lower-case emails, E.164 numbers), in the order given. */
  emails: model.json(),
  phones: model.json(),
  profile: model.belongsTo(() => CustomerProfile, { mappedBy: "additional_contacts" }),
})

export default AdditionalContact
