// Generates many claims for the claims search benchmark, in SQL (INSERT ... SELECT generate_series
// in batches, GIN indexes dropped during the load and built again afterwards, as a bulk load would):
// - statements: one or two real sentence fragments of the seed articles (English or French),
//   joined by words of a varied vocabulary drawn with a Zipf-like skew (a few words are in many
//   claims, most in few), and sometimes a figure ("12 percent", "3 milliards");
// - claimants: the seed's own speakers and first name x last name pairs, also skewed (a few people
//   make many claims, as in a newsroom's archive);
// - languages: 60% en, 35% fr, 5% und; creation times over five years.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { SEED_ARTICLE_FILES } from "@/seeds/demo-data";
import { SEED_ARTICLES_DIR } from "@/seeds/seed-demo";

export type Corpus = { en: string[]; fr: string[]; vocabularyEn: string[]; vocabularyFr: string[]; speakers: string[] };

const FRENCH_MARKERS = new Set(["les", "des", "est", "une", "pour", "dans", "avec", "qui", "que", "sur"]);

// Words of news copy beyond the seed articles' few thousand, so the vocabulary is that of an archive.
const TOPICS_EN =
  "unemployment inflation hospital hospitals vaccine vaccines budget deficit taxes immigration migrants crime police climate emissions carbon pensions wages salaries schools teachers students housing rents energy electricity nuclear gas petrol prices farmers subsidies exports imports tariffs trade growth recession debt interest rates mortgage healthcare doctors nurses waiting lists elections turnout ballots voters polls referendum parliament senate congress governor mayor minister ministers president prime opposition coalition spending cuts investment railways trains roads traffic accidents pollution water drought floods wildfires earthquake refugees asylum border wall deportations visas tourism jobs factories manufacturing steel coal mining oil reserves pipeline sanctions embassy diplomats treaty alliance military troops soldiers defence weapons missiles drones terrorism attacks prisons sentences judges courts lawsuit fraud corruption bribes scandal investigation audit report statistics census population birth rate deaths mortality cancer obesity smoking alcohol drugs overdoses internet broadband privacy data surveillance censorship journalists newspapers television broadcaster advertising billion million thousand percent quarter third half double tripled increased decreased doubled record lowest highest since ever";
const TOPICS_FR =
  "chômage inflation hôpital hôpitaux vaccin vaccins budget déficit impôts immigration migrants délinquance police climat émissions carbone retraites salaires écoles enseignants étudiants logement loyers énergie électricité nucléaire essence prix agriculteurs subventions exportations importations droits douane croissance récession dette taux intérêt crédit santé médecins infirmières attente élections participation scrutin électeurs sondages référendum assemblée sénat député maire ministre ministres président première opposition coalition dépenses économies investissement chemins fer trains routes circulation accidents pollution eau sécheresse inondations incendies séisme réfugiés asile frontière mur expulsions visas tourisme emplois usines industrie acier charbon mines pétrole réserves oléoduc sanctions ambassade diplomates traité alliance armée troupes soldats défense armes missiles drones terrorisme attentats prisons peines juges tribunaux procès fraude corruption pots-de-vin scandale enquête audit rapport statistiques recensement population natalité décès mortalité cancer obésité tabac alcool drogues surdoses internet réseau vie privée données surveillance censure journalistes journaux télévision publicité milliards millions milliers pourcent trimestre tiers moitié doublé triplé augmenté baissé record plus bas plus haut depuis jamais";
// Endings and beginnings that make words of the same families, as an archive has them.
const SUFFIXES_EN = ["", "s", "ed", "ing", "ers", "ation", "ments", "ly", "ist", "ists", "ism", "ity", "al", "ive"];
const SUFFIXES_FR = ["", "s", "é", "ée", "ées", "ement", "ements", "ation", "ations", "iste", "istes", "isme", "ité", "aire"];
const PREFIXES_EN = ["", "", "", "re", "pre", "post", "anti", "over", "under", "inter", "non", "co"];
const PREFIXES_FR = ["", "", "", "re", "pré", "post", "anti", "sur", "sous", "inter", "non", "co"];

const FIRST_NAMES = (
  "Anne Marie Jean Pierre Michel Philippe Nathalie Isabelle Sophie Catherine Christine François Nicolas Julien Camille Léa Chloé Manon Émilie Hélène Céline " +
  "Jérôme Sébastien Stéphane Frédéric Thierry Valérie Sandrine Aurélie Benoît Gaël Loïc Noémie Zoé Agnès Inès Raphaël Mathéo " +
  "John Mary Robert Patricia Michael Jennifer William Linda David Elizabeth Richard Barbara Joseph Susan Thomas Jessica Charles Sarah Christopher Karen " +
  "Daniel Nancy Matthew Lisa Anthony Betty Mark Margaret Donald Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle Kevin Dorothy"
).split(" ");
const LAST_NAMES = (
  "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèbvre Michel García David Bertrand Roux Vincent Fournier " +
  "Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martínez Legrand Garnier Faure Rousseau Blanc Guérin Müller Henry Roussel Nicolas " +
  "Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor " +
  "Moore Jackson White Harris Thompson Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter " +
  "Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Gómez Kelly Howard Ward " +
  "Cox Díaz Richardson Wood Watson Brooks Bennett Gray James Reyes Cruz Hughes Price Myers Long Foster Sanders Ross Morales Powell Sullivan Russell Ortiz"
).split(" ");
const SEED_SPEAKERS = ["Nicolás Maduro", "Donald Trump", "John Bolton", "Mike Pompeo", "Juan Guaidó", "Sergueï Lavrov", "Elliott Abrams", "Diosdado Cabello"];

/** Sentence fragments of the seed articles (3 to 14 words between punctuation), and their words, by language. */
export async function loadCorpus(): Promise<Corpus> {
  const fragments = { en: [] as string[], fr: [] as string[] };
  const words = { en: new Set<string>(), fr: new Set<string>() };
  for (const file of SEED_ARTICLE_FILES) {
    const text = await readFile(`${SEED_ARTICLES_DIR}${file}`, "utf8");
    const tokens = text.match(/\p{L}+/gu) ?? [];
    const language = tokens.filter((word) => FRENCH_MARKERS.has(word.toLowerCase())).length > tokens.length / 40 ? "fr" : "en";
    for (const piece of text.split(/[.;:!?,()«»"“”\n]+/u)) {
      const fragment = piece.replace(/\s+/g, " ").trim();
      const count = fragment.split(" ").length;
      if (count >= 3 && count <= 14 && /\p{L}/u.test(fragment)) fragments[language].push(fragment);
    }
    for (const word of tokens) if (word.length >= 3) words[language].add(word.toLowerCase());
  }
  const vocabulary = (seed: Set<string>, topics: string, prefixes: string[], suffixes: string[]) => {
    const stems = [...topics.split(" "), ...seed];
    const out = [...stems];
    for (const prefix of prefixes) for (const stem of stems) for (const suffix of suffixes) if (prefix || suffix) out.push(prefix + stem + suffix);
    return out;
  };
  const speakers = [...SEED_SPEAKERS];
  for (let i = 0; i < FIRST_NAMES.length * LAST_NAMES.length; i++) {
    // A fixed shuffle of the pairs, so that the frequent speakers are not all "Anne Something".
    const j = (i * 7919) % (FIRST_NAMES.length * LAST_NAMES.length);
    speakers.push(`${FIRST_NAMES[j % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(j / FIRST_NAMES.length)]}`);
  }
  return {
    en: fragments.en,
    fr: fragments.fr,
    vocabularyEn: vocabulary(words.en, TOPICS_EN, PREFIXES_EN, SUFFIXES_EN),
    vocabularyFr: vocabulary(words.fr, TOPICS_FR, PREFIXES_FR, SUFFIXES_FR),
    speakers: [...new Set(speakers)],
  };
}

/** Inserts `count` claims (and verdicts on some) owned by a new editor; returns the seconds it took. */
export async function generateClaims(databaseUrl: string, count: number, log: (line: string) => void): Promise<{ seconds: number; indexSeconds: number }> {
  const started = performance.now();
  const corpus = await loadCorpus();
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "claimwork-bench-claims-search" });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query("SET jit = off"); // compiling the insert's expressions cost more than running them
    const author = await client.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, role, updated_at)
       VALUES ('bench-claims-search@example.org', 'Bench editor', 'x', 'editor', now())
       ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id`,
    );
    const authorId = author.rows[0]!.id;
    const ginIndexes = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = 'claims' AND indexdef LIKE '% USING gin %'`,
    );
    for (const index of ginIndexes.rows) await client.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
    // The lists go into temporary tables keyed by position: subscripting a long text[] walks it from its
    // start at every access, an index lookup does not.
    await client.query(`CREATE TEMPORARY TABLE bench_list (list text, i int, item text, PRIMARY KEY (list, i))`);
    const lists: Record<string, string[]> = {
      "fragments:en": corpus.en, "fragments:fr": corpus.fr, "fragments:und": corpus.en,
      "vocabulary:en": corpus.vocabularyEn, "vocabulary:fr": corpus.vocabularyFr, "vocabulary:und": corpus.vocabularyEn,
      speakers: corpus.speakers,
    };
    for (const [list, items] of Object.entries(lists)) {
      await client.query(`INSERT INTO bench_list SELECT $1, i, item FROM unnest($2::text[]) WITH ORDINALITY AS u(item, i)`, [list, items]);
    }
    await client.query("ANALYZE bench_list");
    const sizes = Object.fromEntries(Object.entries(lists).map(([list, items]) => [list, items.length]));
    await client.query("SELECT setseed(0.17)");
    const batch = 50_000;
    const existing = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM claims");
    for (let done = existing.rows[0]!.n; done < count; done += batch) {
      const size = Math.min(batch, count - done);
      // `WHERE g > 0` in the subqueries ties them to the row, so PostgreSQL draws new values per row
      // (and `n * 0` makes string_agg an aggregate of its own subquery, not of the outer query).
      // power(random(), k) skews a draw towards the start of a list: a Zipf-like frequency.
      await client.query(
        `WITH picks AS MATERIALIZED (
           SELECT g, lang, now() - random() * interval '5 years' AS at,
                  CASE lang WHEN 'fr' THEN $2::int ELSE $1::int END AS fragments,
                  CASE lang WHEN 'fr' THEN $4::int ELSE $3::int END AS vocabulary,
                  random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
             FROM generate_series($7::int, $8::int) AS g,
                  LATERAL (SELECT CASE WHEN random() < 0.60 THEN 'en' WHEN random() < 0.875 THEN 'fr' ELSE 'und' END AS lang WHERE g > 0) AS pick
         )
         INSERT INTO claims (statement, claimant, language, tags, claimed_at, created_by_id, created_at, updated_at)
         SELECT concat_ws(' ',
                  (SELECT item FROM bench_list WHERE list = 'fragments:' || p.lang AND i = 1 + floor(p.r1 * p.fragments)::int),
                  (SELECT string_agg((SELECT b.item FROM bench_list b WHERE b.list = 'vocabulary:' || p.lang AND b.i = ks.k), ' ')
                     FROM (SELECT n, 1 + floor(power(random(), 2.2) * p.vocabulary)::int AS k FROM generate_series(1, 1 + (p.g % 4)) AS n) AS ks),
                  CASE WHEN p.r2 < 0.5 THEN (SELECT item FROM bench_list WHERE list = 'fragments:' || p.lang AND i = 1 + floor(p.r3 * p.fragments)::int) END,
                  CASE WHEN p.r4 < 0.25 THEN (1 + floor(p.r4 * 380))::text || CASE WHEN p.lang = 'fr' THEN ' pour cent' ELSE ' percent' END END),
                (SELECT item FROM bench_list WHERE list = 'speakers' AND i = 1 + floor(power(p.r5, 3) * $5::int)::int),
                p.lang,
                CASE WHEN p.r6 < 0.3
                     THEN ARRAY[(SELECT item FROM bench_list WHERE list = 'vocabulary:' || p.lang AND i = 1 + floor(p.r6 * 600)::int)]
                     ELSE ARRAY[]::text[] END,
                date '2019-01-01' + ((p.g::bigint * 7919) % 2500)::int,
                $6::uuid, p.at, p.at
           FROM picks p`,
        [sizes["fragments:en"], sizes["fragments:fr"], sizes["vocabulary:en"], sizes["vocabulary:fr"], sizes.speakers, authorId, done + 1, done + size],
      );
      log(`  ${(done + size).toLocaleString("en")} claims inserted (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    const indexStarted = performance.now();
    for (const index of ginIndexes.rows) await client.query(index.definition);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    // Verdicts on some claims, for the filters and the page's badges: 8% drafts.
    await client.query(
      `INSERT INTO verdicts (claim_id, status, draft_headline, created_by_id, updated_at)
       SELECT c.id, 'draft', 'Draft verdict', $1::uuid, now() FROM claims c WHERE random() < 0.08`,
      [authorId],
    );
    await client.query("VACUUM (ANALYZE) claims, verdicts, claimwork_search.words");
    return { seconds: (performance.now() - started) / 1000, indexSeconds };
  } finally {
    await client.end().catch(() => {});
  }
}
