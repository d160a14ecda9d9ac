import type { Readable } from "node:stream"
import { type CsvError, Parser } from "csv-parse"

/** A record as read: its cells and the physical line it starts on (line 1 is the header). */
export type CsvRecord = { line: number; cells: string[] }
/** A record that could not be read: too long, or (`unclosed`) a quote never closed, which swallowed the rest of the file. */
export type CsvBadRecord = { line: number; error: string; unclosed?: boolean }
export type CsvRow = CsvRecord | CsvBadRecord

export const isBadRecord = (row: CsvRow): row is CsvBadRecord => "error" in row

/** The file is not UTF-8 text; `line` is where the first bad byte is. */
export class CsvEncodingError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
]

/** Says what is wrong when `bytes` (the start of a file) are UTF-16, which spreadsheets offer as "Unicode text". */
export function utf16Message(bytes: Uint8Array): string | null {
  const isUtf16 = UTF16_BOMS.some(([a, b]) => bytes[0] === a && bytes[1] === b)
  return isUtf16 ? "The file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8” and upload it again." : null
}

const CR = 13
const LF = 10
const UTF8_BOM = [0xef, 0xbb, 0xbf]

/** A place in the file: its byte offset and, for the row limit, the characters before it. */
type Position = { bytes: number; chars: number }
/** A line break (CRLF is one): where it starts, and the byte after it. */
type LineBreak = { start: Position; end: number }

/**
 * The line breaks in the bytes csv-parse has been given but not yet turned into records.
 * csv-parse says where each record ends in bytes; these give the line the record starts on
 * (counting line breaks inside quoted cells, CRLF as one, as a text editor does) and its
 * length in characters (UTF-16 code units, as JavaScript counts them).
 */
class LineBreaks {
  private readonly breaks: LineBreak[] = []
  private head = 0
  /** Line breaks before the current record. */
  private passed = 0
  private bytes = 0
  private chars = 0
  private carriageReturn = false
  /** Where the next record can start: after the last record's line break (blank lines are stepped over later). */
  private next: Position = { bytes: 0, chars: 0 }
  private bom = true

  /** Notes the line breaks in the next bytes of the file. */
  scan(chunk: Uint8Array) {
    let { bytes, chars } = this
    if (bytes < UTF8_BOM.length) {
      for (let i = 0; i < chunk.length && bytes + i < UTF8_BOM.length; i++) this.bom &&= chunk[i] === UTF8_BOM[bytes + i]
      // A byte-order mark is not part of the first record (csv-parse drops it too).
      if (this.bom && bytes + chunk.length >= UTF8_BOM.length) this.next = { bytes: UTF8_BOM.length, chars: 1 }
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]
      if (c === LF && this.carriageReturn) this.breaks[this.breaks.length - 1].end = bytes + 1
      else if (c === CR || c === LF) this.breaks.push({ start: { bytes, chars }, end: bytes + 1 })
      this.carriageReturn = c === CR
      if ((c & 0xc0) !== 0x80) chars++
      if (c >= 0xf0) chars++
      bytes++
    }
    this.bytes = bytes
    this.chars = chars
  }

  /** The line the bytes scanned so far end on. */
  get line() {
    return 1 + this.passed + this.breaks.length - this.head
  }

  /** The line of the byte at `offset`, at or after the current record's start. */
  lineAt(offset: number) {
    let line = 1 + this.passed
    for (let i = this.head; i < this.breaks.length && this.breaks[i].end <= offset; i++) line++
    return line
  }

  /** Steps over blank lines to where the next record starts, and returns that place and its line. */
  start(): { at: Position; line: number } {
    while (this.head < this.breaks.length && this.breaks[this.head].start.bytes === this.next.bytes) this.next = this.endOf(this.pass())
    return { at: this.next, line: 1 + this.passed }
  }

  /** Ends the record csv-parse says ends at byte `offset` (after its line break, if it has one); returns where its text ends. */
  finish(offset: number): Position {
    let last: LineBreak | undefined
    while (this.head < this.breaks.length && this.breaks[this.head].end <= offset) last = this.pass()
    if (last && last.end === offset) {
      this.next = this.endOf(last)
      return last.start
    }
    // The last record, with no line break after it.
    this.next = { bytes: this.bytes, chars: this.chars }
    return this.next
  }

  private endOf(lineBreak: LineBreak): Position {
    return { bytes: lineBreak.end, chars: lineBreak.start.chars + lineBreak.end - lineBreak.start.bytes }
  }

  private pass(): LineBreak {
    const lineBreak = this.breaks[this.head++]
    this.passed++
    if (this.head >= 1024 && this.head * 2 >= this.breaks.length) {
      this.breaks.splice(0, this.head)
      this.head = 0
    }
    return lineBreak
  }
}

/**
 * Reads CSV with csv-parse, fed bytes chunk by chunk: quoted cells may hold commas, doubled
 * quotes and line breaks; lines end with CRLF, LF or CR; blank lines are left out. Checks the
 * bytes are UTF-8 first (a leading byte-order mark is dropped) and throws CsvEncodingError at
 * the first that isn't. Each record carries the line it starts on; one longer than
 * `maxRecordChars` is reported as bad, and reading goes on after it.
 */
export class CsvTextReader {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true })
  private readonly lines = new LineBreaks()
  private readonly parser: Parser
  private first = true
  private out: CsvRow[] = []

  constructor(private readonly maxRecordChars: number) {
    this.parser = new Parser({
      bom: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      // A quote inside an unquoted cell is kept, as spreadsheets do; rows may have fewer or more cells than the header.
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // The only error left with these settings is a quote never closed; it comes to on_skip.
      skip_records_with_error: true,
      on_record: (cells: string[], info) => this.record(cells, info.bytes),
      on_skip: (error) => this.unclosed(error),
    })
  }

  write(bytes: Uint8Array, out: CsvRow[]) {
    if (this.first && bytes.length) {
      this.first = false
      const utf16 = utf16Message(bytes)
      if (utf16) throw new CsvEncodingError(utf16, 1)
    }
    this.decode(bytes, true)
    this.lines.scan(bytes)
    this.parse(out, (done) => this.parser._transform(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "utf8", done))
  }

  end(out: CsvRow[]) {
    this.decode(new Uint8Array(0), false)
    this.parse(out, (done) => this.parser._flush(done))
  }

  /** Runs the parser on what it was given; its stream methods are called directly so the records come out before this returns. */
  private parse(out: CsvRow[], run: (done: (error?: Error | null) => void) => void) {
    this.out = out
    let failure: Error | null | undefined
    run((error) => (failure = error))
    if (failure) throw failure
  }

  private record(cells: string[], end: number): null {
    const { at, line } = this.lines.start()
    const textEnd = this.lines.finish(end)
    if (textEnd.chars - at.chars > this.maxRecordChars) {
      const kb = Math.round(this.maxRecordChars / 1024)
      this.out.push({ line, error: `This row is longer than ${kb} KB, more than any customer needs; shorten its longest cell` })
    } else {
      this.out.push({ line, cells })
    }
    // Nothing is handed on to the stream side: the records went to `out`.
    return null
  }

  private unclosed(error: CsvError | undefined): undefined {
    if (error?.code !== "CSV_QUOTE_NOT_CLOSED") throw error ?? new Error("csv-parse skipped a record without saying why")
    const { at, line } = this.lines.start()
    // The quote opens the first cell, or the cell after the comma csv-parse last read.
    const quoteAt = error.index === 0 ? at.bytes : Number(error.bytes) + 1
    this.out.push({
      line,
      error: `The quote that opens a cell on line ${this.lines.lineAt(quoteAt)} is never closed, so the rest of the file was read as one cell`,
      unclosed: true,
    })
    return undefined
  }

  private decode(bytes: Uint8Array, stream: boolean) {
    try {
      this.decoder.decode(bytes, { stream })
    } catch {
      // The line of the first bad byte: the lines read so far plus the line breaks before it in this chunk.
      const lenient = new TextDecoder("utf-8").decode(bytes)
      const before = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")))
      const line = this.lines.line + (before.match(/\r\n|\r|\n/g)?.length ?? 0)
      throw new CsvEncodingError(
        `The file is not UTF-8 text (the first character that isn't is on line ${line}). In your spreadsheet choose “Save as… CSV UTF-8” and upload it again.`,
        line
      )
    }
  }
}

/** Reads a CSV stream record by record, a chunk's worth at a time. */
export async function* readCsv(stream: Readable, maxRecordChars: number): AsyncGenerator<CsvRow[]> {
  const text = new CsvTextReader(maxRecordChars)
  for await (const chunk of stream) {
    const out: CsvRow[] = []
    text.write(chunk as Buffer, out)
    if (out.length) yield out
  }
  const out: CsvRow[] = []
  text.end(out)
  if (out.length) yield out
}
