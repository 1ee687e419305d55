import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { checkOpenPath } from '../../../src/main/import/open-path'

function refusal(path: string, platform: NodeJS.Platform): AppError {
  try {
    checkOpenPath(path, platform)
  } catch (e) {
    return e as AppError
  }
  throw new Error(`${path} was accepted on ${platform}`)
}

describe('paths the app may open from a drop, "Open with" or a second launch', () => {
  it.each([
    ['/home/kari/Fakturaer mars.csv', 'linux'],
    ['/Users/kari/Documents/invoices.XLSX', 'darwin'],
    ['/tmp/a.ods', 'linux'],
    ['/tmp/old.xls', 'linux'],
    ['C:\\Users\\Kari\\Documents\\fakturaer.xlsx', 'win32'],
    ['d:/exports/march.csv', 'win32'],
    ['C:\\Users\\Kari\\console.csv', 'win32'],
  ] as const)('accepts %s on %s', (path, platform) => {
    expect(checkOpenPath(path, platform)).toBe(path)
  })

  it.each([
    ['a UNC share', '\\\\fileserver\\share\\invoices.csv', 'win32', /network share/],
    ['a UNC share with forward slashes', '//fileserver/share/invoices.csv', 'win32', /network share/],
    ['a UNC path on macOS', '//fileserver/share/invoices.csv', 'darwin', /network share/],
    ['a Win32 device namespace path', '\\\\.\\COM1', 'win32', /network share or device/],
    ['a long-path device prefix', '\\\\?\\C:\\x\\a.csv', 'win32', /network share or device/],
    ['the NUL device with a spreadsheet extension', 'C:\\data\\nul.csv', 'win32', /device/],
    ['a COM port in a folder', 'C:\\COM3\\a.csv', 'win32', /device/],
    ['a reserved name with trailing dots', 'C:\\x\\aux. .xlsx', 'win32', /device/],
    ['an alternate data stream', 'C:\\x\\a.csv:hidden', 'win32', /plain file path/],
    ['a relative path', 'invoices.csv', 'linux', /full path/],
    ['a dot-relative path', '../invoices.csv', 'darwin', /full path/],
    ['a drive-relative Windows path', 'C:invoices.csv', 'win32', /full path/],
    ['a rooted path without a drive', '\\Users\\a.csv', 'win32', /full path/],
    ['a device on Linux', '/dev/zero.csv', 'linux', /device/],
    ['the proc file system', '/proc/self/environ.csv', 'linux', /device/],
    ['an executable', '/home/kari/invoices.exe', 'linux', /not a file type/],
    ['a shortcut', 'C:\\Users\\Kari\\invoices.csv.lnk', 'win32', /not a file type/],
    ['no extension', '/home/kari/invoices', 'linux', /not a file type/],
    ['a NUL byte', '/tmp/a.csv\0.exe', 'linux', /not a file path/],
  ] as const)('refuses %s', (_what, path, platform, message) => {
    const e = refusal(path, platform)
    expect(e).toBeInstanceOf(AppError)
    expect(e.message).toMatch(message)
    expect(e.options.message_nb).toBeTruthy()
  })
})
