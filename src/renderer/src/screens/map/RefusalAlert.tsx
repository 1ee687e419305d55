import type { MappingRefusal } from '../../../../shared/contract'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { useI18n } from '../../i18n/I18nProvider'

/** Why the last choice was not applied; for one column picked as both names, the full-name split to use instead. */
export function RefusalAlert({
  refusal,
  onUseFullName,
}: {
  refusal: MappingRefusal
  onUseFullName: (column: string) => void
}) {
  const { t, lang } = useI18n()
  return (
    <Alert kind="warning" title={t('map.refusedTitle')} testId="map-refusal">
      <p>{lang === 'nb' ? refusal.message_nb : refusal.message}</p>
      {refusal.offer === 'full_name' && (
        <Button data-testid="map-use-full-name" onClick={() => onUseFullName(refusal.column)}>
          {t('map.useFullName', { column: refusal.column })}
        </Button>
      )}
    </Alert>
  )
}
