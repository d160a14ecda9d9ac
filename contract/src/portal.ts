// Portal accounts: sign-up and the booking-number session (/store/portal/…), and staff's view of a
// customer's access (/admin/customers/:id/account, /portal-invite, /restore; /admin/portal/…).
import type { ProfileStatus } from "./rules/statuses"
import type { NoticeEvent, NoticeSetting, NoticeSettings, PortalLastSignIn } from "./notifications"

export type StoreSignUp = {
  first_name: string
  last_name: string
  email: string
  phone: string
  password: string
  kind: "personal" | "business"
  /** The portal page to come back to after confirming the email ("/book/dog-grooming/time"). */
  return_to?: string | null
  /** A friend's invite code, from their link (`/sign-up?ref=…`). */
  ref?: string | null
}

/** A booking as the booking-number session lists it. */
export type StoreBookingSessionBooking = {
  id: string
  booking_number: string
  service_title: string
  status: string
  starts_at: string
  ends_at: string | null
  /** The end of the arrival window, as every other page shows it. */
  window_ends_at: string
  location_text: string | null
}

export type StoreBookingSessionResponse = { email: string; has_account: boolean; bookings: StoreBookingSessionBooking[] }

/** POST /store/portal/sign-up, /verify-email, /invite/accept and /booking-session/account: the account's email. */
export type StorePortalAccountEmailResponse = { email: string }

/** GET /store/portal/settings: what the portal needs before anyone signs in. */
export type StorePortalSettings = {
  enabled: boolean
  closed_message: string
  dependents_enabled: boolean
  booking_changes: {
    cancellation_cutoff_hours: number
    reschedule_cutoff_hours: number
    cancellation_policy: string
    office_phone: string | null
    office_email: string | null
  }
  sign_in_methods: Record<"password" | "google" | "facebook" | "booking_number" | "email_link", boolean>
  sign_in_origins: string[]
}
export type StorePortalSettingsResponse = { portal: StorePortalSettings }

/** Medusa's /auth/customer/:provider[/callback] and /auth/token/refresh: a token, or where to send the browser. */
export type StoreAuthResponse = { token?: string; location?: string }

export type AdminPortalAccount = {
  customer_id: string
  status: ProfileStatus
  has_login: boolean
  /** Auth provider ids, e.g. "emailpass", "google", "booking-number". */
  login_methods: string[]
  email_verified_at: string | null
  last_invite_sent_at: string | null
  portal_enabled: boolean
  /** The customer's latest successful portal sign-in, or null when none is recorded. */
  last_sign_in: PortalLastSignIn | null
}
export type AdminPortalAccountResponse = { account: AdminPortalAccount }

/** POST /admin/customers/:id/portal-invite → `{ invite }`. */
export type AdminPortalInviteResponse = {
  invite: { sent_at: string; expires_at: string; template: "portal-invite" | "confirm-account" }
}

/** DELETE /admin/customers/:id/account */
export type AdminDeleteCustomerAccountResponse = { id: string; object: "customer"; deleted: true; restorable_until: string }
/** POST /admin/customers/:id/restore */
export type AdminRestoreCustomerResponse = { id: string; object: "customer"; restored: true }

/** The fields every /admin/portal/*-customers list returns for a customer. */
export type AdminPortalListedCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

export type AdminDeletedCustomer = AdminPortalListedCustomer & {
  deleted_at: string
  restorable_until: string
}
/** GET /admin/portal/deleted-customers */
export type AdminDeletedCustomerListResponse = { customers: AdminDeletedCustomer[] }

export type AdminArchivedCustomer = AdminPortalListedCustomer & { archived_at: string }
/** GET /admin/portal/archived-customers; archived customers are hidden from the dashboard's customer list. */
export type AdminArchivedCustomerListResponse = { customers: AdminArchivedCustomer[] }

export type AdminPortalSettings = {
  portal_enabled: boolean
  closed_message: string
  /** Whether customers see their dependents in the portal (the dependent types page switches it). */
  dependents_enabled: boolean
  /** Customers can cancel / reschedule in the portal until this many hours before the arrival window. */
  cancellation_cutoff_hours: number
  reschedule_cutoff_hours: number
  /** The fee and refund rules, shown to customers before they cancel or reschedule. */
  cancellation_policy: string
  /** Given to customers who need to change a booking after the cut-off. */
  office_phone: string | null
  /** The office's email; the plugin's `businessEmail` option until staff set one. */
  office_email: string | null
  /** Which events make a portal notification and which also send an email. */
  notices: NoticeSettings
  updated_at: string
}
/** GET and POST /admin/portal/settings */
export type AdminPortalSettingsResponse = { settings: AdminPortalSettings }
/** Body of POST /admin/portal/settings; any subset. */
export type AdminUpdatePortalSettings = Partial<
  Pick<
    AdminPortalSettings,
    "portal_enabled" | "closed_message" | "cancellation_cutoff_hours" | "reschedule_cutoff_hours" | "cancellation_policy" | "office_phone" | "office_email"
  >
> & { notices?: Partial<Record<NoticeEvent, Partial<NoticeSetting>>> }

/** GET and POST /admin/portal/settings: the part this page uses. */
export type AdminDependentsSettingsResponse = { settings: { dependents_enabled?: boolean; updated_at?: string } }

/** What an API error answers when the route sends it itself (Medusa's own errors have the same shape). */
/** One field a 400 refused: its dotted path in the request body ("duration_minutes", "emails.1") and the validator's message. */
export type FieldError = { field: string; message: string }
/** A refusal; a 400 for bad fields also names them (`field`, the first, and `fields`). */
export type ErrorResponse = { type: string; message: string; code?: string | null; field?: string; fields?: FieldError[]; [detail: string]: unknown }

/** POST /store/portal/sign-up: the same answer whether or not the email already has an account. */
export type StoreSignUpResponse = { status: "verification_sent"; email: string }
/** POST /store/portal/sign-in-link */
export type StoreSignInLinkResponse = { status: "sent_if_possible" }
/** POST /store/portal/verify-email/resend */
export type StoreResendVerificationResponse = { status: "sent_if_needed" }
/** POST /store/portal/verify-email */
export type StoreVerifyEmailResponse = {
  verified: true
  email: string
  /** A fresh customer session (the link proved the address); null when none can be given, e.g. the portal is closed. */
  token: string | null
}
/** POST /store/portal/password */
export type StoreChangePasswordResponse = { changed: true }
/** POST /store/portal/social/complete */
export type StoreSocialLoginResponse = { customer_id: string }
