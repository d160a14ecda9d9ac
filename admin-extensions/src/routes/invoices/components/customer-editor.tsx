import { Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { customerSearchBox, useCustomerSearch } from "../../../lib/customer-search"

/** The customer filter's editor: the directory's search, then a click on a customer. */
export function CustomerEditor({ onChoose }: { onChoose: (customerId: string) => void }) {
  const [text, setText] = useState("")
  const { term, hits } = useCustomerSearch({ queryKey: "admin-invoices-customer", text, customerId: "", limit: 6, fields: "id" })
  const results = term.length >= 2 ? (hits.data?.customers ?? []) : []
  const box = customerSearchBox(text, setText, () => undefined)
  return (
    <div className="flex flex-col gap-y-2 p-3">
      <Input {...box} onBlur={undefined} aria-label="Find a customer" data-testid="invoices-customer-search" />
      {term.length < 2 ? (
        <Text size="xsmall" className="text-ui-fg-muted">
          Type two letters or more of a name, email, phone, company or address.
        </Text>
      ) : hits.isLoading ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          Searching…
        </Text>
      ) : results.length === 0 ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          No customers found
        </Text>
      ) : (
        <ul className="flex flex-col" role="listbox" aria-label="Customers">
          {results.map((customer) => (
            <li key={customer.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover txt-compact-small flex w-full flex-col rounded-md px-2 py-1.5 text-left outline-none"
                onClick={() => onChoose(customer.id)}
                data-testid="invoices-customer-option"
              >
                <span>{[customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email}</span>
                <span className="text-ui-fg-subtle">{customer.company_name ? `${customer.company_name} · ${customer.email}` : customer.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
