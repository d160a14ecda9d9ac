import { useSearchParams } from "react-router-dom"

/**
 * A staff list whose filters, order and page live in the address (so Back, reloads and "View all"
 * links keep them): what the page shows, how to change it, and the list API's query for it.
 */
export function useListAddress<O extends string>(options: {
  parseOrder: (value: string | null) => O
  filterQuery: (params: URLSearchParams) => URLSearchParams
  pageSize: number
}) {
  const [params, setParams] = useSearchParams()
  const order = options.parseOrder(params.get("order"))
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const filters = options.filterQuery(params)

  /** Sets or clears address values; any change but paging goes back to the first page. */
  const update = (changes: Record<string, string | null>, { keepPage = false }: { keepPage?: boolean } = {}) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    if (!keepPage) next.delete("offset")
    setParams(next, { replace: true })
  }

  /** Every filter cleared; the order stays. */
  const clearFilters = () => {
    const kept = params.get("order")
    setParams(kept ? new URLSearchParams({ order: kept }) : new URLSearchParams(), { replace: true })
  }

  const query = new URLSearchParams(filters)
  query.set("order", order)
  query.set("limit", String(options.pageSize))
  query.set("offset", String(offset))
  return { params, order, offset, filters, update, clearFilters, query: query.toString() }
}
