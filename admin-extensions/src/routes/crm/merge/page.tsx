import { ArrowsPointingOut, ArrowPath, CheckCircleSolid, ExclamationCircle, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Container, Heading, IconButton, Input, Label, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import {
  type DuplicatePair,
  type DuplicatesResponse,
  type MergeCustomer,
  type MergePreview,
  type MergePreviewResponse,
  type MergeResponse,
  customerName,
  describeReason,
  formatDay,
  mergeQueryKeys,
} from "../../../lib/customer-merge"
import { sdk } from "../../../lib/sdk"

const SUGGESTIONS_PAGE = 20

/**
 * Merge duplicate customers: pick the customer to keep (primary) and the duplicate (secondary),
 * by hand or from the suggested pairs, check the preview of what moves and which values are kept,
 * then confirm. The choice lives in the address (?primary_id=&secondary_id=), so the directory's
 * "Merge" action and reloads land on the same pair.
 */
const MergeCustomersPage = () => {
  const [params, setParams] = useSearchParams()
  const primaryId = params.get("primary_id") ?? ""
  const secondaryId = params.get("secondary_id") ?? ""
  const [merged, setMerged] = useState<MergeResponse["merge"] | null>(null)

  const choose = (changes: { primary_id?: string | null; secondary_id?: string | null }) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setMerged(null)
    setParams(next, { replace: true })
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="merge-page">
      <Container className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h1">Merge duplicate customers</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Keep one customer (the primary) and merge a duplicate (the secondary) into it: addresses, contacts, business profiles,
          dependents, custom fields, tags, notes, bookings, orders, saved cards, messages and history all move to the primary, and the
          secondary is deleted. Merging can't be undone. <Link to="/crm" className="text-ui-fg-interactive">Back to the customer directory</Link>
        </Text>
      </Container>

      {merged ? (
        <MergedPanel merge={merged} onAnother={() => choose({ primary_id: null, secondary_id: null })} />
      ) : (
        <>
          <Container className="divide-y p-0" data-testid="merge-pick">
            <div className="px-6 py-4">
              <Heading level="h2">Customers to merge</Heading>
            </div>
            <div className="grid grid-cols-1 items-start gap-4 px-6 py-4 md:grid-cols-[1fr_auto_1fr]">
              <CustomerPicker
                role="primary"
                title="Keep (primary)"
                hint="Keeps its name, email and settings; everything else joins it."
                customerId={primaryId}
                otherId={secondaryId}
                onChange={(id) => choose({ primary_id: id })}
              />
              <div className="flex h-full items-center justify-center">
                <Button
                  size="small"
                  variant="secondary"
                  disabled={!primaryId && !secondaryId}
                  onClick={() => choose({ primary_id: secondaryId || null, secondary_id: primaryId || null })}
                  data-testid="merge-swap"
                >
                  <ArrowPath /> Swap
                </Button>
              </div>
              <CustomerPicker
                role="secondary"
                title="Merge and delete (secondary)"
                hint="Its records move to the primary, then it is deleted."
                customerId={secondaryId}
                otherId={primaryId}
                onChange={(id) => choose({ secondary_id: id })}
              />
            </div>
          </Container>

          {primaryId && secondaryId ? (
            <PreviewSection primaryId={primaryId} secondaryId={secondaryId} onMerged={setMerged} />
          ) : null}
        </>
      )}

      <SuggestionsSection
        onReview={(pair) => {
          choose({ primary_id: pair.primary.id, secondary_id: pair.secondary.id })
          window.scrollTo({ top: 0, behavior: "smooth" })
        }}
      />
    </div>
  )
}

type CustomerHit = { id: string; email: string | null; first_name: string | null; last_name: string | null; company_name: string | null; phone: string | null; created_at: string }
const CUSTOMER_FIELDS = "id,email,first_name,last_name,company_name,phone,created_at"

/** Waits until typing pauses before a value is used (searching as staff type). */
function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/** Finds a customer by name, email or company (Medusa's customer search), or shows the one chosen. */
function CustomerPicker({
  role,
  title,
  hint,
  customerId,
  otherId,
  onChange,
}: {
  role: "primary" | "secondary"
  title: string
  hint: string
  customerId: string
  otherId: string
  onChange: (id: string | null) => void
}) {
  const [text, setText] = useState("")
  const [open, setOpen] = useState(false)
  const term = useDebounced(text.trim())
  const hits = useQuery({
    queryKey: ["crm-merge-customer-search", term],
    queryFn: () => sdk.client.fetch<{ customers: CustomerHit[] }>("/admin/customers", { query: { q: term, limit: 8, fields: CUSTOMER_FIELDS } }),
    enabled: !customerId && term.length >= 2,
  })
  const chosen = useQuery({
    queryKey: ["crm-merge-customer", customerId],
    queryFn: () => sdk.client.fetch<{ customer: CustomerHit }>(`/admin/customers/${customerId}`, { query: { fields: CUSTOMER_FIELDS } }),
    enabled: !!customerId,
    retry: false,
  })
  const inputId = `merge-${role}-search`

  return (
    <div className="flex flex-col gap-y-2" data-testid={`merge-${role}`}>
      <div className="flex flex-col">
        <Text size="small" weight="plus">
          {title}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      </div>
      {customerId ? (
        <div className="bg-ui-bg-subtle flex items-start justify-between gap-x-2 rounded-lg border px-3 py-2" data-testid={`merge-${role}-chosen`}>
          <div className="flex min-w-0 flex-col">
            {chosen.data ? (
              <>
                <Text size="small" weight="plus" className="truncate" data-testid={`merge-${role}-name`}>
                  {customerName(chosen.data.customer)}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {[chosen.data.customer.email, chosen.data.customer.phone, chosen.data.customer.company_name].filter(Boolean).join(" · ")}
                </Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  Customer since {formatDay(chosen.data.customer.created_at)}
                </Text>
              </>
            ) : chosen.isError ? (
              <Text size="small" className="text-ui-fg-error">
                No customer with id {customerId} (it may have been deleted or merged).
              </Text>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                Loading…
              </Text>
            )}
          </div>
          <IconButton size="small" variant="transparent" aria-label={`Choose another ${role} customer`} onClick={() => onChange(null)} data-testid={`merge-${role}-clear`}>
            <XMarkMini />
          </IconButton>
        </div>
      ) : (
        <div className="relative flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor={inputId} className="text-ui-fg-subtle">
            Find a customer
          </Label>
          <Input
            id={inputId}
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
            aria-expanded={open && term.length >= 2}
            aria-controls={`${inputId}-options`}
            data-testid={`merge-${role}-search`}
          />
          {open && term.length >= 2 && (
            <ul id={`${inputId}-options`} role="listbox" className="bg-ui-bg-base shadow-elevation-flyout absolute top-full z-10 mt-1 w-full rounded-lg p-1">
              {hits.isLoading && <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">Searching…</li>}
              {!hits.isLoading && (hits.data?.customers ?? []).length === 0 && (
                <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">No customers found</li>
              )}
              {(hits.data?.customers ?? []).map((customer) => (
                <li key={customer.id} role="option" aria-selected={false}>
                  <button
                    type="button"
                    disabled={customer.id === otherId}
                    className="hover:bg-ui-bg-base-hover txt-compact-small flex w-full flex-col rounded-md px-2 py-1.5 text-left disabled:opacity-50"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      setText("")
                      setOpen(false)
                      onChange(customer.id)
                    }}
                    data-testid={`merge-${role}-option`}
                  >
                    <span>
                      {customerName(customer)}
                      {customer.id === otherId ? " (already chosen)" : ""}
                    </span>
                    <span className="text-ui-fg-subtle">{[customer.email, customer.phone, customer.company_name].filter(Boolean).join(" · ")}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}

const KEPT_LABELS = { primary: "Primary's", secondary: "Secondary's", both: "Both" } as const

/** What the merge would do, and the confirm step. */
function PreviewSection({ primaryId, secondaryId, onMerged }: { primaryId: string; secondaryId: string; onMerged: (merge: MergeResponse["merge"]) => void }) {
  const prompt = usePrompt()
  const queryClient = useQueryClient()
  const preview = useQuery({
    queryKey: mergeQueryKeys.preview(primaryId, secondaryId),
    queryFn: () => sdk.client.fetch<MergePreviewResponse>("/admin/crm/merges/preview", { query: { primary_id: primaryId, secondary_id: secondaryId } }),
    retry: false,
  })
  const merge = useMutation({
    mutationFn: () => sdk.client.fetch<MergeResponse>("/admin/crm/merges", { method: "POST", body: { primary_id: primaryId, secondary_id: secondaryId } }),
    onSuccess: ({ merge }) => {
      toast.success(`${customerName(merge.secondary)} was merged into ${customerName(merge.primary)}`)
      void queryClient.invalidateQueries({ queryKey: mergeQueryKeys.duplicates })
      // The dashboard's customer list and pages: one customer is gone, the other changed.
      void queryClient.invalidateQueries({ queryKey: ["customers"], refetchType: "none" })
      onMerged(merge)
    },
    onError: (error: Error) => {
      toast.error(error.message)
      void preview.refetch()
    },
  })

  const confirm = async (data: MergePreview) => {
    const confirmed = await prompt({
      variant: "danger",
      title: `Merge ${customerName(data.secondary)} into ${customerName(data.primary)}?`,
      description: `Everything of ${customerName(data.secondary)} moves to ${customerName(data.primary)}, and ${customerName(
        data.secondary
      )} is deleted. This cannot be undone.`,
      confirmText: "Merge customers",
      cancelText: "Cancel",
    })
    if (confirmed) merge.mutate()
  }

  if (preview.isLoading) {
    return (
      <Container className="px-6 py-4" data-testid="merge-preview-loading">
        <Text size="small" className="text-ui-fg-subtle">
          Working out what moves…
        </Text>
      </Container>
    )
  }
  if (preview.error || !preview.data) {
    return (
      <Container className="flex items-center gap-x-2 px-6 py-4" data-testid="merge-preview-error">
        <ExclamationCircle className="text-ui-fg-error" />
        <Text size="small" className="text-ui-fg-error">
          {preview.error?.message ?? "The preview could not be loaded."}
        </Text>
      </Container>
    )
  }
  const data = preview.data.preview
  const moving = data.counts.filter((count) => count.primary + count.secondary > 0)

  return (
    <Container className="divide-y p-0" data-testid="merge-preview">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Preview</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          <strong>{customerName(data.secondary)}</strong> will be merged into <strong>{customerName(data.primary)}</strong>.
        </Text>
      </div>

      <Table data-testid="merge-counts">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Records</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Primary</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Secondary</Table.HeaderCell>
            <Table.HeaderCell>What happens</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Primary after</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {moving.length === 0 ? (
            <Table.Row>
              <td colSpan={5} className="h-12 px-6">
                <Text size="small" className="text-ui-fg-subtle">
                  Neither customer has any records yet.
                </Text>
              </td>
            </Table.Row>
          ) : (
            moving.map((count) => (
              <Table.Row key={count.kind} data-testid="merge-count" data-kind={count.kind}>
                <Table.Cell>{count.label}</Table.Cell>
                <Table.Cell className="text-right">{count.primary}</Table.Cell>
                <Table.Cell className="text-right">{count.secondary}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">{describeCount(count)}</Table.Cell>
                <Table.Cell className="text-right" data-testid="merge-count-after">
                  {count.kind === "portal_logins" || count.kind === "portal_links" ? count.primary : count.after}
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>

      {data.conflicts.length > 0 && (
        <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="merge-conflicts">
          <Heading level="h3">Values both customers have</Heading>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Field</Table.HeaderCell>
                <Table.HeaderCell>Primary</Table.HeaderCell>
                <Table.HeaderCell>Secondary</Table.HeaderCell>
                <Table.HeaderCell>Kept</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.conflicts.map((conflict) => (
                <Table.Row key={conflict.field} data-testid="merge-conflict" data-field={conflict.field}>
                  <Table.Cell>{conflict.label}</Table.Cell>
                  <Table.Cell className={conflict.kept === "secondary" ? "text-ui-fg-muted" : undefined}>{conflict.primary ?? "—"}</Table.Cell>
                  <Table.Cell className={conflict.kept === "primary" ? "text-ui-fg-muted line-through" : undefined}>{conflict.secondary ?? "—"}</Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col">
                      <Badge size="2xsmall" color={conflict.kept === "secondary" ? "orange" : conflict.kept === "both" ? "blue" : "green"} className="w-fit">
                        {KEPT_LABELS[conflict.kept]}
                      </Badge>
                      {conflict.note && (
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {conflict.note}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}

      {data.warnings.length > 0 && (
        <ul className="flex flex-col gap-y-1 px-6 py-4" data-testid="merge-warnings">
          {data.warnings.map((warning) => (
            <li key={warning} className="flex items-start gap-x-2">
              <ExclamationCircle className="text-ui-fg-subtle mt-0.5 shrink-0" />
              <Text size="small">{warning}</Text>
            </li>
          ))}
        </ul>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Merging can't be undone: {customerName(data.secondary)} is deleted and its logins are removed.
        </Text>
        <Button variant="danger" size="small" isLoading={merge.isPending} onClick={() => confirm(data)} data-testid="merge-confirm">
          Merge customers…
        </Button>
      </div>
    </Container>
  )
}

function describeCount(count: MergePreview["counts"][number]): string {
  if (count.kind === "portal_logins") return count.secondary ? "The secondary's logins are removed" : "—"
  if (count.kind === "portal_links") return count.secondary ? "The secondary's open links stop working" : "—"
  if (count.kind === "internal_notes") return count.secondary ? "Added below the primary's notes" : "—"
  const parts: string[] = []
  if (count.moved) parts.push(count.kind === "tags" || count.kind === "customer_groups" ? `${count.moved} added` : `${count.moved} move`)
  if (count.dropped) {
    parts.push(
      count.kind === "custom_field_values"
        ? `${count.dropped} dropped (the primary's value is kept)`
        : count.kind === "payment_account_holders"
          ? `${count.dropped} unlinked (the primary's is kept)`
          : `${count.dropped} already on the primary`
    )
  }
  if (count.added) parts.push(`${count.added} added from the secondary's account details`)
  return parts.join(", ") || "—"
}

function MergedPanel({ merge, onAnother }: { merge: MergeResponse["merge"]; onAnother: () => void }) {
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="merge-done">
      <div className="flex items-center gap-x-2">
        <CheckCircleSolid className="text-ui-fg-interactive" />
        <Heading level="h2">Customers merged</Heading>
      </div>
      <Text size="small">
        {customerName(merge.secondary)} was merged into {customerName(merge.primary)} and deleted.
      </Text>
      <div className="flex flex-wrap gap-2">
        <Button size="small" asChild>
          <Link to={`/customers/${merge.primary.id}`} data-testid="merge-open-primary">
            Open {customerName(merge.primary)}
          </Link>
        </Button>
        <Button size="small" variant="secondary" onClick={onAnother} data-testid="merge-another">
          Merge other customers
        </Button>
      </div>
    </Container>
  )
}

/** The suggested pairs, a page at a time; "Review" puts a pair in the pickers. */
function SuggestionsSection({ onReview }: { onReview: (pair: DuplicatePair) => void }) {
  const suggestions = useInfiniteQuery({
    queryKey: mergeQueryKeys.duplicates,
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<DuplicatesResponse>("/admin/crm/duplicates", {
        query: { limit: SUGGESTIONS_PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
      }),
    initialPageParam: "" as string,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  const pairs = suggestions.data?.pages.flatMap((page) => page.pairs) ?? []
  // A request reads a bounded stretch of customers: when it found few pairs, read on by itself a little.
  const lastPage = suggestions.data?.pages[suggestions.data.pages.length - 1]
  const shortPage = !!lastPage && lastPage.pairs.length < SUGGESTIONS_PAGE / 2 && suggestions.data!.pages.length < 10
  useEffect(() => {
    if (shortPage && suggestions.hasNextPage && !suggestions.isFetchingNextPage) void suggestions.fetchNextPage()
  }, [shortPage, suggestions])

  return (
    <Container className="divide-y p-0" data-testid="merge-suggestions">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Suggested duplicates</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Customers sharing an email or a phone number (their own or an extra one), or with a similar name at the same address. The older
          record is suggested as the one to keep.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Keep (primary)</Table.HeaderCell>
            <Table.HeaderCell>Duplicate (secondary)</Table.HeaderCell>
            <Table.HeaderCell>Why</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {pairs.length === 0 ? (
            <Table.Row>
              <td colSpan={4} className="h-12 px-6">
                <Text size="small" className={suggestions.error ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="merge-suggestions-message">
                  {suggestions.error
                    ? `The suggestions could not be loaded: ${suggestions.error.message}`
                    : suggestions.isLoading || suggestions.isFetchingNextPage
                      ? "Looking for duplicates…"
                      : "No duplicates found."}
                </Text>
              </td>
            </Table.Row>
          ) : (
            pairs.map((pair) => (
              <Table.Row key={`${pair.primary.id}-${pair.secondary.id}`} data-testid="merge-suggestion" data-primary-id={pair.primary.id} data-secondary-id={pair.secondary.id}>
                <Table.Cell>
                  <SuggestedCustomer customer={pair.primary} />
                </Table.Cell>
                <Table.Cell>
                  <SuggestedCustomer customer={pair.secondary} />
                </Table.Cell>
                <Table.Cell>
                  <div className="flex flex-col gap-y-1">
                    {pair.reasons.map((reason) => (
                      <Badge key={reason.kind} size="2xsmall" color={reason.kind === "name_address" ? "orange" : "blue"} className="w-fit" data-testid="merge-suggestion-reason">
                        {describeReason(reason)}
                      </Badge>
                    ))}
                  </div>
                </Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="secondary" onClick={() => onReview(pair)} data-testid="merge-suggestion-review">
                    <ArrowsPointingOut /> Review
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
      {suggestions.hasNextPage && (
        <div className="flex items-center justify-between px-6 py-3">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {pairs.length} pair{pairs.length === 1 ? "" : "s"} so far
          </Text>
          <Button size="small" variant="secondary" isLoading={suggestions.isFetchingNextPage} onClick={() => suggestions.fetchNextPage()} data-testid="merge-suggestions-more">
            Find more
          </Button>
        </div>
      )}
    </Container>
  )
}

function SuggestedCustomer({ customer }: { customer: MergeCustomer | DuplicatePair["primary"] }) {
  return (
    <div className="flex flex-col">
      <Link to={`/customers/${customer.id}`} className="txt-compact-small-plus text-ui-fg-base hover:text-ui-fg-interactive">
        {customerName(customer)}
      </Link>
      <span className="txt-compact-xsmall text-ui-fg-subtle">{[customer.email, customer.phone].filter(Boolean).join(" · ")}</span>
      <span className="txt-compact-xsmall text-ui-fg-muted">Since {formatDay(customer.created_at)}</span>
    </div>
  )
}

export default MergeCustomersPage

// The breadcrumb.
export const handle = { breadcrumb: () => "Merge customers" }
