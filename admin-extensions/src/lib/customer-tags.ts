// Tags in use on customers: the limits, the suggestions staff get while typing a tag, and Settings → Customer tags.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { adminFetch } from "./bookings"
import { profilePaths } from "./profile"
import { sdk } from "./sdk"
import { useDebounced } from "./use-debounced"
import type {
  AdminCustomerTagListResponse as CustomerTagsResponse,
  AdminDeleteCustomerTagRequest,
  AdminDeleteCustomerTagResponse,
  AdminRenameCustomerTagRequest,
  AdminRenameCustomerTagResponse,
} from "@fieldservice/contract"

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

export const TAGS_PAGE_SIZE = 50

/** Settings → Customer tags: a page of the tags in use, with how many customers carry each. */
export function useCustomerTagList(search: string, offset: number) {
  const q = useDebounced(search.trim(), 250)
  return useQuery({
    queryKey: ["customer-tags", "list", q, offset],
    queryFn: () => adminFetch<CustomerTagsResponse>(`/admin/customer-tags?q=${encodeURIComponent(q)}&limit=${TAGS_PAGE_SIZE}&offset=${offset}`),
    placeholderData: keepPreviousData,
  })
}

/**
 * Renames, merges and deletes tags on every customer. Afterwards the suggestions and the
 * directory (whose rows show tags) are read again.
 */
export function useTagChanges() {
  const queryClient = useQueryClient()
  const refresh = () =>
    Promise.all(
      // The suggestions, the directory's rows and any customer page read before show the tags.
      [["customer-tags"], ["crm-directory"], ["customer-profile"]].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
    )
  const rename = useMutation({
    mutationFn: (body: AdminRenameCustomerTagRequest) => adminFetch<AdminRenameCustomerTagResponse>("/admin/customer-tags/rename", { body }),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: (body: AdminDeleteCustomerTagRequest) => adminFetch<AdminDeleteCustomerTagResponse>("/admin/customer-tags/delete", { body }),
    onSuccess: refresh,
  })
  return { rename, remove }
}

/** "1 customer", "12 customers". */
export const customerCount = (count: number) => (count === 1 ? "1 customer" : `${count.toLocaleString()} customers`)
