import { PencilSquare } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { CustomFieldControl, StaffOnlyBadge, formatFieldValue, fromFieldText, toFieldText } from "../../components/custom-field-input"
import { EntryDrawer } from "../../components/entry-drawer"

import { ProfileSection } from "./section"
import { useUpdateProfile } from "./use-update-profile"
import type {
  CustomFieldValue,
  CustomFieldWithValue,
  AdminCustomerProfile as CustomerProfile,
  AdminUpdateCustomerProfile as CustomerProfileUpdate,
} from "@fieldservice/contract"

/** The form's values: one string per field key. */
const toForm = (fields: CustomFieldWithValue[]): Record<string, string> =>
  Object.fromEntries(fields.map((field) => [field.key, toFieldText(field, field.value)]))

/**
 * The business's own fields (Settings → custom fields) with this customer's values. Staff see and
 * edit every field; staff-only ones are marked and never shown to the customer.
 */
export function CustomFields({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  const [open, setOpen] = useState(false)
  // The drawer shows the API's 400 ("Gate code: …") and toasts it; nothing is toasted twice.
  const save = useUpdateProfile(customerId, "Custom fields saved", { toastErrors: false })
  const fields = profile.custom_fields

  const toBody = (changed: Partial<Record<string, string>>): CustomerProfileUpdate => {
    const values: Record<string, CustomFieldValue> = {}
    for (const [key, text] of Object.entries(changed)) {
      const field = fields.find((candidate) => candidate.key === key)
      if (field) values[key] = fromFieldText(field, text)
    }
    return { custom_fields: values }
  }

  return (
    <ProfileSection
      title="Custom fields"
      description="Your business’s own details about this customer."
      testId="customer-profile-custom-fields"
      action={
        fields.length > 0 && (
          <Button size="small" variant="secondary" onClick={() => setOpen(true)} data-testid="customer-profile-edit-custom-fields">
            <PencilSquare />
            Edit
          </Button>
        )
      }
    >
      {fields.length === 0 ? (
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          No custom fields have been set up yet.
        </Text>
      ) : (
        <dl className="flex flex-col gap-y-2">
          {fields.map((field) => (
            <div key={field.id} className="grid grid-cols-2 items-start gap-x-4" data-testid="customer-profile-custom-field" data-field-key={field.key}>
              <dt className="flex flex-wrap items-center gap-x-2 pt-0.5">
                <Text size="small" leading="compact" className="text-ui-fg-subtle" asChild>
                  <span>{field.label}</span>
                </Text>
                {field.visibility === "staff" && <StaffOnlyBadge />}
              </dt>
              <dd className="min-w-0">
                <Text
                  size="small"
                  leading="compact"
                  className={field.value === null || field.value === "" ? "text-ui-fg-muted" : "break-words"}
                  data-testid="customer-profile-custom-field-value"
                >
                  {formatFieldValue(field, field.value)}
                </Text>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <EntryDrawer
        testIdPrefix="customer-custom-fields"
        open={open}
        onOpenChange={setOpen}
        isNew={false}
        title="Edit custom fields"
        description="Only the fields you change are saved. Fields marked “Staff only” are never shown to the customer."
        initialValues={toForm(fields)}
        toBody={toBody}
        onSave={(body) => save.mutateAsync(body)}
        isSaving={save.isPending}
        errorFallback="The custom fields could not be saved."
      >
        {(_input, { values, setValue, fieldId }) => (
          <>
            {fields.map((field) => (
              <CustomFieldControl
                key={field.id}
                field={field}
                id={fieldId(field.key)}
                value={values[field.key]}
                onChange={(value) => setValue(field.key, value)}
              />
            ))}
          </>
        )}
      </EntryDrawer>
    </ProfileSection>
  )
}
