/**
 * A calendar file (RFC 5545 iCalendar) of visits, for "Add to my calendar": one VEVENT per visit
 * with a stable UID (so a calendar that subscribes or imports again updates rather than
 * duplicates), times in UTC, text escaped and lines folded at 75 octets.
 */

export type CalendarVisit = {
  id: string
  title: string
  starts_at: Date
  ends_at: Date
  location: string | null
  description: string
  cancelled: boolean
  updated_at: Date
}

/** 20270323T090000Z */
const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "")

/** Backslashes, semicolons, commas and newlines escaped as RFC 5545 §3.3.11 says. */
export const escapeText = (value: string) => value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n")

/** Lines longer than 75 octets continue on the next line after a space, never splitting a character. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ""
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char)
    const limit = parts.length ? 74 : 75
    if (octets + size > limit) {
      parts.push(current)
      current = ""
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join("\r\n ")
}

export function visitsCalendar(calendarName: string, domain: string, visits: CalendarVisit[], now = new Date()): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//${escapeText(calendarName)}//Customer portal//EN`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
  lines.push(`X-WR-CALNAME:${escapeText(calendarName)}`)
  for (const visit of visits) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${visit.id}@${domain}`,
      `DTSTAMP:${utc(now)}`,
      `LAST-MODIFIED:${utc(visit.updated_at)}`,
      `DTSTART:${utc(visit.starts_at)}`,
      `DTEND:${utc(visit.ends_at)}`,
      `SUMMARY:${escapeText(visit.title)}`,
      ...(visit.location ? [`LOCATION:${escapeText(visit.location)}`] : []),
      `DESCRIPTION:${escapeText(visit.description)}`,
      `STATUS:${visit.cancelled ? "CANCELLED" : "CONFIRMED"}`,
      "END:VEVENT"
    )
  }
  lines.push("END:VCALENDAR")
  return `${lines.map(foldLine).join("\r\n")}\r\n`
}
