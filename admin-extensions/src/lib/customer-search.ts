import type { HttpTypes } from "@medusajs/framework/types"
import type { AdminCustomerDirectoryListResponse } from "@fieldservice/contract"
import { useQuery } from "@tanstack/react-query"
import type { ChangeEvent } from "react"
import { sdk } from "./sdk"
import { useDebounced } from "./use-debounced"

type Options = {
  /** Names the two queries: `<key>-search` and `<key>`. */
  queryKey: string
  /** What has been typed so far; searched (debounced) from two characters. */
  text: string
  /** The customer chosen, shown instead of the search. */
  customerId: string
  limit: number
  /** Medusa's `fields` for the customer chosen: only what the picker shows. */
  fields: string
  /** Stop searching once a customer is chosen. */
  searchOnlyUntilChosen?: boolean
  /** false: a chosen id that no longer exists is reported at once. */
  retry?: false
}

/**
 * The directory's search (names, any email or phone in any format, companies, streets, towns,
 * postcodes with or without the space), so a customer is found the same way wherever one is
 * picked; archived customers too. And the customer chosen.
 */
export function useCustomerSearch({ queryKey, text, customerId, limit, fields, searchOnlyUntilChosen, retry }: Options) {
  const term = useDebounced(text.trim())
  const hits = useQuery({
    queryKey: [`${queryKey}-search`, term],
    queryFn: () =>
      sdk.client.fetch<AdminCustomerDirectoryListResponse>("/admin/crm/customers", { query: { q: term, limit, status: "active,blocked,archived" } }),
    enabled: (!searchOnlyUntilChosen || !customerId) && term.length >= 2,
  })
  const chosen = useQuery({
    queryKey: [queryKey, customerId],
    queryFn: () => sdk.client.fetch<HttpTypes.AdminCustomerResponse>(`/admin/customers/${customerId}`, { query: { fields } }),
    enabled: !!customerId,
    ...(retry === false ? { retry } : {}),
  })
  return { term, hits, chosen }
}

/** The search box's own props: typing opens the suggestions; leaving closes them late enough for a click on one to land first. */
export function customerSearchBox(text: string, setText: (text: string) => void, setOpen: (open: boolean) => void) {
  return {
    size: "small" as const,
    type: "search",
    placeholder: "Name, email, phone, company or address",
    autoComplete: "off",
    value: text,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setText(event.target.value)
      setOpen(true)
    },
    onFocus: () => setOpen(true),
    onBlur: () => setTimeout(() => setOpen(false), 150),
  }
}
