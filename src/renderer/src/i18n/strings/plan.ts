import { defineStrings } from '../define'

export const plan = defineStrings({
  nb: {
    title: 'TODO',
  },
  en: {
    title: 'TODO',
  },
})
