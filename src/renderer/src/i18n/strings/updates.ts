import { defineStrings } from '../define'

export const updates = defineStrings({
  nb: {
    ready: 'En ny versjon ({version}) er klar.',
    install: 'Start på nytt og installer',
    later: 'Senere',
    notNow: 'Installeres når ingen kjøring sendes. Sett kjøringen på pause eller vent til den er ferdig.',
    heading: 'Oppdateringer',
    check: 'Se etter nye versjoner (høyst én gang om dagen)',
    hint: 'En ny versjon lastes ned i bakgrunnen og installeres bare når du velger det.',
    unsupported:
      'Denne utgaven oppdaterer seg ikke selv (den er ikke installert fra et installasjonsprogram).',
  },
  en: {
    ready: 'A new version ({version}) is ready.',
    install: 'Restart and install',
    later: 'Later',
    notNow: 'It installs when no batch is being sent. Pause the batch or wait until it has finished.',
    heading: 'Updates',
    check: 'Check for new versions (at most once a day)',
    hint: 'A new version downloads in the background and installs only when you choose.',
    unsupported: 'This copy does not update itself (it was not installed from an installer).',
  },
})
