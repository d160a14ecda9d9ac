/** "24 hours", "1 hour". */
export const hoursText = (hours: number) => `${hours} hour${hours === 1 ? "" : "s"}`

/** "24 hours before the arrival window", "the start of the arrival window". */
export function cutoffMoment(hours: number): string {
  return hours > 0 ? `${hoursText(hours)} before the arrival window` : "the start of the arrival window"
}

/** "until 24 hours before the arrival window": how long a booking can be changed online, in the API's refusals and the portal's pages. */
export function cutoffText(hours: number): string {
  return `until ${cutoffMoment(hours)}`
}

/** "call us on 0117 496 0000 or email office@example.com", or whichever of them is known. */
export function officeContact(office: { office_phone?: string | null; office_email?: string | null }): string {
  const ways = [office.office_phone ? `call us on ${office.office_phone}` : null, office.office_email ? `email ${office.office_email}` : null].filter(Boolean)
  return ways.length ? ways.join(" or ") : "contact us"
}
