import { writeFile } from 'node:fs/promises'
import { buildTemplate } from '../../invoice/template'
import type { AreaHandlers, HandlerContext } from './context'
import { dialogText } from './dialog-text'

/** The canonical template, written where the user chooses in the native save dialog. */
export function templateHandlers(ctx: HandlerContext): AreaHandlers<'template'> {
  return {
    'template:save': async ({ format }) => {
      const path = await ctx.dialogs.saveFile({
        title: dialogText(ctx).saveTemplate,
        defaultPath: `kravia-mal.${format}`,
        filters: [
          format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] },
        ],
      })
      if (!path) return { path: null }
      await writeFile(path, buildTemplate(format))
      return { path }
    },
  }
}
