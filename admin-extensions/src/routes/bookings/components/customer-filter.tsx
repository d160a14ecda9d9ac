import { XMarkMini } from "@medusajs/icons"
import { Badge, IconButton, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import type { HttpTypes } from "@medusajs/framework/types"
import { customerSearchBox, useCustomerSearch } from "../../../lib/customer-search"

const customerLabel = (customer: Pick<HttpTypes.AdminCustomer, "first_name" | "last_name" | "email">) =>
  [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email

/** Find a customer as the directory does (name, email, phone, company, address), then list only their bookings. */
export function CustomerFilter({ customerId, onChange }: { customerId: string; onChange: (id: string | null) => void }) {
  const [text, setText] = useState("")
  const [open, setOpen] = useState(false)
  const { term, hits, chosen } = useCustomerSearch({
    queryKey: "admin-bookings-customer",
    text,
    customerId,
    limit: 6,
    fields: "id,email,first_name,last_name,company_name",
  })

  if (customerId) {
    return (
      <div className="flex flex-col gap-y-1">
        <Text size="xsmall" className="text-ui-fg-subtle" asChild>
          <span>Customer</span>
        </Text>
        <div className="flex h-8 items-center gap-x-1" data-testid="bookings-customer-chosen">
          <Badge size="small">{chosen.data ? customerLabel(chosen.data.customer) : chosen.isError ? "Unknown customer" : "…"}</Badge>
          <IconButton
            size="small"
            variant="transparent"
            aria-label="Show every customer's bookings"
            onClick={() => onChange(null)}
            data-testid="bookings-customer-clear"
          >
            <XMarkMini />
          </IconButton>
        </div>
      </div>
    )
  }
  const results = term.length >= 2 ? (hits.data?.customers ?? []) : []
  return (
    <div className="relative flex w-56 flex-col gap-y-1">
      <Label size="xsmall" htmlFor="bookings-customer" className="text-ui-fg-subtle">
        Customer
      </Label>
      <Input
        id="bookings-customer"
        {...customerSearchBox(text, setText, setOpen)}
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls="bookings-customer-options"
        data-testid="bookings-customer-search"
      />
      {open && term.length >= 2 && (
        <ul
          id="bookings-customer-options"
          role="listbox"
          className="bg-ui-bg-base shadow-elevation-flyout absolute top-full z-10 mt-1 w-72 rounded-lg p-1"
          data-testid="bookings-customer-options"
        >
          {hits.isLoading && <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">Searching…</li>}
          {!hits.isLoading && results.length === 0 && <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">No customers found</li>}
          {results.map((customer) => (
            <li key={customer.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="hover:bg-ui-bg-base-hover txt-compact-small flex w-full flex-col rounded-md px-2 py-1.5 text-left"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setText("")
                  setOpen(false)
                  onChange(customer.id)
                }}
                data-testid="bookings-customer-option"
              >
                <span>{customerLabel(customer)}</span>
                <span className="text-ui-fg-subtle">{customer.company_name ? `${customer.company_name} · ${customer.email}` : customer.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
