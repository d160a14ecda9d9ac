import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Button, Container, Heading, IconButton, Input, Label, Switch, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { EntryDrawer, FormField } from "../../../components/entry-drawer"
import { FieldworkerRating } from "../../../components/ratings-list"
import { ApiError, adminFetch, bookingQueryKeys, describeAreas, useFieldworkers } from "../../../lib/bookings"
import type {
  AdminFieldworker as Fieldworker,
  AdminCreateFieldworker as FieldworkerInput,
  AdminFieldworkerDeleteResponse,
  AdminFieldworkerResponse,
} from "@fieldservice/contract"
import { ActionsHeaderCell, TableMessageRow } from "../../../components/table-parts"

type FieldworkerForm = { name: string; email: string; phone: string; service_areas: string; active: string }

const toForm = (fieldworker: Fieldworker | null): FieldworkerForm => ({
  name: fieldworker?.name ?? "",
  email: fieldworker?.email ?? "",
  phone: fieldworker?.phone ?? "",
  service_areas: fieldworker?.service_areas.join(", ") ?? "",
  active: String(fieldworker?.active ?? true),
})

/** The changed form values as the API's body; the API checks emails, numbers and areas. */
function toBody(values: Partial<FieldworkerForm>): Partial<FieldworkerInput> {
  const body: Partial<FieldworkerInput> = {}
  if (values.name !== undefined) body.name = values.name
  if (values.email !== undefined) body.email = values.email
  if (values.phone !== undefined) body.phone = values.phone.trim() || null
  if (values.service_areas !== undefined) {
    body.service_areas = values.service_areas
      .split(/[,;\n]/)
      .map((area) => area.trim())
      .filter(Boolean)
  }
  if (values.active !== undefined) body.active = values.active === "true"
  return body
}

/**
 * Settings → Fieldworkers: the people staff send to customers' homes, with the postcode areas
 * they cover (the booking page warns when a visit is outside them). Removing someone with
 * upcoming visits asks first and leaves those visits unassigned.
 */
const FieldworkersSettingsPage = () => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const { data, isLoading, error } = useFieldworkers()
  const [search, setSearch] = useState("")
  const [editor, setEditor] = useState<{ open: boolean; fieldworker: Fieldworker | null }>({ open: false, fieldworker: null })

  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: bookingQueryKeys.fieldworkers }), queryClient.invalidateQueries({ queryKey: bookingQueryKeys.all })])

  const save = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<FieldworkerInput> }) =>
      adminFetch<AdminFieldworkerResponse>(id ? `/admin/fieldworkers/${id}` : "/admin/fieldworkers", { body }),
    onSuccess: async ({ fieldworker }, { id }) => {
      toast.success(id ? `${fieldworker.name} saved` : `${fieldworker.name} added`)
      await refresh()
    },
  })

  const remove = useMutation({
    mutationFn: ({ fieldworker, confirm }: { fieldworker: Fieldworker; confirm: boolean }) =>
      adminFetch<AdminFieldworkerDeleteResponse>(`/admin/fieldworkers/${fieldworker.id}${confirm ? "?confirm=true" : ""}`, { method: "DELETE" }),
    onSuccess: async ({ unassigned_booking_count }, { fieldworker }) => {
      toast.success(
        unassigned_booking_count
          ? `${fieldworker.name} removed. ${unassigned_booking_count === 1 ? "1 booking is" : `${unassigned_booking_count} bookings are`} now unassigned.`
          : `${fieldworker.name} removed`
      )
      await refresh()
    },
  })

  const confirmRemove = async (fieldworker: Fieldworker) => {
    const confirmed = await prompt({
      variant: "danger",
      title: `Remove ${fieldworker.name}?`,
      description: "They will no longer be offered for bookings. Past bookings keep showing their name.",
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync({ fieldworker, confirm: false })
    } catch (caught) {
      // Upcoming visits: say how many and ask again before leaving them unassigned.
      if (caught instanceof ApiError && caught.code === "fieldworker_has_bookings") {
        const again = await prompt({
          variant: "danger",
          title: `${fieldworker.name} has upcoming bookings`,
          description: caught.message,
          confirmText: "Remove and unassign",
          cancelText: "Keep",
        })
        if (again) await remove.mutateAsync({ fieldworker, confirm: true }).catch((error: Error) => toast.error(error.message))
        return
      }
      toast.error(caught instanceof Error ? caught.message : "The fieldworker could not be removed.")
    }
  }

  const term = search.trim().toLowerCase()
  const fieldworkers = (data?.fieldworkers ?? []).filter(
    (fieldworker) =>
      !term || [fieldworker.name, fieldworker.email, fieldworker.phone ?? "", ...fieldworker.service_areas].some((value) => value.toLowerCase().includes(term))
  )
  const message = isLoading
    ? "Loading fieldworkers…"
    : error
      ? `The fieldworkers could not be loaded: ${error.message}`
      : fieldworkers.length === 0
        ? term
          ? "No fieldworkers match."
          : "No fieldworkers yet. Use Add to create the first."
        : null
  const editing = editor.fieldworker

  return (
    <Container className="divide-y p-0" data-testid="fieldworkers-settings-page">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Fieldworkers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The people you send to customers. Give each the postcode areas they cover; bookings outside them ask before assigning. Inactive fieldworkers keep
            their bookings but can’t be given new ones.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setEditor({ open: true, fieldworker: null })} data-testid="fieldworker-add">
          Add
        </Button>
      </div>
      <div className="px-6 py-3">
        <Input
          size="small"
          type="search"
          placeholder="Search by name, email, phone or area"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="max-w-sm"
          data-testid="fieldworkers-search"
        />
      </div>
      {data && data.count > data.fieldworkers.length && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-3">
          Showing the first {data.fieldworkers.length} of {data.count} fieldworkers, by name.
        </Text>
      )}
      <Table data-testid="fieldworkers-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Name</Table.HeaderCell>
            <Table.HeaderCell>Email</Table.HeaderCell>
            <Table.HeaderCell>Phone</Table.HeaderCell>
            <Table.HeaderCell>Areas</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Rating</Table.HeaderCell>
            <ActionsHeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {message ? (
            <TableMessageRow colSpan={7} message={message} isError={Boolean(error)} testId="fieldworkers-message" />
          ) : (
            fieldworkers.map((fieldworker) => (
              <Table.Row
                key={fieldworker.id}
                className="cursor-pointer"
                onClick={() => setEditor({ open: true, fieldworker })}
                data-testid="fieldworker-row"
                data-fieldworker-id={fieldworker.id}
              >
                <Table.Cell data-testid="fieldworker-name">{fieldworker.name}</Table.Cell>
                <Table.Cell>{fieldworker.email}</Table.Cell>
                <Table.Cell>{fieldworker.phone ?? "—"}</Table.Cell>
                <Table.Cell data-testid="fieldworker-areas">{describeAreas(fieldworker.service_areas)}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={fieldworker.active ? "green" : "grey"} data-testid="fieldworker-active">
                    {fieldworker.active ? "Active" : "Inactive"}
                  </Badge>
                </Table.Cell>
                <Table.Cell>
                  <FieldworkerRating fieldworkerId={fieldworker.id} />
                </Table.Cell>
                <Table.Cell onClick={(event) => event.stopPropagation()}>
                  <div className="flex items-center justify-end gap-x-1">
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Edit ${fieldworker.name}`}
                      onClick={() => setEditor({ open: true, fieldworker })}
                      data-testid="fieldworker-edit"
                    >
                      <PencilSquare />
                    </IconButton>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Remove ${fieldworker.name}`}
                      onClick={() => confirmRemove(fieldworker)}
                      disabled={remove.isPending}
                      data-testid="fieldworker-remove"
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

      <EntryDrawer<FieldworkerForm, Partial<FieldworkerInput>>
        // A new key per person, so the form starts from their details.
        key={editing?.id ?? "new"}
        testIdPrefix="fieldworker"
        open={editor.open}
        onOpenChange={(open) => setEditor((current) => ({ ...current, open }))}
        isNew={!editing}
        title={editing ? `Edit ${editing.name}` : "Add fieldworker"}
        description="Staff choose fieldworkers on the booking page. Their email and phone are for your team; customers don’t see them."
        initialValues={toForm(editing)}
        toBody={toBody}
        onSave={(body) => save.mutateAsync({ id: editing?.id, body })}
        isSaving={save.isPending}
        errorFallback="The fieldworker could not be saved."
      >
        {(field, { values, setValue, fieldId }) => (
          <>
            <FormField name="name" label="Name">
              <Input autoComplete="off" {...field("name")} />
            </FormField>
            <FormField name="email" label="Email">
              <Input type="email" autoComplete="off" {...field("email")} />
            </FormField>
            <FormField name="phone" label="Phone (optional)">
              <Input type="tel" autoComplete="off" {...field("phone")} />
            </FormField>
            <FormField
              name="service_areas"
              label="Areas covered"
              hint="Postcode areas or districts, separated by commas, e.g. BS, BA1. Leave empty if they go anywhere."
            >
              <Input autoComplete="off" placeholder="Anywhere" {...field("service_areas")} />
            </FormField>
            <div className="flex items-center gap-x-3">
              <Switch
                id={fieldId("active")}
                checked={values.active === "true"}
                onCheckedChange={(checked) => setValue("active", String(checked))}
                data-testid={fieldId("active")}
              />
              <Label htmlFor={fieldId("active")} size="small" weight="plus">
                Active: can be given new bookings
              </Label>
            </div>
          </>
        )}
      </EntryDrawer>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Fieldworkers",
})

export default FieldworkersSettingsPage
