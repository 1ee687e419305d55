import { defineStrings } from '../define'

export const review = defineStrings({
  nb: {
    title: 'TODO',
  },
  en: {
    title: 'TODO',
  },
})
