import { type DuplicateReason, formatPhone } from "@fieldservice/contract"

export const mergeQueryKeys = {
  duplicates: ["crm-duplicates"] as const,
  preview: (primaryId: string, secondaryId: string) => ["crm-merge-preview", primaryId, secondaryId] as const,
}

type Named = { first_name?: string | null; last_name?: string | null; email?: string | null; name?: string | null; id: string }

export const customerName = (customer: Named) =>
  customer.name || [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email || customer.id

/** "Same email: jo@example.com" */
export function describeReason(reason: DuplicateReason): string {
  switch (reason.kind) {
    case "email":
      return `Same email: ${reason.email}`
    case "phone":
      // Both numbers in one format: "07700 900888" and "+44 7700 900888" are the same number.
      return `Same phone: ${formatPhone(reason.phones[0])}`
    case "name_address":
      return `Similar name at ${reason.address}: ${reason.names[0]} / ${reason.names[1]}`
  }
}

/** "12 Nov 2025", in the admin's language. */
export const formatDay = (iso: string) => new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" }).format(new Date(iso))

type Described = Named & { created_at?: string | null }

/**
 * The two customers' names for the confirmation and its messages. Duplicates often share a name
 * ("Merge Sam Smith into Sam Smith?" says nothing), so then each is told apart by its email, or
 * failing that by when it was added.
 */
export function mergeNames(secondary: Described, primary: Described): { secondary: string; primary: string } {
  const names = { secondary: customerName(secondary), primary: customerName(primary) }
  if (names.secondary.toLowerCase() !== names.primary.toLowerCase()) return names
  const emails = [secondary.email, primary.email]
  if (emails[0] && emails[1] && emails[0].toLowerCase() !== emails[1].toLowerCase()) {
    return { secondary: `${names.secondary} (${emails[0]})`, primary: `${names.primary} (${emails[1]})` }
  }
  const added = (customer: Described) => (customer.created_at ? `added ${formatDay(customer.created_at)}` : customer.id)
  return { secondary: `${names.secondary} (${added(secondary)})`, primary: `${names.primary} (${added(primary)})` }
}
