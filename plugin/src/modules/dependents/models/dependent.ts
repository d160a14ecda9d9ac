import { model } from "@medusajs/framework/utils"
import DependentType from "./dependent-type"

/** One of a customer's dependents or assets: "Biscuit" the dog, the Ford Transit, Unit 2's boiler. */
const Dependent = model
  .define("dependent", {
    id: model.id({ prefix: "dep" }).primaryKey(),
    customer_id: model.text(),
    type: model.belongsTo(() => DependentType, { mappedBy: "dependents" }),
    name: model.text(),
    notes: model.text().nullable(),
    /** The photo, stored through Medusa's File module. */
    photo_file_id: model.text().nullable(),
    photo_url: model.text().nullable(),
  })
  .indexes([{ on: ["customer_id"] }])

export default Dependent
