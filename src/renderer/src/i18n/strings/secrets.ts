import { defineStrings } from '../define'

export const secrets = defineStrings({
  nb: {
    reset: 'Tilbakestill lagrede nøkler',
    resetDone: 'Den skadde filen er lagt til side. Skriv inn nøklene for test og produksjon på nytt.',
  },
  en: {
    reset: 'Reset saved credentials',
    resetDone: 'The damaged file was set aside. Enter the test and production credentials again.',
  },
})
