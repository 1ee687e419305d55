export interface GlobalOptions {
  dataDir?: string
  json: boolean
  verbose: boolean
  help: boolean
  version: boolean
  rest: string[]
}

/**
 * Pulls the global flags out of argv wherever they stand, before or after the command, so
 * `cli --data-dir X validate f.csv` and `cli validate f.csv --data-dir X` mean the same.
 */
export function parseGlobal(argv: readonly string[]): GlobalOptions {
  const out: GlobalOptions = { json: false, verbose: false, help: false, version: false, rest: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      out.rest.push(...argv.slice(i))
      break
    }
    if (a === '--json') out.json = true
    else if (a === '--verbose') out.verbose = true
    else if (a === '--help' || a === '-h') out.help = true
    else if (a === '--version' || a === '-V') out.version = true
    else if (a === '--data-dir') {
      const v = argv[i + 1]
      if (v === undefined || v.startsWith('--')) throw new Error('--data-dir needs a folder')
      out.dataDir = v
      i++
    } else if (a.startsWith('--data-dir=')) out.dataDir = a.slice('--data-dir='.length)
    else out.rest.push(a)
  }
  return out
}
