import { Input } from "@medusajs/ui"
import { type KeyboardEvent, type Ref, useId } from "react"
import { moveHighlight, tagBoxProps, TagSuggestionList, useTagBoxFocus } from "./tag-suggestion-list"
import { useTagSuggestions } from "../lib/customer-tags"

/**
 * A box for one tag with the tags in use offered under it (the combobox pattern): the arrows
 * move through the suggestions, Enter chooses the highlighted one, or what is typed when none
 * is, and never reaches what is behind the box (a row menu, a form). Escape is left to the dialog
 * around the box, which closes.
 */
export function TagComboBox({
  value,
  onChange,
  onChoose,
  exclude,
  inputRef,
  label,
  placeholder,
  testId,
}: {
  value: string
  onChange: (value: string) => void
  /** Enter, or a click on a suggestion: the tag chosen. */
  onChoose: (tag: string) => void
  exclude: string[]
  inputRef?: Ref<HTMLInputElement>
  label: string
  placeholder: string
  testId: string
}) {
  const listId = useId()
  const { focused, listOpen, highlight, setHighlight, focusProps, dismiss, reopenOn } = useTagBoxFocus()
  const { offered } = useTagSuggestions(value, [...exclude, value.trim()], focused)
  const showList = listOpen && offered.length > 0
  const current = showList && highlight < offered.length ? highlight : -1

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    reopenOn(event)
    if (showList && moveHighlight(event, offered.length, setHighlight)) return
    if (event.key === "Enter") {
      event.preventDefault()
      event.stopPropagation()
      dismiss()
      onChoose(current >= 0 ? offered[current] : value)
    }
  }

  return (
    <div className="relative">
      <Input
        ref={inputRef}
        size="small"
        aria-label={label}
        placeholder={placeholder}
        {...tagBoxProps(listId, showList, current)}
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
          setHighlight(-1)
        }}
        onKeyDown={onKeyDown}
        {...focusProps}
        data-testid={`${testId}-input`}
      />
      {showList && (
        <TagSuggestionList
          id={listId}
          offered={offered}
          highlight={current}
          onPick={(tag) => {
            dismiss()
            onChoose(tag)
          }}
          className="inset-x-0"
          testId={`${testId}-suggestion`}
        />
      )}
    </div>
  )
}
