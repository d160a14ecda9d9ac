import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownMini, ArrowUpMini, Calendar, PaperClip, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, IconButton, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import {
  BOOKING_STATUS_COLORS,
  BOOKING_STATUS_LABELS,
  BOOKING_STATUSES,
  type BookingStatus,
  type ListedBooking,
  bookingListQuery,
  formatVisitDay,
  formatVisitTimes,
  todayIn,
  useBookingList,
  useFieldworkers,
} from "../../lib/bookings"
import { sdk } from "../../lib/sdk"
import { useDebounced } from "../../lib/use-debounced"

const PAGE_SIZE = 20

/**
 * Every booking, soonest first from today unless the filters say otherwise. The filters live in
 * the address (so Back, reloads and links from a customer's page keep them): status (several),
 * from/to days, customer, fieldworker (or unassigned), and a booking number or email.
 */
const BookingsPage = () => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const today = todayIn()
  // No `from` in the address means "from today"; an empty one (after Clear) means any date.
  const from = params.has("from") ? params.get("from") ?? "" : today
  const to = params.get("to") ?? ""
  const statuses = (params.get("status") ?? "").split(",").filter((s): s is BookingStatus => (BOOKING_STATUSES as string[]).includes(s))
  const customerId = params.get("customer_id") ?? ""
  const fieldworkerId = params.get("fieldworker_id") ?? ""
  const order = params.get("order") === "-starts_at" ? "-starts_at" : "starts_at"
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const [search, setSearch] = useState(params.get("q") ?? "")
  const q = useDebounced(search.trim())

  /** Changes some filters and goes back to the first page. */
  const update = (changes: Record<string, string | null>, options: { keepPage?: boolean } = {}) => {
    const next = new URLSearchParams(params)
    if (!next.has("from")) next.set("from", from)
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || (value === "" && key !== "from")) next.delete(key)
      else next.set(key, value)
    }
    if (!options.keepPage) next.delete("offset")
    setParams(next, { replace: true })
  }

  useEffect(() => {
    if ((params.get("q") ?? "") !== q) update({ q: q || null })
    // Only the debounced search text drives this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q])

  const query = bookingListQuery({
    status: statuses.join(","),
    from,
    to,
    customer_id: customerId,
    fieldworker_id: fieldworkerId,
    q: params.get("q") ?? "",
    order,
    limit: PAGE_SIZE,
    offset,
  })
  const { data, isLoading, isFetching, error } = useBookingList(query)
  const timeZone = data?.time_zone
  const bookings = data?.bookings ?? []
  const count = data?.count ?? 0
  const pageIndex = Math.floor(offset / PAGE_SIZE)
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const filtered = statuses.length > 0 || !!from || !!to || !!customerId || !!fieldworkerId || !!params.get("q")

  const message = isLoading
    ? "Loading bookings…"
    : error
      ? `The bookings could not be loaded: ${error.message}`
      : bookings.length === 0
        ? filtered
          ? "No bookings match these filters."
          : "No bookings yet."
        : null

  return (
    <Container className="divide-y p-0" data-testid="bookings-page">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Bookings</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Visits booked by customers in the portal or by your team. Open one to assign a fieldworker or change its status.
          {timeZone && ` Times are in ${timeZone}.`}
        </Text>
      </div>

      <div className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid="bookings-filters">
        <div className="flex w-64 flex-col gap-y-1">
          <Label size="xsmall" htmlFor="bookings-search" className="text-ui-fg-subtle">
            Booking number or email
          </Label>
          <Input
            id="bookings-search"
            size="small"
            type="search"
            placeholder="BK-7F3K or olivia@…"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="bookings-search"
          />
        </div>
        <StatusFilter selected={statuses} onChange={(next) => update({ status: next.length ? next.join(",") : null })} />
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="bookings-from" className="text-ui-fg-subtle">
            From
          </Label>
          <Input id="bookings-from" size="small" type="date" value={from} max={to || undefined} onChange={(event) => update({ from: event.target.value })} data-testid="bookings-from" />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="bookings-to" className="text-ui-fg-subtle">
            To
          </Label>
          <Input id="bookings-to" size="small" type="date" value={to} min={from || undefined} onChange={(event) => update({ to: event.target.value || null })} data-testid="bookings-to" />
        </div>
        <FieldworkerFilter value={fieldworkerId} onChange={(value) => update({ fieldworker_id: value || null })} />
        <CustomerFilter customerId={customerId} onChange={(id) => update({ customer_id: id })} />
        <Button
          size="small"
          variant="transparent"
          onClick={() => {
            setSearch("")
            setParams(new URLSearchParams({ from: "" }), { replace: true })
          }}
          disabled={!filtered}
          data-testid="bookings-clear"
        >
          Clear filters
        </Button>
      </div>

      <Table data-testid="bookings-table" aria-busy={isFetching}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>
              <button
                type="button"
                className="flex items-center gap-x-1"
                onClick={() => update({ order: order === "starts_at" ? "-starts_at" : "starts_at" })}
                data-testid="bookings-sort"
                aria-label={order === "starts_at" ? "Date, earliest first: show latest first" : "Date, latest first: show earliest first"}
              >
                Date {order === "starts_at" ? <ArrowUpMini /> : <ArrowDownMini />}
              </button>
            </Table.HeaderCell>
            <Table.HeaderCell>Booking</Table.HeaderCell>
            <Table.HeaderCell>Service</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Postcode</Table.HeaderCell>
            <Table.HeaderCell>Fieldworker</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {message ? (
            <Table.Row>
              {/* Table.Cell's props leave out colSpan; this is a Table.Cell otherwise. */}
              <td colSpan={7} className="h-12 py-0 pl-6 pr-6">
                <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="bookings-message">
                  {message}
                </Text>
              </td>
            </Table.Row>
          ) : (
            bookings.map((booking) => (
              <BookingRow key={booking.id} booking={booking} timeZone={timeZone} onOpen={() => navigate(`/bookings/${booking.id}`)} />
            ))
          )}
        </Table.Body>
      </Table>
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={pageIndex}
        pageCount={pageCount}
        canPreviousPage={pageIndex > 0}
        canNextPage={pageIndex + 1 < pageCount}
        previousPage={() => update({ offset: String(Math.max(0, offset - PAGE_SIZE)) }, { keepPage: true })}
        nextPage={() => update({ offset: String(offset + PAGE_SIZE) }, { keepPage: true })}
        data-testid="bookings-pagination"
      />
    </Container>
  )
}

function BookingRow({ booking, timeZone, onOpen }: { booking: ListedBooking; timeZone?: string; onOpen: () => void }) {
  const customerName = booking.customer?.name || booking.contact_name || booking.email
  return (
    <Table.Row className="cursor-pointer" onClick={onOpen} data-testid="booking-row" data-booking-id={booking.id} data-booking-number={booking.booking_number}>
      <Table.Cell>
        <div className="flex flex-col">
          <span>{formatVisitDay(booking.starts_at, timeZone)}</span>
          <span className="text-ui-fg-subtle">{formatVisitTimes(booking, timeZone)}</span>
        </div>
      </Table.Cell>
      <Table.Cell>
        <div className="flex items-center gap-x-1">
          {/* A real link too, so staff can open a booking in a new tab. */}
          <Link to={`/bookings/${booking.id}`} onClick={(event) => event.stopPropagation()} className="txt-compact-small-plus font-mono" data-testid="booking-number">
            {booking.booking_number}
          </Link>
          {booking.attachment_count > 0 && (
            <span className="text-ui-fg-muted flex items-center" title={`${booking.attachment_count} attachment${booking.attachment_count === 1 ? "" : "s"}`}>
              <PaperClip />
            </span>
          )}
        </div>
      </Table.Cell>
      <Table.Cell>{booking.option_title ? `${booking.service_title} (${booking.option_title})` : booking.service_title}</Table.Cell>
      <Table.Cell>
        <div className="flex flex-col">
          <span data-testid="booking-customer">{customerName}</span>
          {customerName !== booking.email && <span className="text-ui-fg-subtle">{booking.email}</span>}
        </div>
      </Table.Cell>
      <Table.Cell>{booking.postcode ?? "—"}</Table.Cell>
      <Table.Cell data-testid="booking-fieldworker">
        {booking.fieldworker ? booking.fieldworker.name : <span className="text-ui-fg-muted">Unassigned</span>}
      </Table.Cell>
      <Table.Cell>
        <Badge size="2xsmall" color={BOOKING_STATUS_COLORS[booking.status]} data-testid="booking-status">
          {BOOKING_STATUS_LABELS[booking.status]}
        </Badge>
      </Table.Cell>
    </Table.Row>
  )
}

function StatusFilter({ selected, onChange }: { selected: BookingStatus[]; onChange: (next: BookingStatus[]) => void }) {
  const label = selected.length ? selected.map((status) => BOOKING_STATUS_LABELS[status]).join(", ") : "All statuses"
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>Status</span>
      </Text>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" className="max-w-64 justify-start truncate" data-testid="bookings-status-filter">
            {label}
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="start">
          {BOOKING_STATUSES.map((status) => (
            <DropdownMenu.CheckboxItem
              key={status}
              checked={selected.includes(status)}
              // Keep the menu open to tick several.
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) =>
                onChange(checked ? BOOKING_STATUSES.filter((s) => s === status || selected.includes(s)) : selected.filter((s) => s !== status))
              }
              data-testid={`bookings-status-${status}`}
            >
              {BOOKING_STATUS_LABELS[status]}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}

function FieldworkerFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { data } = useFieldworkers()
  return (
    <div className="flex w-48 flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>Fieldworker</span>
      </Text>
      <Select size="small" value={value || "any"} onValueChange={(next) => onChange(next === "any" ? "" : next)}>
        <Select.Trigger data-testid="bookings-fieldworker-filter">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="any">Anyone</Select.Item>
          <Select.Item value="none">Unassigned</Select.Item>
          {(data?.fieldworkers ?? []).map((fieldworker) => (
            <Select.Item key={fieldworker.id} value={fieldworker.id}>
              {fieldworker.active ? fieldworker.name : `${fieldworker.name} (inactive)`}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

type CustomerHit = { id: string; email: string; first_name: string | null; last_name: string | null; company_name: string | null }
const customerLabel = (customer: CustomerHit) => [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email

/** Find a customer by name, email or company (Medusa's customer search), then list only their bookings. */
function CustomerFilter({ customerId, onChange }: { customerId: string; onChange: (id: string | null) => void }) {
  const [text, setText] = useState("")
  const [open, setOpen] = useState(false)
  const term = useDebounced(text.trim())
  const hits = useQuery({
    queryKey: ["admin-bookings-customer-search", term],
    queryFn: () =>
      sdk.client.fetch<{ customers: CustomerHit[] }>("/admin/customers", {
        query: { q: term, limit: 6, fields: "id,email,first_name,last_name,company_name" },
      }),
    enabled: term.length >= 2,
  })
  const chosen = useQuery({
    queryKey: ["admin-bookings-customer", customerId],
    queryFn: () =>
      sdk.client.fetch<{ customer: CustomerHit }>(`/admin/customers/${customerId}`, {
        query: { fields: "id,email,first_name,last_name,company_name" },
      }),
    enabled: !!customerId,
  })

  if (customerId) {
    return (
      <div className="flex flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle" asChild>
          <span>Customer</span>
        </Text>
        <div className="flex h-8 items-center gap-x-1" data-testid="bookings-customer-chosen">
          <Badge size="small">{chosen.data ? customerLabel(chosen.data.customer) : chosen.isError ? "Unknown customer" : "…"}</Badge>
          <IconButton size="small" variant="transparent" aria-label="Show every customer's bookings" onClick={() => onChange(null)} data-testid="bookings-customer-clear">
            <XMarkMini />
          </IconButton>
        </div>
      </div>
    )
  }
  const results = term.length >= 2 ? hits.data?.customers ?? [] : []
  return (
    <div className="relative flex w-56 flex-col gap-y-1">
      <Label size="xsmall" htmlFor="bookings-customer" className="text-ui-fg-subtle">
        Customer
      </Label>
      <Input
        id="bookings-customer"
        size="small"
        type="search"
        placeholder="Name, email or company"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        // Late enough for a click on a suggestion to land first.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls="bookings-customer-options"
        data-testid="bookings-customer-search"
      />
      {open && term.length >= 2 && (
        <ul
          id="bookings-customer-options"
          role="listbox"
          className="bg-ui-bg-base shadow-elevation-flyout absolute top-full z-10 mt-1 w-72 rounded-lg p-1"
          data-testid="bookings-customer-options"
        >
          {hits.isLoading && <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">Searching…</li>}
          {!hits.isLoading && results.length === 0 && <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">No customers found</li>}
          {results.map((customer) => (
            <li key={customer.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="hover:bg-ui-bg-base-hover txt-compact-small flex w-full flex-col rounded-md px-2 py-1.5 text-left"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setText("")
                  setOpen(false)
                  onChange(customer.id)
                }}
                data-testid="bookings-customer-option"
              >
                <span>{customerLabel(customer)}</span>
                <span className="text-ui-fg-subtle">{customer.company_name ? `${customer.company_name} · ${customer.email}` : customer.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Bookings",
  icon: Calendar,
})

export default BookingsPage
