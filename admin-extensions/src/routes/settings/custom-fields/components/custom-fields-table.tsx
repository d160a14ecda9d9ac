import { ArrowDownMini, ArrowUpMini, PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Button, IconButton, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import {
  CUSTOM_FIELD_TYPE_LABELS,
  VISIBILITY_LABELS,
  byRank,
  customFieldQueryKeys,
  customFieldsListPath,
  customFieldsPath,
  deleteWithConfirmation,
  describeConfig,
} from "../../../../lib/custom-fields"
import { sdk } from "../../../../lib/sdk"
import { type CustomFieldBody, CustomFieldDrawer } from "./custom-field-drawer"
import { ActionsHeaderCell, TableMessageRow } from "../../../../components/table-parts"
import type {
  AdminCustomField,
  AdminCreateCustomField as CustomFieldCreateInput,
  BaseCustomField as CustomFieldDefinition,
  AdminCustomFieldResponse as CustomFieldResponse,
  CustomFieldTarget,
  AdminUpdateCustomField as CustomFieldUpdateInput,
  AdminCustomFieldListResponse as CustomFieldsResponse,
} from "@fieldservice/contract"

const COLUMN_COUNT = 7

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

type CustomFieldsTableProps = {
  target: CustomFieldTarget
  /** Who has these fields, singular and lower case: "customer", "pet". */
  ownerNoun: string
  /** Test id of the table; rows are `<testId>-row` with `data-field-key`. */
  testId: string
}

/**
 * One target's custom fields (the customer's, or one dependent type's): a table in rank order
 * with move up/down, edit and delete, and "Add field". Deleting a field that has values asks
 * first, with the API's count.
 */
export function CustomFieldsTable({ target, ownerNoun, testId }: CustomFieldsTableProps) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const queryKey = customFieldQueryKeys.list(target)

  const list = useQuery({
    queryKey,
    queryFn: () => sdk.client.fetch<CustomFieldsResponse>(customFieldsListPath(target)),
  })
  const fields = byRank(list.data?.custom_fields ?? [])

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey }),
      // A dependent type's fields are part of the dependent types list too.
      target.target_type === "dependent_type" ? queryClient.invalidateQueries({ queryKey: customFieldQueryKeys.dependentTypes }) : null,
    ])

  // The field stays set while the drawer animates closed, so its title and fields don't jump.
  const [editor, setEditor] = useState<{ open: boolean; field: CustomFieldDefinition | null }>({ open: false, field: null })

  const save = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CustomFieldBody }) => sdk.client.fetch<CustomFieldResponse>(customFieldsPath(id), { method: "POST", body }),
    onSuccess: (response, { id }) => {
      toast.success(id ? `“${response.custom_field.label}” saved` : `“${response.custom_field.label}” added`)
      return invalidate()
    },
  })

  const reorder = useMutation({
    mutationFn: async (ordered: AdminCustomField[]) => {
      // Ranks become the positions; only the fields whose rank changes are saved.
      for (const [rank, field] of ordered.entries()) {
        if (field.rank === rank) continue
        const body: CustomFieldUpdateInput = { rank }
        await sdk.client.fetch<CustomFieldResponse>(customFieldsPath(field.id), { method: "POST", body })
      }
    },
    onMutate: (ordered) => {
      // Show the new order at once.
      queryClient.setQueryData<CustomFieldsResponse>(queryKey, (current) =>
        current ? { ...current, custom_fields: ordered.map((field, rank) => ({ ...field, rank })) } : current
      )
    },
    onError: (error: Error) => toast.error(error.message || "The new order could not be saved."),
    onSettled: () => invalidate(),
  })

  const move = (index: number, offset: -1 | 1) => {
    const to = index + offset
    if (to < 0 || to >= fields.length) return
    const ordered = [...fields]
    const [moved] = ordered.splice(index, 1)
    ordered.splice(to, 0, moved)
    reorder.mutate(ordered)
  }

  const [deletingId, setDeletingId] = useState<string | null>(null)
  const remove = async (field: AdminCustomField) => {
    setDeletingId(field.id)
    try {
      let outcome = await deleteWithConfirmation(customFieldsPath(field.id), false)
      if (!outcome.deleted) {
        const count = outcome.count ?? field.value_count
        const confirmed = await prompt({
          title: `Delete “${field.label}” and ${plural(count, "value", "values")}?`,
          description: outcome.message,
          variant: "danger",
          confirmText: "Delete field and values",
          cancelText: "Keep field",
        })
        if (!confirmed) return
        outcome = await deleteWithConfirmation(customFieldsPath(field.id), true)
      }
      toast.success(`“${field.label}” deleted`)
      await invalidate()
    } catch (error) {
      toast.error(error instanceof Error && error.message ? error.message : "The field could not be deleted.")
    } finally {
      setDeletingId(null)
    }
  }

  const nextRank = fields.reduce((max, field) => Math.max(max, field.rank + 1), fields.length)
  const message = list.isLoading
    ? "Loading fields…"
    : list.error
      ? `The fields could not be loaded: ${list.error.message}`
      : fields.length === 0
        ? `No ${ownerNoun} fields yet. Use Add field to create the first.`
        : null

  return (
    <div className="flex flex-col" data-testid={`${testId}-section`}>
      <Table data-testid={testId}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-px">Order</Table.HeaderCell>
            <Table.HeaderCell>Label</Table.HeaderCell>
            <Table.HeaderCell>Key</Table.HeaderCell>
            <Table.HeaderCell>Type</Table.HeaderCell>
            <Table.HeaderCell>Required</Table.HeaderCell>
            <Table.HeaderCell>Shown to</Table.HeaderCell>
            <ActionsHeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {message ? (
            <TableMessageRow colSpan={COLUMN_COUNT} message={message} isError={Boolean(list.error)} testId={`${testId}-message`} />
          ) : (
            fields.map((field, index) => {
              const settings = describeConfig(field)
              return (
                <Table.Row key={field.id} data-testid={`${testId}-row`} data-field-key={field.key}>
                  <Table.Cell>
                    <div className="flex items-center gap-x-1">
                      <Text size="small" className="text-ui-fg-muted w-5 text-right tabular-nums">
                        {index + 1}
                      </Text>
                      <IconButton
                        size="2xsmall"
                        variant="transparent"
                        aria-label={`Move “${field.label}” up`}
                        onClick={() => move(index, -1)}
                        disabled={index === 0 || reorder.isPending}
                        data-testid="custom-field-move-up"
                      >
                        <ArrowUpMini />
                      </IconButton>
                      <IconButton
                        size="2xsmall"
                        variant="transparent"
                        aria-label={`Move “${field.label}” down`}
                        onClick={() => move(index, 1)}
                        disabled={index === fields.length - 1 || reorder.isPending}
                        data-testid="custom-field-move-down"
                      >
                        <ArrowDownMini />
                      </IconButton>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col py-2">
                      <span data-testid="custom-field-label">{field.label}</span>
                      {field.value_count > 0 && (
                        <Text size="xsmall" className="text-ui-fg-muted" data-testid="custom-field-value-count">
                          {plural(field.value_count, "value", "values")}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <code className="txt-compact-small text-ui-fg-subtle" data-testid="custom-field-key">
                      {field.key}
                    </code>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col py-2">
                      <span data-testid="custom-field-type">{CUSTOM_FIELD_TYPE_LABELS[field.type] ?? field.type}</span>
                      {settings && (
                        <Text size="xsmall" className="text-ui-fg-muted line-clamp-1 max-w-[200px]" title={settings}>
                          {settings}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell data-testid="custom-field-required">{field.required ? "Required" : "Optional"}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={field.visibility === "customer" ? "green" : "grey"} data-testid="custom-field-visibility">
                      {field.visibility === "customer" ? "Customer" : VISIBILITY_LABELS.staff}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex items-center justify-end gap-x-1">
                      <IconButton
                        size="small"
                        variant="transparent"
                        aria-label={`Edit “${field.label}”`}
                        onClick={() => setEditor({ open: true, field })}
                        data-testid="custom-field-edit"
                      >
                        <PencilSquare />
                      </IconButton>
                      <IconButton
                        size="small"
                        variant="transparent"
                        aria-label={`Delete “${field.label}”`}
                        onClick={() => remove(field)}
                        disabled={deletingId !== null}
                        isLoading={deletingId === field.id}
                        data-testid="custom-field-delete"
                      >
                        <Trash />
                      </IconButton>
                    </div>
                  </Table.Cell>
                </Table.Row>
              )
            })
          )}
        </Table.Body>
      </Table>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" variant="secondary" onClick={() => setEditor({ open: true, field: null })} data-testid={`${testId}-add`}>
          Add field
        </Button>
      </div>
      <CustomFieldDrawer
        open={editor.open}
        onOpenChange={(open) => setEditor((current) => ({ ...current, open }))}
        target={target}
        field={editor.field}
        nextRank={nextRank}
        ownerNoun={ownerNoun}
        onSave={(body) =>
          editor.field
            ? save.mutateAsync({ id: editor.field.id, body: body as CustomFieldUpdateInput })
            : save.mutateAsync({ body: body as CustomFieldCreateInput })
        }
        isSaving={save.isPending}
      />
    </div>
  )
}
