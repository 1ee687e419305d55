import { defineStrings } from '../define'

export const start = defineStrings({
  nb: {
    title: 'TODO',
  },
  en: {
    title: 'TODO',
  },
})
