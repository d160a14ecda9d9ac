import { Button, Container, Heading, Input, Textarea } from "@medusajs/ui"

import { EntryDrawer, FormField } from "../../../components/entry-drawer"
import { RICH_TEXT_HINT } from "../../../lib/content"
import { type Column, ContentTable } from "./content-table"
import { useContentCollection } from "./use-content-collection"
import type { AdminFaq as Faq, AdminCreateFaq as FaqInput } from "@fieldservice/contract"

type FaqForm = { question: string; answer: string; category: string; order: string }

const columns: Column<Faq>[] = [
  { header: "Question", cell: (faq) => <span className="line-clamp-1">{faq.question}</span> },
  { header: "Category", cell: (faq) => faq.category, className: "w-1/5" },
  { header: "Order", cell: (faq) => faq.order, className: "w-px text-right" },
]

function toBody({ order, ...text }: Partial<FaqForm>): Partial<FaqInput> {
  const body: Partial<FaqInput> = { ...text }
  if (order !== undefined) {
    if (order.trim() === "" || !Number.isFinite(Number(order))) {
      throw new Error("order must be a number")
    }
    body.order = Number(order)
  }
  return body
}

export function FaqsTab() {
  const faqs = useContentCollection("faqs", "FAQ")
  const { entry: faq } = faqs.editor
  // A new question goes to the end of the list unless staff choose otherwise.
  const nextOrder = faqs.entries.reduce((max, entry) => Math.max(max, entry.order + 1), 0)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">FAQs</Heading>
        <Button size="small" variant="secondary" onClick={faqs.editor.create} data-testid="content-create-faq">
          Create
        </Button>
      </div>
      <ContentTable
        testId="content-faqs-table"
        plural="FAQs"
        columns={columns}
        entries={faqs.entries}
        isLoading={faqs.isLoading}
        error={faqs.error}
        describe={(entry) => entry.question}
        onEdit={faqs.editor.edit}
        onDelete={(entry) => faqs.confirmDelete(entry, entry.question)}
        isDeleting={faqs.isDeleting}
      />
      <EntryDrawer
        testIdPrefix="content"
        open={faqs.editor.open}
        onOpenChange={faqs.editor.setOpen}
        isNew={!faq}
        title={faq ? "Edit FAQ" : "Create FAQ"}
        description="Shown on the customer portal’s Support page."
        initialValues={{
          question: faq?.question ?? "",
          answer: faq?.answer ?? "",
          category: faq?.category ?? "General",
          order: String(faq?.order ?? nextOrder),
        }}
        toBody={toBody}
        onSave={faqs.save}
        isSaving={faqs.isSaving}
      >
        {(field) => (
          <>
            <FormField name="question" label="Question">
              <Input {...field("question")} />
            </FormField>
            <FormField name="answer" label="Answer" hint={RICH_TEXT_HINT}>
              <Textarea rows={8} {...field("answer")} />
            </FormField>
            <FormField name="category" label="Category" hint="Questions are grouped by category on the Support page.">
              <Input {...field("category")} />
            </FormField>
            <FormField name="order" label="Order" hint="Position within the category; lower numbers come first.">
              <Input type="number" min={0} step={1} {...field("order")} />
            </FormField>
          </>
        )}
      </EntryDrawer>
    </Container>
  )
}
