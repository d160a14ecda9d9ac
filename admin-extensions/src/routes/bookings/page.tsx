import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownMini, ArrowUpMini, Calendar } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { bookingListQuery, todayIn, useBookingList } from "../../lib/bookings"
import { useDebounced } from "../../lib/use-debounced"
import { BookingRow } from "./components/booking-row"
import { CustomerFilter } from "./components/customer-filter"
import { FieldworkerFilter } from "./components/fieldworker-filter"
import { StatusFilter } from "./components/status-filter"
import { type BookingStatus, BOOKING_STATUSES } from "@fieldservice/contract"
import { OffsetPagination, TableMessageRow } from "../../components/table-parts"

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
  const from = params.has("from") ? (params.get("from") ?? "") : today
  const to = params.get("to") ?? ""
  const statuses = (params.get("status") ?? "").split(",").filter((s): s is BookingStatus => (BOOKING_STATUSES as readonly string[]).includes(s))
  const customerId = params.get("customer_id") ?? ""
  const fieldworkerId = params.get("fieldworker_id") ?? ""
  const order = params.get("order") === "-starts_at" ? "-starts_at" : "starts_at"
  // From a customer's Upcoming / Recent lists: the portal's meaning of the two.
  const when = params.get("when") === "upcoming" || params.get("when") === "past" ? params.get("when")! : ""
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
    when,
    q: params.get("q") ?? "",
    order,
    limit: PAGE_SIZE,
    offset,
  })
  const { data, isLoading, isFetching, error } = useBookingList(query)
  const timeZone = data?.time_zone
  const bookings = data?.bookings ?? []
  const count = data?.count ?? 0
  const filtered = statuses.length > 0 || !!from || !!to || !!customerId || !!fieldworkerId || !!when || !!params.get("q")

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
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Bookings</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Visits booked by customers in the portal or by your team. Open one to assign a fieldworker or change its status.
            {timeZone && ` Times are in ${timeZone}.`}
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/bookings/new" data-testid="bookings-new">
            New booking
          </Link>
        </Button>
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
          <Input
            id="bookings-from"
            size="small"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(event) => update({ from: event.target.value })}
            data-testid="bookings-from"
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="bookings-to" className="text-ui-fg-subtle">
            To
          </Label>
          <Input
            id="bookings-to"
            size="small"
            type="date"
            value={to}
            min={from || undefined}
            onChange={(event) => update({ to: event.target.value || null })}
            data-testid="bookings-to"
          />
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
            <TableMessageRow colSpan={7} message={message} isError={!!error} testId="bookings-message" />
          ) : (
            bookings.map((booking) => <BookingRow key={booking.id} booking={booking} timeZone={timeZone} onOpen={() => navigate(`/bookings/${booking.id}`)} />)
          )}
        </Table.Body>
      </Table>
      <OffsetPagination
        count={count}
        offset={offset}
        pageSize={PAGE_SIZE}
        onOffset={(next) => update({ offset: String(next) }, { keepPage: true })}
        testId="bookings-pagination"
      />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Bookings",
  icon: Calendar,
})

export default BookingsPage
