import { toast } from "@medusajs/ui"
import type { ChangeEvent } from "react"
import { sdk } from "../../lib/sdk"
import { pictureProblem, uploadFile, useProfileChange } from "../../lib/profile"

type Messages = { saved: string; removed: string; notSaved: string }

/** Uploading and removing one picture (the customer's, or a dependent's photo); a file of the wrong type or size is refused before it is sent. */
export function usePictureChange<T>(customerId: string, path: string, messages: Messages) {
  const showError = (error: Error) => toast.error(error.message || messages.notSaved)
  const upload = useProfileChange(customerId, (file: File) => uploadFile<T>(path, file), { success: messages.saved, onError: showError })
  const remove = useProfileChange(customerId, () => sdk.client.fetch<T>(path, { method: "DELETE" }), { success: messages.removed, onError: showError })

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    // Cleared, so choosing the same file again still counts as a change.
    event.target.value = ""
    if (!file) return
    const problem = pictureProblem(file)
    if (problem) toast.error(problem)
    else upload.mutate(file)
  }
  return { upload, remove, choose }
}
