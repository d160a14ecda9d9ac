import { model } from "@medusajs/framework/utils"
import Dependent from "./dependent"

/**
 * A kind of thing customers have that the business works on: "Pets", "Vehicles", "Children",
 * "Sites", "HVAC units". Its fields are custom fields with target_type "dependent_type".
 */
const DependentType = model
  .define("dependent_type", {
    id: model.id({ prefix: "dtype" }).primaryKey(),
    /** "Pet": for one ("Add a pet"). */
    label_singular: model.text(),
    /** "Pets": for the list heading. */
    label_plural: model.text(),
    rank: model.number().default(0),
    dependents: model.hasMany(() => Dependent, { mappedBy: "type" }),
  })
  .indexes([{ on: ["rank"] }])

export default DependentType
