import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownMini, ArrowUpMini, EllipsisHorizontal, Users, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Container, DropdownMenu, Heading, IconButton, Input, Label, Prompt, Select, Table, Text, clx, usePrompt } from "@medusajs/ui"
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import type { AdminCustomField } from "../../lib/custom-fields"
import { dropdownFieldOptions } from "../../lib/custom-fields"
import {
  DEFAULT_STATUSES,
  DIRECTORY_STATUSES,
  DIRECTORY_STATUS_COLORS,
  DIRECTORY_STATUS_LABELS,
  type DirectoryAction,
  type DirectoryCustomer,
  type DirectoryOrder,
  type DirectorySortField,
  type DirectoryStatus,
  STATUS_FILTER_LABELS,
  customFilterField,
  customFilterKey,
  describeCount,
  directoryExportUrl,
  directoryFilterQuery,
  directoryName,
  isCustomFilterKey,
  nextOrder,
  parseOrder,
  useCustomerFields,
  useDirectory,
  useDirectoryAction,
} from "../../lib/directory"
import { STATUS_ACTIONS, type StatusAction, formatDay } from "../../lib/portal"
import { MAX_TAGS, MAX_TAG_LENGTH, sameTag, useTagSuggestions } from "../../lib/profile"
import { moveHighlight, TagSuggestionList } from "../../components/tag-suggestion-list"
import { useDebounced } from "../../lib/use-debounced"

const PAGE_SIZE = 20
const RESTORE_DAYS = 30

/**
 * Every customer, searchable as you type (name, email, extra emails and phone numbers in any
 * format, business name, postcode) and filtered by status, tag, custom field and visits. The
 * filters live in the address, so Back, reloads and shared links keep them, and Export downloads
 * exactly the customers the filters match.
 */
const CustomerDirectoryPage = () => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const statuses = (params.get("status") ?? "").split(",").filter((s): s is DirectoryStatus => (DIRECTORY_STATUSES as string[]).includes(s))
  const tags = params.getAll("tag").filter(Boolean)
  const order = parseOrder(params.get("order"))
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const urlQ = params.get("q") ?? ""
  const [search, setSearch] = useState(urlQ)
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  // Clear filters starts the filter boxes afresh (what was picked but not applied yet too).
  const [resetCount, setResetCount] = useState(0)

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
  const run = (customer: DirectoryCustomer, next: DirectoryAction) => action.mutateAsync({ customer, action: next }).catch(() => undefined)

  const onAction = async (customer: DirectoryCustomer, choice: RowChoice) => {
    const name = directoryName(customer)
    switch (choice) {
      case "view":
        return navigate(`/customers/${customer.id}`)
      case "edit":
        // Medusa's own edit drawer, over the customer's page.
        return navigate(`/customers/${customer.id}/edit`)
      case "merge":
        return navigate(`/crm/merge?secondary_id=${encodeURIComponent(customer.id)}`)
      case "tag":
        return setTagging(customer)
      case "restore":
        return run(customer, { kind: "restore" })
      case "delete": {
        const confirmed = await prompt({
          variant: "danger",
          title: `Delete ${name}?`,
          description: `Their portal logins are removed now. Staff can restore the customer with all their data for ${RESTORE_DAYS} days: choose the Deleted (last 30 days) status filter to find them.`,
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
          ? "No customers match this search and these filters. Try fewer filters, or Clear filters."
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

      <div className="flex flex-wrap items-end gap-3 px-6 py-4" data-testid="crm-directory-filters">
        <div className="flex w-72 flex-col gap-y-1">
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
        <StatusFilter selected={statuses} onChange={(next) => update({ status: next.length ? next.join(",") : null })} />
        <TagFilter key={`tags-${resetCount}`} selected={tags} onChange={(next) => update({ tag: next })} />
        <CustomFieldFilter key={`custom-${resetCount}`} params={params} onChange={(changes) => update(changes)} />
        <div className="flex w-36 flex-col gap-y-1">
          <Text size="xsmall" className="text-ui-fg-subtle" asChild>
            <span>Upcoming visit</span>
          </Text>
          <Select
            size="small"
            value={params.get("has_upcoming_booking") ?? "any"}
            onValueChange={(value) => update({ has_upcoming_booking: value === "any" ? null : value })}
          >
            <Select.Trigger data-testid="crm-directory-upcoming">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="any">Any</Select.Item>
              <Select.Item value="true">Has one</Select.Item>
              <Select.Item value="false">Has none</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <DateFilter
          id="crm-directory-last-from"
          label="Last visit from"
          value={params.get("last_booking_from") ?? ""}
          max={params.get("last_booking_to") ?? undefined}
          onChange={(value) => update({ last_booking_from: value || null })}
        />
        <DateFilter
          id="crm-directory-last-to"
          label="Last visit to"
          value={params.get("last_booking_to") ?? ""}
          min={params.get("last_booking_from") ?? undefined}
          onChange={(value) => update({ last_booking_to: value || null })}
        />
        <Button
          size="small"
          variant="transparent"
          disabled={!filtered && !search}
          onClick={() => {
            if (searchTimer.current) clearTimeout(searchTimer.current)
            searchTimer.current = null
            setSearch("")
            setResetCount((count) => count + 1)
            const next = new URLSearchParams()
            if (params.get("order")) next.set("order", params.get("order")!)
            setParams(next, { replace: true })
          }}
          data-testid="crm-directory-clear"
        >
          Clear filters
        </Button>
      </div>

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

      {/* Narrow windows scroll the table sideways rather than squeeze it. */}
      <div className="overflow-x-auto">
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
              <Table.Row>
                {/* Table.Cell's props leave out colSpan; this is a Table.Cell otherwise. */}
                <td colSpan={9} className="h-12 py-0 pl-6 pr-6">
                  <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="crm-directory-message">
                    {message}
                  </Text>
                </td>
              </Table.Row>
            ) : (
              customers.map((customer) => (
                <DirectoryRow
                  key={customer.id}
                  customer={customer}
                  busy={action.isPending && action.variables?.customer.id === customer.id}
                  onOpen={() => navigate(`/customers/${customer.id}`)}
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
    </Container>
  )
}

type RowChoice = "view" | "edit" | "merge" | "tag" | "delete" | "restore" | StatusAction

/** The status changes offered for a customer in this status. */
const STATUS_CHOICES: Record<Exclude<DirectoryStatus, "deleted">, StatusAction[]> = {
  active: ["archive", "block"],
  blocked: ["unblock", "archive"],
  archived: ["unarchive", "block"],
}

function DirectoryRow({
  customer,
  busy,
  onOpen,
  onAction,
}: {
  customer: DirectoryCustomer
  busy: boolean
  onOpen: () => void
  onAction: (choice: RowChoice) => void
}) {
  const deleted = customer.status === "deleted"
  const statusChoices = customer.status === "deleted" ? [] : STATUS_CHOICES[customer.status]
  const name = directoryName(customer)
  const restorableUntil = customer.deleted_at ? new Date(new Date(customer.deleted_at).getTime() + RESTORE_DAYS * 86_400_000).toISOString() : null
  return (
    <Table.Row
      // A deleted customer's page no longer opens; restore them first.
      className={clx(!deleted && "cursor-pointer", busy && "opacity-60")}
      onClick={deleted ? undefined : onOpen}
      data-testid="crm-directory-row"
      data-customer-id={customer.id}
      data-status={customer.status}
    >
      <Table.Cell className="max-w-64">
        <div className="flex flex-col py-2">
          {deleted ? (
            <span className="truncate" data-testid="crm-directory-row-name">
              {name}
            </span>
          ) : (
            // A real link too, so staff can open a customer in a new tab.
            <Link
              to={`/customers/${customer.id}`}
              onClick={(event) => event.stopPropagation()}
              className="txt-compact-small-plus truncate"
              data-testid="crm-directory-row-name"
            >
              {name}
            </Link>
          )}
          {customer.business_names && (
            <span className="text-ui-fg-subtle truncate" title={customer.business_names}>
              {customer.business_names}
            </span>
          )}
        </div>
      </Table.Cell>
      <Table.Cell className="max-w-64 truncate" data-testid="crm-directory-row-email">
        {customer.email}
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap" data-testid="crm-directory-row-phone">
        {customer.phone ?? <span className="text-ui-fg-muted">—</span>}
      </Table.Cell>
      <Table.Cell>
        <div className="flex max-w-56 flex-wrap gap-1 py-1">
          {customer.tags.map((tag) => (
            <Badge key={tag} size="2xsmall" className="whitespace-nowrap" data-testid="crm-directory-row-tag">
              {tag}
            </Badge>
          ))}
        </div>
      </Table.Cell>
      <Table.Cell>
        <Badge
          size="2xsmall"
          color={DIRECTORY_STATUS_COLORS[customer.status]}
          title={deleted && restorableUntil ? `Deleted ${formatDay(customer.deleted_at)}; can be restored until ${formatDay(restorableUntil)}` : undefined}
          data-testid="crm-directory-row-status"
        >
          {DIRECTORY_STATUS_LABELS[customer.status] ?? customer.status}
        </Badge>
      </Table.Cell>
      <Table.Cell className="whitespace-nowrap">{formatDay(customer.created_at)}</Table.Cell>
      <Table.Cell className="whitespace-nowrap">{customer.last_booking_at ? formatDay(customer.last_booking_at) : <Muted>None yet</Muted>}</Table.Cell>
      <Table.Cell className="whitespace-nowrap">{customer.next_booking_at ? formatDay(customer.next_booking_at) : <Muted>None booked</Muted>}</Table.Cell>
      {/* The menu's clicks stay here (React passes them up through the menu's portal). */}
      <Table.Cell onClick={(event) => event.stopPropagation()} className="w-10">
        <DropdownMenu>
          <DropdownMenu.Trigger asChild>
            <IconButton size="small" variant="transparent" aria-label={`Actions for ${name}`} disabled={busy} data-testid="crm-directory-row-actions">
              <EllipsisHorizontal />
            </IconButton>
          </DropdownMenu.Trigger>
          <DropdownMenu.Content align="end">
            {deleted ? (
              <DropdownMenu.Item onSelect={() => onAction("restore")} data-testid="crm-directory-action-restore">
                Restore
              </DropdownMenu.Item>
            ) : (
              <>
                <DropdownMenu.Item onSelect={() => onAction("view")} data-testid="crm-directory-action-view">
                  View profile
                </DropdownMenu.Item>
                <DropdownMenu.Item onSelect={() => onAction("edit")} data-testid="crm-directory-action-edit">
                  Edit
                </DropdownMenu.Item>
                <DropdownMenu.Item onSelect={() => onAction("merge")} data-testid="crm-directory-action-merge">
                  Merge with another customer
                </DropdownMenu.Item>
                <DropdownMenu.Item onSelect={() => onAction("tag")} data-testid="crm-directory-action-tag">
                  Add tag
                </DropdownMenu.Item>
                <DropdownMenu.Separator />
                {statusChoices.map((choice) => (
                  <DropdownMenu.Item key={choice} onSelect={() => onAction(choice)} data-testid={`crm-directory-action-${choice}`}>
                    {STATUS_ACTIONS[choice].label}
                  </DropdownMenu.Item>
                ))}
                <DropdownMenu.Separator />
                <DropdownMenu.Item onSelect={() => onAction("delete")} className="text-ui-fg-error" data-testid="crm-directory-action-delete">
                  Delete
                </DropdownMenu.Item>
              </>
            )}
          </DropdownMenu.Content>
        </DropdownMenu>
      </Table.Cell>
    </Table.Row>
  )
}

const Muted = ({ children }: { children: ReactNode }) => <span className="text-ui-fg-muted">{children}</span>

function SortHeader({
  field,
  label,
  order,
  onSort,
}: {
  field: DirectorySortField
  label: string
  order: DirectoryOrder
  onSort: (next: DirectoryOrder) => void
}) {
  const active = order === field || order === `-${field}`
  const descending = order === `-${field}`
  return (
    <Table.HeaderCell aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <button
        type="button"
        className={clx("flex items-center gap-x-1 whitespace-nowrap", active && "text-ui-fg-base")}
        onClick={() => onSort(nextOrder(order, field))}
        data-testid={`crm-directory-sort-${field}`}
      >
        {label}
        {active && (descending ? <ArrowDownMini /> : <ArrowUpMini />)}
      </button>
    </Table.HeaderCell>
  )
}

function StatusFilter({ selected, onChange }: { selected: DirectoryStatus[]; onChange: (next: DirectoryStatus[]) => void }) {
  // Nothing chosen lists the customers the business works with: active and blocked.
  const shown = selected.length ? selected : DEFAULT_STATUSES
  const label = shown.map((status) => STATUS_FILTER_LABELS[status]).join(", ")
  const toggle = (status: DirectoryStatus, checked: boolean) => {
    const next = checked ? DIRECTORY_STATUSES.filter((s) => s === status || shown.includes(s)) : shown.filter((s) => s !== status)
    const isDefault = next.length === DEFAULT_STATUSES.length && next.every((s) => DEFAULT_STATUSES.includes(s))
    if (next.length) onChange(isDefault ? [] : next)
  }
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>Status</span>
      </Text>
      <DropdownMenu>
        <DropdownMenu.Trigger asChild>
          <Button size="small" variant="secondary" className="max-w-72 justify-start truncate" data-testid="crm-directory-status-filter">
            {label}
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="start">
          {DIRECTORY_STATUSES.map((status) => (
            <DropdownMenu.CheckboxItem
              key={status}
              checked={shown.includes(status)}
              // At least one status stays ticked.
              disabled={shown.length === 1 && shown[0] === status}
              // Keep the menu open to tick several.
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) => toggle(status, checked)}
              data-testid={`crm-directory-status-${status}`}
            >
              {STATUS_FILTER_LABELS[status]}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu>
    </div>
  )
}

/** A text box offering the tags in use as staff type (most used first); Enter or a click picks one. */
function TagFilterInput({ exclude, onPick, placeholder }: { exclude: string[]; onPick: (tag: string) => void; placeholder: string }) {
  const listId = useId()
  const [text, setText] = useState("")
  const [focused, setFocused] = useState(false)
  const [highlight, setHighlight] = useState(-1)
  const { offered, prefix, isFetching } = useTagSuggestions(text, exclude, focused)
  const open = focused && (offered.length > 0 || (prefix.length > 0 && !isFetching))

  const pick = (value: string | undefined) => {
    if (!value) return
    setText("")
    setHighlight(-1)
    onPick(value)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault()
      // What was typed, in the spelling in use ("vip" picks "VIP").
      pick(highlight >= 0 ? offered[highlight] : offered.find((value) => sameTag(value, text.trim())))
    } else moveHighlight(event, offered.length, setHighlight)
  }

  return (
    <div className="relative">
      <Input
        size="small"
        aria-label="Filter by tag"
        placeholder={placeholder}
        autoComplete="off"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={highlight >= 0 ? `${listId}-${highlight}` : undefined}
        maxLength={MAX_TAG_LENGTH + 10}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setHighlight(-1)
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false)
          setHighlight(-1)
        }}
        data-testid="crm-directory-tag-filter-input"
      />
      {open && (
        <TagSuggestionList
          id={listId}
          offered={offered}
          highlight={highlight}
          onPick={pick}
          className="left-0 w-56"
          emptyText="No tag in use starts like that"
          testId="crm-directory-tag-filter-suggestion"
        />
      )}
    </div>
  )
}

/** Customers carrying every chosen tag. */
function TagFilter({ selected, onChange }: { selected: string[]; onChange: (next: string[]) => void }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>Tags</span>
      </Text>
      <div className="flex items-center gap-x-1">
        {selected.map((tag) => (
          <Badge key={tag} size="small" className="gap-x-0.5 pr-0.5" data-testid="crm-directory-tag-chosen">
            {tag}
            <button
              type="button"
              className="text-ui-fg-muted hover:text-ui-fg-subtle rounded-sm"
              aria-label={`Stop filtering by tag ${tag}`}
              onClick={() => onChange(selected.filter((existing) => existing !== tag))}
              data-testid="crm-directory-tag-remove"
            >
              <XMarkMini />
            </button>
          </Badge>
        ))}
        {selected.length < 10 && (
          <div className="w-40">
            <TagFilterInput exclude={selected} onPick={(tag) => onChange([...selected, tag])} placeholder={selected.length ? "And tag…" : "Any tag"} />
          </div>
        )}
      </div>
    </div>
  )
}

/** The Select's value for "no field": Radix's Select can't use "". */
const NO_FIELD = "__none__"

/**
 * One customer custom field and the value it must hold: a dropdown field offers its options,
 * yes/no offers Yes and No, a date field a date, numbers and text a box (exact value).
 */
function CustomFieldFilter({ params, onChange }: { params: URLSearchParams; onChange: (changes: Record<string, string | null>) => void }) {
  const { data, error } = useCustomerFields()
  const fields = data?.custom_fields ?? []
  const activeKey = [...params.keys()].find(isCustomFilterKey)
  const activeField = activeKey ? customFilterField(activeKey) : null
  // A field picked but not given a value yet filters nothing.
  const [picked, setPicked] = useState<string | null>(null)
  const fieldKey = activeField ?? picked
  const field = fields.find((candidate) => candidate.key === fieldKey) ?? null
  const value = activeKey ? params.get(activeKey) ?? "" : ""

  /** Clears every custom-field filter, then sets this one (when it has a value). */
  const setFilter = (key: string | null, next: string) => {
    const changes: Record<string, string | null> = {}
    for (const existing of params.keys()) if (isCustomFilterKey(existing)) changes[existing] = null
    if (key && next !== "") changes[customFilterKey(key)] = next
    onChange(changes)
  }

  if (error || (data && fields.length === 0)) return null
  return (
    <div className="flex items-end gap-x-2">
      <div className="flex w-44 flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle" asChild>
          <span>Custom field</span>
        </Text>
        <Select
          size="small"
          value={fieldKey ?? NO_FIELD}
          onValueChange={(key) => {
            setPicked(key === NO_FIELD ? null : key)
            setFilter(null, "")
          }}
        >
          <Select.Trigger data-testid="crm-directory-custom-field">
            <Select.Value placeholder="Any" />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NO_FIELD}>Any</Select.Item>
            {fields.map((candidate) => (
              <Select.Item key={candidate.key} value={candidate.key}>
                {candidate.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {field && <CustomValueInput key={field.key} field={field} value={value} onChange={(next) => setFilter(field.key, next)} />}
    </div>
  )
}

function CustomValueInput({ field, value, onChange }: { field: AdminCustomField; value: string; onChange: (value: string) => void }) {
  const id = useId()
  const label = (
    <Label size="xsmall" htmlFor={id} className="text-ui-fg-subtle">
      {field.label} is
    </Label>
  )
  if (field.type === "dropdown" || field.type === "boolean") {
    const options: [string, string][] =
      field.type === "boolean"
        ? [
            ["true", "Yes"],
            ["false", "No"],
          ]
        : dropdownFieldOptions(field).map((option) => [option, option])
    return (
      <div className="flex w-40 flex-col gap-y-1">
        {label}
        <Select size="small" value={value || NO_FIELD} onValueChange={(next) => onChange(next === NO_FIELD ? "" : next)}>
          <Select.Trigger id={id} data-testid="crm-directory-custom-value">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NO_FIELD}>Any value</Select.Item>
            {options.map(([option, text]) => (
              <Select.Item key={option} value={option}>
                {text}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
    )
  }
  if (field.type === "date") {
    return (
      <div className="flex flex-col gap-y-1">
        {label}
        <Input id={id} size="small" type="date" value={value} onChange={(event) => onChange(event.target.value)} data-testid="crm-directory-custom-value" />
      </div>
    )
  }
  return <TypedValue id={id} label={label} numeric={field.type === "number"} value={value} onChange={onChange} />
}

/** A text or number value, used once typing pauses. */
function TypedValue({ id, label, numeric, value, onChange }: { id: string; label: ReactNode; numeric: boolean; value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value)
  const typed = useDebounced(text.trim(), 400)
  useEffect(() => {
    if (typed !== value) onChange(typed)
    // Only what was typed drives this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed])
  return (
    <div className="flex w-40 flex-col gap-y-1">
      {label}
      <Input
        id={id}
        size="small"
        type={numeric ? "number" : "text"}
        inputMode={numeric ? "decimal" : undefined}
        placeholder={numeric ? "A number" : "Exact value"}
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="crm-directory-custom-value"
      />
    </div>
  )
}

function DateFilter({
  id,
  label,
  value,
  min,
  max,
  onChange,
}: {
  id: string
  label: string
  value: string
  min?: string
  max?: string
  onChange: (value: string) => void
}) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="xsmall" htmlFor={id} className="text-ui-fg-subtle">
        {label}
      </Label>
      <Input id={id} size="small" type="date" value={value} min={min} max={max} onChange={(event) => onChange(event.target.value)} data-testid={id} />
    </div>
  )
}

/** Adds one tag to a customer: a tag in use (suggested as staff type) or a new one. */
function AddTagPrompt({
  customer,
  onClose,
  onAdd,
}: {
  customer: DirectoryCustomer | null
  onClose: () => void
  onAdd: (customer: DirectoryCustomer, tag: string) => Promise<void>
}) {
  const [tag, setTag] = useState("")
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    setTag("")
    setProblem(null)
  }, [customer?.id])

  const save = async (chosen: string) => {
    if (!customer) return
    const value = chosen.trim().replace(/\s+/g, " ")
    if (!value) return setProblem("Type a tag or pick one in use.")
    if (value.length > MAX_TAG_LENGTH) return setProblem(`A tag can be at most ${MAX_TAG_LENGTH} characters.`)
    if (customer.tags.some((existing) => sameTag(existing, value))) return setProblem(`${directoryName(customer)} already has the tag “${value}”.`)
    if (customer.tags.length >= MAX_TAGS) return setProblem(`A customer can have at most ${MAX_TAGS} tags.`)
    setSaving(true)
    try {
      await onAdd(customer, value)
    } catch {
      // The toast says what went wrong; the prompt stays open to try again.
    } finally {
      setSaving(false)
    }
  }

  return (
    <Prompt open={!!customer} onOpenChange={(open) => !open && !saving && onClose()}>
      <Prompt.Content data-testid="crm-directory-add-tag">
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault()
            void save(tag)
          }}
        >
          <Prompt.Header>
            <Prompt.Title>Add a tag{customer ? ` to ${directoryName(customer)}` : ""}</Prompt.Title>
            <Prompt.Description>Pick a tag in use or type a new one, e.g. VIP or Residential.</Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-2 px-6 pb-4">
            {customer && customer.tags.length > 0 && (
              <div className="flex flex-wrap items-center gap-1 pt-1">
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Has:
                </Text>
                {customer.tags.map((existing) => (
                  <Badge key={existing} size="2xsmall">
                    {existing}
                  </Badge>
                ))}
              </div>
            )}
            <TagChoice value={tag} onChange={setTag} onPick={(picked) => void save(picked)} exclude={customer?.tags ?? []} />
            {problem && (
              <Text size="small" className="text-ui-fg-error" data-testid="crm-directory-add-tag-error">
                {problem}
              </Text>
            )}
          </div>
          <Prompt.Footer>
            <Button type="button" size="small" variant="secondary" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" size="small" isLoading={saving} data-testid="crm-directory-add-tag-save">
              Add tag
            </Button>
          </Prompt.Footer>
        </form>
      </Prompt.Content>
    </Prompt>
  )
}

/** The Add tag box: what is typed stays in the box (Add tag saves it); a suggestion saves at once. */
function TagChoice({ value, onChange, onPick, exclude }: { value: string; onChange: (value: string) => void; onPick: (tag: string) => void; exclude: string[] }) {
  const listId = useId()
  const [focused, setFocused] = useState(false)
  const { offered } = useTagSuggestions(value, [...exclude, value.trim()], focused)
  return (
    <div className="flex flex-col gap-y-1">
      <Input
        size="small"
        aria-label="Tag"
        placeholder="Tag"
        autoComplete="off"
        autoFocus
        maxLength={MAX_TAG_LENGTH + 10}
        aria-controls={listId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onFocus={() => setFocused(true)}
        data-testid="crm-directory-add-tag-input"
      />
      {offered.length > 0 && (
        <div id={listId} className="flex flex-wrap items-center gap-1" aria-label="Tags in use" data-testid="crm-directory-add-tag-suggestions">
          <Text size="xsmall" className="text-ui-fg-subtle">
            In use:
          </Text>
          {offered.map((tag) => (
            <button
              key={tag}
              type="button"
              className="bg-ui-tag-neutral-bg text-ui-tag-neutral-text hover:bg-ui-tag-neutral-bg-hover txt-compact-xsmall-plus rounded-md border px-1.5 py-0.5"
              onClick={() => onPick(tag)}
              data-testid="crm-directory-add-tag-suggestion"
            >
              {tag}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Customer directory",
  icon: Users,
})

export default CustomerDirectoryPage
