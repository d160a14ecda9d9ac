import { describe, expect, it } from "vitest"
import { parseDirectorySearch } from "../search-terms"

describe("parseDirectorySearch", () => {
  it("reads a whole phone number as one run of digits, in any format", () => {
    expect(parseDirectorySearch("+44 7700 900123")).toEqual({ indexed: ["%447700900123%"], short: [], prefix: null })
    expect(parseDirectorySearch("07700-900 123")).toEqual({ indexed: ["%07700900123%"], short: [], prefix: null })
    expect(parseDirectorySearch("(0117) 496 0123")?.indexed).toEqual(["%01174960123%"])
  })

  it("splits words, lower-cases them and escapes LIKE's wildcards", () => {
    expect(parseDirectorySearch("  Olivia   SMITH ")).toEqual({ indexed: ["%olivia%", "%smith%"], short: [], prefix: null })
    expect(parseDirectorySearch("100%_off")?.indexed).toEqual(["%100\\%\\_off%"])
  })

  it("checks short words on the rows longer words found, and searches by prefix when every word is short", () => {
    expect(parseDirectorySearch("jo smith")).toEqual({ indexed: ["%smith%"], short: ["jo"], prefix: null })
    expect(parseDirectorySearch("Jo")).toEqual({ indexed: [], short: [], prefix: "jo%" })
    expect(parseDirectorySearch("   ")).toBeNull()
  })
})
