import { Table, Text } from "@medusajs/ui"

/** The last column's header: the row buttons need no visible heading. */
export function ActionsHeaderCell() {
  return (
    <Table.HeaderCell className="w-px">
      <span className="sr-only">Actions</span>
    </Table.HeaderCell>
  )
}

/** One row across the table instead of its rows: "Loading…", why they could not be loaded, or that there are none. */
export function TableMessageRow({ colSpan, message, isError, testId }: { colSpan: number; message: string; isError: boolean; testId: string }) {
  return (
    <Table.Row>
      {/* Table.Cell's props leave out colSpan; this is a Table.Cell otherwise. */}
      <td colSpan={colSpan} className="h-12 py-0 pl-6 pr-6">
        <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid={testId}>
          {message}
        </Text>
      </td>
    </Table.Row>
  )
}

/** Medusa's table pagination for a list paged by offset, `pageSize` rows at a time. */
export function OffsetPagination(props: { count: number; offset: number; pageSize: number; onOffset: (offset: number) => void; testId?: string }) {
  const { count, offset, pageSize, onOffset } = props
  const pageIndex = Math.floor(offset / pageSize)
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={pageIndex}
      pageCount={pageCount}
      canPreviousPage={pageIndex > 0}
      canNextPage={pageIndex + 1 < pageCount}
      previousPage={() => onOffset(Math.max(0, offset - pageSize))}
      nextPage={() => onOffset(offset + pageSize)}
      data-testid={props.testId}
    />
  )
}
