import { PencilSquare, Trash } from "@medusajs/icons"
import { IconButton, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

export type Column<T> = { header: string; cell: (entry: T) => ReactNode; className?: string }

type ContentTableProps<T extends { id: number }> = {
  testId: string
  /** Plural, lower case, for the loading/empty/error messages: "FAQs", "terms". */
  plural: string
  columns: Column<T>[]
  entries: T[]
  isLoading: boolean
  error: Error | null
  /** What the row's action buttons call the entry, e.g. its question or title. */
  describe: (entry: T) => string
  onEdit: (entry: T) => void
  onDelete: (entry: T) => void
  isDeleting: boolean
}

/** A table of entries: clicking a row (or its pencil) edits it, the bin deletes it. */
export function ContentTable<T extends { id: number }>({
  testId,
  plural,
  columns,
  entries,
  isLoading,
  error,
  describe,
  onEdit,
  onDelete,
  isDeleting,
}: ContentTableProps<T>) {
  const message = isLoading
    ? `Loading ${plural}…`
    : error
      ? `The ${plural} could not be loaded: ${error.message}`
      : entries.length === 0
        ? `No ${plural} yet. Use Create to add the first.`
        : null

  return (
    <Table data-testid={testId}>
      <Table.Header>
        <Table.Row>
          {columns.map((column) => (
            <Table.HeaderCell key={column.header} className={column.className}>
              {column.header}
            </Table.HeaderCell>
          ))}
          <Table.HeaderCell className="w-px">
            <span className="sr-only">Actions</span>
          </Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {message ? (
          <Table.Row>
            {/* Table.Cell's props leave out colSpan; this is a Table.Cell otherwise. */}
            <td colSpan={columns.length + 1} className="h-12 py-0 pr-6">
              <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid={`${testId}-message`}>
                {message}
              </Text>
            </td>
          </Table.Row>
        ) : (
          entries.map((entry) => (
            <Table.Row key={entry.id} className="cursor-pointer" onClick={() => onEdit(entry)} data-testid={`${testId}-row`} data-entry-id={entry.id}>
              {columns.map((column) => (
                <Table.Cell key={column.header} className={column.className}>
                  {column.cell(entry)}
                </Table.Cell>
              ))}
              {/* The buttons handle their own clicks; the row's click would open the editor again. */}
              <Table.Cell onClick={(event) => event.stopPropagation()}>
                <div className="flex items-center justify-end gap-x-1">
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Edit ${describe(entry)}`}
                    onClick={() => onEdit(entry)}
                    data-testid="content-edit"
                  >
                    <PencilSquare />
                  </IconButton>
                  <IconButton
                    size="small"
                    variant="transparent"
                    aria-label={`Delete ${describe(entry)}`}
                    onClick={() => onDelete(entry)}
                    disabled={isDeleting}
                    data-testid="content-delete"
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
  )
}
