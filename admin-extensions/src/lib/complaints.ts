// Complaints for staff: /admin/complaints (list with filters and age, one complaint, assign, status).

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import {
  type AdminComplaintListResponse,
  type AdminComplaintResponse,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
} from "@fieldservice/contract"
import { activityQueryKeys } from "./activity"
import { adminFetch } from "./sdk"

export const complaintQueryKeys = {
  list: (query: string) => ["admin-complaints", "list", query] as const,
  detail: (id: string) => ["admin-complaints", "detail", id] as const,
  staff: ["admin-complaints", "staff"] as const,
}

export const COMPLAINT_STATUS_COLORS: Record<ComplaintStatus, "grey" | "blue" | "orange" | "green" | "red"> = {
  open: "orange",
  in_progress: "blue",
  resolved: "green",
  closed: "grey",
}

/** The age filter's choices: opened at least this many days ago. */
export const AGE_CHOICES = [
  { value: "1", label: "Older than 1 day" },
  { value: "3", label: "Older than 3 days" },
  { value: "7", label: "Older than a week" },
  { value: "30", label: "Older than 30 days" },
] as const

export const COMPLAINT_FILTER_PARAMS = ["status", "category", "assigned_user_id", "customer_id", "older_than_days"] as const

/** The filters the list understands, as the address holds them (anything else is left out). */
export function complaintFilterQuery(params: URLSearchParams): URLSearchParams {
  const filters = new URLSearchParams()
  for (const key of COMPLAINT_FILTER_PARAMS) {
    const value = params.get(key)?.trim()
    if (!value) continue
    if (key === "status" && !(COMPLAINT_STATUSES as readonly string[]).includes(value)) continue
    if (key === "category" && !(COMPLAINT_CATEGORIES as readonly string[]).includes(value)) continue
    filters.set(key, value)
  }
  return filters
}

export function useComplaintList(query: string) {
  return useQuery({
    queryKey: complaintQueryKeys.list(query),
    queryFn: () => adminFetch<AdminComplaintListResponse>(`/admin/complaints?${query}`),
    placeholderData: (previous) => previous,
  })
}

export function useComplaint(id: string) {
  return useQuery({ queryKey: complaintQueryKeys.detail(id), queryFn: () => adminFetch<AdminComplaintResponse>(`/admin/complaints/${id}`) })
}

export type StaffMember = { id: string; name: string }

/** The staff a complaint can be given to (Medusa's own users). */
export function useStaffMembers() {
  return useQuery({
    queryKey: complaintQueryKeys.staff,
    queryFn: async () => {
      const { users } = await adminFetch<{ users: { id: string; email: string; first_name: string | null; last_name: string | null }[] }>(
        "/admin/users?fields=id,email,first_name,last_name&limit=200"
      )
      return users.map((user): StaffMember => ({ id: user.id, name: [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email }))
    },
  })
}

/** Assign or move on a complaint; the page, the lists and the customer's history are refreshed. */
export function useComplaintChange(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: { kind: "assign"; assigned_user_id: string | null } | { kind: "status"; status: ComplaintStatus; note?: string }) => {
      const { kind, ...body } = change
      return adminFetch<AdminComplaintResponse>(`/admin/complaints/${id}/${kind}`, { method: "POST", body })
    },
    onSuccess: (response) => {
      queryClient.setQueryData(complaintQueryKeys.detail(id), response)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ["admin-complaints", "list"] }),
        queryClient.invalidateQueries({ queryKey: activityQueryKeys.activity(response.complaint.customer.id) }),
      ])
    },
  })
}

export const complaintPhotoUrl = (complaintId: string, photoId: string) => `/admin/complaints/${complaintId}/photos/${photoId}`
