import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOM_FIELDS_MODULE, type CustomFieldsModuleService } from "../../../../modules/custom-fields"
import { csvLine } from "../../../../utils/customer-csv"
import { templateColumns, templateExample } from "../../../../utils/customer-import-rows"

/** The CSV template: the customer columns, one custom.<key> column per customer custom field, and an example row. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customFields: CustomFieldsModuleService = req.scope.resolve(CUSTOM_FIELDS_MODULE)
  const definitions = await customFields.listDefinitions({ target_type: "customer" })
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", 'attachment; filename="customer-import-template.csv"')
  res.send("\uFEFF" + csvLine(templateColumns(definitions.map((definition) => definition.key))) + csvLine(templateExample(definitions)))
}
