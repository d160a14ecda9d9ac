// Which postcodes a service area covers: plain functions, so tests and callers need no Medusa module.

/** Upper case without spaces: "bs6 7qt" → "BS67QT". */
export const normalizePostcode = (postcode: string) => postcode.toUpperCase().replace(/\s+/g, "")

/** Does an area ("BS", "BS6", "TR26") cover the postcode? An empty list covers everywhere. */
export function servesPostcode(areas: readonly string[], postcode: string): boolean {
  if (!areas.length) return true
  const code = normalizePostcode(postcode)
  // "BS6" covers BS6 7QT but not BS61 1AA, and "B" (Birmingham) does not cover BS6: an area is a
  // whole outward code, or its letters followed by the district's digits.
  const outward = code.length > 3 ? code.slice(0, -3) : code
  return areas.some((area) => {
    const normalized = normalizePostcode(area)
    if (!outward.startsWith(normalized)) return false
    const next = outward.charAt(normalized.length)
    return next === "" || (/[A-Z]$/.test(normalized) && /\d/.test(next))
  })
}
