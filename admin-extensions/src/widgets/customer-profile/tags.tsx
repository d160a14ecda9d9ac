import { XMarkMini } from "@medusajs/icons"
import { Badge, Input, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { type KeyboardEvent, useId, useState } from "react"
import { moveHighlight, tagBoxProps, TagSuggestionList, useTagBoxFocus } from "../../components/tag-suggestion-list"
import { MAX_TAGS, MAX_TAG_LENGTH, sameTag, useTagSuggestions } from "../../lib/customer-tags"

import { InlineError, ProfileSection } from "./section"
import { useUpdateProfile } from "./use-update-profile"
import type { AdminCustomerProfile as CustomerProfile } from "@fieldservice/contract"

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
  const { focused, listOpen, highlight, setHighlight, focusProps, dismiss, reopenOn } = useTagBoxFocus()
  const [invalid, setInvalid] = useState<string | null>(null)

  // While saves are on their way, show the list as it will be.
  const tags = update.isPending && update.variables?.tags ? update.variables.tags : profile.tags

  const { offered } = useTagSuggestions(text, tags, focused)
  const showList = listOpen && offered.length > 0

  const save = (next: string[]) => {
    update.mutate({ tags: next }, { onSuccess: () => queryClient.invalidateQueries({ queryKey: ["customer-tags"] }) })
  }

  const add = (raw: string) => {
    const tag = raw.trim().replace(/\s+/g, " ")
    if (!tag) return
    dismiss()
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
    reopenOn(event)
    if (moveHighlight(event, offered.length, setHighlight)) return
    if (event.key === "Enter" || (event.key === "," && text.trim())) {
      event.preventDefault()
      add(highlight >= 0 && offered[highlight] ? offered[highlight] : text)
    } else if (event.key === "Escape") {
      dismiss()
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
          {...tagBoxProps(listId, showList, highlight)}
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            setHighlight(-1)
            setInvalid(null)
          }}
          onKeyDown={onKeyDown}
          {...focusProps}
          data-testid="customer-profile-tag-input"
        />
        {showList && (
          <TagSuggestionList id={listId} offered={offered} highlight={highlight} onPick={add} className="inset-x-0" testId="customer-profile-tag-suggestion" />
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
