// Tags in use on customers: the limits, and the suggestions staff get while typing a tag.

import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { profilePaths } from "./profile"
import { sdk } from "./sdk"
import { useDebounced } from "./use-debounced"
import type { AdminCustomerTagListResponse as CustomerTagsResponse } from "@fieldservice/contract"

export const customerTagsQueryKey = (query: string) => ["customer-tags", query] as const
export const MAX_TAGS = 30
export const MAX_TAG_LENGTH = 50

/** Tags compare without case: "vip" is the tag "VIP". */
export const sameTag = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase()

/**
 * The tags in use starting with what is typed (once typing pauses), most used first, leaving out
 * `exclude`; asked only while `enabled` (the box has focus), so opening a page costs no request.
 */
export function useTagSuggestions(typed: string, exclude: string[], enabled: boolean) {
  const prefix = useDebounced(typed.trim(), 200)
  const suggestions = useQuery({
    queryKey: customerTagsQueryKey(prefix),
    queryFn: () => sdk.client.fetch<CustomerTagsResponse>(profilePaths.tags(prefix)),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
  const offered = (suggestions.data?.tags ?? [])
    .map((tag) => tag.value)
    .filter((value) => !exclude.some((tag) => sameTag(tag, value)))
    .slice(0, 8)
  return { offered, prefix, isFetching: suggestions.isFetching }
}
