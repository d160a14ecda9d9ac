type ProfileRecord = {
  id: string
  kind: string
  status: string
  status_changed_at?: Date | string | null
  email_verified_at?: Date | string | null
}

/** The public shape of a profile: the same for the portal and the admin. */
export function toProfileResponse(profile: ProfileRecord) {
  return {
    id: profile.id,
    kind: profile.kind,
    status: profile.status,
    status_changed_at: profile.status_changed_at ?? null,
    email_verified_at: profile.email_verified_at ?? null,
  }
}
