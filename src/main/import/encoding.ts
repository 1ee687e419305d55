import { createReadStream } from 'node:fs'
import { bomEncoding, bomlessUtf16, scanFile } from './decode'
import { cancelled, shown } from './errors'
import type { IssueSink } from './issues'
import type { ReadHooks, ReadOptions, TextEncodingName } from './types'

export interface EncodingContext {
  file: string
  head: Uint8Array
  options: ReadOptions
  issues: IssueSink
  hooks: ReadHooks
}

export interface EncodingChoice {
  encoding: TextEncodingName
  sha256: string
  /** Decoding may produce U+FFFD (forced encoding, or UTF-8 with a few bad bytes): check rows for it. */
  lossy: boolean
}

/**
 * How much of a not-quite-UTF-8 file is real UTF-8: valid non-ASCII characters against bytes that
 * decode to U+FFFD. A Windows-1252 file has almost no valid multi-byte sequences ("ø" is one
 * invalid byte); a UTF-8 file with one pasted-in Latin-1 name has many. Reading the latter as
 * Windows-1252 would turn every "ø" into "Ã¸" (the mojibake importers are known for).
 */
async function utf8Quality(file: string): Promise<{ valid: number; invalid: number }> {
  const decoder = new TextDecoder('utf-8')
  let valid = 0
  let invalid = 0
  const count = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c < 0x80) continue
      if (c === 0xfffd) invalid++
      else valid++
    }
  }
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    count(decoder.decode(chunk as Buffer, { stream: true }))
  }
  count(decoder.decode())
  return { valid, invalid }
}

/** BOM, then BOM-less UTF-16, then a whole-file UTF-8 check; else Windows-1252 (or lossy UTF-8). */
export async function chooseEncoding(ctx: EncodingContext): Promise<EncodingChoice> {
  const forced = ctx.options.encoding
  const bom = bomEncoding(ctx.head)
  const utf16 = bom ? undefined : bomlessUtf16(ctx.head)
  const utf8ish = bom === 'utf-8-bom' || (!bom && !utf16)
  const scan = await scanFile(ctx.file, utf8ish, ctx.hooks.signal)
  if (ctx.hooks.signal?.aborted) throw cancelled(ctx.file)
  if (forced) {
    const lossy = forced === 'windows-1252' ? false : !(forced.startsWith('utf-8') && scan.validUtf8)
    return { encoding: forced, sha256: scan.sha256, lossy }
  }
  if (bom === 'utf-8-bom') return { encoding: bom, sha256: scan.sha256, lossy: !scan.validUtf8 }
  if (bom || utf16) return { encoding: bom ?? utf16 ?? 'utf-16le', sha256: scan.sha256, lossy: true }
  if (scan.validUtf8) return { encoding: 'utf-8', sha256: scan.sha256, lossy: false }
  const q = await utf8Quality(ctx.file)
  if (q.valid >= 2 * q.invalid && q.valid > 0) {
    ctx.issues.add({
      code: 'encoding_errors',
      severity: 'warning',
      line: 0,
      message: `${shown(ctx.file)} is UTF-8 but has ${q.invalid} bytes that are not; the lines with them are listed.`,
      message_nb: `${shown(ctx.file)} er UTF-8, men har ${q.invalid} byte som ikke er det; linjene med dem er listet.`,
    })
    return { encoding: 'utf-8', sha256: scan.sha256, lossy: true }
  }
  ctx.issues.add({
    code: 'encoding_fallback',
    severity: 'warning',
    line: 0,
    message: `${shown(ctx.file)} is not UTF-8; it was read as Windows-1252 (the Western European encoding of older Excel).`,
    message_nb: `${shown(ctx.file)} er ikke UTF-8; den ble lest som Windows-1252 (vesteuropeisk tegnsett fra eldre Excel).`,
  })
  return { encoding: 'windows-1252', sha256: scan.sha256, lossy: false }
}
