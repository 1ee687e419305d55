import { type DragEvent, useState } from 'react'
import { useOpenFile, useOpenPath } from '../../app/use-open-file'
import { Button } from '../../components/Button'
import { useToast } from '../../components/Toast'
import { useT } from '../../i18n/I18nProvider'

/** Drag a spreadsheet in, or open it with the native dialog (the keyboard path: Ctrl+O or the button). */
export function DropZone() {
  const t = useT()
  const toast = useToast()
  const openFile = useOpenFile()
  const openPath = useOpenPath()
  const [over, setOver] = useState(false)

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
    void openPath(path)
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
      <Button variant="primary" shortcut="Ctrl+O" onClick={() => void openFile()} data-testid="open-file">
        {t('start.openFile')}
      </Button>
      <p className="muted">{t('start.formats')}</p>
    </section>
  )
}
