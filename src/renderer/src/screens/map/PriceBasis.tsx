import type { MappingFieldView } from '../../../../shared/contract'
import { Button } from '../../components/Button'
import { useI18n } from '../../i18n/I18nProvider'

/**
 * Beside a price column: whether its prices are read including or excluding VAT. A header that
 * says which cannot be flipped; one that does not (`Pris`, `Beløp`) flips in one click.
 */
export function PriceBasis({
  field: f,
  onFlip,
}: {
  field: MappingFieldView
  onFlip: (field: string, basis: 'incl' | 'excl') => Promise<void>
}) {
  const { t } = useI18n()
  if (!f.basis) return null
  const { basis, stated } = f.basis
  return (
    <div className="row map-basis" data-testid={`map-basis-${f.field}`} data-basis={basis}>
      <span
        className={`tag ${basis === 'excl' ? 'tag-info' : 'tag-ok'}`}
        data-testid={`map-basis-tag-${f.field}`}
      >
        {basis === 'excl' ? t('map.basisExcl') : t('map.basisIncl')}
      </span>
      <span className="muted">{stated ? t('map.basisStated') : t('map.basisAssumed')}</span>
      {!stated && (
        <Button
          variant="ghost"
          data-testid={`map-flip-${f.field}`}
          onClick={() => void onFlip(f.field, basis === 'excl' ? 'incl' : 'excl')}
        >
          {basis === 'excl' ? t('map.readAsIncl') : t('map.readAsExcl')}
        </Button>
      )}
    </div>
  )
}
