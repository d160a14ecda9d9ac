import { createHash } from "node:crypto"

type Audience = "customer" | "staff"

/**
 * Pictures, dependents' photos and booking files are stored privately (never at a public URL) and
 * read through these routes, which check the session like every other route of their kind. The
 * `v` query changes when the file does, so browsers may keep a copy for a few minutes.
 */
const version = (fileId: string) => createHash("sha256").update(fileId).digest("base64url").slice(0, 12)

export const privateFileUrl = {
  picture: (audience: Audience, customerId: string, fileId: string | null | undefined) =>
    fileId ? `${audience === "staff" ? `/admin/customers/${customerId}/picture` : "/store/customers/me/profile/picture"}?v=${version(fileId)}` : null,
  dependentPhoto: (audience: Audience, customerId: string, dependentId: string, fileId: string | null | undefined) =>
    fileId
      ? `${audience === "staff" ? `/admin/customers/${customerId}/dependents` : "/store/customers/me/dependents"}/${dependentId}/photo?v=${version(fileId)}`
      : null,
  attachment: (audience: Audience, bookingId: string, attachmentId: string) =>
    `${audience === "staff" ? "/admin/bookings" : "/store/customers/me/bookings"}/${bookingId}/attachments/${attachmentId}`,
}
