import { XMarkMini } from "@medusajs/icons"
import { IconButton, Input, Label, Text } from "@medusajs/ui"
import { formatPhone } from "@fieldservice/contract"
import { useState } from "react"
import { customerName, formatDay } from "../../../../lib/customer-merge"
import { customerSearchBox, useCustomerSearch } from "../../../../lib/customer-search"

const CUSTOMER_FIELDS = "id,email,first_name,last_name,company_name,phone,created_at"

/** Finds a customer as the directory does (name, email, phone, company, address), or shows the one chosen. */
export function CustomerPicker({
  role,
  title,
  hint,
  customerId,
  otherId,
  onChange,
}: {
  role: "primary" | "secondary"
  title: string
  hint: string
  customerId: string
  otherId: string
  onChange: (id: string | null) => void
}) {
  const [text, setText] = useState("")
  const [open, setOpen] = useState(false)
  const { term, hits, chosen } = useCustomerSearch({
    queryKey: "crm-merge-customer",
    text,
    customerId,
    limit: 8,
    fields: CUSTOMER_FIELDS,
    searchOnlyUntilChosen: true,
    retry: false,
  })
  const inputId = `merge-${role}-search`

  return (
    <div className="flex flex-col gap-y-2" data-testid={`merge-${role}`}>
      <div className="flex flex-col">
        <Text size="small" weight="plus">
          {title}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      </div>
      {customerId ? (
        <div className="bg-ui-bg-subtle flex items-start justify-between gap-x-2 rounded-lg border px-3 py-2" data-testid={`merge-${role}-chosen`}>
          <div className="flex min-w-0 flex-col">
            {chosen.data ? (
              <>
                <Text size="small" weight="plus" className="truncate" data-testid={`merge-${role}-name`}>
                  {customerName(chosen.data.customer)}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {[chosen.data.customer.email, formatPhone(chosen.data.customer.phone), chosen.data.customer.company_name].filter(Boolean).join(" · ")}
                </Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  {/* Medusa types it Date | string; over JSON it is the ISO string. */}
                  Customer since {formatDay(chosen.data.customer.created_at as string)}
                </Text>
              </>
            ) : chosen.isError ? (
              <Text size="small" className="text-ui-fg-error">
                No customer with id {customerId} (it may have been deleted or merged).
              </Text>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                Loading…
              </Text>
            )}
          </div>
          <IconButton
            size="small"
            variant="transparent"
            aria-label={`Choose another ${role} customer`}
            onClick={() => onChange(null)}
            data-testid={`merge-${role}-clear`}
          >
            <XMarkMini />
          </IconButton>
        </div>
      ) : (
        <div className="relative flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor={inputId} className="text-ui-fg-subtle">
            Find a customer
          </Label>
          <Input
            id={inputId}
            {...customerSearchBox(text, setText, setOpen)}
            role="combobox"
            aria-expanded={open && term.length >= 2}
            aria-controls={`${inputId}-options`}
            data-testid={`merge-${role}-search`}
          />
          {open && term.length >= 2 && (
            <ul id={`${inputId}-options`} role="listbox" className="bg-ui-bg-base shadow-elevation-flyout absolute top-full z-10 mt-1 w-full rounded-lg p-1">
              {hits.isLoading && <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">Searching…</li>}
              {!hits.isLoading && (hits.data?.customers ?? []).length === 0 && (
                <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">No customers found</li>
              )}
              {(hits.data?.customers ?? []).map((customer) => (
                <li key={customer.id} role="option" aria-selected={false}>
                  <button
                    type="button"
                    disabled={customer.id === otherId}
                    className="hover:bg-ui-bg-base-hover txt-compact-small flex w-full flex-col rounded-md px-2 py-1.5 text-left disabled:opacity-50"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => {
                      setText("")
                      setOpen(false)
                      onChange(customer.id)
                    }}
                    data-testid={`merge-${role}-option`}
                  >
                    <span>
                      {customerName(customer)}
                      {customer.id === otherId ? " (already chosen)" : ""}
                    </span>
                    <span className="text-ui-fg-subtle">
                      {[customer.email, formatPhone(customer.phone), customer.company_name].filter(Boolean).join(" · ")}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
