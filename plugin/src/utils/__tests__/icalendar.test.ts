import { describe, expect, it } from "vitest"
import { escapeText, foldLine, visitsCalendar } from "../icalendar"

describe("calendar files (RFC 5545)", () => {
  it("one event per visit, in UTC, with a stable UID and escaped text", () => {
    const text = visitsCalendar(
      "Brightside Home Services",
      "portal.example",
      [
        {
          id: "bkg_1",
          title: "Regular Home Clean",
          starts_at: new Date("2027-03-30T08:00:00Z"),
          ends_at: new Date("2027-03-30T10:00:00Z"),
          location: "9 Chandos Road, Bristol; BS6 6PG",
          description: "Booking BK-1\nArriving between 09:00 and 11:00",
          cancelled: false,
          updated_at: new Date("2027-03-01T12:00:00Z"),
        },
      ],
      new Date("2027-03-02T00:00:00Z")
    )
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true)
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true)
    expect(text).toContain("UID:bkg_1@portal.example\r\n")
    expect(text).toContain("DTSTART:20270330T080000Z\r\n")
    expect(text).toContain("DTEND:20270330T100000Z\r\n")
    expect(text).toContain("LOCATION:9 Chandos Road\\, Bristol\\; BS6 6PG\r\n")
    expect(text).toContain("DESCRIPTION:Booking BK-1\\nArriving between 09:00 and 11:00\r\n")
    expect(text).toContain("STATUS:CONFIRMED")
  })

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`
    const folded = foldLine(line).split("\r\n")
    expect(folded.length).toBeGreaterThan(1)
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
    expect(folded.map((part, i) => (i ? part.slice(1) : part)).join("")).toBe(line)
    expect(escapeText("a\\b")).toBe("a\\\\b")
  })
})
