import { XMarkMini } from "@medusajs/icons"
import { Badge, IconButton, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import type { HttpTypes } from "@medusajs/framework/types"
import { customerSearchBox, useCustomerSearch } from "../../../lib/customer-search"

type Chosen = Pick<HttpTypes.AdminCustomer, "id" | "first_name" | "last_name" | "email">
const customerLabel = (customer: Omit<Chosen, "id">) => [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.email

/** "Put it in a customer's account" (optional): found as the directory finds them. */
export function VoucherCustomerPicker({ customerId, onChange }: { customerId: string; onChange: (customer: Chosen | null) => void }) {
  const [text, setText] = useState("")
  const [open, setOpen] = useState(false)
  const { term, hits, chosen } = useCustomerSearch({
    queryKey: "gift-voucher-customer",
    text,
    customerId,
    limit: 6,
    fields: "id,email,first_name,last_name",
    searchOnlyUntilChosen: true,
  })
  const results = term.length >= 2 ? (hits.data?.customers ?? []) : []
  return (
    <div className="relative flex flex-col gap-y-2">
      <Label size="small" weight="plus" htmlFor="gift-voucher-customer">
        Customer&apos;s account (optional)
      </Label>
      {customerId ? (
        <div className="flex items-center gap-x-1" data-testid="issue-voucher-customer-chosen">
          <Badge size="small">{chosen.data ? customerLabel(chosen.data.customer) : "…"}</Badge>
          <IconButton size="small" variant="transparent" aria-label="Don't put it in an account" onClick={() => onChange(null)}>
            <XMarkMini />
          </IconButton>
        </div>
      ) : (
        <Input
          id="gift-voucher-customer"
          {...customerSearchBox(text, setText, setOpen)}
          placeholder="Search by name, email or phone"
          role="combobox"
          aria-expanded={open && results.length > 0}
          aria-controls="gift-voucher-customer-options"
          data-testid="issue-voucher-customer-search"
        />
      )}
      {!customerId && open && term.length >= 2 && (
        <ul
          id="gift-voucher-customer-options"
          role="listbox"
          className="bg-ui-bg-base shadow-elevation-flyout absolute top-full z-10 mt-1 w-full rounded-lg p-1"
          data-testid="issue-voucher-customer-options"
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
                  onChange({ id: customer.id, first_name: customer.first_name, last_name: customer.last_name, email: customer.email })
                }}
                data-testid="issue-voucher-customer-option"
              >
                <span>{customerLabel(customer)}</span>
                <span className="text-ui-fg-subtle">{customer.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Text size="small" className="text-ui-fg-subtle">
        The voucher shows in their portal under Gift cards, ready to use. Without one, the recipient adds it by its code.
      </Text>
    </div>
  )
}
