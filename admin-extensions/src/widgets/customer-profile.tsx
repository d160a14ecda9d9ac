import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import {
  type CustomerProfile,
  type ProfileKind,
  KIND_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
} from "../lib/profile"

const CustomerProfileWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const queryClient = useQueryClient()
  const queryKey = ["customer-profile", customer.id]
  const { data, isLoading, isError } = useQuery({
    queryKey,
    queryFn: () =>
      sdk.client.fetch<{ profile: CustomerProfile }>(`/admin/customers/${customer.id}/profile`),
  })
  const changeKind = useMutation({
    mutationFn: (kind: ProfileKind) =>
      sdk.client.fetch<{ profile: CustomerProfile }>(`/admin/customers/${customer.id}/profile`, {
        method: "POST",
        body: { kind },
      }),
    onSuccess: (response) => {
      queryClient.setQueryData(queryKey, response)
      toast.success("Profile updated")
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const profile = data?.profile

  return (
    <Container className="divide-y p-0" data-testid="customer-profile-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Customer profile</Heading>
        {profile && (
          <Badge color={STATUS_COLORS[profile.status]} data-testid="customer-profile-status">
            {STATUS_LABELS[profile.status]}
          </Badge>
        )}
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading profile…
        </Text>
      )}
      {isError && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          The profile could not be loaded.
        </Text>
      )}
      {profile && (
        <div className="grid grid-cols-2 items-center px-6 py-4">
          <Text size="small" weight="plus" leading="compact">
            Account type
          </Text>
          <Select
            size="small"
            value={profile.kind}
            onValueChange={(value) => changeKind.mutate(value as ProfileKind)}
            disabled={changeKind.isPending}
          >
            <Select.Trigger data-testid="customer-profile-kind">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(Object.keys(KIND_LABELS) as ProfileKind[]).map((kind) => (
                <Select.Item key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerProfileWidget
