/**
 * One entry of the sentiment lexicon: a term in knowledge-pack syntax (folded, `*` = any ending,
 * several words in a row), its valence from −1 (hostile) to 1 (delighted), and the one language
 * it belongs to where the folded spelling means something else in the other ("mile").
 */
export type SentimentTerm = readonly [term: string, valence: number, only?: 'pl' | 'en'];

/**
 * The client's mood words, Polish and English. Polish stems take `*` for inflection; a Polish
 * adjective with "nie" glued on ("niezadowolony", "niewygodny") is read by the analyser as the
 * negated stem, so only the exceptions whose meaning is not a plain negation are listed
 * ("niezły" = quite good, "niesamowity" = amazing, "niestety" = unfortunately).
 */
export const SENTIMENT_LEXICON: readonly SentimentTerm[] = [
  // Polish, positive
  ['zadowol*', 0.6], ['super', 0.7], ['świetn*', 0.8], ['rewelac*', 0.9], ['rewelka', 0.8], ['genialn*', 0.9],
  ['doskonał*', 0.8], ['znakomit*', 0.8], ['wspaniał*', 0.8], ['fantastyczn*', 0.8], ['niesamowit*', 0.8],
  ['cudown*', 0.8], ['piękn*', 0.6], ['ładn*', 0.4], ['fajn*', 0.5], ['dobry', 0.4], ['dobra', 0.3], ['dobre', 0.4],
  ['dobrze', 0.4], ['dobrego', 0.4], ['dobrym', 0.4], ['dobrej', 0.4], ['spoko', 0.3], ['ok', 0.15], ['okej', 0.15],
  ['podoba*', 0.6], ['spodoba*', 0.6], ['polubi*', 0.5], ['lubi*', 0.4], ['kocha*', 0.7], ['uwielbia*', 0.8],
  ['zachwyc*', 0.9], ['zachwyt*', 0.8], ['entuzjazm*', 0.7], ['entuzjast*', 0.6], ['podekscytow*', 0.7],
  ['fascyn*', 0.7], ['imponuj*', 0.7], ['zainteresow*', 0.35], ['ciekaw*', 0.35], ['chętn*', 0.4], ['ciesz*', 0.6],
  ['radosn*', 0.6], ['radość', 0.6], ['szczęśliw*', 0.7], ['wygodn*', 0.4], ['komfortow*', 0.4], ['przyjemn*', 0.5],
  ['przekonan*', 0.4], ['przekonał*', 0.4], ['ufa*', 0.5], ['zaufani*', 0.5], ['polecam', 0.6], ['polec*', 0.5],
  ['dzięk*', 0.2], ['wdzięczn*', 0.5], ['miło', 0.5], ['miły', 0.5], ['miła', 0.5, 'pl'], ['miłe', 0.5, 'pl'],
  ['sympatyczn*', 0.4], ['profesjonaln*', 0.5], ['rzeteln*', 0.5], ['uczciw*', 0.5], ['grzeczn*', 0.4],
  ['korzystn*', 0.5], ['opłacaln*', 0.5], ['opłaca się', 0.4], ['atrakcyjn*', 0.5], ['idealn*', 0.7],
  ['perfekcyjn*', 0.8], ['bomba', 0.7], ['petarda', 0.7], ['wow', 0.6], ['ekstra', 0.6], ['odlot*', 0.6],
  ['satysfakc*', 0.6], ['niezł*', 0.5], ['niezawodn*', 0.5], ['pomocn*', 0.4], ['robi wrażenie', 0.6],
  ['w porządku', 0.3], ['nie ma problemu', 0.3], ['bez problem*', 0.3], ['sensown*', 0.3], ['tanio', 0.3],
  ['pozytywn*', 0.5], ['optymist*', 0.5], ['przyjazn*', 0.4], ['elegancko', 0.5], ['git', 0.4, 'pl'],
  // Polish, negative
  ['drogo', -0.5], ['za wysok*', -0.45], ['zbyt wysok*', -0.45], ['too high', -0.4, 'en'], ['drogie', -0.5], ['drogi', -0.3], ['drożej', -0.4], ['droższ*', -0.4], ['rozczarow*', -0.7],
  ['zawiedzion*', -0.6], ['zawiódł*', -0.6], ['zły', -0.6], ['zła', -0.6, 'pl'],
  ['źle', -0.6], ['złego', -0.6], ['złym', -0.6], ['złość*', -0.6], ['złości*', -0.6], ['wściek*', -0.8],
  ['zdenerw*', -0.7], ['denerw*', -0.6], ['nerwow*', -0.4], ['irytu*', -0.6], ['irytac*', -0.6], ['wkurz*', -0.8],
  ['wkurw*', -0.9], ['problem*', -0.4], ['kłopot*', -0.4], ['oszuk*', -0.8], ['oszust*', -0.9], ['naciąg*', -0.7],
  ['ściem*', -0.6], ['fataln*', -0.9], ['tragedi*', -0.8], ['tragiczn*', -0.8], ['beznadziej*', -0.8],
  ['okropn*', -0.8], ['straszny', -0.6], ['straszne', -0.6], ['straszna', -0.6], ['koszmar*', -0.8],
  ['masakr*', -0.7], ['dramat*', -0.6], ['porażk*', -0.7], ['żenuj*', -0.7], ['żenad*', -0.7], ['słab*', -0.5],
  ['kiepsk*', -0.6], ['gorsz*', -0.4], ['najgorsz*', -0.8], ['nie ufam', -0.7], ['nie ufa', -0.6],
  ['nieufn*', -0.6], ['obaw*', -0.4], ['boi się', -0.4], ['boją się', -0.4], ['strach*', -0.5], ['martwi*', -0.4],
  ['zmartw*', -0.5], ['niepokoj*', -0.5], ['zaniepokoj*', -0.5], ['wątpliw*', -0.3], ['wątpi*', -0.3],
  ['sceptyczn*', -0.3], ['niepewn*', -0.3], ['nudn*', -0.4], ['niezadowol*', -0.7], ['reklamac*', -0.4],
  ['skarg*', -0.5], ['narzeka*', -0.5], ['żału*', -0.4], ['szkoda', -0.3], ['niestety', -0.3], ['awari*', -0.4],
  ['psuj*', -0.5], ['zepsu*', -0.5], ['usterk*', -0.4], ['bubel', -0.8], ['szajs', -0.9], ['syf', -0.8],
  ['chamsk*', -0.8], ['bezczeln*', -0.8], ['strata czasu', -0.7], ['szkoda czasu', -0.6], ['bez sensu', -0.5],
  ['nie ma mowy', -0.5], ['zdzierstw*', -0.8], ['rozbój', -0.8], ['przepłac*', -0.5], ['zmęczon*', -0.4],
  ['nie polecam', -0.7], ['odradza*', -0.5], ['złodziej*', -0.9], ['kpin*', -0.7], ['absurd*', -0.6],
  ['nachaln*', -0.6], ['natarczyw*', -0.6], ['zniechęc*', -0.6], ['obrażon*', -0.7], ['smutn*', -0.5],
  ['przykr*', -0.5], ['negatywn*', -0.5], ['pesymist*', -0.4], ['ryzyk*', -0.3], ['stres*', -0.5],
  // English, positive
  ['happy', 0.6], ['glad', 0.5], ['pleased', 0.6], ['satisfied', 0.6], ['love', 0.8], ['loved', 0.8], ['loves', 0.8],
  ['lovely', 0.7], ['liked', 0.4], ['likes', 0.4], ['great', 0.7], ['excellent', 0.8], ['amazing', 0.8],
  ['awesome', 0.8], ['fantastic', 0.8], ['wonderful', 0.8], ['perfect', 0.8], ['brilliant', 0.8],
  ['impressive', 0.7], ['impressed', 0.7], ['excited', 0.7], ['exciting', 0.6], ['enthusiastic', 0.7],
  ['thrilled', 0.8], ['delighted', 0.8], ['nice', 0.4], ['good', 0.4], ['fine', 0.2, 'en'], ['okay', 0.15],
  ['cool', 0.4], ['comfortable', 0.4], ['convinced', 0.4], ['trust', 0.5], ['trusts', 0.5], ['reliable', 0.4],
  ['recommend*', 0.5], ['thank*', 0.4], ['helpful', 0.5], ['interested', 0.35], ['keen', 0.5], ['eager', 0.5],
  ['enjoy*', 0.6], ['fun', 0.4], ['beautiful', 0.6], ['best', 0.5], ['worth it', 0.4], ['fair', 0.3, 'en'],
  ['reasonable', 0.3], ['affordable', 0.4], ['superb', 0.8], ['stunning', 0.7], ['favourite', 0.5],
  ['favorite', 0.5], ['no problem', 0.3], ['looking forward', 0.6],
  // English, negative
  ['expensive', -0.5], ['overpriced', -0.7], ['pricey', -0.4], ['costly', -0.4], ['disappoint*', -0.7],
  ['unhappy', -0.6], ['angry', -0.7], ['annoy*', -0.6], ['irritat*', -0.6], ['frustrat*', -0.7], ['upset', -0.6],
  ['furious', -0.9], ['bad', -0.5], ['terrible', -0.8], ['awful', -0.8], ['horrible', -0.8], ['worst', -0.8],
  ['worse', -0.5], ['poor', -0.5], ['problem', -0.4], ['problems', -0.4], ['issue', -0.3], ['issues', -0.3],
  ['worried', -0.4], ['worries', -0.4], ['worry', -0.4], ['concerned', -0.3], ['concerns', -0.3], ['afraid', -0.5],
  ['scared', -0.5], ['fear*', -0.4], ['doubt*', -0.3], ['sceptic*', -0.3], ['skeptic*', -0.3], ['distrust*', -0.7],
  ['mistrust*', -0.7], ['suspicious', -0.5], ['scam*', -0.9], ['rip off', -0.8], ['cheat*', -0.8], ['lying', -0.6],
  ['pushy', -0.6], ['rude', -0.7], ['useless', -0.7], ['waste of time', -0.7], ['waste', -0.5], ['boring', -0.4],
  ['hate*', -0.8], ['dislike*', -0.5], ['unfortunately', -0.3], ['sadly', -0.3], ['complain*', -0.5],
  ['hassle', -0.4], ['unreliable', -0.5], ['broken', -0.4], ['ridiculous', -0.6], ['absurd', -0.6],
  ['disgust*', -0.8], ['fed up', -0.6], ['unfair', -0.5], ['not worth', -0.5], ['no way', -0.5, 'en'],
  ['nervous', -0.4], ['stressed', -0.5], ['confusing', -0.3], ['confused', -0.3],
  // Spoken calls (issue 5): what clients say on the phone more than what reps write in notes.
  // Hesitation is only slightly negative: it should tilt a line, not make it a complaint. "Zastanowi
  // się" stays out: notes use it for a delay (a signal of its own), and the call analyser reads it
  // as a hesitation cue instead.
  ['nie wiem', -0.15], ['nie jestem pewn*', -0.2],
  ['skandal*', -0.8], ['niedopuszczaln*', -0.7], ['nie do przyjęcia', -0.7], ['drożyzn*', -0.6], ['wstyd*', -0.6],
  ['jakiś żart', -0.6], ['interesuj*', 0.35], ['pasuj*', 0.3], ['biorę', 0.4], ['jestem na tak', 0.6],
  ['scandal*', -0.8], ['outrageous', -0.8], ['unacceptable', -0.7], ['disgrace*', -0.8], ['shame', -0.4],
  ['not sure', -0.2],
  // Greetings and goodbyes open and close every call: "dobry" in them says nothing about the mood.
  ['dzień dobry', 0.05], ['dobry wieczór', 0.05], ['wszystkiego dobrego', 0.05], ['good morning', 0.05],
  ['good afternoon', 0.05], ['good evening', 0.05], ['good bye', 0.05],
];

/** Words that strengthen (over 1) or soften (under 1) the next mood word. */
export const SENTIMENT_MODIFIERS: Readonly<Record<string, number>> = {
  bardzo: 1.5, mega: 1.6, naprawde: 1.4, strasznie: 1.5, totalnie: 1.5, zupelnie: 1.4, kompletnie: 1.5,
  calkowicie: 1.4, absolutnie: 1.5, niezwykle: 1.5, wyjatkowo: 1.4, ogromnie: 1.6, szalenie: 1.6, potwornie: 1.6,
  niesamowicie: 1.6, za: 1.3, zbyt: 1.4, najbardziej: 1.5, tak: 1.2, very: 1.5, really: 1.4, so: 1.3,
  extremely: 1.7, totally: 1.5, absolutely: 1.5, incredibly: 1.6, highly: 1.4, too: 1.3, truly: 1.4, deeply: 1.5,
  completely: 1.5, quite: 1.2, pretty: 1.2, zdecydowanie: 1.4,
  troche: 0.6, troszke: 0.6, nieco: 0.6, lekko: 0.6, raczej: 0.7, dosc: 0.8, dosyc: 0.8, slightly: 0.6,
  somewhat: 0.6, bit: 0.6, little: 0.6, kinda: 0.7, fairly: 0.8, rather: 0.8,
};

/** Words that open a clause that outweighs the one before ("podoba mu się, ale za drogo"). */
export const SENTIMENT_CONTRASTS: ReadonlySet<string> = new Set(['ale', 'lecz', 'jednak', 'but', 'however', 'though', 'although']);
