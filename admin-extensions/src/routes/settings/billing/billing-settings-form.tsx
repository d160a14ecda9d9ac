import { type BillingSettings, PAYMENT_TERMS, type PaymentTerms } from "@fieldservice/contract"
import { Button, Input, Label, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { type FormEvent, type ReactNode, useState } from "react"
import { FieldMessage } from "../../../components/entry-drawer"
import { type FormMessage, formMessages } from "../../../lib/field-errors"
import { useSaveBillingSettings } from "../../../lib/invoices"
import { SettingsFormError } from "../customer-portal/components/portal-settings-card"

const TERMS_LABELS: Record<PaymentTerms, string> = {
  on_receipt: "Due on receipt",
  net_7: "Net 7 (due in 7 days)",
  net_14: "Net 14 (due in 14 days)",
  net_30: "Net 30 (due in 30 days)",
  days: "Another number of days…",
}

/** The form's fields as its labels name them, for the API's messages about them. */
const LABELS: Record<string, string> = {
  invoice_prefix: "Invoice prefix",
  credit_note_prefix: "Credit note prefix",
  default_terms_days: "Days",
  name: "Business name",
  address_lines: "Address",
  tax_registration_number: "VAT registration number",
  bank_details: "Bank details",
  footer: "Footer",
  email: "Email",
  phone: "Phone",
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)

export function BillingSettingsForm({ settings }: { settings: BillingSettings }) {
  const [values, setValues] = useState({
    invoice_prefix: settings.invoice_prefix,
    credit_note_prefix: settings.credit_note_prefix,
    default_terms_days: settings.default_terms_days === null ? "" : String(settings.default_terms_days),
    name: settings.seller.name,
    address_lines: settings.seller.address_lines.join("\n"),
    tax_registration_number: settings.seller.tax_registration_number ?? "",
    bank_details: settings.seller.bank_details ?? "",
    footer: settings.seller.footer ?? "",
    email: settings.seller.email ?? "",
    phone: settings.seller.phone ?? "",
  })
  const [issueAtOnce, setIssueAtOnce] = useState(settings.issue_on_completion)
  const [terms, setTerms] = useState<PaymentTerms>(settings.default_terms)
  const [messages, setMessages] = useState<FormMessage[]>([])
  const save = useSaveBillingSettings()
  const messageFor = (field: string) => messages.find((message) => message.field === field)?.message ?? null
  const formError = messages
    .filter((message) => !message.field)
    .map((message) => message.message)
    .join(" ")

  const bind = (name: keyof typeof values) => ({
    id: `billing-${name}`,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
    "data-testid": `billing-${name}`,
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const days = values.default_terms_days.trim()
    if (terms === "days" && !/^\d{1,3}$/.test(days)) {
      setMessages([{ field: "default_terms_days", message: "Give the number of days, a whole number from 1 to 365." }])
      return
    }
    setMessages([])
    const body = {
      invoice_prefix: values.invoice_prefix.trim(),
      credit_note_prefix: values.credit_note_prefix.trim(),
      issue_on_completion: issueAtOnce,
      default_terms: terms,
      default_terms_days: terms === "days" ? Number(days) : null,
      seller: {
        name: values.name.trim(),
        address_lines: lines(values.address_lines),
        tax_registration_number: values.tax_registration_number.trim() || null,
        bank_details: values.bank_details.trim() || null,
        footer: values.footer.trim() || null,
        email: values.email.trim() || null,
        phone: values.phone.trim() || null,
      },
    }
    save.mutate(body, {
      onSuccess: () => toast.success("Billing settings saved"),
      // "seller.name" is the form's "name": formMessages also tries the part after the first.
      onError: (error) => setMessages(formMessages(error, LABELS, { body, fallback: "The billing settings could not be saved." })),
    })
  }

  const field = (name: keyof typeof LABELS, label: string, control: ReactNode, hint?: ReactNode) => (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={`billing-${name}`} size="small" weight="plus">
        {label}
      </Label>
      {control}
      {hint && !messageFor(name) && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
      <FieldMessage message={messageFor(name)} testId={`billing-${name}-error`} />
    </div>
  )

  return (
    <form onSubmit={submit} noValidate data-testid="billing-settings-form">
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <SettingsFormError message={formError || null} testId="billing-settings-error" />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {field(
            "invoice_prefix",
            "Invoice prefix",
            <Input {...bind("invoice_prefix")} />,
            "{YYYY} becomes the year issued: INV-{YYYY}- gives INV-2026-000123."
          )}
          {field(
            "credit_note_prefix",
            "Credit note prefix",
            <Input {...bind("credit_note_prefix")} />,
            "The same, for credit notes: CN-{YYYY}- gives CN-2026-000007."
          )}
        </div>
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="billing-issue-on-completion" size="small" weight="plus">
              Issue invoices when a visit is completed
            </Label>
            <Text size="small" className="text-ui-fg-subtle">
              {issueAtOnce
                ? "The invoice is numbered and emailed to the customer as soon as staff mark the visit completed."
                : "The invoice is left as a draft for staff to check and issue from the Invoices page."}
            </Text>
          </div>
          <Switch id="billing-issue-on-completion" checked={issueAtOnce} onCheckedChange={setIssueAtOnce} data-testid="billing-issue-on-completion" />
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="billing-default-terms" size="small" weight="plus">
              Default payment terms
            </Label>
            <Select value={terms} onValueChange={(value) => setTerms(value as PaymentTerms)}>
              <Select.Trigger id="billing-default-terms" data-testid="billing-default-terms">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {PAYMENT_TERMS.map((option) => (
                  <Select.Item key={option} value={option} data-testid={`billing-default-terms-${option}`}>
                    {TERMS_LABELS[option]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Text size="small" className="text-ui-fg-subtle">
              A customer&apos;s own payment terms (on their page) come first; a due date set on one invoice comes before both.
            </Text>
          </div>
          {terms === "days" &&
            field(
              "default_terms_days",
              "Days",
              <Input {...bind("default_terms_days")} inputMode="numeric" />,
              "Invoices are due this many days after they are issued."
            )}
        </div>
      </div>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <Text size="small" weight="plus">
          Your details on invoices
        </Text>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {field("name", "Business name", <Input {...bind("name")} />)}
          {field("tax_registration_number", "VAT registration number", <Input {...bind("tax_registration_number")} placeholder="GB123456789" />)}
          {field("address_lines", "Address", <Textarea {...bind("address_lines")} rows={4} />, "One line each, up to 6.")}
          {field(
            "bank_details",
            "Bank details",
            <Textarea {...bind("bank_details")} rows={4} />,
            "How to pay by bank transfer: account name, sort code, account number."
          )}
          {field("email", "Email", <Input {...bind("email")} type="email" />)}
          {field("phone", "Phone", <Input {...bind("phone")} type="tel" />)}
        </div>
        {field("footer", "Footer", <Textarea {...bind("footer")} rows={2} />, "Printed at the bottom of every invoice, e.g. your company registration.")}
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" type="submit" isLoading={save.isPending} data-testid="billing-settings-save">
          Save
        </Button>
      </div>
    </form>
  )
}
