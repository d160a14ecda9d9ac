import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { EXPORT_STATUS, dataRequestsPath, dataRequestsQueryKey, exportDownloadPath } from "../lib/data-requests"
import { formatDay } from "../lib/portal"
import { sdk } from "../lib/sdk"
import type {
  AdminDataExport as DataExport,
  AdminDataExportResponse as DataExportResponse,
  AdminDataRequestListResponse as DataRequestsResponse,
  AdminErasureResponse as ErasureResponse,
} from "@fieldservice/contract"

/**
 * Customer page → "Personal data": answer an access request (a ZIP of everything held about the
 * customer, made in the background, emailed to the staff member and downloadable here) or an
 * erasure request (confirmed by typing the customer's email).
 */
const CustomerDataRequestsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const queryKey = dataRequestsQueryKey(customer.id)

  const { data, isLoading, error } = useQuery({
    queryKey,
    queryFn: () => sdk.client.fetch<DataRequestsResponse>(dataRequestsPath(customer.id)),
    // While a file is being made, look again every few seconds.
    refetchInterval: (query) => (query.state.data?.data_exports.some((item) => item.status === "pending") ? 3000 : false),
  })

  const requestExport = useMutation({
    mutationFn: () => sdk.client.fetch<DataExportResponse>(`/admin/customers/${customer.id}/data-exports`, { method: "POST", body: {} }),
    onSuccess: () => {
      toast.success("Preparing the customer's data. It will be emailed to you and listed here when ready.")
      return queryClient.invalidateQueries({ queryKey })
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const erase = useMutation({
    mutationFn: (confirmEmail: string) =>
      sdk.client.fetch<ErasureResponse>(`/admin/customers/${customer.id}/erasure`, { method: "POST", body: { confirm_email: confirmEmail } }),
    onSuccess: ({ erasure }) => {
      toast.success("Personal data erased. The bookings and orders are kept without the customer's details.")
      for (const warning of erasure.warnings) toast.warning(warning)
      // Every part of the customer page changed: read it all again.
      return queryClient.invalidateQueries()
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const confirmErase = async () => {
    const email = customer.email ?? customer.id
    const confirmed = await prompt({
      variant: "danger",
      title: "Erase personal data?",
      description:
        "Names, emails, phone numbers, addresses, notes, files, logins and saved cards (in Stripe too) are removed for good. Bookings and orders are kept with their numbers, dates and amounts, without the customer's details. This can't be undone.",
      verificationText: email,
      verificationInstruction: "Type the customer's email {val} to confirm:",
      confirmText: "Erase personal data",
      cancelText: "Cancel",
    })
    if (confirmed) erase.mutate(email)
  }

  const erasure = data?.erasures[0]
  const exports = data?.data_exports.slice(0, 3) ?? []
  const busy = requestExport.isPending || erase.isPending

  return (
    <Container className="divide-y p-0" data-testid="customer-data-requests">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Personal data</Heading>
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading data requests…
        </Text>
      )}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          Data requests could not be loaded: {error.message}
        </Text>
      )}
      {erasure && (
        <Text className="px-6 py-4" size="small" data-testid="data-erased">
          Personal data erased on {formatDay(erasure.erased_at)}
          {erasure.erased_by ? ` by ${erasure.erased_by}` : ""}.
        </Text>
      )}
      {exports.length > 0 && (
        <ul className="flex flex-col gap-y-3 px-6 py-4" data-testid="data-exports">
          {exports.map((item) => (
            <ExportRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2 px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          onClick={() => requestExport.mutate()}
          isLoading={requestExport.isPending}
          disabled={busy}
          data-testid="request-data-export"
        >
          Download data
        </Button>
        <Button size="small" variant="danger" onClick={confirmErase} isLoading={erase.isPending} disabled={busy} data-testid="erase-personal-data">
          Erase personal data
        </Button>
      </div>
    </Container>
  )
}

function ExportRow({ item }: { item: DataExport }) {
  const status = EXPORT_STATUS[item.status]
  const by = item.requested_by === "customer" ? "the customer" : (item.requested_by_email ?? "staff")
  return (
    <li className="flex items-center justify-between gap-x-2" data-testid="data-export">
      <div className="flex flex-col">
        <Text size="small" leading="compact">
          Asked by {by}, {formatDay(item.requested_at)}
        </Text>
        {item.status === "ready" && item.expires_at && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            Deleted on {formatDay(item.expires_at)}
          </Text>
        )}
        {item.error && (
          <Text size="xsmall" className="text-ui-fg-error">
            {item.error}
          </Text>
        )}
      </div>
      {item.status === "ready" ? (
        // A plain link: the browser downloads the file with the staff session.
        <a
          href={exportDownloadPath(item.id)}
          className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
          data-testid="data-export-download"
        >
          Download
        </a>
      ) : (
        <Badge size="2xsmall" color={status.color}>
          {status.label}
        </Badge>
      )}
    </li>
  )
}

export const config = defineWidgetConfig({
  // Its place on the page: migration-scripts/customer-page-layout.ts.
  id: "customer-data-requests",
  zone: "customer.details.side.after",
})

export default CustomerDataRequestsWidget
