import { clx } from "@medusajs/ui"
import { type Dispatch, type KeyboardEvent, type SetStateAction, useState } from "react"
import { MAX_TAG_LENGTH } from "../lib/customer-tags"

/** Up and down arrows move through `count` suggestions, wrapping round; true when the key was one of them. */
export function moveHighlight(event: KeyboardEvent<HTMLInputElement>, count: number, setHighlight: Dispatch<SetStateAction<number>>): boolean {
  if (!count || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return false
  event.preventDefault()
  if (event.key === "ArrowDown") setHighlight((index) => (index + 1) % count)
  else setHighlight((index) => (index <= 0 ? count - 1 : index - 1))
  return true
}

/**
 * Whether a tag box has the focus, whether its list is open, and which suggestion the arrow keys
 * are on (none once it loses the focus). After a choice or Escape the list stays closed until the
 * next key is typed or an arrow pressed, so it never covers the page behind a box that just saved.
 */
export function useTagBoxFocus() {
  const [focused, setFocused] = useState(false)
  const [dismissed, setDismissed] = useState(false)
  const [highlight, setHighlight] = useState(-1)
  const focusProps = {
    onFocus: () => {
      setFocused(true)
      setDismissed(false)
    },
    onBlur: () => {
      setFocused(false)
      setHighlight(-1)
    },
  }
  const dismiss = () => {
    setDismissed(true)
    setHighlight(-1)
  }
  /** For the box's onKeyDown, before anything else: a typed key or an arrow opens the list again. */
  const reopenOn = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter" && event.key !== "Escape" && event.key !== "Tab") setDismissed(false)
  }
  return { focused, listOpen: focused && !dismissed, highlight, setHighlight, focusProps, dismiss, reopenOn }
}

/** A tag box's combobox attributes: it controls the list `listId`, the arrow keys' pick is `highlight`. */
export function tagBoxProps(listId: string, expanded: boolean, highlight: number) {
  return {
    autoComplete: "off",
    role: "combobox",
    "aria-expanded": expanded,
    "aria-controls": listId,
    "aria-autocomplete": "list" as const,
    "aria-activedescendant": highlight >= 0 ? `${listId}-${highlight}` : undefined,
    // Room to type past the limit, so the too-long message can show.
    maxLength: MAX_TAG_LENGTH + 10,
  }
}

/**
 * The tags in use offered under a tag box (a listbox the box controls by `id`): a click picks one
 * before the box loses focus; `highlight` is the one the arrow keys are on.
 */
export function TagSuggestionList({
  id,
  offered,
  highlight,
  onPick,
  className,
  emptyText,
  testId,
}: {
  id: string
  offered: string[]
  highlight: number
  onPick: (tag: string) => void
  className: string
  /** Shown when nothing is offered; without it the caller hides the list instead. */
  emptyText?: string
  testId: string
}) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Tags in use"
      className={clx("bg-ui-bg-component shadow-elevation-flyout absolute top-full z-10 mt-1 max-h-56 overflow-y-auto rounded-lg p-1", className)}
      data-testid={`${testId}s`}
    >
      {offered.length === 0 && emptyText && <li className="txt-compact-small text-ui-fg-subtle px-2 py-1.5">{emptyText}</li>}
      {offered.map((value, index) => (
        <li
          key={value}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === highlight}
          className={clx(
            "txt-compact-small cursor-pointer rounded-md px-2 py-1.5",
            index === highlight ? "bg-ui-bg-component-hover" : "hover:bg-ui-bg-component-hover"
          )}
          // Chosen before the input loses focus.
          onMouseDown={(event) => {
            event.preventDefault()
            onPick(value)
          }}
          data-testid={testId}
        >
          {value}
        </li>
      ))}
    </ul>
  )
}
