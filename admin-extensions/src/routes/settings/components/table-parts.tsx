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
