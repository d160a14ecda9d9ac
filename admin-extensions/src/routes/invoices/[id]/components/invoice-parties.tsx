import type { Invoice, InvoiceParty, InvoiceSeller } from "@fieldservice/contract"
import { Container, Heading, Text } from "@medusajs/ui"

/** Who the invoice is made out to, and the business as printed on it. */
export function InvoiceParties({ invoice }: { invoice: Invoice }) {
  return (
    <Container className="divide-y p-0" data-testid="invoice-parties">
      <Party title="Bill to" party={invoice.bill_to} testId="invoice-bill-to" />
      <Party title="From" party={invoice.seller} testId="invoice-seller" />
    </Container>
  )
}

function Party({ title, party, testId }: { title: string; party: InvoiceParty | InvoiceSeller; testId: string }) {
  const details = [
    "company" in party && party.company && party.company !== party.name ? party.company : null,
    ...party.address_lines,
    party.email,
    "phone" in party ? party.phone : null,
    "tax_id" in party && party.tax_id ? `Tax ID ${party.tax_id}` : null,
    "tax_registration_number" in party && party.tax_registration_number ? `VAT ${party.tax_registration_number}` : null,
  ].filter(Boolean)
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4" data-testid={testId}>
      <Heading level="h3" className="text-ui-fg-subtle txt-compact-xsmall-plus uppercase">
        {title}
      </Heading>
      <Text size="small" weight="plus">
        {party.name}
      </Text>
      {details.map((line, index) => (
        <Text key={index} size="small" className="text-ui-fg-subtle">
          {line}
        </Text>
      ))}
    </div>
  )
}
