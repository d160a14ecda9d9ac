import type { DuplicateReason } from "@fieldservice/contract"

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
      return reason.phones[0] === reason.phones[1] ? `Same phone: ${reason.phones[0]}` : `Same phone: ${reason.phones[0]} / ${reason.phones[1]}`
    case "name_address":
      return `Similar name at ${reason.address}: ${reason.names[0]} / ${reason.names[1]}`
  }
}

/** "12 Nov 2025" */
export const formatDay = (iso: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date(iso))
