import { describe, expect, it } from 'vitest'
import { createLaunchFiles, fileArgument } from '../../../src/main/electron/launch-files'

describe('files handed to the app by the operating system', () => {
  it('finds the spreadsheet on a command line and skips Electron arguments', () => {
    expect(fileArgument(['/opt/Kravia Batch/kravia-batch', '/home/kari/mars.csv'], 'linux')).toBe(
      '/home/kari/mars.csv',
    )
    // Unpackaged: electron . --flag file
    expect(fileArgument(['/x/electron', '.', '--no-sandbox', '/tmp/a.xlsx'], 'linux')).toBe('/tmp/a.xlsx')
    expect(
      fileArgument(
        ['C:\\Program Files\\Kravia Batch\\Kravia Batch.exe', '--allow-file-access', 'C:\\x\\b.ods'],
        'win32',
      ),
    ).toBe('C:\\x\\b.ods')
  })

  it('ignores launches without a usable spreadsheet', () => {
    expect(fileArgument(['/opt/kb'], 'linux')).toBeNull()
    expect(fileArgument(['/opt/kb', '/etc/passwd'], 'linux')).toBeNull()
    expect(fileArgument(['kb.exe', '\\\\attacker\\share\\a.csv'], 'win32')).toBeNull()
    expect(fileArgument(['kb', 'relative.csv'], 'linux')).toBeNull()
  })

  it('keeps files until the page listens, then forwards new ones at once', () => {
    const emitted: string[] = []
    const files = createLaunchFiles((p) => emitted.push(p))
    files.add('/a.csv')
    files.add('/b.xlsx')
    expect(emitted).toEqual([])
    expect(files.take()).toEqual(['/a.csv', '/b.xlsx'])
    expect(files.take()).toEqual([])
    files.add('/c.ods')
    expect(emitted).toEqual(['/c.ods'])
  })
})
