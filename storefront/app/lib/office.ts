/** How customers reach the business's office; either may be unset. */
export type Office = { phone: string | null; email: string | null }

export const NO_OFFICE: Office = { phone: null, email: null }

/** A phone number as a `tel:` link: digits and a leading +, as dialers want. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`
