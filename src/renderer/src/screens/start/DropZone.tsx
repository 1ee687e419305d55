import { type DragEvent, useState } from 'react'
import { useOpenFile, useOpenPath } from '../../app/use-open-file'
import { useImportProgress } from '../../app/use-import-progress'
import { Button } from '../../components/Button'
import { ProgressBar } from '../../components/ProgressBar'
import { useToast } from '../../components/Toast'
import { useT } from '../../i18n/I18nProvider'

/** Drag a spreadsheet in, or open it with the native dialog (the keyboard path: Ctrl+O or the button). */
export function DropZone() {
  const t = useT()
  const toast = useToast()
  const openFile = useOpenFile()
  const openPath = useOpenPath()
  const [over, setOver] = useState(false)
  const [opening, setOpening] = useState(false)
  const progress = useImportProgress(null)
  const busy = async (open: () => Promise<void>) => {
    setOpening(true)
    try {
      await open()
    } finally {
      setOpening(false)
    }
  }

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault()
    setOver(false)
    const files = Array.from(e.dataTransfer.files)
    if (files.length !== 1) {
      toast.show({ kind: 'error', text: t('start.dropOne') })
      return
    }
    const path = window.filePaths?.getPathForFile(files[0])
    if (!path) {
      toast.show({ kind: 'error', text: t('start.dropNoPath') })
      return
    }
    void busy(() => openPath(path))
  }

  return (
    <section
      className={`dropzone${over ? ' dropzone-over' : ''}`}
      aria-labelledby="drop-title"
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id="drop-title">{t('start.dropTitle')}</h2>
      <p>{t('start.dropOr')}</p>
      <Button
        variant="primary"
        shortcut="Ctrl+O"
        disabled={opening}
        onClick={() => void busy(openFile)}
        data-testid="open-file"
      >
        {t('start.openFile')}
      </Button>
      <p className="muted">{t('start.formats')}</p>
      {opening && (
        <ProgressBar
          value={progress?.phase === 'reading' ? progress.done : 0}
          max={progress?.phase === 'reading' ? progress.total : 0}
          label={t('start.openingFile')}
        />
      )}
    </section>
  )
}
