import { XMarkMini } from "@medusajs/icons"
import { Badge, Input, Text } from "@medusajs/ui"
import { type KeyboardEvent, useId, useState } from "react"
import { sameTag, useTagSuggestions } from "../../../lib/customer-tags"
import { moveHighlight, tagBoxProps, TagSuggestionList, useTagBoxFocus } from "../../../components/tag-suggestion-list"

/** A text box offering the tags in use as staff type (most used first); Enter or a click picks one. */
function TagFilterInput({ exclude, onPick, placeholder }: { exclude: string[]; onPick: (tag: string) => void; placeholder: string }) {
  const listId = useId()
  const [text, setText] = useState("")
  const { focused, highlight, setHighlight, focusProps } = useTagBoxFocus()
  const { offered, prefix, isFetching } = useTagSuggestions(text, exclude, focused)
  const open = focused && (offered.length > 0 || (prefix.length > 0 && !isFetching))

  const pick = (value: string | undefined) => {
    if (!value) return
    setText("")
    setHighlight(-1)
    onPick(value)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault()
      // What was typed, in the spelling in use ("vip" picks "VIP").
      pick(highlight >= 0 ? offered[highlight] : offered.find((value) => sameTag(value, text.trim())))
    } else moveHighlight(event, offered.length, setHighlight)
  }

  return (
    <div className="relative">
      <Input
        size="small"
        aria-label="Filter by tag"
        placeholder={placeholder}
        {...tagBoxProps(listId, open, highlight)}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setHighlight(-1)
        }}
        onKeyDown={onKeyDown}
        {...focusProps}
        data-testid="crm-directory-tag-filter-input"
      />
      {open && (
        <TagSuggestionList
          id={listId}
          offered={offered}
          highlight={highlight}
          onPick={pick}
          // In the flow of the popover, so the chosen tags move down rather than hide under it.
          className="static mt-1 p-0 shadow-none"
          emptyText="No tag in use starts like that"
          testId="crm-directory-tag-filter-suggestion"
        />
      )}
    </div>
  )
}

/** The tags chip's value: "VIP", "VIP and Regular", "VIP, Regular and Gate". */
export const describeTags = (tags: string[]) => (tags.length > 1 ? `${tags.slice(0, -1).join(", ")} and ${tags[tags.length - 1]}` : (tags[0] ?? ""))

/** The tags filter's editor: customers carrying every chosen tag, picked from the tags in use. */
export function TagEditor({ selected, onChange }: { selected: string[]; onChange: (next: string[]) => void }) {
  return (
    <div className="flex flex-col gap-y-2 p-3">
      {/* The chosen tags above the box: the suggestions opening under it never move them from under the pointer. */}
      {selected.length > 0 && (
        <div className="flex flex-wrap gap-1">
          {selected.map((tag) => (
            <Badge key={tag} size="small" className="max-w-full gap-x-0.5 pr-0.5" data-testid="crm-directory-tag-chosen">
              <span className="truncate">{tag}</span>
              <button
                type="button"
                className="text-ui-fg-muted hover:text-ui-fg-subtle rounded-sm"
                aria-label={`Stop filtering by tag ${tag}`}
                onClick={() => onChange(selected.filter((existing) => existing !== tag))}
                data-testid="crm-directory-tag-remove"
              >
                <XMarkMini />
              </button>
            </Badge>
          ))}
        </div>
      )}
      {selected.length < 10 ? (
        <TagFilterInput exclude={selected} onPick={(tag) => onChange([...selected, tag])} placeholder={selected.length ? "And tag…" : "Find a tag"} />
      ) : (
        <Text size="xsmall" className="text-ui-fg-subtle">
          At most 10 tags at once.
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-muted">
        Customers with every tag chosen.
      </Text>
    </div>
  )
}
