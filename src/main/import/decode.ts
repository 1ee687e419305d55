import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { TextEncodingName } from './types'

/** What the decoder label is for each encoding we report. */
export const DECODER_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'windows-1252': 'windows-1252',
}

/** Encoding given by a byte order mark, if any. */
export function bomEncoding(head: Uint8Array): TextEncodingName | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  return undefined
}

/**
 * UTF-16 written without a BOM shows as every other byte being zero in ASCII-heavy text.
 * Only a strong pattern counts, so a binary file is not mistaken for text.
 */
export function bomlessUtf16(head: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(head.length, 4096) & ~1
  if (n < 8) return undefined
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++
    if (head[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.02) return 'utf-16le'
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.02) return 'utf-16be'
  return undefined
}

/** Where a chunk can be cut without splitting a UTF-8 sequence (the rest is carried to the next chunk). */
function utf8Cut(buf: Uint8Array): number {
  const len = buf.length
  for (let i = len - 1; i >= Math.max(0, len - 4); i--) {
    const b = buf[i]
    if (b < 0x80) return len
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return i + need > len ? i : len
    }
  }
  return len
}

export interface ScanResult {
  sha256: string
  /** Undefined when the file has a BOM or looks like UTF-16 (no UTF-8 check was needed). */
  validUtf8?: boolean
  bytes: number
}

/**
 * One fast pass over the file: its SHA-256 and whether all of it is valid UTF-8. Done before
 * reading rows so a Windows-1252 letter on line 90,000 still decides the encoding of line 1.
 */
export async function scanFile(file: string, checkUtf8: boolean, signal?: AbortSignal): Promise<ScanResult> {
  // inspectFile and then readTable on the same unchanged file (the Read screen, `validate`) scan once.
  const st = await stat(file)
  const key = `${file}\0${st.size}\0${st.mtimeMs}\0${checkUtf8}`
  const cached = scanCache.get(key)
  if (cached) return cached
  const result = await scanOnce(file, checkUtf8, signal)
  if (!signal?.aborted) {
    if (scanCache.size >= 8) scanCache.delete(scanCache.keys().next().value as string)
    scanCache.set(key, result)
  }
  return result
}

const scanCache = new Map<string, ScanResult>()

async function scanOnce(file: string, checkUtf8: boolean, signal?: AbortSignal): Promise<ScanResult> {
  const hash = createHash('sha256')
  let valid = checkUtf8
  let carry: Buffer = Buffer.alloc(0)
  let bytes = 0
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    if (signal?.aborted) break
    const buf = chunk as Buffer
    bytes += buf.length
    hash.update(buf)
    if (!valid) continue
    const all = carry.length > 0 ? Buffer.concat([carry, buf]) : buf
    const cut = utf8Cut(all)
    if (!isUtf8(all.subarray(0, cut))) valid = false
    carry = all.subarray(cut)
  }
  if (valid && carry.length > 0) valid = false
  return { sha256: hash.digest('hex'), validUtf8: checkUtf8 ? valid : undefined, bytes }
}

/** Characters that never occur in a text table; many of them mean the file is binary. */
export function looksBinary(sample: string): boolean {
  if (sample.indexOf('\u0000') !== -1) return true
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (
      (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) ||
      (c >= 0x80 && c < 0xa0) ||
      c === 0xfffd
    ) {
      control++
    }
  }
  return control > Math.max(2, sample.length * 0.01)
}
