import { PencilSquare, Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { EntryDrawer, FormField } from "../../components/entry-drawer"
import { profilePaths, useProfileChange } from "../../lib/profile"
import { sdk } from "../../lib/sdk"
import { ProfileSection } from "./section"
import type {
  AdditionalContact,
  AdminCreateAdditionalContact as AdditionalContactInput,
  AdditionalContactResponse,
  AdditionalContactDeleteResponse,
  AdminCustomerProfile as CustomerProfile,
} from "@fieldservice/contract"

type ContactForm = { name: string; role: string; emails: string; phones: string }

const toForm = (contact: AdditionalContact | null): ContactForm => ({
  name: contact?.name ?? "",
  role: contact?.role ?? "",
  emails: contact?.emails.join("\n") ?? "",
  phones: contact?.phones.join("\n") ?? "",
})

/** One per line (commas and semicolons work too); blank lines are dropped. */
const splitList = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter(Boolean)

function toBody(values: Partial<ContactForm>): Partial<AdditionalContactInput> {
  const body: Partial<AdditionalContactInput> = {}
  if (values.name !== undefined) {
    const name = values.name.trim()
    if (!name) throw new Error("Enter the contact’s name.")
    body.name = name
  }
  if (values.role !== undefined) body.role = values.role.trim() || null
  if (values.emails !== undefined) body.emails = splitList(values.emails)
  if (values.phones !== undefined) body.phones = splitList(values.phones)
  return body
}

/** Other people to contact about this customer's visits: a tenant, a site manager, a partner. */
export function AdditionalContacts({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  const prompt = usePrompt()
  const [editor, setEditor] = useState<{ open: boolean; contact: AdditionalContact | null }>({ open: false, contact: null })

  // Save errors are shown (and toasted) by the drawer, which stays open.
  const save = useProfileChange(
    customerId,
    ({ id, body }: { id?: string; body: Partial<AdditionalContactInput> }) =>
      sdk.client.fetch<AdditionalContactResponse>(profilePaths.contacts(customerId, id), { method: "POST", body }),
    { success: (_data, { id }) => (id ? "Contact saved" : "Contact added") }
  )
  const remove = useProfileChange(
    customerId,
    (id: string) => sdk.client.fetch<AdditionalContactDeleteResponse>(profilePaths.contacts(customerId, id), { method: "DELETE" }),
    {
      success: "Contact deleted",
      onError: (error) => toast.error(error.message || "The contact could not be deleted."),
    }
  )

  const confirmDelete = async (contact: AdditionalContact) => {
    const confirmed = await prompt({
      variant: "danger",
      title: "Delete contact?",
      description: `“${contact.name}” will be removed from this customer’s contacts.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(contact.id)
  }

  const contacts = profile.additional_contacts

  return (
    <ProfileSection
      title="Additional contacts"
      description="Other people to contact about visits, such as a tenant or a site manager."
      testId="customer-profile-additional-contacts"
      action={
        <Button size="small" variant="secondary" onClick={() => setEditor({ open: true, contact: null })} data-testid="additional-contact-add">
          <Plus />
          Add contact
        </Button>
      }
    >
      {contacts.length === 0 ? (
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          No additional contacts.
        </Text>
      ) : (
        <ul className="flex flex-col divide-y">
          {contacts.map((contact) => (
            <li
              key={contact.id}
              className="flex items-start justify-between gap-x-4 py-2 first:pt-0 last:pb-0"
              data-testid="additional-contact"
              data-contact-id={contact.id}
            >
              <div className="flex min-w-0 flex-col gap-y-0.5">
                <Text size="small" weight="plus" leading="compact" data-testid="additional-contact-name">
                  {contact.name}
                  {contact.role && (
                    <span className="text-ui-fg-subtle font-normal" data-testid="additional-contact-role">
                      {" "}
                      · {contact.role}
                    </span>
                  )}
                </Text>
                {contact.emails.map((email) => (
                  <Text key={email} size="small" leading="compact" className="text-ui-fg-subtle break-all" data-testid="additional-contact-email">
                    {email}
                  </Text>
                ))}
                {contact.phones.map((phone) => (
                  <Text key={phone} size="small" leading="compact" className="text-ui-fg-subtle" data-testid="additional-contact-phone">
                    {phone}
                  </Text>
                ))}
              </div>
              <div className="flex shrink-0 items-center gap-x-1">
                <IconButton
                  size="small"
                  variant="transparent"
                  aria-label={`Edit ${contact.name}`}
                  onClick={() => setEditor({ open: true, contact })}
                  data-testid="additional-contact-edit"
                >
                  <PencilSquare />
                </IconButton>
                <IconButton
                  size="small"
                  variant="transparent"
                  aria-label={`Delete ${contact.name}`}
                  onClick={() => confirmDelete(contact)}
                  disabled={remove.isPending}
                  data-testid="additional-contact-delete"
                >
                  <Trash />
                </IconButton>
              </div>
            </li>
          ))}
        </ul>
      )}
      <EntryDrawer
        testIdPrefix="additional-contact"
        open={editor.open}
        onOpenChange={(open) => setEditor((current) => ({ ...current, open }))}
        isNew={!editor.contact}
        title={editor.contact ? "Edit contact" : "Add contact"}
        description="Someone else the team can contact about this customer’s visits."
        initialValues={toForm(editor.contact)}
        toBody={toBody}
        onSave={(body) => save.mutateAsync({ id: editor.contact?.id, body })}
        isSaving={save.isPending}
        errorFallback="The contact could not be saved."
      >
        {(input) => (
          <>
            <FormField name="name" label="Name">
              <Input autoComplete="off" {...input("name")} />
            </FormField>
            <FormField name="role" label="Role (optional)" hint="For example “Tenant” or “Site manager”.">
              <Input autoComplete="off" {...input("role")} />
            </FormField>
            <FormField name="emails" label="Emails (optional)" hint="One per line, at most 5.">
              <Textarea rows={2} autoComplete="off" {...input("emails")} />
            </FormField>
            <FormField name="phones" label="Phone numbers (optional)" hint="One per line, at most 5.">
              <Textarea rows={2} autoComplete="off" {...input("phones")} />
            </FormField>
          </>
        )}
      </EntryDrawer>
    </ProfileSection>
  )
}
