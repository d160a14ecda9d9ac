import { toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { profilePath, profileQueryKey, withDefaults } from "../../lib/profile"
import { portalQueryKeys } from "../../lib/portal"
import { sdk } from "../../lib/sdk"
import type { AdminCustomerProfileResponse as CustomerProfileResponse, AdminUpdateCustomerProfile as CustomerProfileUpdate } from "@fieldservice/contract"

/**
 * A POST to the customer's profile. The answer is the whole fresh profile (as the GET), so it
 * replaces the page's shared profile query without another request. A failure is toasted here
 * (unless `toastErrors` is false, for drawers that toast it themselves) and left on `error` for
 * the section to show inline. Each section has its own, so its spinner and error stay next to
 * the control that caused them.
 */
export function useUpdateProfile(
  customerId: string,
  successMessage: string | ((body: CustomerProfileUpdate) => string),
  options: {
    toastErrors?: boolean
    /** Saves sharing a scope run one after another, so the last one sent is the one kept. */
    scope?: string
  } = {}
) {
  const queryClient = useQueryClient()
  const { toastErrors = true, scope } = options
  return useMutation({
    mutationFn: (body: CustomerProfileUpdate) => sdk.client.fetch<CustomerProfileResponse>(profilePath(customerId), { method: "POST", body }),
    scope: scope ? { id: `${scope}-${customerId}` } : undefined,
    onSuccess: (response, body) => {
      queryClient.setQueryData(profileQueryKey(customerId), withDefaults(response))
      toast.success(typeof successMessage === "function" ? successMessage(body) : successMessage)
      // The dashboard's own customer header shows the name.
      if (body.first_name !== undefined || body.last_name !== undefined) {
        return queryClient.invalidateQueries({ queryKey: portalQueryKeys.dashboardCustomers })
      }
    },
    onError: (error: Error) => {
      if (toastErrors) toast.error(error.message || "The profile could not be saved.")
    },
  })
}

/** The message of a failed save, for showing inline. */
export const errorMessage = (error: unknown, fallback = "The profile could not be saved.") =>
  error instanceof Error && error.message ? error.message : fallback
