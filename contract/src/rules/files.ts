/** Profile pictures and dependents' photos: the types the API accepts (it checks the bytes, not the name). */
export const PICTURE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const
export type PictureType = (typeof PICTURE_TYPES)[number]
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024

/** Booking attachments: photos, including iPhone HEIC, and PDFs. */
export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "application/pdf"] as const
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
