// Words that carry no meaning of their own for matching (folded). Negations are not here: they are
// read by read-polarity.ts and never dropped before it.
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the of to in on at by for from with as is are was were be been being has have had do does did this that these those it its " +
    "i we you he she they me us him her them my our your his their and or but if than then so such there here which who whom whose what " +
    "when where while about into over under again further once all any both each few other some own same too very can will would should " +
    "could may might must shall just also since until within per said says say according s t ve ll d re m one " +
    "le la les l' un une des du de d' au aux a en et ou mais donc or ni car ce cet cette ces ca c' qu' que qui quoi dont ou " +
    "je j' tu il elle on nous vous ils elles me m' te t' se s' lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre vos " +
    "est sont etait etaient ete etre a ont avait avaient avoir sera seront serait fait faire dans par pour sur avec sous chez entre vers " +
    "y sa selon dit affirme assure declare estime t-il t-elle -t-il desormais deja tout toute tous toutes cela celui celle ceux aussi " +
    "bien encore ainsi lors depuis pendant avant apres d'ici grace"
  ).split(/\s+/),
);
