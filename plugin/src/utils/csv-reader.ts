import type { Readable } from "node:stream"

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

const COMMA = 44
const QUOTE = 34
const CR = 13
const LF = 10

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the closing one, or the first of an escaped pair. */
  QuoteInQuoted,
}

/**
 * An RFC 4180 CSV reader fed text in chunks, for files too big to hold: quoted cells may hold
 * commas, doubled quotes and line breaks; lines end with CRLF, LF or CR. Each record carries
 * the physical line it starts on, counting the line breaks inside quoted cells, so reports can
 * point at the line a spreadsheet or text editor shows. A record longer than `maxRecordChars`
 * is skipped (reported as bad) without being kept in memory. Blank lines are left out.
 */
export class CsvReader {
  private line = 1
  private recordLine = 1
  private started = false
  private cells: string[] = []
  private field = ""
  private state = State.FieldStart
  private skipLineFeed = false
  private carriageReturnInQuote = false
  private quoteLine = 0
  private recordChars = 0
  private oversize = false

  constructor(private readonly maxRecordChars: number) {}

  /** Reads `text`, adding the records it completes to `out`. */
  write(text: string, out: CsvRow[]): void {
    const n = text.length
    let i = 0
    while (i < n) {
      if (this.skipLineFeed) {
        this.skipLineFeed = false
        if (text.charCodeAt(i) === LF) {
          i++
          continue
        }
      }
      const c = text.charCodeAt(i)
      if (!this.started) {
        if (c === CR || c === LF) {
          // A blank line.
          this.line++
          this.skipLineFeed = c === CR
          i++
          continue
        }
        this.started = true
        this.recordLine = this.line
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted
            this.quoteLine = this.line
            this.count(1)
            i++
            continue
          }
          this.state = State.Unquoted
        // falls through: the character starts an unquoted cell
        case State.Unquoted: {
          let j = i
          while (j < n) {
            const d = text.charCodeAt(j)
            if (d === COMMA || d === CR || d === LF) break
            j++
          }
          this.append(text, i, j)
          if (j === n) return
          i = j + 1
          this.endField()
          if (text.charCodeAt(j) === COMMA) this.count(1)
          else this.endRecord(out, text.charCodeAt(j) === CR)
          continue
        }
        case State.Quoted: {
          let j = i
          while (j < n) {
            const d = text.charCodeAt(j)
            if (d === QUOTE || d === CR || d === LF) break
            j++
          }
          if (j > i) {
            this.append(text, i, j)
            this.carriageReturnInQuote = false
          }
          if (j === n) return
          const d = text.charCodeAt(j)
          i = j + 1
          this.count(1)
          if (d === QUOTE) {
            // A CR that ends this cell does not pair with an LF that starts the next one.
            this.carriageReturnInQuote = false
            this.state = State.QuoteInQuoted
          } else {
            // A line break inside the quotes belongs to the cell (CRLF counts as one line).
            if (!(d === LF && this.carriageReturnInQuote)) this.line++
            this.carriageReturnInQuote = d === CR
            if (!this.oversize) this.field += d === CR ? "\r" : "\n"
          }
          continue
        }
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            if (!this.oversize) this.field += '"'
            this.count(1)
            this.state = State.Quoted
            this.carriageReturnInQuote = false
            i++
          } else if (c === COMMA) {
            this.endField()
            this.count(1)
            this.state = State.FieldStart
            i++
          } else if (c === CR || c === LF) {
            this.endField()
            this.endRecord(out, c === CR)
            i++
          } else {
            // Text after a closing quote (`"a"b`): kept, as spreadsheets do.
            this.state = State.Unquoted
          }
          continue
      }
    }
  }

  /** The end of the text: completes the last record (a file need not end with a line break). */
  end(out: CsvRow[]): void {
    if (!this.started) return
    if (this.state === State.Quoted) {
      out.push({
        line: this.recordLine,
        error: `The quote that opens a cell on line ${this.quoteLine} is never closed, so the rest of the file was read as one cell`,
        unclosed: true,
      })
      this.reset()
      return
    }
    this.endField()
    this.finishRecord(out)
  }

  private count(chars: number) {
    this.recordChars += chars
    if (this.recordChars > this.maxRecordChars && !this.oversize) {
      this.oversize = true
      this.cells = []
      this.field = ""
    }
  }

  private append(text: string, from: number, to: number) {
    if (to === from) return
    this.count(to - from)
    if (!this.oversize) this.field += text.slice(from, to)
  }

  private endField() {
    if (!this.oversize) this.cells.push(this.field)
    this.field = ""
    this.state = State.FieldStart
  }

  private endRecord(out: CsvRow[], carriageReturn: boolean) {
    this.finishRecord(out)
    this.line++
    this.skipLineFeed = carriageReturn
  }

  private finishRecord(out: CsvRow[]) {
    if (this.oversize) {
      const kb = Math.round(this.maxRecordChars / 1024)
      out.push({ line: this.recordLine, error: `This row is longer than ${kb} KB, more than any customer needs; shorten its longest cell` })
    } else {
      out.push({ line: this.recordLine, cells: this.cells })
    }
    this.reset()
  }

  private reset() {
    this.cells = []
    this.field = ""
    this.state = State.FieldStart
    this.started = false
    this.recordChars = 0
    this.oversize = false
    this.carriageReturnInQuote = false
  }

  /** The line the reader has reached (for an encoding error's message). */
  get currentLine() {
    return this.line
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

/**
 * Decodes UTF-8 chunk by chunk (a leading byte-order mark is dropped) and feeds a CsvReader.
 * Throws CsvEncodingError at the first byte that is not UTF-8.
 */
export class CsvTextReader {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true })
  private first = true
  readonly reader: CsvReader

  constructor(maxRecordChars: number) {
    this.reader = new CsvReader(maxRecordChars)
  }

  write(bytes: Uint8Array, out: CsvRow[]) {
    if (this.first && bytes.length) {
      this.first = false
      const utf16 = utf16Message(bytes)
      if (utf16) throw new CsvEncodingError(utf16, 1)
    }
    this.reader.write(this.decode(bytes, true), out)
  }

  end(out: CsvRow[]) {
    this.reader.write(this.decode(new Uint8Array(0), false), out)
    this.reader.end(out)
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream })
    } catch {
      // The line of the first bad byte: the lines read so far plus the line breaks before it in this chunk.
      const lenient = new TextDecoder("utf-8").decode(bytes)
      const before = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD")))
      const line = this.reader.currentLine + (before.match(/\r\n|\r|\n/g)?.length ?? 0)
      throw new CsvEncodingError(
        `The file is not UTF-8 text (the first character that isn't is on line ${line}). In your spreadsheet choose “Save as… CSV UTF-8” and upload it again.`,
        line
      )
    }
  }
}

/** Reads a CSV stream record by record, a chunk's worth at a time; memory stays at one chunk plus one record. */
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
