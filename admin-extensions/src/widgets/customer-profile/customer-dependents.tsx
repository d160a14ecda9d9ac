import { ArrowUpTray, PencilSquare, Photo, Plus, Trash, XMarkMini } from "@medusajs/icons"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useRef, useState } from "react"
import { StaffOnlyBadge, formatFieldValue } from "../../components/custom-field-input"
import { dependentTypesQueryKey, profilePaths, useCustomerProfile, useProfileChange } from "../../lib/profile"
import { sdk } from "../../lib/sdk"
import { DependentDrawer, type Editor } from "./dependent-drawer"
import { usePictureChange } from "./use-picture-change"
import {
  PICTURE_TYPES,
  type BaseDependentType as DependentType,
  type AdminDependentTypeListResponse as DependentTypesResponse,
  type AdminDependent as Dependent,
  type AdminCreateDependent as DependentInput,
  type AdminDependentResponse as DependentResponse,
  type DependentDeleteResponse,
} from "@fieldservice/contract"

type Group = { id: string; label: string; dependents: Dependent[] }

/** Dependents grouped by type, in the types' order; a type the list doesn't know yet goes last. */
function groupDependents(dependents: Dependent[], types: DependentType[] | undefined): Group[] {
  const groups = new Map<string, Group>()
  for (const type of [...(types ?? [])].sort((a, b) => a.rank - b.rank)) {
    groups.set(type.id, { id: type.id, label: type.label_plural, dependents: [] })
  }
  for (const dependent of dependents) {
    let group = groups.get(dependent.type_id)
    if (!group) {
      group = { id: dependent.type_id, label: dependent.type_label, dependents: [] }
      groups.set(dependent.type_id, group)
    }
    group.dependents.push(dependent)
  }
  return [...groups.values()].filter((group) => group.dependents.length > 0)
}

/**
 * The customer's pets, vehicles and other things visits are about, grouped by type ("Pets",
 * "Vehicles"; Settings → custom fields sets the types and their fields). Staff see and edit every
 * field, whether or not the portal offers dependents.
 */
const CustomerDependentsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const prompt = usePrompt()
  const { data, isLoading, error } = useCustomerProfile(customer.id)
  const dependents = data?.profile.dependents ?? []
  const [editor, setEditor] = useState<Editor>({ open: false, dependent: null })

  // The types (their plural labels and fields) are settings, not the profile: asked for only when
  // this customer has dependents or staff add one.
  const [wantTypes, setWantTypes] = useState(false)
  const types = useQuery({
    queryKey: dependentTypesQueryKey,
    queryFn: () => sdk.client.fetch<DependentTypesResponse>(profilePaths.dependentTypes),
    enabled: wantTypes || dependents.length > 0,
    staleTime: 5 * 60 * 1000,
  })
  const typeList = types.data?.dependent_types

  const save = useProfileChange(
    customer.id,
    ({ id, body }: { id?: string; body: Partial<DependentInput> }) =>
      sdk.client.fetch<DependentResponse>(profilePaths.dependents(customer.id, id), { method: "POST", body }),
    { success: ({ dependent }, { id }) => (id ? `${dependent.name} saved` : `${dependent.name} added`) }
  )
  const remove = useProfileChange(
    customer.id,
    (dependent: Dependent) => sdk.client.fetch<DependentDeleteResponse>(profilePaths.dependents(customer.id, dependent.id), { method: "DELETE" }),
    {
      success: (_data, dependent) => `${dependent.name} deleted`,
      onError: (error) => toast.error(error.message || "It could not be deleted."),
    }
  )

  const confirmDelete = async (dependent: Dependent) => {
    const confirmed = await prompt({
      variant: "danger",
      title: `Delete ${dependent.name}?`,
      description: `This ${dependent.type_label.toLowerCase()} and its details will be removed from the customer’s profile.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(dependent)
  }

  const openAdd = () => {
    setWantTypes(true)
    setEditor({ open: true, dependent: null })
  }

  const groups = groupDependents(dependents, typeList)
  const noTypes = !!typeList && typeList.length === 0

  return (
    <Container className="divide-y p-0" data-testid="customer-dependents-widget">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Dependents and assets</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Pets, vehicles and other things this customer’s visits are about.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={openAdd} disabled={noTypes} data-testid="dependent-add">
          <Plus />
          Add
        </Button>
      </div>
      {isLoading && (
        <Text className="px-6 py-4" size="small">
          Loading…
        </Text>
      )}
      {error && (
        <Text className="px-6 py-4 text-ui-fg-error" size="small">
          Dependents could not be loaded: {error.message}
        </Text>
      )}
      {data && dependents.length === 0 && (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="dependents-message">
          {noTypes ? "No dependent types are set up yet (Settings → Custom fields)." : "None yet. Use Add to record the first."}
        </Text>
      )}
      {groups.map((group) => (
        <section key={group.id} className="flex flex-col gap-y-3 px-6 py-4" data-testid="dependent-group" data-type-id={group.id}>
          <Text size="small" weight="plus" leading="compact" asChild>
            <h3 data-testid="dependent-group-label">{group.label}</h3>
          </Text>
          <ul className="flex flex-col gap-y-3">
            {group.dependents.map((dependent) => (
              <DependentCard
                key={dependent.id}
                customerId={customer.id}
                dependent={dependent}
                onEdit={() => setEditor({ open: true, dependent })}
                onDelete={() => confirmDelete(dependent)}
                deleting={remove.isPending}
              />
            ))}
          </ul>
        </section>
      ))}
      <DependentDrawer
        editor={editor}
        onOpenChange={(open) => setEditor((current) => ({ ...current, open }))}
        types={typeList}
        onSave={(body) => save.mutateAsync({ id: editor.dependent?.id, body })}
        isSaving={save.isPending}
      />
    </Container>
  )
}

function DependentCard({
  customerId,
  dependent,
  onEdit,
  onDelete,
  deleting,
}: {
  customerId: string
  dependent: Dependent
  onEdit: () => void
  onDelete: () => void
  deleting: boolean
}) {
  const input = useRef<HTMLInputElement>(null)
  const {
    upload,
    remove: removePhoto,
    choose,
  } = usePictureChange<DependentResponse>(customerId, profilePaths.dependentPhoto(customerId, dependent.id), {
    saved: "Photo saved",
    removed: "Photo removed",
    notSaved: "The photo could not be saved.",
  })

  const filled = dependent.custom_fields.filter((field) => field.value !== null && field.value !== "")
  const busy = upload.isPending || removePhoto.isPending

  return (
    <li className="flex items-start gap-x-4" data-testid="dependent" data-dependent-id={dependent.id}>
      <div className="flex shrink-0 flex-col items-center gap-y-1">
        <div className="bg-ui-bg-component border-ui-border-base flex size-16 items-center justify-center overflow-hidden rounded-lg border">
          {dependent.photo_url ? (
            <img src={dependent.photo_url} alt={`Photo of ${dependent.name}`} className="size-full object-cover" data-testid="dependent-photo" />
          ) : (
            <Photo className="text-ui-fg-muted" aria-hidden />
          )}
        </div>
        <input
          ref={input}
          type="file"
          accept={PICTURE_TYPES.join(",")}
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          onChange={choose}
          data-testid="dependent-photo-input"
        />
        <div className="flex items-center">
          <IconButton
            size="2xsmall"
            variant="transparent"
            type="button"
            aria-label={dependent.photo_url ? `Change photo of ${dependent.name}` : `Upload a photo of ${dependent.name}`}
            onClick={() => input.current?.click()}
            disabled={busy}
            isLoading={upload.isPending}
            data-testid="dependent-photo-upload"
          >
            <ArrowUpTray />
          </IconButton>
          {dependent.photo_url && (
            <IconButton
              size="2xsmall"
              variant="transparent"
              type="button"
              aria-label={`Remove photo of ${dependent.name}`}
              onClick={() => removePhoto.mutate(undefined)}
              disabled={busy}
              data-testid="dependent-photo-remove"
            >
              <XMarkMini />
            </IconButton>
          )}
        </div>
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-y-1">
        <Text size="small" weight="plus" leading="compact" data-testid="dependent-name">
          {dependent.name}
        </Text>
        {dependent.notes && (
          <Text size="small" leading="compact" className="text-ui-fg-subtle whitespace-pre-line" data-testid="dependent-notes">
            {dependent.notes}
          </Text>
        )}
        {filled.length > 0 && (
          <dl className="mt-1 flex flex-col gap-y-1">
            {filled.map((field) => (
              <div key={field.id} className="grid grid-cols-2 gap-x-4" data-testid="dependent-custom-field" data-field-key={field.key}>
                <dt className="flex flex-wrap items-center gap-x-2">
                  <Text size="small" leading="compact" className="text-ui-fg-subtle" asChild>
                    <span>{field.label}</span>
                  </Text>
                  {field.visibility === "staff" && <StaffOnlyBadge />}
                </dt>
                <dd>
                  <Text size="small" leading="compact" className="break-words" data-testid="dependent-custom-field-value">
                    {formatFieldValue(field, field.value)}
                  </Text>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-x-1">
        <IconButton size="small" variant="transparent" aria-label={`Edit ${dependent.name}`} onClick={onEdit} data-testid="dependent-edit">
          <PencilSquare />
        </IconButton>
        <IconButton
          size="small"
          variant="transparent"
          aria-label={`Delete ${dependent.name}`}
          onClick={onDelete}
          disabled={deleting}
          data-testid="dependent-delete"
        >
          <Trash />
        </IconButton>
      </div>
    </li>
  )
}

export default CustomerDependentsWidget
