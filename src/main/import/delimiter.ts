/**
 * Delimiter and line-break detection over the first part of a text table. Papa Parse's own
 * guess picks `,` for a `;` file full of decimal commas (PapaParse #290, #1042); here every
 * candidate is scored by how consistently it splits the records (quotes respected, the header
 * line included), which decimal commas cannot fake: the header has none.
 */
export const DELIMITERS = [';', '\t', ',', '|'] as const
export type Newline = '\r\n' | '\n' | '\r'

export interface SepLine {
  delimiter: string
  /** Characters the `sep=` line takes, with its line break. */
  length: number
}

/** Excel's `sep=;` first line: names the delimiter and is not part of the table. */
export function sepLine(text: string): SepLine | undefined {
  const m = /^"?sep=(.)"?(\r\n|\n|\r)/i.exec(text)
  if (!m) return undefined
  return { delimiter: m[1], length: m[0].length }
}

/** The first line break outside quotes decides the file's line break. */
export function detectNewline(text: string): Newline {
  let inQuotes = false
  let fieldStart = true
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      if (inQuotes) {
        if (text[i + 1] === '"') i++
        else inQuotes = false
      } else if (fieldStart) inQuotes = true
      fieldStart = false
      continue
    }
    if (inQuotes) continue
    if (ch === '\r') return text[i + 1] === '\n' ? '\r\n' : '\r'
    if (ch === '\n') return '\n'
    fieldStart = ch === ',' || ch === ';' || ch === '\t' || ch === '|'
  }
  return '\n'
}

/** Field counts of the first records when split by `delim` (RFC 4180 quoting, quotes open only at a field start). */
export function fieldCounts(text: string, delim: string, maxRecords = 200, complete = false): number[] {
  const counts: number[] = []
  let fields = 1
  let inQuotes = false
  let fieldStart = true
  let blank = true
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i]
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++
        else inQuotes = false
      }
      continue
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true
      fieldStart = false
      blank = false
      continue
    }
    if (ch === delim) {
      fields++
      fieldStart = true
      blank = false
      continue
    }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      if (!blank) counts.push(fields)
      fields = 1
      fieldStart = true
      blank = true
      continue
    }
    fieldStart = false
    if (ch !== ' ') blank = false
  }
  // The last record of a sample may be cut off; count it only when the text is the whole file.
  if (complete && !blank && counts.length < maxRecords) counts.push(fields)
  return counts
}

interface Score {
  delimiter: string
  consistency: number
  width: number
}

function score(text: string, delimiter: string, complete: boolean): Score {
  const counts = fieldCounts(text, delimiter, 200, complete)
  if (counts.length === 0) return { delimiter, consistency: 0, width: 1 }
  const freq = new Map<number, number>()
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1)
  let width = 1
  let best = 0
  for (const [w, f] of freq) {
    if (f > best || (f === best && w > width)) {
      width = w
      best = f
    }
  }
  return { delimiter, consistency: width > 1 ? best / counts.length : 0, width }
}

/**
 * The delimiter that splits the sample most consistently into more than one column; ties go to
 * the wider split, then to `;`, tab, `,`, `|` (Norwegian Excel writes `;`). `fallback` is used when
 * no candidate splits anything (a one-column file).
 */
export function detectDelimiter(text: string, fallback: string, complete: boolean): string {
  let best: Score | undefined
  for (const d of DELIMITERS) {
    const s = score(text, d, complete)
    if (s.consistency === 0) continue
    if (
      !best ||
      s.consistency > best.consistency + 1e-9 ||
      (Math.abs(s.consistency - best.consistency) <= 1e-9 && s.width > best.width)
    ) {
      best = s
    }
  }
  return best?.delimiter ?? fallback
}

const DECIMAL_COMMA = /^\s*-?\d{1,3}(?:[ .\u00a0]\d{3})*,\d+\s*$|^\s*-?\d+,\d+\s*$/
const DECIMAL_POINT = /^\s*-?\d{1,3}(?:[, ]\d{3})*\.\d+\s*$|^\s*-?\d+\.\d+\s*$/

/**
 * True when the sample's numbers use a decimal comma: always for `;` files (that is why Excel
 * chose `;`), else when unquoted decimal-comma numbers outnumber decimal-point ones.
 */
export function decimalCommaHint(text: string, delimiter: string): boolean {
  if (delimiter === ';') return true
  if (delimiter === ',') return false
  let comma = 0
  let point = 0
  for (const line of text.split(/\r\n|\n|\r/, 200)) {
    for (const f of line.split(delimiter)) {
      if (DECIMAL_COMMA.test(f)) comma++
      else if (DECIMAL_POINT.test(f)) point++
    }
  }
  return comma > point
}
