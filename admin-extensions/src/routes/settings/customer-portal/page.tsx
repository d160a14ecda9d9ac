import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Input, Label, Switch, Table, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, type ReactNode, useState } from "react"
import {
  type ArchivedCustomer,
  type ArchivedCustomersResponse,
  type CustomerProfileResponse,
  type DeletedCustomer,
  type DeletedCustomersResponse,
  type ListedCustomer,
  type PortalSettings,
  type PortalSettingsInput,
  type PortalSettingsResponse,
  type RestoreCustomerResponse,
  formatDateTime,
  formatDay,
  portalQueryKeys,
} from "../../../lib/portal"
import { sdk } from "../../../lib/sdk"

const CustomerPortalSettingsPage = () => {
  return (
    <div className="flex flex-col gap-y-4" data-testid="customer-portal-settings-page">
      <PortalAccessSection />
      <BookingChangesSection />
      <ArchivedCustomersSection />
      <DeletedCustomersSection />
    </div>
  )
}

function PortalAccessSection() {
  const { data, isLoading, error } = useQuery({
    queryKey: portalQueryKeys.settings,
    queryFn: () => sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings"),
  })
  const settings = data?.settings

  return (
    <Container className="divide-y p-0" data-testid="portal-access-settings">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Portal access</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          While the portal is closed, sign-up and logins are refused with the message below, and invite emails are
          not sent.
        </Text>
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading settings…
        </Text>
      )}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          The settings could not be loaded: {error.message}
        </Text>
      )}
      {/* Remounted after each save, so the form always starts from what the server holds. */}
      {settings && <PortalAccessForm key={settings.updated_at} settings={settings} />}
    </Container>
  )
}

function PortalAccessForm({ settings }: { settings: PortalSettings }) {
  const queryClient = useQueryClient()
  const [enabled, setEnabled] = useState(settings.portal_enabled)
  const [message, setMessage] = useState(settings.closed_message)
  const [formError, setFormError] = useState<string | null>(null)

  const save = useMutation({
    mutationFn: (body: PortalSettingsInput) =>
      sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings", { method: "POST", body }),
    onSuccess: (response) => {
      toast.success(response.settings.portal_enabled ? "Settings saved. The portal is open." : "Settings saved. The portal is closed.")
      queryClient.setQueryData(portalQueryKeys.settings, response)
      // Every customer's "Portal access" widget shows whether invites can be sent.
      return queryClient.invalidateQueries({ queryKey: ["customer-portal-account"] })
    },
    onError: (error: Error) => {
      setFormError(error.message)
      toast.error(error.message)
    },
  })

  const body: PortalSettingsInput = {}
  if (enabled !== settings.portal_enabled) body.portal_enabled = enabled
  if (message.trim() !== settings.closed_message) body.closed_message = message.trim()
  const dirty = Object.keys(body).length > 0

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!dirty) return
    setFormError(null)
    save.mutate(body)
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        {formError && (
          <div
            role="alert"
            className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2"
            data-testid="portal-settings-error"
          >
            <Text size="small" className="text-ui-fg-error">
              {formError}
            </Text>
          </div>
        )}
        <div className="flex items-center gap-x-3">
          <Switch
            id="portal-enabled"
            checked={enabled}
            onCheckedChange={setEnabled}
            data-testid="portal-enabled-switch"
          />
          <Label htmlFor="portal-enabled" size="small" weight="plus">
            Customer portal open
          </Label>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="portal-closed-message" size="small" weight="plus">
            Message shown while closed
          </Label>
          <Textarea
            id="portal-closed-message"
            rows={4}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            data-testid="portal-closed-message"
          />
        </div>
        {settings.updated_at && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Last changed {formatDateTime(settings.updated_at)}
          </Text>
        )}
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button
          size="small"
          type="submit"
          isLoading={save.isPending}
          disabled={!dirty}
          data-testid="portal-settings-save"
        >
          Save
        </Button>
      </div>
    </form>
  )
}

/** Cancellation and reschedule rules: the cut-offs the API enforces and the wording customers read. */
function BookingChangesSection() {
  const { data, isLoading, error } = useQuery({
    queryKey: portalQueryKeys.settings,
    queryFn: () => sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings"),
  })
  const settings = data?.settings

  return (
    <Container className="divide-y p-0" data-testid="booking-changes-settings">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Cancellations and rescheduling</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Customers can cancel or move a booking in the portal until the cut-off. After it, the portal shows the office
          phone and email instead. The rules below are shown to customers before they cancel or reschedule; the office is
          emailed about every change.
        </Text>
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading settings…
        </Text>
      )}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          The settings could not be loaded: {error.message}
        </Text>
      )}
      {settings && <BookingChangesForm key={settings.updated_at} settings={settings} />}
    </Container>
  )
}

/** Whole hours from 0 to 720, as typed; null when it isn't one. */
const parseHours = (value: string) => (/^\d{1,3}$/.test(value.trim()) && Number(value) <= 720 ? Number(value) : null)

function BookingChangesForm({ settings }: { settings: PortalSettings }) {
  const queryClient = useQueryClient()
  const [cancelHours, setCancelHours] = useState(String(settings.cancellation_cutoff_hours))
  const [rescheduleHours, setRescheduleHours] = useState(String(settings.reschedule_cutoff_hours))
  const [policy, setPolicy] = useState(settings.cancellation_policy)
  const [phone, setPhone] = useState(settings.office_phone ?? "")
  const [formError, setFormError] = useState<string | null>(null)

  const save = useMutation({
    mutationFn: (body: PortalSettingsInput) =>
      sdk.client.fetch<PortalSettingsResponse>("/admin/portal/settings", { method: "POST", body }),
    onSuccess: (response) => {
      toast.success("Cancellation and rescheduling rules saved")
      queryClient.setQueryData(portalQueryKeys.settings, response)
    },
    onError: (error: Error) => {
      setFormError(error.message)
      toast.error(error.message)
    },
  })

  const cancellation = parseHours(cancelHours)
  const reschedule = parseHours(rescheduleHours)
  const body: PortalSettingsInput = {}
  if (cancellation !== null && cancellation !== settings.cancellation_cutoff_hours) body.cancellation_cutoff_hours = cancellation
  if (reschedule !== null && reschedule !== settings.reschedule_cutoff_hours) body.reschedule_cutoff_hours = reschedule
  if (policy.trim() !== settings.cancellation_policy) body.cancellation_policy = policy.trim()
  if ((phone.trim() || null) !== settings.office_phone) body.office_phone = phone.trim() || null
  const dirty = Object.keys(body).length > 0

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (cancellation === null || reschedule === null) {
      setFormError("Cut-offs are whole hours from 0 to 720 (30 days).")
      return
    }
    if (!policy.trim()) {
      setFormError("Write the cancellation and refund rules customers should read.")
      return
    }
    if (!dirty) return
    setFormError(null)
    save.mutate(body)
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        {formError && (
          <div role="alert" className="bg-ui-bg-subtle border-ui-border-error rounded-md border px-3 py-2" data-testid="booking-changes-error">
            <Text size="small" className="text-ui-fg-error">
              {formError}
            </Text>
          </div>
        )}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="cancellation-cutoff" size="small" weight="plus">
              Cancel online until (hours before the arrival window)
            </Label>
            <Input
              id="cancellation-cutoff"
              inputMode="numeric"
              value={cancelHours}
              onChange={(event) => setCancelHours(event.target.value)}
              aria-invalid={cancellation === null || undefined}
            />
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="reschedule-cutoff" size="small" weight="plus">
              Reschedule online until (hours before the arrival window)
            </Label>
            <Input
              id="reschedule-cutoff"
              inputMode="numeric"
              value={rescheduleHours}
              onChange={(event) => setRescheduleHours(event.target.value)}
              aria-invalid={reschedule === null || undefined}
            />
          </div>
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="cancellation-policy" size="small" weight="plus">
            Fees and refunds, as customers read them
          </Label>
          <Textarea id="cancellation-policy" rows={4} value={policy} onChange={(event) => setPolicy(event.target.value)} />
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="office-phone" size="small" weight="plus">
            Office phone (for changes after the cut-off)
          </Label>
          <Input id="office-phone" type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} placeholder="0117 496 0000" />
        </div>
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button
          size="small"
          type="submit"
          isLoading={save.isPending}
          // Enabled for a bad value too, so pressing Save says what is wrong.
          disabled={!dirty && cancellation !== null && reschedule !== null && policy.trim() !== ""}
          data-testid="booking-changes-save"
        >
          Save
        </Button>
      </div>
    </form>
  )
}

const fullName = (customer: ListedCustomer) =>
  [customer.first_name, customer.last_name].filter(Boolean).join(" ") || "—"

function DeletedCustomersSection() {
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
      description="Deleted customers can be restored for 30 days. Restoring brings back their data but not their logins, so invite them to the portal again afterwards."
      label="Deleted customers"
      emptyText="No customers were deleted in the last 30 days."
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

function ArchivedCustomersSection() {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const { data, isLoading, error } = useQuery({
    queryKey: portalQueryKeys.archivedCustomers,
    queryFn: () => sdk.client.fetch<ArchivedCustomersResponse>("/admin/portal/archived-customers"),
  })

  const unarchive = useMutation({
    mutationFn: (customer: ArchivedCustomer) =>
      sdk.client.fetch<CustomerProfileResponse>(`/admin/customers/${customer.id}/profile`, {
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

/**
 * A settings section listing customers from one of the /admin/portal/*-customers routes: name, email, the given
 * date columns (as days, with the full time on hover) and one action per row.
 */
function CustomerListSection<T extends ListedCustomer>({
  testId,
  rowTestId,
  title,
  description,
  label,
  emptyText,
  customers = [],
  isLoading,
  error,
  dateColumns,
  action,
}: {
  /** The section's test id; the table and message use it as a prefix. */
  testId: string
  rowTestId: string
  title: string
  description: string
  /** "Deleted customers", for the loading and error messages. */
  label: string
  emptyText: string
  customers?: T[]
  isLoading: boolean
  error: Error | null
  dateColumns: { label: string; value: (customer: T) => string }[]
  action: (customer: T) => ReactNode
}) {
  const columns = ["Name", "Email", ...dateColumns.map((column) => column.label)]
  const message = isLoading
    ? `Loading ${label.toLowerCase()}…`
    : error
      ? `${label} could not be loaded: ${error.message}`
      : customers.length === 0
        ? emptyText
        : null

  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      <Table data-testid={`${testId}-table`}>
        <Table.Header>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell key={column}>{column}</Table.HeaderCell>
            ))}
            <Table.HeaderCell className="w-px">
              <span className="sr-only">Actions</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {message ? (
            <Table.Row>
              {/* Table.Cell's props leave out colSpan; this is a Table.Cell otherwise. */}
              <td colSpan={columns.length + 1} className="h-12 py-0 pl-6 pr-6">
                <Text
                  size="small"
                  className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"}
                  data-testid={`${testId}-message`}
                >
                  {message}
                </Text>
              </td>
            </Table.Row>
          ) : (
            customers.map((customer) => (
              <Table.Row key={customer.id} data-testid={rowTestId} data-customer-id={customer.id}>
                <Table.Cell>{fullName(customer)}</Table.Cell>
                <Table.Cell>{customer.email}</Table.Cell>
                {dateColumns.map((column) => (
                  <Table.Cell key={column.label} title={formatDateTime(column.value(customer))}>
                    {formatDay(column.value(customer))}
                  </Table.Cell>
                ))}
                <Table.Cell>
                  <div className="flex justify-end">{action(customer)}</div>
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Customer portal",
})

export default CustomerPortalSettingsPage
