import { PencilSquare, Trash } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Input, Label, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { EntryDrawer, FormField } from "../../../../components/entry-drawer"
import { PORTAL_SETTINGS_PATH, byRank, customFieldQueryKeys, deleteWithConfirmation, dependentTypesPath } from "../../../../lib/custom-fields"
import { portalQueryKeys } from "../../../../lib/portal"
import { sdk } from "../../../../lib/sdk"
import { CustomFieldsTable } from "./custom-fields-table"
import type {
  AdminDependentType,
  AdminCreateDependentType as DependentTypeInput,
  AdminDependentTypeResponse as DependentTypeResponse,
  AdminDependentTypeListResponse as DependentTypesResponse,
  AdminDependentsSettingsResponse as DependentsSettingsResponse,
} from "@fieldservice/contract"

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/**
 * Dependents / assets: whether customers see them in the portal, the types staff keep (Pets,
 * Vehicles…) and each type's own custom fields.
 */
export function DependentTypesSection() {
  const queryClient = useQueryClient()
  const prompt = usePrompt()

  const types = useQuery({
    queryKey: customFieldQueryKeys.dependentTypes,
    queryFn: () => sdk.client.fetch<DependentTypesResponse>(dependentTypesPath()),
  })
  const dependentTypes = byRank(types.data?.dependent_types ?? [])

  const invalidateTypes = () => queryClient.invalidateQueries({ queryKey: customFieldQueryKeys.dependentTypes })

  const [editor, setEditor] = useState<{ open: boolean; type: AdminDependentType | null }>({ open: false, type: null })

  const save = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<DependentTypeInput> }) =>
      sdk.client.fetch<DependentTypeResponse>(dependentTypesPath(id), { method: "POST", body }),
    onSuccess: (response, { id }) => {
      toast.success(id ? `“${response.dependent_type.label_plural}” saved` : `“${response.dependent_type.label_plural}” added`)
      return invalidateTypes()
    },
  })

  const [deletingId, setDeletingId] = useState<string | null>(null)
  const remove = async (type: AdminDependentType) => {
    setDeletingId(type.id)
    try {
      let outcome = await deleteWithConfirmation(dependentTypesPath(type.id), false)
      if (!outcome.deleted) {
        const count = outcome.count ?? type.dependent_count
        const confirmed = await prompt({
          title: `Delete “${type.label_plural}” and ${plural(count, type.label_singular.toLowerCase(), type.label_plural.toLowerCase())}?`,
          description: outcome.message,
          variant: "danger",
          confirmText: `Delete ${type.label_plural.toLowerCase()}`,
          cancelText: "Keep them",
        })
        if (!confirmed) return
        outcome = await deleteWithConfirmation(dependentTypesPath(type.id), true)
      }
      toast.success(`“${type.label_plural}” deleted`)
      queryClient.removeQueries({ queryKey: customFieldQueryKeys.list({ target_type: "dependent_type", target_id: type.id }) })
      await invalidateTypes()
    } catch (error) {
      toast.error(error instanceof Error && error.message ? error.message : "The type could not be deleted.")
    } finally {
      setDeletingId(null)
    }
  }

  const nextRank = dependentTypes.reduce((max, type) => Math.max(max, type.rank + 1), dependentTypes.length)
  const editing = editor.type

  return (
    <Container className="divide-y p-0" data-testid="dependent-types-settings">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Dependents and assets</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What customers have that you look after: pets, vehicles, properties, children… Each type has its own fields.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setEditor({ open: true, type: null })} data-testid="dependent-type-create">
          Add type
        </Button>
      </div>
      <DependentsPortalSwitch fallback={types.data?.portal_enabled} />
      {types.isLoading && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading types…
        </Text>
      )}
      {types.error && (
        <Text size="small" className="text-ui-fg-error px-6 py-4" data-testid="dependent-types-error">
          The types could not be loaded: {types.error.message}
        </Text>
      )}
      {types.data && dependentTypes.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="dependent-types-empty">
          No types yet. Use Add type to create the first, such as Pets or Vehicles.
        </Text>
      )}
      {dependentTypes.map((type) => (
        <div key={type.id} className="flex flex-col" data-testid="dependent-type" data-type-id={type.id}>
          <div className="flex items-center justify-between gap-x-4 px-6 pt-4">
            <div className="flex flex-col">
              <Heading level="h3" data-testid="dependent-type-label">
                {type.label_plural}
              </Heading>
              <Text size="small" className="text-ui-fg-subtle" data-testid="dependent-type-details">
                “{type.label_singular}” for one · {plural(type.dependent_count, "record", "records")} saved by customers
              </Text>
            </div>
            <div className="flex items-center gap-x-1">
              <IconButton
                size="small"
                variant="transparent"
                aria-label={`Edit “${type.label_plural}”`}
                onClick={() => setEditor({ open: true, type })}
                data-testid="dependent-type-edit"
              >
                <PencilSquare />
              </IconButton>
              <IconButton
                size="small"
                variant="transparent"
                aria-label={`Delete “${type.label_plural}”`}
                onClick={() => remove(type)}
                disabled={deletingId !== null}
                isLoading={deletingId === type.id}
                data-testid="dependent-type-delete"
              >
                <Trash />
              </IconButton>
            </div>
          </div>
          <CustomFieldsTable
            target={{ target_type: "dependent_type", target_id: type.id }}
            ownerNoun={type.label_singular.toLowerCase()}
            testId="dependent-type-fields"
          />
        </div>
      ))}
      <EntryDrawer<{ label_plural: string; label_singular: string }, Partial<DependentTypeInput>>
        testIdPrefix="dependent-type"
        open={editor.open}
        onOpenChange={(open) => setEditor((current) => ({ ...current, open }))}
        isNew={!editing}
        title={editing ? `Edit “${editing.label_plural}”` : "Add a dependent type"}
        description="How the type is named in the admin and the customer portal."
        initialValues={{ label_plural: editing?.label_plural ?? "", label_singular: editing?.label_singular ?? "" }}
        toBody={(changed) => {
          const body: Partial<DependentTypeInput> = {}
          if (changed.label_plural !== undefined) {
            body.label_plural = changed.label_plural.trim()
            if (!body.label_plural) throw new Error("Plural label is required")
          }
          if (changed.label_singular !== undefined) {
            body.label_singular = changed.label_singular.trim()
            if (!body.label_singular) throw new Error("Singular label is required")
          }
          if (!editing) body.rank = nextRank
          return body
        }}
        onSave={(body) => save.mutateAsync({ id: editing?.id, body })}
        isSaving={save.isPending}
        errorFallback="The type could not be saved."
      >
        {(bind) => (
          <>
            <FormField name="label_plural" label="Plural label" hint="For lists: “Pets”, “Vehicles”.">
              <Input {...bind("label_plural")} />
            </FormField>
            <FormField name="label_singular" label="Singular label" hint="For one: “Pet”, “Vehicle”.">
              <Input {...bind("label_singular")} />
            </FormField>
          </>
        )}
      </EntryDrawer>
    </Container>
  )
}

/** "Show dependents in the customer portal", saved as soon as it is switched. */
function DependentsPortalSwitch({ fallback }: { fallback?: boolean }) {
  const queryClient = useQueryClient()
  const settings = useQuery({
    // The same request as Settings → Customer portal, so both pages share it.
    queryKey: portalQueryKeys.settings,
    queryFn: () => sdk.client.fetch<DependentsSettingsResponse>(PORTAL_SETTINGS_PATH),
  })
  const enabled = settings.data?.settings.dependents_enabled ?? fallback ?? false

  const toggle = useMutation({
    mutationFn: (dependents_enabled: boolean) =>
      sdk.client.fetch<DependentsSettingsResponse>(PORTAL_SETTINGS_PATH, { method: "POST", body: { dependents_enabled } }),
    onSuccess: (_response, dependentsEnabled) => {
      toast.success(dependentsEnabled ? "Customers can now see their dependents in the portal." : "Dependents are hidden from the portal.")
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: portalQueryKeys.settings }),
        queryClient.invalidateQueries({ queryKey: customFieldQueryKeys.dependentTypes }),
      ])
    },
    onError: (error: Error) => toast.error(error.message || "The setting could not be saved."),
  })
  const shown = toggle.isPending && toggle.variables !== undefined ? toggle.variables : enabled

  return (
    <div className="flex flex-col gap-y-1 px-6 py-4">
      <div className="flex items-center gap-x-3">
        <Switch
          id="dependents-enabled"
          checked={shown}
          onCheckedChange={(checked) => toggle.mutate(checked)}
          disabled={settings.isLoading || toggle.isPending}
          data-testid="dependents-enabled-switch"
        />
        <Label htmlFor="dependents-enabled" size="small" weight="plus">
          Show dependents in the customer portal
        </Label>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        When on, customers see and edit their own dependents and the fields shown to them. Staff always see every dependent on the customer page.
      </Text>
      {settings.error && (
        <Text size="small" className="text-ui-fg-error">
          The setting could not be loaded: {settings.error.message}
        </Text>
      )}
    </div>
  )
}
