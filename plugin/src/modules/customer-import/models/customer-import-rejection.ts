import { model } from "@medusajs/framework/utils"
import CustomerImport from "./customer-import"

/** A row that was not imported: its physical line in the file (header = 1), why, and its cells as read. */
const CustomerImportRejection = model
  .define("customer_import_rejection", {
    id: model.id({ prefix: "cimprej" }).primaryKey(),
    line: model.number(),
    reason: model.text(),
    cells: model.json(),
    customer_import: model.belongsTo(() => CustomerImport, { mappedBy: "rejections" }),
  })
  .indexes([{ on: ["customer_import_id", "line"] }])

export default CustomerImportRejection
