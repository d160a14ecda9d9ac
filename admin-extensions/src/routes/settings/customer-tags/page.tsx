import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PencilSquare, SquareTwoStack, Trash } from "@medusajs/icons"
import { Badge, Container, Heading, IconButton, Input, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { customerCount, TAGS_PAGE_SIZE, useCustomerTagList, useTagChanges } from "../../../lib/customer-tags"
import { ActionsHeaderCell, TableMessageRow } from "../../../components/table-parts"
import { RenameTagPrompt, type TagInUse } from "./components/rename-tag-prompt"

/**
 * Settings → Customer tags: every tag on customers, most used first, with how many carry it.
 * Rename one, merge it into another (customers with both keep one) or delete it from everyone.
 */
const CustomerTagsSettingsPage = () => {
  const prompt = usePrompt()
  const { remove } = useTagChanges()
  const [search, setSearch] = useState("")
  const [offset, setOffset] = useState(0)
  const [editing, setEditing] = useState<{ tag: TagInUse; merge: boolean } | null>(null)
  const { data, isLoading, error } = useCustomerTagList(search, offset)
  const tags = data?.tags ?? []
  const count = data?.count ?? 0

  const confirmDelete = async (tag: TagInUse) => {
    const confirmed = await prompt({
      variant: "danger",
      title: `Delete the tag “${tag.value}”?`,
      description: `${customerCount(tag.count)} will lose it. Each customer’s history notes the change.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      const result = await remove.mutateAsync({ tag: tag.value })
      toast.success(`“${result.tag}” deleted from ${customerCount(result.customer_count)}`)
    } catch (caught) {
      toast.error(caught instanceof Error ? caught.message : "The tag could not be deleted.")
    }
  }

  const message = isLoading
    ? "Loading tags…"
    : error
      ? `The tags could not be loaded: ${error.message}`
      : tags.length === 0
        ? search.trim()
          ? "No tags match."
          : "No customer has a tag yet. Add tags on a customer’s page or from the customer directory."
        : null

  return (
    <Container className="divide-y p-0" data-testid="customer-tags-settings-page">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Customer tags</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The labels staff give customers, such as VIP or Key holder, with how many customers have each. Tags are the same whatever their case: “vip” is “VIP”.
        </Text>
      </div>
      <div className="px-6 py-3">
        <Input
          size="small"
          type="search"
          placeholder="Search tags"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value)
            setOffset(0)
          }}
          className="max-w-sm"
          data-testid="customer-tags-search"
        />
      </div>
      <Table data-testid="customer-tags-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Tag</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Customers</Table.HeaderCell>
            <ActionsHeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {message ? (
            <TableMessageRow colSpan={3} message={message} isError={Boolean(error)} testId="customer-tags-message" />
          ) : (
            tags.map((tag) => (
              <Table.Row key={tag.value} data-testid="customer-tag-row" data-tag={tag.value}>
                <Table.Cell>
                  <Badge size="2xsmall" data-testid="customer-tag-value">
                    {tag.value}
                  </Badge>
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-testid="customer-tag-count">
                  {tag.count.toLocaleString()}
                </Table.Cell>
                <Table.Cell>
                  <div className="flex items-center justify-end gap-x-1">
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Rename ${tag.value}`}
                      onClick={() => setEditing({ tag, merge: false })}
                      data-testid="customer-tag-rename-open"
                    >
                      <PencilSquare />
                    </IconButton>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Merge ${tag.value} into another tag`}
                      onClick={() => setEditing({ tag, merge: true })}
                      data-testid="customer-tag-merge-open"
                    >
                      <SquareTwoStack />
                    </IconButton>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Delete ${tag.value}`}
                      onClick={() => void confirmDelete(tag)}
                      disabled={remove.isPending}
                      data-testid="customer-tag-delete"
                    >
                      <Trash />
                    </IconButton>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))
          )}
        </Table.Body>
      </Table>
      <Table.Pagination
        count={count}
        pageSize={TAGS_PAGE_SIZE}
        pageIndex={Math.floor(offset / TAGS_PAGE_SIZE)}
        pageCount={Math.max(1, Math.ceil(count / TAGS_PAGE_SIZE))}
        canPreviousPage={offset > 0}
        canNextPage={offset + TAGS_PAGE_SIZE < count}
        previousPage={() => setOffset(Math.max(0, offset - TAGS_PAGE_SIZE))}
        nextPage={() => setOffset(offset + TAGS_PAGE_SIZE)}
        data-testid="customer-tags-pagination"
      />
      <RenameTagPrompt tag={editing?.tag ?? null} merge={editing?.merge ?? false} onClose={() => setEditing(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Customer tags",
})

export default CustomerTagsSettingsPage
