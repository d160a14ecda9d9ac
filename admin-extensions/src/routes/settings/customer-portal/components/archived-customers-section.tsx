import { Button, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminCustomerProfileResponse,
  AdminArchivedCustomer as ArchivedCustomer,
  AdminArchivedCustomerListResponse as ArchivedCustomersResponse,
} from "@fieldservice/contract"
import { portalQueryKeys } from "../../../../lib/portal"
import { sdk } from "../../../../lib/sdk"
import { CustomerListSection } from "./customer-list-section"

export function ArchivedCustomersSection() {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const { data, isLoading, error } = useQuery({
    queryKey: portalQueryKeys.archivedCustomers,
    queryFn: () => sdk.client.fetch<ArchivedCustomersResponse>("/admin/portal/archived-customers"),
  })

  const unarchive = useMutation({
    mutationFn: (customer: ArchivedCustomer) =>
      sdk.client.fetch<AdminCustomerProfileResponse>(`/admin/customers/${customer.id}/profile`, {
        method: "POST",
        body: { status: "active" },
      }),
    onSuccess: (_response, customer) => {
      toast.success(`${customer.email} unarchived`)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.archivedCustomers }),
        // They show up in the dashboard's customer list again, and their detail widgets change status.
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.dashboardCustomers }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.account(customer.id) }),
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.profile(customer.id) }),
      ])
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const confirmUnarchive = async (customer: ArchivedCustomer) => {
    const confirmed = await prompt({
      title: `Unarchive ${customer.email}?`,
      description: "They can sign in again and appear in the customer list.",
      confirmText: "Unarchive",
      cancelText: "Cancel",
    })
    if (confirmed) unarchive.mutate(customer)
  }

  return (
    <CustomerListSection
      testId="archived-customers"
      rowTestId="archived-customer-row"
      title="Archived customers"
      description="Archived customers cannot sign in to the portal and are hidden from the customer list. Their data is kept."
      label="Archived customers"
      emptyText="No archived customers."
      customers={data?.customers}
      isLoading={isLoading}
      error={error}
      dateColumns={[{ label: "Archived on", value: (customer) => customer.archived_at }]}
      action={(customer) => (
        <Button
          size="small"
          variant="secondary"
          onClick={() => confirmUnarchive(customer)}
          isLoading={unarchive.isPending && unarchive.variables?.id === customer.id}
          disabled={unarchive.isPending}
          data-testid="unarchive-customer"
        >
          Unarchive
        </Button>
      )}
    />
  )
}
