import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS } from "@fieldservice/contract"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { OffsetPagination, TableMessageRow } from "../../components/table-parts"
import { COMPLAINT_STATUS_COLORS, complaintFilterQuery, useComplaintList } from "../../lib/complaints"
import { useListAddress } from "../../lib/list-address"
import { ComplaintFilters } from "./components/complaint-filters"

const PAGE_SIZE = 20

/**
 * Every complaint, newest first, by status, category, who handles it, customer and age; each row
 * shows how long it has been open. The filters live in the address (Back and the customer page's
 * "View all" keep them).
 */
const ComplaintsPage = () => {
  const navigate = useNavigate()
  const { params, offset, filters, update, clearFilters, query } = useListAddress({
    parseOrder: (value) => (value === "created_at" ? "created_at" : "-created_at"),
    filterQuery: complaintFilterQuery,
    pageSize: PAGE_SIZE,
  })
  const { data, isLoading, isFetching, error } = useComplaintList(query)
  const complaints = data?.complaints ?? []
  const count = data?.count ?? 0
  const message = isLoading
    ? "Loading complaints…"
    : error
      ? `The complaints could not be loaded: ${error.message}`
      : complaints.length === 0
        ? filters.toString()
          ? "No complaints match these filters."
          : "No complaints yet. Customers report problems from the portal; a low rating opens one too."
        : null

  return (
    <Container className="divide-y p-0" data-testid="complaints-page">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Complaints</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Problems customers reported, as tickets: assign each one, move it on, and resolve it with a note the customer sees.
        </Text>
      </div>
      <ComplaintFilters
        params={params}
        update={update}
        clear={clearFilters}
        customerName={complaints.find((row) => row.customer.id === params.get("customer_id"))?.customer.name ?? null}
      />
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" weight="plus" data-testid="complaints-count" aria-live="polite">
          {data ? `${count.toLocaleString()} ${count === 1 ? "complaint" : "complaints"}` : "\u00a0"}
        </Text>
        {isFetching && !isLoading && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Updating…
          </Text>
        )}
      </div>
      <div className="relative overflow-x-auto">
        <Table data-testid="complaints-table" aria-busy={isFetching}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Number</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Category</Table.HeaderCell>
              <Table.HeaderCell>Visit</Table.HeaderCell>
              <Table.HeaderCell>Assigned to</Table.HeaderCell>
              <Table.HeaderCell>Age</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {message ? (
              <TableMessageRow colSpan={7} message={message} isError={!!error} testId="complaints-message" />
            ) : (
              complaints.map((complaint) => (
                <Table.Row
                  key={complaint.id}
                  className="cursor-pointer"
                  onClick={() => navigate(`/complaints/${complaint.id}`)}
                  data-testid="complaints-row"
                  data-complaint-id={complaint.id}
                >
                  <Table.Cell>
                    <a
                      href={`/app/complaints/${complaint.id}`}
                      className="txt-compact-small-plus text-ui-fg-interactive whitespace-nowrap"
                      onClick={(event) => {
                        event.stopPropagation()
                        if (!event.metaKey && !event.ctrlKey) {
                          event.preventDefault()
                          navigate(`/complaints/${complaint.id}`)
                        }
                      }}
                    >
                      {complaint.number}
                    </a>
                  </Table.Cell>
                  <Table.Cell className="max-w-[180px] truncate">{complaint.customer.name}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{COMPLAINT_CATEGORY_LABELS[complaint.category]}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap">{complaint.booking_number ?? "–"}</Table.Cell>
                  <Table.Cell className="max-w-[160px] truncate">{complaint.assigned_user?.name ?? "Nobody"}</Table.Cell>
                  <Table.Cell className="whitespace-nowrap" data-testid="complaints-row-age">
                    {complaint.age}
                  </Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={COMPLAINT_STATUS_COLORS[complaint.status]} className="whitespace-nowrap" data-testid="complaints-row-status">
                      {COMPLAINT_STATUS_LABELS[complaint.status]}
                    </Badge>
                  </Table.Cell>
                </Table.Row>
              ))
            )}
          </Table.Body>
        </Table>
      </div>
      <OffsetPagination
        count={count}
        offset={offset}
        pageSize={PAGE_SIZE}
        onOffset={(next) => update({ offset: String(next) }, { keepPage: true })}
        testId="complaints-pagination"
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Complaints", icon: ExclamationCircle })

export default ComplaintsPage
