import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react"

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string
  label: string
  /** Defaults to the name. */
  id?: string
  hint?: string
  error?: string
}

type FrameProps = {
  id: string
  label: string
  hint?: string
  error?: string
  children: (describedBy: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode
}

/** The label, hint and error around one control; the control is announced with the hint and error. */
function FieldFrame({ id, label, hint, error, children }: FrameProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** A labelled input with an optional hint and error, both announced with the field. */
export function Field({ name, label, id = name, hint, error, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(described) => <input id={id} name={name} {...described} {...input} />}
    </FieldFrame>
  )
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "children"> & {
  name: string
  label: string
  /** Defaults to the name. */
  id?: string
  hint?: string
  error?: string
  options: ReadonlyArray<{ value: string; label: string }>
}

/** A labelled <select>, with an optional hint and error announced with it. */
export function SelectField({ name, label, id = name, hint, error, options, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(described) => (
        <select id={id} name={name} {...described} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  )
}

/** The error summary at the top of a form. */
export function FormAlert({ message, hint }: { message?: string | null; hint?: string | null }) {
  if (!message) return null
  return (
    <div role="alert" className="alert" id="form-error">
      <p>{message}</p>
      {hint ? <p>{hint}</p> : null}
    </div>
  )
}

/** A polite confirmation ("We've sent a new link"). */
export function FormStatus({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div role="status" className="success" data-testid={testId}>
      {children}
    </div>
  )
}
