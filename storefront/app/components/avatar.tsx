import { initials } from "~/lib/pictures"

type AvatarProps = {
  name: string
  pictureUrl: string | null
  size?: "medium" | "large"
}

/** The customer's profile picture, or their initials when they haven't added one. */
export function Avatar({ name, pictureUrl, size = "medium" }: AvatarProps) {
  const className = `avatar avatar--${size}`
  if (pictureUrl) {
    return <img src={pictureUrl} alt="Your profile picture" className={className} data-testid="profile-picture" />
  }
  return (
    <span className={`${className} avatar--initials`} role="img" aria-label="No profile picture" data-testid="profile-initials">
      <span aria-hidden="true">{initials(name)}</span>
    </span>
  )
}
