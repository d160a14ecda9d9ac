export const PROFILE_KINDS = ["personal", "business"] as const
export type ProfileKind = (typeof PROFILE_KINDS)[number]

/** A customer's status; "archived" hides them from lists and turns their portal login off. */
/** How the page names each account type. */
export const PROFILE_KIND_LABELS: Record<ProfileKind, string> = { personal: "Personal", business: "Business" }

export const PROFILE_STATUSES = ["active", "blocked", "archived"] as const
export type ProfileStatus = (typeof PROFILE_STATUSES)[number]
export const PROFILE_STATUS_LABELS: Record<ProfileStatus, string> = { active: "Active", blocked: "Blocked", archived: "Archived" }

/**
 * The directory's statuses: the profile's, "deleted" while the customer can still be restored, and
 * "merged" for a customer merged into another (deleted too, but its data has moved: never restored).
 */
export const DIRECTORY_STATUSES = ["active", "blocked", "archived", "deleted", "merged"] as const
export type DirectoryStatus = (typeof DIRECTORY_STATUSES)[number]
/** What the directory lists when no status is asked for: the customers the business works with. */
export const DEFAULT_DIRECTORY_STATUSES: DirectoryStatus[] = ["active", "blocked"]

/** "requested": placed, its payment not yet through; "confirmed" once the order exists. */
export const BOOKING_STATUSES = ["requested", "confirmed", "in_progress", "completed", "cancelled"] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
/** Open bookings still hold their arrival window and can be cancelled. */
export const OPEN_BOOKING_STATUSES: readonly BookingStatus[] = ["requested", "confirmed", "in_progress"]
