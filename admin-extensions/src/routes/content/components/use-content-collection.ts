import { toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { contentPath, contentQueryKey } from "../../../lib/content"
import { sdk } from "../../../lib/sdk"
import type {
  ContentCollection,
  AdminContentDeleteResponse as ContentDeleteResponse,
  AdminContentEntry as ContentEntry,
  AdminContentInput as ContentInput,
  AdminContentListResponse as ContentListResponse,
  AdminFaqResponse,
  AdminTermResponse,
} from "@fieldservice/contract"

/**
 * What the FAQs and terms tabs share: the list, create/update/delete with toasts and cache
 * invalidation, a confirmation before deleting, and which entry the edit drawer shows.
 * Save errors are left to the caller (the drawer shows them); delete errors are toasted here.
 */
export function useContentCollection<C extends ContentCollection>(collection: C, noun: string) {
  type Entry = ContentEntry[C]
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const queryKey = contentQueryKey(collection)
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1)

  const list = useQuery({
    queryKey,
    queryFn: () => sdk.client.fetch<ContentListResponse<C>>(contentPath(collection)),
  })
  const invalidate = () => queryClient.invalidateQueries({ queryKey })

  const save = useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Partial<ContentInput[C]> }) =>
      sdk.client.fetch<AdminFaqResponse | AdminTermResponse>(contentPath(collection, id), { method: "POST", body }),
    onSuccess: (_response, { id }) => {
      toast.success(id === undefined ? `${Noun} created` : `${Noun} saved`)
      return invalidate()
    },
  })

  const remove = useMutation({
    mutationFn: (id: number) => sdk.client.fetch<ContentDeleteResponse>(contentPath(collection, id), { method: "DELETE" }),
    onSuccess: () => {
      toast.success(`${Noun} deleted`)
      return invalidate()
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const confirmDelete = async (entry: Entry, name: string) => {
    const confirmed = await prompt({
      title: `Delete ${noun}?`,
      description: `“${name}” will no longer appear on the customer portal. This cannot be undone.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(entry.id)
  }

  // The entry stays set while the drawer animates closed, so its title and fields don't jump.
  const [editor, setEditor] = useState<{ open: boolean; entry: Entry | null }>({ open: false, entry: null })

  return {
    entries: list.data?.[collection] ?? [],
    isLoading: list.isLoading,
    error: list.error,
    save: (body: Partial<ContentInput[C]>) => save.mutateAsync({ id: editor.entry?.id, body }),
    isSaving: save.isPending,
    confirmDelete,
    isDeleting: remove.isPending,
    editor: {
      ...editor,
      create: () => setEditor({ open: true, entry: null }),
      edit: (entry: Entry) => setEditor({ open: true, entry }),
      setOpen: (open: boolean) => setEditor((current) => ({ ...current, open })),
    },
  }
}
