import { usePrompt } from "@medusajs/ui"
import { useEffect } from "react"
import { useBlocker } from "react-router-dom"

/** The question asked before unsaved changes are lost, wherever they are. */
export const DISCARD_CHANGES_PROMPT = {
  title: "Discard unsaved changes?",
  description: "What you changed here has not been saved and will be lost.",
  confirmText: "Discard changes",
  cancelText: "Keep editing",
  variant: "danger" as const,
}

/** One path is the other or below it, e.g. "/customers/cus_1" and "/customers/cus_1/edit". */
const nested = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)

/**
 * While `dirty`, leaving the page (a link, Back) asks first, and closing or reloading the tab
 * gets the browser's own warning.
 */
export function useLeaveWarning(dirty: boolean) {
  const prompt = usePrompt()
  // Opening or closing one of the page's own drawers (a path below it) is not leaving.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !nested(currentLocation.pathname, nextLocation.pathname))

  useEffect(() => {
    if (blocker.state !== "blocked") return
    void prompt(DISCARD_CHANGES_PROMPT).then((discard) => (discard ? blocker.proceed() : blocker.reset()))
    // Asked once per blocked navigation.
  }, [blocker.state])

  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ""
    }
    window.addEventListener("beforeunload", warn)
    return () => window.removeEventListener("beforeunload", warn)
  }, [dirty])
}
