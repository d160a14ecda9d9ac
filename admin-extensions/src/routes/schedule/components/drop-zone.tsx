import { clx } from "@medusajs/ui"
import { type ReactNode, useState } from "react"

type DropZoneProps = {
  onDropVisit: (visitId: string) => void
  className?: string
  children?: ReactNode
  label: string
  /** The fieldworker the zone stands for ("none": unassigned), for tests and styles. */
  laneId: string | null
}

/** A place on the board a visit can be dropped on (a fieldworker's column, an hour, a day). */
export function DropZone({ onDropVisit, className, children, label, laneId }: DropZoneProps) {
  const [over, setOver] = useState(false)
  return (
    <div
      className={clx("min-h-[3rem] transition-colors", over && "bg-ui-bg-highlight", className)}
      onDragOver={(event) => {
        event.preventDefault()
        event.dataTransfer.dropEffect = "move"
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault()
        setOver(false)
        const id = event.dataTransfer.getData("text/plain")
        if (id) onDropVisit(id)
      }}
      aria-label={label}
      data-testid="schedule-drop"
      data-fieldworker-id={laneId ?? "none"}
    >
      {children}
    </div>
  )
}
