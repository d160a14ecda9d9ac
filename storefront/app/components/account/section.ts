/** A part of My account that may fail on its own: its data, or why it can't be shown. */
export type SectionResult<T> = { data: T; error: string | null }
