import { describe, expect, it } from "vitest"
import { definitionSchema, isCalendarDate, validateCustomFieldValues, visibleFields, type FieldDefinition, type ValidateValuesResult } from "../validation"

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

const field = (overrides: Partial<FieldDefinition> & Pick<FieldDefinition, "key" | "label" | "type">): FieldDefinition => ({
  required: false,
  visibility: "customer",
  rank: 0,
  config: null,
  ...overrides,
})

const staff = { audience: "staff", partial: false } as const
const staffPartial = { audience: "staff", partial: true } as const
const customer = { audience: "customer", partial: false } as const
const customerPartial = { audience: "customer", partial: true } as const

const valuesOf = (result: ValidateValuesResult) => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`)
  return result.values
}
const errorsOf = (result: ValidateValuesResult) => {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.values)}`)
  return result.errors
}
const messagesOf = (result: ValidateValuesResult) => errorsOf(result).map((error) => error.message)

/** Validates one value against one field (staff, partial) and returns the stored value or the message. */
const check = (def: FieldDefinition, value: unknown): { value: unknown } | { message: string } => {
  const result = validateCustomFieldValues([def], { [def.key]: value }, staffPartial)
  return result.ok ? { value: result.values[def.key] } : { message: result.errors[0].message }
}

const definitionErrors = (input: unknown) => {
  const result = definitionSchema.safeParse(input)
  if (result.success) throw new Error(`expected errors, got ${JSON.stringify(result.data)}`)
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }))
}
const definitionMessages = (input: unknown) => definitionErrors(input).map((error) => error.message)

const petsTarget = { target_type: "dependent_type", target_id: "dtype_pets" } as const

// ---------------------------------------------------------------------------
// definitions
// ---------------------------------------------------------------------------

describe("definitionSchema", () => {
  it("accepts a minimal customer field and fills the defaults", () => {
    expect(definitionSchema.parse({ target_type: "customer", key: "birthday", label: "Birthday", type: "date" })).toEqual({
      target_type: "customer",
      target_id: null,
      key: "birthday",
      label: "Birthday",
      type: "date",
      required: false,
      visibility: "staff",
      rank: 0,
      help_text: null,
      config: null,
    })
  })

  it("trims text and keeps explicit settings", () => {
    const parsed = definitionSchema.parse({
      ...petsTarget,
      key: "  breed ",
      label: "  Breed  ",
      type: "text",
      required: true,
      visibility: "customer",
      rank: 3,
      help_text: "  As on the vet's records  ",
    })
    expect(parsed).toMatchObject({
      target_type: "dependent_type",
      target_id: "dtype_pets",
      key: "breed",
      label: "Breed",
      required: true,
      visibility: "customer",
      rank: 3,
      help_text: "As on the vet's records",
    })
  })

  it("turns blank help text into null", () => {
    expect(definitionSchema.parse({ target_type: "customer", key: "a", label: "A", type: "text", help_text: "   " }).help_text).toBeNull()
  })

  it("requires key, label, type and target type, naming each", () => {
    expect(definitionMessages({})).toEqual(expect.arrayContaining(["Target type is required", "Key is required", "Label is required", "Type is required"]))
    expect(definitionMessages({ target_type: "customer", key: "a", label: "   ", type: "text" })).toEqual(["Label is required"])
  })

  it("refuses keys that are not lowercase snake_case", () => {
    const keyMessage = "Key must be lowercase letters, digits and single underscores, starting with a letter (like pool_volume)"
    for (const key of ["Pool_volume", "pool volume", "pool-volume", "1st_visit", "_pool", "pool_", "pool__volume", "bréed"]) {
      expect(definitionErrors({ target_type: "customer", key, label: "X", type: "text" })).toEqual([{ path: "key", message: keyMessage }])
    }
    for (const key of ["pool_volume", "serial_number2", "a", "hvac_unit_2_filter"]) {
      expect(definitionSchema.safeParse({ target_type: "customer", key, label: "X", type: "text" }).success).toBe(true)
    }
    expect(definitionMessages({ target_type: "customer", key: "a".repeat(65), label: "X", type: "text" })).toEqual(["Key must be at most 64 characters"])
  })

  it("limits label and help text length", () => {
    expect(definitionMessages({ target_type: "customer", key: "a", label: "L".repeat(101), type: "text" })).toEqual(["Label must be at most 100 characters"])
    expect(definitionMessages({ target_type: "customer", key: "a", label: "A", type: "text", help_text: "h".repeat(501) })).toEqual([
      "Help text must be at most 500 characters",
    ])
  })

  it("refuses unknown types, targets and visibilities with readable messages", () => {
    expect(definitionMessages({ target_type: "customer", key: "a", label: "A", type: "colour" })).toEqual([
      "Type must be one of text, number, date, dropdown, yes/no (boolean)",
    ])
    expect(definitionMessages({ target_type: "order", key: "a", label: "A", type: "text" })).toEqual(['Target type must be "customer" or "dependent_type"'])
    expect(definitionMessages({ target_type: "customer", key: "a", label: "A", type: "text", visibility: "public" })).toEqual([
      'Visibility must be "customer" or "staff"',
    ])
  })

  it("checks rank and required", () => {
    expect(definitionMessages({ target_type: "customer", key: "a", label: "A", type: "text", rank: -1 })).toEqual(["Rank cannot be negative"])
    expect(definitionMessages({ target_type: "customer", key: "a", label: "A", type: "text", rank: 1.5 })).toEqual(["Rank must be a whole number"])
    expect(definitionMessages({ target_type: "customer", key: "a", label: "A", type: "text", required: "yes" })).toEqual(["Required must be true or false"])
  })

  it("refuses unknown properties", () => {
    expect(definitionMessages({ target_type: "customer", key: "a", label: "A", type: "text", colour: "red" })).toEqual(["Unknown property: colour"])
    expect(definitionMessages("nope")).toEqual(["A field definition must be an object"])
  })

  it("ties target_id to the target type", () => {
    expect(definitionErrors({ target_type: "dependent_type", key: "a", label: "A", type: "text" })).toEqual([
      { path: "target_id", message: "Choose the dependent type this field belongs to (target_id)" },
    ])
    expect(definitionMessages({ target_type: "dependent_type", target_id: "  ", key: "a", label: "A", type: "text" })).toEqual([
      "Choose the dependent type this field belongs to (target_id)",
    ])
    expect(definitionMessages({ target_type: "customer", target_id: "dtype_pets", key: "a", label: "A", type: "text" })).toEqual([
      "Customer fields do not belong to a dependent type, so target_id must be empty",
    ])
    expect(definitionSchema.parse({ target_type: "customer", target_id: null, key: "a", label: "A", type: "text" }).target_id).toBeNull()
  })

  describe("number settings", () => {
    const number = (config: unknown) => ({ ...petsTarget, key: "pool_volume", label: "Pool volume", type: "number", config })

    it("keeps min, max and integer, dropping unset bounds", () => {
      expect(definitionSchema.parse(number({ min: 0, max: 100000, integer: true })).config).toEqual({
        integer: true,
        min: 0,
        max: 100000,
      })
      expect(definitionSchema.parse(number({ max: 9.5, min: null })).config).toEqual({ integer: false, max: 9.5 })
      expect(definitionSchema.parse(number(null)).config).toEqual({ integer: false })
      expect(definitionSchema.parse({ ...number(undefined), config: undefined }).config).toEqual({ integer: false })
    })

    it("allows min equal to max but not min above max", () => {
      expect(definitionSchema.parse(number({ min: 5, max: 5 })).config).toEqual({ integer: false, min: 5, max: 5 })
      expect(definitionErrors(number({ min: 10, max: 1 }))).toEqual([{ path: "config.max", message: "Maximum (1) must not be less than minimum (10)" }])
    })

    it("needs whole-number bounds for whole-number fields", () => {
      expect(definitionMessages(number({ integer: true, min: 0.5, max: 2.5 }))).toEqual([
        "Minimum must be a whole number for a whole-number field",
        "Maximum must be a whole number for a whole-number field",
      ])
    })

    it("needs numeric bounds", () => {
      expect(definitionMessages(number({ min: "3" }))).toEqual(["Minimum must be a number, not string"])
      expect(definitionMessages(number({ max: Infinity }))).toEqual(["Maximum must be a finite number"])
      expect(definitionMessages(number({ integer: "yes" }))).toEqual(["The whole-number setting must be true or false"])
    })

    it("refuses unknown settings", () => {
      expect(definitionMessages(number({ step: 2 }))).toEqual(["Unknown setting: step"])
      expect(definitionMessages(number("big"))).toEqual(["Settings (config) must be an object"])
    })
  })

  describe("dropdown settings", () => {
    const dropdown = (options: unknown) => ({ ...petsTarget, key: "size", label: "Size", type: "dropdown", config: { options } })

    it("keeps trimmed options in order", () => {
      expect(definitionSchema.parse(dropdown([" Small", "Medium ", "Large"])).config).toEqual({
        options: ["Small", "Medium", "Large"],
      })
    })

    it("needs at least one option", () => {
      expect(definitionMessages(dropdown([]))).toEqual(["A dropdown needs at least one option"])
      expect(definitionMessages({ ...dropdown([]), config: null })).toEqual(["A dropdown needs at least one option"])
      expect(definitionMessages({ ...dropdown([]), config: undefined })).toEqual(["A dropdown needs at least one option"])
    })

    it("allows 100 options but not 101", () => {
      const options = Array.from({ length: 101 }, (_, index) => `Option ${index}`)
      expect(definitionSchema.safeParse(dropdown(options.slice(0, 100))).success).toBe(true)
      expect(definitionMessages(dropdown(options))).toEqual(["A dropdown can have at most 100 options"])
    })

    it("refuses empty, overlong and repeated options, saying which", () => {
      expect(definitionErrors(dropdown(["Small", "  ", "Large"]))).toEqual([{ path: "config.options.1", message: "Option 2 is empty" }])
      expect(definitionMessages(dropdown(["Small", "x".repeat(201)]))).toEqual(["Option 2 must be at most 200 characters"])
      expect(definitionErrors(dropdown(["Small", "Large", "Small "]))).toEqual([
        { path: "config.options.2", message: 'Option "Small" is listed more than once' },
      ])
      expect(definitionMessages(dropdown(["Small", 3]))).toEqual(["Each option must be text"])
      expect(definitionMessages(dropdown("Small, Large"))).toEqual(["Options must be a list of text"])
    })

    it("treats options differing only in case as different", () => {
      expect(definitionSchema.parse(dropdown(["small", "Small"])).config).toEqual({ options: ["small", "Small"] })
    })
  })

  it("refuses settings that do not apply to the type", () => {
    const base = { target_type: "customer", key: "a", label: "A" }
    expect(definitionMessages({ ...base, type: "text", config: { min: 1 } })).toEqual(["Minimum and maximum only apply to number fields"])
    expect(definitionMessages({ ...base, type: "date", config: { integer: true } })).toEqual(["The whole-number setting only applies to number fields"])
    expect(definitionMessages({ ...base, type: "boolean", config: { options: ["Yes"] } })).toEqual(["Options only apply to dropdown fields"])
    expect(definitionMessages({ ...base, type: "number", config: { options: ["1"] } })).toEqual(["Options only apply to dropdown fields"])
  })

  it("stores no config for text, date and boolean fields", () => {
    for (const type of ["text", "date", "boolean"]) {
      expect(definitionSchema.parse({ target_type: "customer", key: "a", label: "A", type, config: {} }).config).toBeNull()
    }
  })
})

// ---------------------------------------------------------------------------
// values, type by type
// ---------------------------------------------------------------------------

describe("text values", () => {
  const notes = field({ key: "notes", label: "Notes", type: "text" })

  it("are trimmed", () => {
    expect(check(notes, "  Gate code 1234 \n")).toEqual({ value: "Gate code 1234" })
  })

  it("may be up to 2000 characters, counted after trimming", () => {
    expect(check(notes, "x".repeat(2000))).toEqual({ value: "x".repeat(2000) })
    expect(check(notes, `  ${"x".repeat(2000)}  `)).toEqual({ value: "x".repeat(2000) })
    expect(check(notes, "x".repeat(2001))).toEqual({ message: "Notes must be at most 2000 characters" })
  })

  it("must be text", () => {
    expect(check(notes, 42)).toEqual({ message: "Notes must be text" })
    expect(check(notes, ["a"])).toEqual({ message: "Notes must be text" })
    expect(check(notes, { a: 1 })).toEqual({ message: "Notes must be text" })
  })

  it("are empty (null) when blank", () => {
    expect(check(notes, "   ")).toEqual({ value: null })
    expect(check(notes, "")).toEqual({ value: null })
    expect(check(notes, null)).toEqual({ value: null })
  })
})

describe("number values", () => {
  const volume = field({ key: "pool_volume", label: "Pool volume", type: "number", config: { integer: true, min: 0, max: 100000 } })
  const weight = field({ key: "weight", label: "Weight", type: "number", config: { integer: false, min: 0.5 } })
  const anyNumber = field({ key: "offset", label: "Offset", type: "number" })

  it("accept numbers and numeric strings", () => {
    expect(check(volume, 25000)).toEqual({ value: 25000 })
    expect(check(volume, " 25000 ")).toEqual({ value: 25000 })
    expect(check(weight, "12.75")).toEqual({ value: 12.75 })
    expect(check(weight, ".75")).toEqual({ value: 0.75 })
    expect(check(anyNumber, "-3.5")).toEqual({ value: -3.5 })
    expect(check(anyNumber, "+7")).toEqual({ value: 7 })
    expect(check(anyNumber, "1e3")).toEqual({ value: 1000 })
    expect(check(anyNumber, -0)).toEqual({ value: 0 })
  })

  it("refuse what is not a number", () => {
    for (const value of ["12 litres", "1,000", "abc", "0x10", "Infinity", "NaN", true, [1], Number.NaN, Infinity]) {
      expect(check(anyNumber, value)).toEqual({ message: "Offset must be a number" })
    }
  })

  it("check whole numbers", () => {
    expect(check(volume, 10.5)).toEqual({ message: "Pool volume must be a whole number" })
    expect(check(volume, "10.5")).toEqual({ message: "Pool volume must be a whole number" })
    expect(check(volume, "10.0")).toEqual({ value: 10 })
    expect(check(weight, 10.5)).toEqual({ value: 10.5 })
  })

  it("check min and max inclusively", () => {
    expect(check(volume, 0)).toEqual({ value: 0 })
    expect(check(volume, 100000)).toEqual({ value: 100000 })
    expect(check(volume, 100001)).toEqual({ message: "Pool volume must be at most 100000" })
    expect(check(volume, -1)).toEqual({ message: "Pool volume must be at least 0" })
    expect(check(weight, 0.4)).toEqual({ message: "Weight must be at least 0.5" })
    expect(check(anyNumber, -1e9)).toEqual({ value: -1e9 })
  })

  it("are empty when blank", () => {
    expect(check(volume, "  ")).toEqual({ value: null })
  })
})

describe("date values", () => {
  const birthday = field({ key: "birthday", label: "Birthday", type: "date" })

  it("accept real YYYY-MM-DD dates, trimmed", () => {
    expect(check(birthday, "2024-05-31")).toEqual({ value: "2024-05-31" })
    expect(check(birthday, " 2024-02-29 ")).toEqual({ value: "2024-02-29" })
    expect(check(birthday, "2000-02-29")).toEqual({ value: "2000-02-29" })
  })

  it("refuse impossible and differently written dates", () => {
    for (const value of [
      "2023-02-29",
      "1900-02-29",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      "0000-01-01",
      "2024-5-31",
      "31/05/2024",
      "2024-05-31T10:00:00Z",
      "yesterday",
      20240531,
      true,
    ]) {
      expect(check(birthday, value)).toEqual({ message: "Birthday must be a date like 2024-05-31" })
    }
  })

  it("isCalendarDate knows month lengths and leap years", () => {
    expect(isCalendarDate("2024-12-31")).toBe(true)
    expect(isCalendarDate("2024-11-31")).toBe(false)
    expect(isCalendarDate("2400-02-29")).toBe(true)
    expect(isCalendarDate("2100-02-29")).toBe(false)
  })
})

describe("dropdown values", () => {
  const size = field({ key: "size", label: "Size", type: "dropdown", config: { options: ["Small", "Medium", "Large"] } })
  const many = field({
    key: "breed",
    label: "Breed",
    type: "dropdown",
    config: { options: Array.from({ length: 11 }, (_, index) => `Breed ${index}`) },
  })

  it("must be one of the options exactly (surrounding spaces ignored)", () => {
    expect(check(size, "Medium")).toEqual({ value: "Medium" })
    expect(check(size, " Large ")).toEqual({ value: "Large" })
    expect(check(size, "medium")).toEqual({ message: "Size must be one of: Small, Medium, Large" })
    expect(check(size, "Huge")).toEqual({ message: "Size must be one of: Small, Medium, Large" })
    expect(check(size, 1)).toEqual({ message: "Size must be one of: Small, Medium, Large" })
  })

  it("do not list long option lists in the message", () => {
    expect(check(many, "Breed 10")).toEqual({ value: "Breed 10" })
    expect(check(many, "Poodle")).toEqual({ message: "Breed must be one of the listed options" })
  })

  it("are empty when blank", () => {
    expect(check(size, "")).toEqual({ value: null })
  })
})

describe("boolean values", () => {
  const allergies = field({ key: "has_allergies", label: "Has allergies", type: "boolean" })

  it("accept true/false and yes/no/true/false words in any case", () => {
    expect(check(allergies, true)).toEqual({ value: true })
    expect(check(allergies, false)).toEqual({ value: false })
    expect(check(allergies, "yes")).toEqual({ value: true })
    expect(check(allergies, " No ")).toEqual({ value: false })
    expect(check(allergies, "TRUE")).toEqual({ value: true })
    expect(check(allergies, "false")).toEqual({ value: false })
  })

  it("refuse anything else", () => {
    for (const value of ["y", "1", 1, 0, "maybe", [true]]) {
      expect(check(allergies, value)).toEqual({ message: "Has allergies must be yes or no" })
    }
  })

  it("count false as an answer for a required field", () => {
    const required = { ...allergies, required: true }
    expect(valuesOf(validateCustomFieldValues([required], { has_allergies: false }, staff))).toEqual({ has_allergies: false })
    expect(valuesOf(validateCustomFieldValues([required], { has_allergies: "no" }, staff))).toEqual({ has_allergies: false })
  })
})

// ---------------------------------------------------------------------------
// whole forms
// ---------------------------------------------------------------------------

describe("validateCustomFieldValues", () => {
  const breed = field({ key: "breed", label: "Breed", type: "text", required: true, rank: 1 })
  const weight = field({ key: "weight", label: "Weight", type: "number", rank: 2, config: { min: 0 } })
  const vetNotes = field({ key: "vet_notes", label: "Vet notes", type: "text", visibility: "staff", rank: 3 })
  const riskLevel = field({
    key: "risk_level",
    label: "Risk level",
    type: "dropdown",
    visibility: "staff",
    required: true,
    rank: 4,
    config: { options: ["Low", "High"] },
  })
  const pets = [riskLevel, vetNotes, weight, breed]

  describe("full forms (partial: false)", () => {
    it("return every visible field, normalised, with null for the empty ones", () => {
      expect(valuesOf(validateCustomFieldValues(pets, { breed: " Labrador ", risk_level: "Low" }, staff))).toEqual({
        breed: "Labrador",
        weight: null,
        vet_notes: null,
        risk_level: "Low",
      })
    })

    it("need required fields to be present and not blank", () => {
      expect(errorsOf(validateCustomFieldValues(pets, {}, staff))).toEqual([
        { key: "breed", label: "Breed", message: "Breed is required" },
        { key: "risk_level", label: "Risk level", message: "Risk level is required" },
      ])
      expect(messagesOf(validateCustomFieldValues(pets, { breed: "  ", risk_level: null }, staff))).toEqual(["Breed is required", "Risk level is required"])
    })

    it("report every problem at once, in rank order", () => {
      expect(errorsOf(validateCustomFieldValues(pets, { weight: -2, risk_level: "Medium", breed: "", colour: "black" }, staff))).toEqual([
        { key: "breed", label: "Breed", message: "Breed is required" },
        { key: "weight", label: "Weight", message: "Weight must be at least 0" },
        { key: "risk_level", label: "Risk level", message: "Risk level must be one of: Low, High" },
        { key: "colour", label: "colour", message: "There is no field 'colour'" },
      ])
    })
  })

  describe("partial updates (partial: true)", () => {
    it("check and return only the fields present", () => {
      expect(valuesOf(validateCustomFieldValues(pets, { weight: "31" }, staffPartial))).toEqual({ weight: 31 })
      expect(valuesOf(validateCustomFieldValues(pets, {}, staffPartial))).toEqual({})
    })

    it("treat undefined as absent", () => {
      expect(valuesOf(validateCustomFieldValues(pets, { breed: undefined, weight: 3 }, staffPartial))).toEqual({ weight: 3 })
    })

    it("let optional fields be cleared with null or blank", () => {
      expect(valuesOf(validateCustomFieldValues(pets, { weight: null, vet_notes: "" }, staffPartial))).toEqual({
        weight: null,
        vet_notes: null,
      })
    })

    it("refuse clearing a required field", () => {
      expect(errorsOf(validateCustomFieldValues(pets, { breed: null }, staffPartial))).toEqual([{ key: "breed", label: "Breed", message: "Breed is required" }])
      expect(messagesOf(validateCustomFieldValues(pets, { breed: "   " }, staffPartial))).toEqual(["Breed is required"])
    })
  })

  describe("customers", () => {
    it("see only customer-visible fields and are not asked for staff-only required ones", () => {
      expect(valuesOf(validateCustomFieldValues(pets, { breed: "Beagle" }, customer))).toEqual({ breed: "Beagle", weight: null })
    })

    it("cannot write staff-only fields, which look like unknown fields", () => {
      expect(errorsOf(validateCustomFieldValues(pets, { breed: "Beagle", vet_notes: "bites" }, customer))).toEqual([
        { key: "vet_notes", label: "vet_notes", message: "There is no field 'vet_notes'" },
      ])
      expect(messagesOf(validateCustomFieldValues(pets, { risk_level: "Low" }, customerPartial))).toEqual(["There is no field 'risk_level'"])
      // Even clearing one is refused.
      expect(messagesOf(validateCustomFieldValues(pets, { vet_notes: null }, customerPartial))).toEqual(["There is no field 'vet_notes'"])
    })

    it("still have to fill customer-visible required fields", () => {
      expect(messagesOf(validateCustomFieldValues(pets, { weight: 3 }, customer))).toEqual(["Breed is required"])
    })
  })

  it("refuse unknown keys, even with empty values", () => {
    expect(errorsOf(validateCustomFieldValues(pets, { nickname: "" }, staffPartial))).toEqual([
      { key: "nickname", label: "nickname", message: "There is no field 'nickname'" },
    ])
  })

  it("ignore deleted definitions: they are neither required nor writable", () => {
    const deletedBreed = { ...breed, deleted_at: new Date("2026-01-01") }
    const defs = [deletedBreed, weight]
    expect(valuesOf(validateCustomFieldValues(defs, {}, staff))).toEqual({ weight: null })
    expect(messagesOf(validateCustomFieldValues(defs, { breed: "Beagle" }, staff))).toEqual(["There is no field 'breed'"])
  })

  it("do not confuse inherited object properties with fields", () => {
    expect(messagesOf(validateCustomFieldValues([weight], JSON.parse('{"__proto__": 1}'), staffPartial))).toEqual(["There is no field '__proto__'"])
    expect(valuesOf(validateCustomFieldValues([field({ key: "constructor", label: "C", type: "text" })], {}, staffPartial))).toEqual({})
  })

  it("refuse input that is not an object of values", () => {
    for (const input of [null, "breed=Beagle", ["Beagle"], 5]) {
      expect(messagesOf(validateCustomFieldValues(pets, input, staff))).toEqual(["Custom field values must be an object of field keys"])
    }
  })

  it("read stored definition config defensively", () => {
    const broken = field({ key: "size", label: "Size", type: "dropdown", config: { options: "Small" } })
    expect(check(broken, "Small")).toEqual({ message: "Size must be one of the listed options" })
    const looseNumber = field({ key: "n", label: "N", type: "number", config: { min: "5", max: null } })
    expect(check(looseNumber, 1)).toEqual({ value: 1 })
  })

  it("accept definitions produced by definitionSchema", () => {
    const def = definitionSchema.parse({
      ...petsTarget,
      key: "pool_volume",
      label: "Pool volume",
      type: "number",
      required: true,
      visibility: "customer",
      config: { integer: true, min: 0, max: 100000 },
    })
    expect(messagesOf(validateCustomFieldValues([def], { pool_volume: "250000" }, customer))).toEqual(["Pool volume must be at most 100000"])
    expect(valuesOf(validateCustomFieldValues([def], { pool_volume: "25000" }, customer))).toEqual({ pool_volume: 25000 })
  })
})

describe("visibleFields", () => {
  const defs = [
    field({ key: "c", label: "C", type: "text", rank: 2 }),
    field({ key: "staff_only", label: "S", type: "text", rank: 0, visibility: "staff" }),
    field({ key: "b", label: "B", type: "text", rank: 1 }),
    field({ key: "a", label: "A", type: "text", rank: 1 }),
    field({ key: "gone", label: "G", type: "text", rank: 0, deleted_at: "2026-01-01T00:00:00Z" }),
  ]

  it("orders by rank, then key, and leaves out deleted fields", () => {
    expect(visibleFields(defs, "staff").map((def) => def.key)).toEqual(["staff_only", "a", "b", "c"])
  })

  it("hides staff-only fields from customers", () => {
    expect(visibleFields(defs, "customer").map((def) => def.key)).toEqual(["a", "b", "c"])
  })

  it("does not reorder the array it is given", () => {
    const keys = defs.map((def) => def.key)
    visibleFields(defs, "staff")
    expect(defs.map((def) => def.key)).toEqual(keys)
  })
})
