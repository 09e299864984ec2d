import type { Language } from '../schemas/vocabulary';
import { toWords, type Words } from './match-terms';

/**
 * Frequent Polish words, folded. Words that are also English ("a", "i", "to", "no", "on", "do",
 * "we", "by") are left out of both lists: they would vote for either language.
 */
const POLISH = new Set(
  ('w z ze na nie sie jest sa byl byla bylo beda bedzie ale lub oraz albo czy jak jako tak tez juz jeszcze tylko ' +
    'bardzo mu jej go ich jego ten ta te tym tego tej tych dla przez przy od po pod nad za u o bo bez gdy kiedy ' +
    'gdzie co kto ktory ktora ktore ktorym mi mnie sobie swoj swoje swojego chce chcial chciala chca moze musi ma ' +
    'mam maja mial miala pan pani panem pania panu klient klientka klienta klientowi auto auta autem samochod ' +
    'samochodu dzieci dziecko zona maz firma firme firmy rok roku lat lata tys zl okolo jesli jezeli wiec potem ' +
    'teraz obecnie jutro dzisiaj pytal pytala mowi powiedzial tydzien miesiaca cena drogo tanio jazda jazde probna ' +
    'rata raty decyzja decyzje jezdzi budzet oferta oferte moim zdaniem niestety troche raczej').split(' '),
);

/** Frequent English words, folded; "don't" arrives as "don" + "t". */
const ENGLISH = new Set(
  ('the and is are was were be been being of for with about from at he she they it its his her their them him ' +
    'this that these those has have had will would could should can may might wants want wanted thinks think says ' +
    'said but or if then than too very not never also just maybe next year month week wife husband kids children ' +
    'car cars client customer price budget expensive cheap decides decision interested asked what which who when ' +
    'where why how there here so because an our you your my me don doesn didn isn wasn aren won t s ll ve re ' +
    'drive drives driving currently current looking needs buy buying lease company').split(' '),
);

const POLISH_LETTERS = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/;

/**
 * Which language the note or transcript is in, for answering in kind and picking negation rules:
 * each word votes Polish (Polish letters, a frequent Polish word) or English (a frequent English
 * word). Polish wins ties and empty text: the product is Polish-first, and short Polish notes
 * written without diacritics ("klient chce auto na firme") must still read as Polish.
 */
export function detectLanguage(text: string, words: Words = toWords(text)): Language {
  let polish = 0;
  let english = 0;
  for (let i = 0; i < words.words.length; i++) {
    const word = words.words[i]!;
    if (POLISH.has(word) || POLISH_LETTERS.test(words.original[i]!)) polish++;
    if (ENGLISH.has(word)) english++;
  }
  return english > polish ? 'en' : 'pl';
}
