import type { ComplaintOpeningForm, StoreComplaint, StoreComplaintListResponse, StoreComplaintResponse, StoreComplaintSummary } from "@fieldservice/contract"

import { apiFetch, asList, fileForm } from "~/lib/api/api.server"

const path = (id = "", tail = "") => `/store/customers/me/complaints${id ? `/${encodeURIComponent(id)}` : ""}${tail}`

export async function listComplaints(token: string): Promise<StoreComplaintSummary[]> {
  return asList((await apiFetch<StoreComplaintListResponse>(path(), { token, query: { limit: "100" } })).complaints)
}

/** Throws ApiError 404 when the complaint isn't the customer's. */
export async function getComplaint(token: string, id: string): Promise<StoreComplaint> {
  return (await apiFetch<StoreComplaintResponse>(path(id), { token })).complaint
}

/** "Report a problem"; a refusal (a visit not theirs or not yet happened) throws ApiError with the API's words. */
export async function openComplaint(token: string, body: ComplaintOpeningForm): Promise<StoreComplaint> {
  return (await apiFetch<StoreComplaintResponse>(path(), { token, body })).complaint
}

export async function addComplaintPhoto(token: string, id: string, file: Blob, filename: string): Promise<StoreComplaint> {
  return (await apiFetch<StoreComplaintResponse>(path(id, "/photos"), { method: "POST", token, form: fileForm(file, filename) })).complaint
}

/** The portal's own address for a photo (routes/files.$.tsx passes it through with the session's token). */
export const complaintPhotoUrl = (complaintId: string, photoId: string) =>
  `/files/complaints/${encodeURIComponent(complaintId)}/photos/${encodeURIComponent(photoId)}`
