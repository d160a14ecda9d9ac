import { XMarkMini } from "@medusajs/icons"
import { Badge, Input, Text, clx } from "@medusajs/ui"
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { type KeyboardEvent, useId, useState } from "react"
import {
  type CustomerProfile,
  type CustomerTagsResponse,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  customerTagsQueryKey,
  profilePaths,
} from "../../lib/profile"
import { sdk } from "../../lib/sdk"
import { useDebounced } from "../../lib/use-debounced"
import { InlineError, ProfileSection } from "./section"
import { useUpdateProfile } from "./use-update-profile"

const sameTag = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase()

/**
 * Staff-only labels such as "Premium" or "Key holder". Typing a tag and pressing Enter adds it
 * (new tags are created by using them); tags already in use elsewhere are suggested. Every change
 * saves the whole list at once.
 */
export function Tags({ customerId, profile }: { customerId: string; profile: CustomerProfile }) {
  const queryClient = useQueryClient()
  const listId = useId()
  // One save at a time, in order, so quick additions all land.
  const update = useUpdateProfile(customerId, (body) => tagMessage(profile.tags, body.tags ?? []), { scope: "tags" })
  const [text, setText] = useState("")
  const [focused, setFocused] = useState(false)
  const [highlight, setHighlight] = useState(-1)
  const [invalid, setInvalid] = useState<string | null>(null)

  // While saves are on their way, show the list as it will be.
  const tags = update.isPending && update.variables?.tags ? update.variables.tags : profile.tags

  const query = useDebounced(text.trim(), 200)
  const suggestions = useQuery({
    queryKey: customerTagsQueryKey(query),
    queryFn: () => sdk.client.fetch<CustomerTagsResponse>(profilePaths.tags(query)),
    // Asked only while the tag box is in use, so opening the page makes no extra request.
    enabled: focused,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
  const offered = (suggestions.data?.tags ?? [])
    .map((tag) => tag.value)
    .filter((value) => !tags.some((tag) => sameTag(tag, value)))
    .slice(0, 8)
  const showList = focused && offered.length > 0

  const save = (next: string[]) => {
    update.mutate(
      { tags: next },
      { onSuccess: () => queryClient.invalidateQueries({ queryKey: ["customer-tags"] }) }
    )
  }

  const add = (raw: string) => {
    const tag = raw.trim().replace(/\s+/g, " ")
    if (!tag) return
    setHighlight(-1)
    // An existing tag keeps its spelling: "premium" adds "Premium" when that is in use.
    const known = offered.find((value) => sameTag(value, tag)) ?? tag
    if (tags.some((existing) => sameTag(existing, known))) {
      setText("")
      setInvalid(null)
      return
    }
    if (known.length > MAX_TAG_LENGTH) {
      setInvalid(`A tag can be at most ${MAX_TAG_LENGTH} characters.`)
      return
    }
    if (tags.length >= MAX_TAGS) {
      setInvalid(`A customer can have at most ${MAX_TAGS} tags.`)
      return
    }
    setInvalid(null)
    setText("")
    save([...tags, known])
  }

  const removeTag = (tag: string) => save(tags.filter((existing) => existing !== tag))

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || (event.key === "," && text.trim())) {
      event.preventDefault()
      add(highlight >= 0 && offered[highlight] ? offered[highlight] : text)
    } else if (event.key === "ArrowDown" && offered.length) {
      event.preventDefault()
      setHighlight((index) => (index + 1) % offered.length)
    } else if (event.key === "ArrowUp" && offered.length) {
      event.preventDefault()
      setHighlight((index) => (index <= 0 ? offered.length - 1 : index - 1))
    } else if (event.key === "Escape") {
      setHighlight(-1)
      setText("")
    } else if (event.key === "Backspace" && !text && tags.length) {
      removeTag(tags[tags.length - 1])
    }
  }

  return (
    <ProfileSection title="Tags" description="Staff only. Type a tag and press Enter; new tags are created as you use them." testId="customer-profile-tags">
      <ul className="flex flex-wrap gap-1.5" data-testid="customer-profile-tag-list">
        {tags.map((tag) => (
          <li key={tag}>
            <Badge size="small" className="gap-x-0.5 pr-0.5" data-testid="customer-profile-tag">
              <span data-testid="customer-profile-tag-value">{tag}</span>
              <button
                type="button"
                className="text-ui-fg-muted hover:text-ui-fg-subtle rounded-sm"
                aria-label={`Remove tag ${tag}`}
                onClick={() => removeTag(tag)}
                data-testid="customer-profile-tag-remove"
              >
                <XMarkMini />
              </button>
            </Badge>
          </li>
        ))}
        {tags.length === 0 && (
          <li>
            <Text size="small" leading="compact" className="text-ui-fg-muted">
              No tags yet.
            </Text>
          </li>
        )}
      </ul>
      <div className="relative">
        <Input
          size="small"
          aria-label="Add a tag"
          placeholder="Add a tag…"
          autoComplete="off"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={highlight >= 0 ? `${listId}-${highlight}` : undefined}
          maxLength={MAX_TAG_LENGTH + 10}
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            setHighlight(-1)
            setInvalid(null)
          }}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false)
            setHighlight(-1)
          }}
          data-testid="customer-profile-tag-input"
        />
        {showList && (
          <ul
            id={listId}
            role="listbox"
            aria-label="Tags in use"
            className="bg-ui-bg-component shadow-elevation-flyout absolute inset-x-0 top-full z-10 mt-1 max-h-56 overflow-y-auto rounded-lg p-1"
            data-testid="customer-profile-tag-suggestions"
          >
            {offered.map((value, index) => (
              <li
                key={value}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === highlight}
                className={clx(
                  "txt-compact-small cursor-pointer rounded-md px-2 py-1.5",
                  index === highlight ? "bg-ui-bg-component-hover" : "hover:bg-ui-bg-component-hover"
                )}
                // Chosen before the input loses focus.
                onMouseDown={(event) => {
                  event.preventDefault()
                  add(value)
                }}
                data-testid="customer-profile-tag-suggestion"
              >
                {value}
              </li>
            ))}
          </ul>
        )}
      </div>
      <InlineError message={invalid ?? update.error?.message} testId="customer-profile-tags-error" />
    </ProfileSection>
  )
}

function tagMessage(before: string[], after: string[]): string {
  const added = after.filter((tag) => !before.includes(tag))
  const removed = before.filter((tag) => !after.includes(tag))
  if (added.length === 1 && removed.length === 0) return `Tag “${added[0]}” added`
  if (removed.length === 1 && added.length === 0) return `Tag “${removed[0]}” removed`
  return "Tags saved"
}
