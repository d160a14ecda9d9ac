/** A custom field as staff would define it in Settings (see the plugin's definitionSchema). */
export type FieldSeed = {
  key: string
  label: string
  type: "text" | "number" | "date" | "dropdown" | "boolean"
  visibility: "customer" | "staff"
  rank: number
  required?: boolean
  help_text?: string
  config?: { min?: number; max?: number; integer?: boolean } | { options: string[] }
}

/** What Brightside asks about every customer (Settings → Custom fields). */
export const DEMO_CUSTOMER_FIELDS: FieldSeed[] = [
  { key: "gate_code", label: "Gate code", type: "text", visibility: "customer", rank: 0, help_text: "So our team can get in if you're out." },
  {
    key: "heard_about_us",
    label: "How did you hear about us?",
    type: "dropdown",
    visibility: "customer",
    rank: 1,
    config: { options: ["Google", "Friend or neighbour", "Leaflet", "Facebook", "Other"] },
  },
  { key: "parking_notes", label: "Parking notes", type: "text", visibility: "customer", rank: 2 },
  { key: "account_manager", label: "Account manager", type: "text", visibility: "staff", rank: 3 },
  { key: "holds_key", label: "We hold a key", type: "boolean", visibility: "staff", rank: 4 },
]

/** Dependent/asset types with their own fields (Settings → Dependents and assets). */
export const DEMO_DEPENDENT_TYPES: { label_singular: string; label_plural: string; fields: FieldSeed[] }[] = [
  {
    label_singular: "Pet",
    label_plural: "Pets",
    fields: [
      { key: "breed", label: "Breed", type: "text", visibility: "customer", rank: 0 },
      { key: "allergies", label: "Allergies", type: "text", visibility: "customer", rank: 1 },
      { key: "weight_kg", label: "Weight (kg)", type: "number", visibility: "customer", rank: 2, config: { min: 0, max: 100 } },
      { key: "handling_notes", label: "Handling notes", type: "text", visibility: "staff", rank: 3 },
    ],
  },
  {
    label_singular: "HVAC unit",
    label_plural: "HVAC units",
    fields: [
      { key: "make_model", label: "Make and model", type: "text", visibility: "customer", rank: 0 },
      { key: "serial_number", label: "Serial number", type: "text", visibility: "customer", rank: 1 },
      { key: "installed_on", label: "Installed on", type: "date", visibility: "customer", rank: 2 },
      { key: "refrigerant", label: "Refrigerant", type: "dropdown", visibility: "staff", rank: 3, config: { options: ["R32", "R410A", "R290"] } },
    ],
  },
]
