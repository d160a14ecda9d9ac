import { describe, expect, it } from "vitest"
import type { FieldDefinition } from "../../modules/custom-fields/validation"
import { cellText, readImportHeader, readImportRow, templateColumns, templateExample } from "../customer-import-rows"

const definitions: FieldDefinition[] = [
  { key: "pool_volume", label: "Pool volume", type: "number", required: false, visibility: "staff", rank: 0, config: { integer: true, min: 1, max: 500 } },
  { key: "gate", label: "Gate", type: "dropdown", required: true, visibility: "staff", rank: 1, config: { options: ["Front", "Side"] } },
]
const context = { definitions, tagSpelling: new Map([["vip", "VIP"]]) }
const headerOf = (cells: string[]) => {
  const result = readImportHeader(cells, ["pool_volume", "gate"])
  if (!result.ok) throw new Error(result.message)
  return result.header
}

describe("readImportHeader", () => {
  it("takes the template's columns in any order and case, and ignores nameless columns", () => {
    const header = headerOf([" Email ", "TAGS", "custom.pool_volume", ""])
    expect(header.index).toEqual({ email: 0, tags: 1 })
    expect(header.custom).toEqual([{ key: "pool_volume", index: 2 }])
  })

  it("explains a missing email column, unknown and repeated columns", () => {
    expect(readImportHeader(["name", "phone"], [])).toMatchObject({ ok: false, message: expect.stringMatching(/“email” column/) })
    expect(readImportHeader(["email;first_name"], [])).toMatchObject({ ok: false, message: expect.stringMatching(/semicolons/) })
    expect(readImportHeader(["email", "nickname", "custom.shoe_size"], [])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Unknown columns “nickname”, “custom.shoe_size”.*no customer custom field “shoe_size”/),
    })
    expect(readImportHeader(["email", "Email"], [])).toMatchObject({ ok: false, message: expect.stringMatching(/more than once/) })
  })
})

describe("readImportRow", () => {
  const header = headerOf([
    "email",
    "first_name",
    "phone",
    "tags",
    "marketing_emails",
    "address_1",
    "city",
    "postal_code",
    "country_code",
    "business_name",
    "custom.pool_volume",
    "custom.gate",
  ])

  it("normalises a good row and keeps only the filled cells", () => {
    const result = readImportRow(
      header,
      2,
      ["  Jane@Example.COM ", "Jane", "+44 7700 900123", "vip; New;new", "Yes", "1 High St", "Leeds", "LS1 1AA", "gb", "", "12", "Side"],
      context
    )
    expect(result).toEqual({
      ok: true,
      row: {
        line: 2,
        email: "jane@example.com",
        typed_email: "Jane@Example.COM",
        customer: { first_name: "Jane", phone: "+44 7700 900123" },
        profile: { tags: ["VIP", "New"], marketing_emails: true },
        address: { address_1: "1 High St", address_2: null, city: "Leeds", province: null, postal_code: "LS1 1AA", country_code: "gb" },
        business: undefined,
        custom_fields: { pool_volume: 12, gate: "Side" },
      },
    })
  })

  it("names every problem of a row in one reason", () => {
    const result = readImportRow(header, 7, ["not-an-email", "", "call me", "", "maybe", "", "", "", "", "Acme Ltd", "12.5", "Back"], context)
    expect(result.ok).toBe(false)
    const reason = (result as { reason: string }).reason
    for (const part of [
      /not a valid email/,
      /phone: “call me”/,
      /marketing_emails must be yes or no/,
      /business profile .* needs the address/,
      /Pool volume must be a whole number/,
      /Gate must be one of: Front, Side/,
    ]) {
      expect(reason).toMatch(part)
    }
  })

  it("refuses an unknown country code and rows with more cells than columns", () => {
    const cells = ["a@b.co", "", "", "", "", "1 Road", "Town", "AB1", "XX", "", "", ""]
    expect(readImportRow(header, 3, cells, context)).toMatchObject({ ok: false, reason: expect.stringMatching(/“XX” is not a country code/) })
    expect(readImportRow(header, 4, [...cells.slice(0, 8), "GB", "", "", "", "extra"], context)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/13 cells but the header has 12/),
    })
  })
})

describe("cellText", () => {
  it("removes the apostrophe the exporter puts before formula characters, and nothing else", () => {
    expect(cellText("'=SUM(A1)")).toBe("=SUM(A1)")
    expect(cellText("'@home")).toBe("@home")
    expect(cellText("'Tis the season")).toBe("'Tis the season")
    expect(cellText("   ")).toBeUndefined()
  })
})

describe("template", () => {
  it("has one custom.<key> column per field and an example row that imports cleanly", () => {
    const columns = templateColumns(definitions.map((def) => def.key))
    expect(columns.slice(-2)).toEqual(["custom.pool_volume", "custom.gate"])
    const example = templateExample(definitions)
    expect(example).toHaveLength(columns.length)
    const header = readImportHeader(columns, ["pool_volume", "gate"])
    if (!header.ok) throw new Error(header.message)
    expect(readImportRow(header.header, 2, example, context)).toMatchObject({ ok: true })
  })
})
