import type { ReadView } from '../../../../shared/contract'
import { useT } from '../../i18n/I18nProvider'

/** The header row and the first data rows as read, with the row numbers the user's program shows. */
export function ReadPreview({ view }: { view: ReadView }) {
  const t = useT()
  return (
    <div className="table-scroll" data-testid="read-preview">
      <table className="simple nowrap">
        <thead>
          <tr>
            <th className="num">{t('read.line')}</th>
            {view.headers.map((h, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat or be blank; position is the identity
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.preview.map((r) => (
            <tr key={r.line}>
              <td className="num muted">{r.line}</td>
              {view.headers.map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={i}>{r.cells[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
