import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Gift } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { OffsetPagination, TableMessageRow } from "../../components/table-parts"
import { giftVoucherFilterQuery, useGiftVoucherList } from "../../lib/gift-vouchers"
import { useListAddress } from "../../lib/list-address"
import { GiftVoucherFilters } from "./components/gift-voucher-filters"
import { GiftVoucherRow } from "./components/gift-voucher-row"
import { IssueVoucherDrawer } from "./components/issue-voucher-drawer"

const PAGE_SIZE = 20

/** Every gift voucher, newest first: by status, kind, code, recipient or buyer. "Issue voucher" gives one by hand. */
const GiftVouchersPage = () => {
  const navigate = useNavigate()
  const [issuing, setIssuing] = useState(false)
  const { params, offset, filters, update, query } = useListAddress({
    parseOrder: () => "-created_at",
    filterQuery: giftVoucherFilterQuery,
    pageSize: PAGE_SIZE,
  })
  const apiQuery = new URLSearchParams(query)
  // Always newest first: the list API takes no order.
  apiQuery.delete("order")
  const { data, isLoading, isFetching, error } = useGiftVoucherList(apiQuery.toString())
  const vouchers = data?.gift_vouchers ?? []
  const count = data?.count ?? 0

  const message = isLoading
    ? "Loading gift vouchers…"
    : error
      ? `The gift vouchers could not be loaded: ${error.message}`
      : vouchers.length === 0
        ? filters.toString()
          ? "No gift vouchers match these filters."
          : "No gift vouchers yet. Customers buy them in the portal, or choose Issue voucher."
        : null

  return (
    <Container className="divide-y p-0" data-testid="gift-vouchers-page">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Gift vouchers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Vouchers customers bought in the portal and those given by staff: what is left on each, who has it, and when it expires.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setIssuing(true)} data-testid="gift-vouchers-issue">
          Issue voucher
        </Button>
      </div>
      <GiftVoucherFilters params={params} update={update} />
      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" weight="plus" data-testid="gift-vouchers-count" aria-live="polite">
          {data ? `${count.toLocaleString()} ${count === 1 ? "voucher" : "vouchers"}` : "\u00a0"}
        </Text>
        {isFetching && !isLoading && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Updating…
          </Text>
        )}
      </div>
      <div className="relative overflow-x-auto">
        <Table data-testid="gift-vouchers-table" aria-busy={isFetching}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Code</Table.HeaderCell>
              <Table.HeaderCell>For</Table.HeaderCell>
              <Table.HeaderCell>Bought by / held by</Table.HeaderCell>
              <Table.HeaderCell>Expires</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Value</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Left</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {message ? (
              <TableMessageRow colSpan={7} message={message} isError={!!error} testId="gift-vouchers-message" />
            ) : (
              vouchers.map((voucher) => <GiftVoucherRow key={voucher.id} voucher={voucher} onOpen={() => navigate(`/gift-vouchers/${voucher.id}`)} />)
            )}
          </Table.Body>
        </Table>
      </div>
      <OffsetPagination
        count={count}
        offset={offset}
        pageSize={PAGE_SIZE}
        onOffset={(next) => update({ offset: String(next) }, { keepPage: true })}
        testId="gift-vouchers-pagination"
      />
      <IssueVoucherDrawer open={issuing} onOpenChange={setIssuing} onIssued={(id) => navigate(`/gift-vouchers/${id}`)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Gift vouchers", icon: Gift })

export default GiftVouchersPage
