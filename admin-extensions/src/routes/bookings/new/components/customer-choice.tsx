import { Button, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { directoryName, useDirectory } from "../../../../lib/directory"
import { useDebounced } from "../../../../lib/use-debounced"
import { formatPhone, type AdminCustomerProfile } from "@fieldservice/contract"

/** Who the booking is for: the directory's search (name, email, phone, postcode), or the customer chosen. */
export function CustomerChoice({
  customerId,
  profile,
  onChoose,
}: {
  customerId: string
  profile: AdminCustomerProfile | null
  onChoose: (customerId: string) => void
}) {
  const [text, setText] = useState("")
  const term = useDebounced(text.trim())
  const { data, isFetching } = useDirectory(new URLSearchParams({ q: term, limit: "6", status: "active" }).toString())

  if (profile) {
    const name = [profile.first_name, profile.last_name].filter(Boolean).join(" ") || profile.account_email
    return (
      <div className="flex items-start justify-between gap-x-4" data-testid="new-booking-customer" data-customer-id={customerId}>
        <div className="flex flex-col">
          <Text size="small" weight="plus" data-testid="new-booking-customer-name">
            {name}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {[profile.account_email, profile.account_phone ? formatPhone(profile.account_phone) : null].filter(Boolean).join(" · ")}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => onChoose("")} data-testid="new-booking-customer-change">
          Change
        </Button>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-2">
      <Input
        size="small"
        type="search"
        aria-label="Find the customer"
        placeholder="Name, email, phone or postcode"
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
        data-testid="new-booking-customer-search"
      />
      {term.length >= 2 && data && data.customers.length === 0 && !isFetching && (
        <Text size="small" className="text-ui-fg-subtle">
          No customer matches “{term}”. Add them in Customers first.
        </Text>
      )}
      <ul className="flex flex-col divide-y">
        {(term.length >= 2 ? (data?.customers ?? []) : []).map((customer) => (
          <li key={customer.id} className="flex items-center justify-between gap-x-2 py-2" data-testid="new-booking-customer-option">
            <div className="flex min-w-0 flex-col">
              <Text size="small" weight="plus" className="truncate">
                {directoryName(customer)}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle truncate">
                {[customer.email, customer.phone ? formatPhone(customer.phone) : null].filter(Boolean).join(" · ")}
              </Text>
            </div>
            <Button size="small" variant="secondary" onClick={() => onChoose(customer.id)} data-testid="new-booking-customer-choose">
              Choose
            </Button>
          </li>
        ))}
      </ul>
    </div>
  )
}
