/**
 * The live capture's strings (`live.capture.*`), spread into lib/i18n's dictionaries like the call screens'
 * (Polish is the reference; the English map is typed from it, so a missing key is a type error).
 */
export const liveCaptureMessagesPl = {
  'live.capture.micPage.title': 'Sufler: dostęp do mikrofonu',
  'live.capture.micPage.intro':
    'Sufler nagrywa Twoją stronę rozmowy (konsultant) z mikrofonu. Wybierz „Zezwól” w oknie przeglądarki i zapamiętaj tę decyzję (nie „tylko tym razem”): ta karta zamknie się sama.',
  'live.capture.micPage.asking': 'Czekam na zgodę przeglądarki…',
  'live.capture.micPage.granted': 'Mikrofon dostępny. Możesz wrócić do Suflera.',
  'live.capture.micPage.denied':
    'Przeglądarka nie dała dostępu do mikrofonu. Zezwól na mikrofon dla Suflera w ustawieniach witryny (ikona po lewej stronie paska adresu) i spróbuj ponownie.',
  'live.capture.micPage.noDevice': 'Nie znaleziono mikrofonu. Podłącz go i spróbuj ponownie.',
  'live.capture.micPage.retry': 'Spróbuj ponownie',
  'live.capture.needsGesture': 'Kliknij ikonę Suflera na karcie spotkania (albo naciśnij tam Alt+Shift+L), aby zacząć ją nagrywać.',
  'live.capture.firefoxMicOnly':
    'Firefox nie pozwala rozszerzeniom nagrywać dźwięku innej karty: nagrywany jest tylko Twój mikrofon (strona konsultanta). Głos klienta nie jest zapisywany; aby nagrać obie strony, użyj Chrome.',
} as const satisfies Record<string, string>;

export const liveCaptureMessagesEn: Record<keyof typeof liveCaptureMessagesPl, string> = {
  'live.capture.micPage.title': 'Sufler: microphone access',
  'live.capture.micPage.intro':
    'Sufler records your side of the call (the consultant) from the microphone. Choose "Allow" in the browser\'s prompt and keep the decision (not "this time only"): this tab then closes by itself.',
  'live.capture.micPage.asking': 'Waiting for the browser\'s permission…',
  'live.capture.micPage.granted': 'Microphone available. You can go back to Sufler.',
  'live.capture.micPage.denied':
    'The browser refused the microphone. Allow it for Sufler in the site settings (the icon left of the address bar) and try again.',
  'live.capture.micPage.noDevice': 'No microphone found. Connect one and try again.',
  'live.capture.micPage.retry': 'Try again',
  'live.capture.needsGesture': 'Click the Sufler icon on the meeting tab (or press Alt+Shift+L there) to start recording it.',
  'live.capture.firefoxMicOnly':
    'Firefox does not let extensions record another tab\'s sound: only your microphone is recorded (the consultant side). The client\'s voice is not captured; use Chrome to record both sides.',
};
