import { ArrowsPointingOut } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useInfiniteQuery } from "@tanstack/react-query"
import { useEffect } from "react"
import { Link } from "react-router-dom"
import { formatPhone } from "@fieldservice/contract"
import { customerName, describeReason, formatDay, mergeQueryKeys } from "../../../../lib/customer-merge"
import { sdk } from "../../../../lib/sdk"
import type {
  AdminDuplicatePair as DuplicatePair,
  AdminDuplicateListResponse as DuplicatesResponse,
  AdminMergeCustomer as MergeCustomer,
} from "@fieldservice/contract"

const SUGGESTIONS_PAGE = 20

/** The suggested pairs, a page at a time; "Review" puts a pair in the pickers. */
export function SuggestionsSection({ onReview }: { onReview: (pair: DuplicatePair) => void }) {
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
          Customers sharing an email or a phone number (their own or an extra one), or with a similar name at the same address. The older record is suggested as
          the one to keep.
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
              <Table.Row
                key={`${pair.primary.id}-${pair.secondary.id}`}
                data-testid="merge-suggestion"
                data-primary-id={pair.primary.id}
                data-secondary-id={pair.secondary.id}
              >
                <Table.Cell>
                  <SuggestedCustomer customer={pair.primary} />
                </Table.Cell>
                <Table.Cell>
                  <SuggestedCustomer customer={pair.secondary} />
                </Table.Cell>
                <Table.Cell>
                  <div className="flex flex-col gap-y-1">
                    {pair.reasons.map((reason) => (
                      <Badge
                        key={reason.kind}
                        size="2xsmall"
                        color={reason.kind === "name_address" ? "orange" : "blue"}
                        className="w-fit"
                        data-testid="merge-suggestion-reason"
                      >
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
          <Button
            size="small"
            variant="secondary"
            isLoading={suggestions.isFetchingNextPage}
            onClick={() => suggestions.fetchNextPage()}
            data-testid="merge-suggestions-more"
          >
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
      <span className="txt-compact-xsmall text-ui-fg-subtle">{[customer.email, formatPhone(customer.phone)].filter(Boolean).join(" · ")}</span>
      <span className="txt-compact-xsmall text-ui-fg-muted">Since {formatDay(customer.created_at)}</span>
    </div>
  )
}
