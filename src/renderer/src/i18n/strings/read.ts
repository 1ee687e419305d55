import { defineStrings } from '../define'

export const read = defineStrings({
  nb: {
    title: 'TODO',
  },
  en: {
    title: 'TODO',
  },
})
