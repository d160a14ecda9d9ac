import { ArrowUpTray, Trash } from "@medusajs/icons"
import { Avatar, Button, IconButton, usePrompt } from "@medusajs/ui"
import { useRef } from "react"
import { fullName, profilePaths } from "../../lib/profile"
import { PICTURE_TYPES, type AdminCustomerProfile as CustomerProfile, type PictureResponse } from "@fieldservice/contract"
import { usePictureChange } from "./use-picture-change"

const initials = (profile: CustomerProfile) =>
  [profile.first_name, profile.last_name]
    .map((name) => name?.trim().charAt(0) ?? "")
    .join("")
    .toUpperCase() || profile.account_email.charAt(0).toUpperCase()

/** The customer's picture with Upload/Change and Remove; the customer can change it on the portal too. */
export function ProfilePicture({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  const input = useRef<HTMLInputElement>(null)
  const prompt = usePrompt()
  const { upload, remove, choose } = usePictureChange<PictureResponse>(customerId, profilePaths.picture(customerId), {
    saved: "Profile picture saved",
    removed: "Profile picture removed",
    notSaved: "The picture could not be saved.",
  })

  const confirmRemove = async () => {
    const confirmed = await prompt({
      variant: "danger",
      title: "Remove profile picture?",
      description: "The customer can upload a new one on the portal.",
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(undefined)
  }

  const name = fullName(profile) || profile.account_email
  const busy = upload.isPending || remove.isPending

  return (
    <div className="flex items-center gap-x-3" data-testid="customer-profile-picture">
      <Avatar
        size="large"
        variant="rounded"
        src={profile.picture_url ?? undefined}
        fallback={initials(profile)}
        aria-label={profile.picture_url ? `Picture of ${name}` : undefined}
        data-testid="customer-profile-picture-image"
        data-has-picture={profile.picture_url ? "true" : "false"}
      />
      <input
        ref={input}
        type="file"
        accept={PICTURE_TYPES.join(",")}
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        onChange={choose}
        data-testid="customer-profile-picture-input"
      />
      <Button
        size="small"
        variant="secondary"
        type="button"
        onClick={() => input.current?.click()}
        isLoading={upload.isPending}
        disabled={busy}
        data-testid="customer-profile-picture-upload"
      >
        <ArrowUpTray />
        {profile.picture_url ? "Change picture" : "Upload picture"}
      </Button>
      {profile.picture_url && (
        <IconButton
          size="small"
          variant="transparent"
          type="button"
          aria-label="Remove profile picture"
          onClick={confirmRemove}
          disabled={busy}
          data-testid="customer-profile-picture-remove"
        >
          <Trash />
        </IconButton>
      )}
    </div>
  )
}
