import { defineStrings } from '../define'

export const map = defineStrings({
  nb: {
    title: 'TODO',
  },
  en: {
    title: 'TODO',
  },
})
