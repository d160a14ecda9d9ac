import { Button, Container, Heading, Input, Textarea } from "@medusajs/ui"
import { formatDate, fromDateInput, RICH_TEXT_HINT, toDateInput, todayDateInput } from "../../../lib/content"
import { EntryDrawer, FormField } from "../../../components/entry-drawer"
import { type Column, ContentTable } from "./content-table"
import { useContentCollection } from "./use-content-collection"
import type { AdminTerm as Term, AdminCreateTerm as TermInput } from "@fieldservice/contract"

type TermForm = { title: string; slug: string; body: string; version: string; publishedAt: string }

const columns: Column<Term>[] = [
  { header: "Title", cell: (term) => term.title },
  { header: "Version", cell: (term) => term.version, className: "w-1/6" },
  { header: "Published", cell: (term) => formatDate(term.publishedAt), className: "w-1/5" },
]

function toBody({ publishedAt, ...text }: Partial<TermForm>): Partial<TermInput> {
  const body: Partial<TermInput> = { ...text }
  if (publishedAt !== undefined) body.publishedAt = fromDateInput(publishedAt)
  return body
}

export function TermsTab() {
  const terms = useContentCollection("terms", "term")
  const { entry: term } = terms.editor

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Terms</Heading>
        <Button size="small" variant="secondary" onClick={terms.editor.create} data-testid="content-create-term">
          Create
        </Button>
      </div>
      <ContentTable
        testId="content-terms-table"
        plural="terms"
        columns={columns}
        entries={terms.entries}
        isLoading={terms.isLoading}
        error={terms.error}
        describe={(entry) => entry.title}
        onEdit={terms.editor.edit}
        onDelete={(entry) => terms.confirmDelete(entry, entry.title)}
        isDeleting={terms.isDeleting}
      />
      <EntryDrawer
        testIdPrefix="content"
        open={terms.editor.open}
        onOpenChange={terms.editor.setOpen}
        isNew={!term}
        title={term ? "Edit term" : "Create term"}
        description="Shown on the customer portal’s Support page."
        initialValues={{
          title: term?.title ?? "",
          slug: term?.slug ?? "",
          body: term?.body ?? "",
          version: term?.version ?? "1.0",
          publishedAt: term ? toDateInput(term.publishedAt) : todayDateInput(),
        }}
        toBody={toBody}
        onSave={terms.save}
        isSaving={terms.isSaving}
      >
        {(field) => (
          <>
            <FormField name="title" label="Title">
              <Input {...field("title")} />
            </FormField>
            <FormField name="slug" label="Slug" hint="Lowercase letters, digits and single dashes, e.g. terms-of-service.">
              <Input {...field("slug")} />
            </FormField>
            <div className="grid grid-cols-2 gap-x-4">
              <FormField name="version" label="Version">
                <Input {...field("version")} />
              </FormField>
              <FormField name="publishedAt" label="Published on">
                <Input type="date" {...field("publishedAt")} />
              </FormField>
            </div>
            <FormField name="body" label="Text" hint={RICH_TEXT_HINT}>
              <Textarea rows={14} {...field("body")} />
            </FormField>
          </>
        )}
      </EntryDrawer>
    </Container>
  )
}
