import { RESTORE_WINDOW_DAYS, type AdminCustomerDirectoryItem as DirectoryCustomer } from "@fieldservice/contract"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text, usePrompt } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import {
  type DirectoryAction,
  customerPage,
  describeCount,
  directoryExportUrl,
  directoryFilterQuery,
  directoryName,
  parseOrder,
  useDirectory,
  useDirectoryAction,
} from "../../lib/directory"
import { STATUS_ACTIONS } from "../../lib/portal"
import { statementPage } from "../../lib/statements"
import { AddTagPrompt } from "./components/add-tag-prompt"
import { DirectoryFilters } from "./components/directory-filters"
import { DirectoryRow, type RowChoice } from "./components/directory-row"
import { PaymentTermsDrawer } from "./components/payment-terms-drawer"
import { SortHeader } from "./components/sort-header"
import { TableMessageRow } from "../../components/table-parts"

const PAGE_SIZE = 20

/**
 * Every customer, searchable as you type (name, email, extra emails and phone numbers in any
 * format, business name, street, town, postcode with or without its space) and filtered by status, tag, custom field and visits. The
 * filters live in the address, so Back, reloads and shared links keep them, and Export downloads
 * exactly the customers the filters match.
 */
const CustomerDirectoryPage = () => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const order = parseOrder(params.get("order"))
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const urlQ = params.get("q") ?? ""
  const [search, setSearch] = useState(urlQ)
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null)

  /** Changes some filters (null removes one; a list repeats it) and goes back to the first page. */
  const update = (changes: Record<string, string | string[] | null>, options: { keepPage?: boolean } = {}) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      next.delete(key)
      for (const item of Array.isArray(value) ? value : value ? [value] : []) next.append(key, item)
    }
    if (!options.keepPage) next.delete("offset")
    setParams(next, { replace: true })
  }

  /** The search is applied once typing pauses, with the filters as they are then. */
  const applySearch = useRef((_text: string) => {})
  applySearch.current = (text: string) => {
    if (urlQ !== text.trim()) update({ q: text.trim() || null })
  }
  const onSearch = (text: string) => {
    setSearch(text)
    if (searchTimer.current) clearTimeout(searchTimer.current)
    searchTimer.current = setTimeout(() => {
      searchTimer.current = null
      applySearch.current(text)
    }, 250)
  }
  useEffect(() => () => void (searchTimer.current && clearTimeout(searchTimer.current)), [])
  // Back and Forward change the address: the box follows unless staff are typing.
  useEffect(() => {
    if (!searchTimer.current && urlQ !== search.trim()) setSearch(urlQ)
    // Only the address drives this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlQ])

  const filters = directoryFilterQuery(params)
  const listQuery = new URLSearchParams(filters)
  listQuery.set("order", order)
  listQuery.set("limit", String(PAGE_SIZE))
  listQuery.set("offset", String(offset))
  const { data, isLoading, isFetching, error } = useDirectory(listQuery.toString())
  const customers = data?.customers ?? []
  const count = data?.count ?? 0
  const capped = data?.count_capped ?? false
  const pageIndex = Math.floor(offset / PAGE_SIZE)
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const filtered = filters.toString() !== ""

  const action = useDirectoryAction()
  const prompt = usePrompt()
  const [tagging, setTagging] = useState<DirectoryCustomer | null>(null)
  const [settingTerms, setSettingTerms] = useState<DirectoryCustomer | null>(null)
  const run = (customer: DirectoryCustomer, next: DirectoryAction) => action.mutateAsync({ customer, action: next }).catch(() => undefined)

  const onAction = async (customer: DirectoryCustomer, choice: RowChoice) => {
    const name = directoryName(customer)
    switch (choice) {
      case "view":
        return navigate(customerPage(customer))
      case "edit":
        // Medusa's own edit drawer, over the customer's page.
        return navigate(`/customers/${customer.id}/edit`)
      case "merge":
        return navigate(`/crm/merge?secondary_id=${encodeURIComponent(customer.id)}`)
      case "tag":
        return setTagging(customer)
      case "statement":
        return navigate(statementPage(customer.id))
      case "due-date":
        return setSettingTerms(customer)
      case "restore":
        return run(customer, { kind: "restore" })
      case "delete": {
        const confirmed = await prompt({
          variant: "danger",
          title: `Delete ${name}?`,
          description: `Their portal logins are removed now. Staff can restore the customer with all their data for ${RESTORE_WINDOW_DAYS} days: add the Status filter and tick Deleted (last ${RESTORE_WINDOW_DAYS} days) to find them.`,
          confirmText: "Delete",
          cancelText: "Cancel",
        })
        if (confirmed) await run(customer, { kind: "delete" })
        return
      }
      default: {
        const { label, title, description } = STATUS_ACTIONS[choice]
        const confirmed = await prompt({ title: title.replace("this customer", name), description, confirmText: label, cancelText: "Cancel" })
        if (confirmed) await run(customer, { kind: "status", action: choice })
      }
    }
  }

  const message = isLoading
    ? "Loading customers…"
    : error
      ? `The customers could not be loaded: ${error.message.replace(/^Invalid request: /, "")}`
      : customers.length === 0
        ? filtered
          ? "No customers match this search and these filters. Try fewer filters, or Clear all."
          : "No customers yet. They appear here when they sign up in the portal, book, are added by staff or imported."
        : null

  return (
    <Container className="divide-y p-0" data-testid="crm-directory">
      <div className="flex flex-wrap items-start justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h1">Customer directory</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Search by name, email, any phone number (in any format), business name or postcode. Open a customer to see their profile.
          </Text>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/crm/import" data-testid="crm-directory-import">
              Import
            </Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            {/* A plain download: the server streams the CSV with the staff member's session. */}
            <a href={directoryExportUrl(filters)} download data-testid="crm-directory-export">
              Export
            </a>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to="/crm/merge" data-testid="crm-directory-duplicates">
              Find duplicates
            </Link>
          </Button>
        </div>
      </div>

      <DirectoryFilters
        params={params}
        update={update}
        canClear={filtered || search !== ""}
        onClearAll={() => {
          if (searchTimer.current) clearTimeout(searchTimer.current)
          searchTimer.current = null
          setSearch("")
          const next = new URLSearchParams()
          if (params.get("order")) next.set("order", params.get("order")!)
          setParams(next, { replace: true })
        }}
        search={
          // Full width on a phone, so the chips wrap below it rather than push the page sideways.
          <div className="flex w-full flex-col gap-y-1 sm:w-72">
            <Label size="xsmall" htmlFor="crm-directory-search" className="text-ui-fg-subtle">
              Search
            </Label>
            <Input
              id="crm-directory-search"
              size="small"
              type="search"
              placeholder="Name, email, phone, business or postcode"
              autoComplete="off"
              value={search}
              onChange={(event) => onSearch(event.target.value)}
              data-testid="crm-directory-search"
            />
          </div>
        }
      />

      <div className="flex items-center justify-between px-6 py-3">
        <Text size="small" weight="plus" data-testid="crm-directory-count" aria-live="polite">
          {data ? describeCount(count, capped) : "\u00a0"}
        </Text>
        {isFetching && !isLoading && (
          <Text size="xsmall" className="text-ui-fg-muted">
            Updating…
          </Text>
        )}
      </div>

      {/* Narrow windows scroll the table sideways rather than squeeze it. Relative, so the header's
          screen-reader text (absolutely placed) stays inside too instead of widening the admin's
          layout, which an opening filter could then scroll sideways. */}
      <div className="relative overflow-x-auto">
        <Table data-testid="crm-directory-table" aria-busy={isFetching}>
          <Table.Header>
            <Table.Row>
              <SortHeader field="name" label="Name" order={order} onSort={(next) => update({ order: next })} />
              <SortHeader field="email" label="Email" order={order} onSort={(next) => update({ order: next })} />
              <Table.HeaderCell>Phone</Table.HeaderCell>
              <Table.HeaderCell>Tags</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <SortHeader field="created_at" label="Customer since" order={order} onSort={(next) => update({ order: next })} />
              <SortHeader field="last_booking_at" label="Last visit" order={order} onSort={(next) => update({ order: next })} />
              <Table.HeaderCell>Next visit</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="sr-only">Actions</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {message ? (
              <TableMessageRow colSpan={9} message={message} isError={!!error} testId="crm-directory-message" />
            ) : (
              customers.map((customer) => (
                <DirectoryRow
                  key={customer.id}
                  customer={customer}
                  busy={action.isPending && action.variables?.customer.id === customer.id}
                  onOpen={() => navigate(customerPage(customer))}
                  onAction={(choice) => void onAction(customer, choice)}
                />
              ))
            )}
          </Table.Body>
        </Table>
      </div>
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={pageIndex}
        // Past 10,000 the count stops, so a full page means there may be another.
        pageCount={capped ? Math.max(pageCount, pageIndex + 1) : pageCount}
        canPreviousPage={pageIndex > 0}
        canNextPage={capped ? customers.length === PAGE_SIZE : pageIndex + 1 < pageCount}
        previousPage={() => update({ offset: String(Math.max(0, offset - PAGE_SIZE)) }, { keepPage: true })}
        nextPage={() => update({ offset: String(offset + PAGE_SIZE) }, { keepPage: true })}
        translations={capped ? { results: "or more results", pages: "or more pages" } : undefined}
        data-testid="crm-directory-pagination"
      />

      <AddTagPrompt
        customer={tagging}
        onClose={() => setTagging(null)}
        onAdd={async (customer, tag) => {
          await action.mutateAsync({ customer, action: { kind: "tags", tags: [...customer.tags, tag], added: tag } })
          setTagging(null)
        }}
      />
      <PaymentTermsDrawer customer={settingTerms} onClose={() => setSettingTerms(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Customer directory",
  icon: Users,
})

export default CustomerDirectoryPage
