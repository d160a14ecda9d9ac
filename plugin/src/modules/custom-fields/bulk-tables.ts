import { type BulkTable, newEntityId } from "../../utils/bulk-insert"
import type { CustomFieldOwnerType } from "./models/custom-field-value"
import type { CustomFieldScalar } from "./validation"

/** A value already checked against its field's definition. */
export type NewCustomFieldValue = { field_id: string; owner_type: CustomFieldOwnerType; owner_id: string; value: CustomFieldScalar }

export const CUSTOM_FIELD_VALUE_TABLE: BulkTable<NewCustomFieldValue> = {
  table: "custom_field_value",
  columns: { id: "text", field_id: "text", owner_type: "text", owner_id: "text", value: "jsonb" },
  newRow: (value) => ({ id: newEntityId("cfval"), ...value }),
}
