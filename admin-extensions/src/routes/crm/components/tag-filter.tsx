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
          className="left-0 w-56"
          emptyText="No tag in use starts like that"
          testId="crm-directory-tag-filter-suggestion"
        />
      )}
    </div>
  )
}

/** Customers carrying every chosen tag. */
export function TagFilter({ selected, onChange }: { selected: string[]; onChange: (next: string[]) => void }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" className="text-ui-fg-subtle" asChild>
        <span>Tags</span>
      </Text>
      <div className="flex items-center gap-x-1">
        {selected.map((tag) => (
          <Badge key={tag} size="small" className="gap-x-0.5 pr-0.5" data-testid="crm-directory-tag-chosen">
            {tag}
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
        {selected.length < 10 && (
          <div className="w-40">
            <TagFilterInput exclude={selected} onPick={(tag) => onChange([...selected, tag])} placeholder={selected.length ? "And tag…" : "Any tag"} />
          </div>
        )}
      </div>
    </div>
  )
}
