export type ProfileKind = "personal" | "business"
export type ProfileStatus = "active" | "blocked" | "archived"

export type CustomerProfile = {
  id: string
  kind: ProfileKind
  status: ProfileStatus
  status_changed_at: string | null
}

export const KIND_LABELS: Record<ProfileKind, string> = {
  personal: "Personal",
  business: "Business",
}

export const STATUS_LABELS: Record<ProfileStatus, string> = {
  active: "Active",
  blocked: "Blocked",
  archived: "Archived",
}

export const STATUS_COLORS: Record<ProfileStatus, "green" | "red" | "grey"> = {
  active: "green",
  blocked: "red",
  archived: "grey",
}
