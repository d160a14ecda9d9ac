import {
  RESTORE_WINDOW_DAYS,
  type AdminDeletedCustomer as DeletedCustomer,
  type AdminDeletedCustomerListResponse as DeletedCustomersResponse,
  type AdminRestoreCustomerResponse as RestoreCustomerResponse,
} from "@fieldservice/contract"
import { Button, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { portalQueryKeys } from "../../../../lib/portal"
import { sdk } from "../../../../lib/sdk"
import { CustomerListSection } from "./customer-list-section"

export function DeletedCustomersSection() {
  const queryClient = useQueryClient()
  const { data, isLoading, error } = useQuery({
    queryKey: portalQueryKeys.deletedCustomers,
    queryFn: () => sdk.client.fetch<DeletedCustomersResponse>("/admin/portal/deleted-customers"),
  })

  const restore = useMutation({
    mutationFn: (customer: DeletedCustomer) =>
      sdk.client.fetch<RestoreCustomerResponse>(`/admin/customers/${customer.id}/restore`, {
        method: "POST",
        body: {},
      }),
    onSuccess: (_response, customer) => {
      toast.success(`${customer.email} restored`)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.deletedCustomers }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.dashboardCustomers }),
        // A customer archived before deletion may come back archived.
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.archivedCustomers }),
      ])
    },
    onError: (error: Error) => toast.error(error.message),
  })

  return (
    <CustomerListSection
      testId="deleted-customers"
      rowTestId="deleted-customer-row"
      title="Recently deleted customers"
      description={`Deleted customers can be restored for ${RESTORE_WINDOW_DAYS} days. Restoring brings back their data but not their logins, so invite them to the portal again afterwards.`}
      label="Deleted customers"
      emptyText={`No customers were deleted in the last ${RESTORE_WINDOW_DAYS} days.`}
      customers={data?.customers}
      isLoading={isLoading}
      error={error}
      dateColumns={[
        { label: "Deleted on", value: (customer) => customer.deleted_at },
        { label: "Restorable until", value: (customer) => customer.restorable_until },
      ]}
      action={(customer) => (
        <Button
          size="small"
          variant="secondary"
          onClick={() => restore.mutate(customer)}
          isLoading={restore.isPending && restore.variables?.id === customer.id}
          disabled={restore.isPending}
          data-testid="restore-customer"
        >
          Restore
        </Button>
      )}
    />
  )
}
