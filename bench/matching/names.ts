/**
 * Name material for the synthetic population (generate.ts). Our own rough figures, written
 * for this benchmark: weights are relative within each list (not counts from a register), and
 * only their order of magnitude matters. Each origin has a head of common surnames with
 * weights and a synthetic tail (tailSurname) so that, as in the real population, most people
 * bear a name few others share.
 *
 * Surnames are written as a person's documents spell them: tussenvoegsel first and in lower
 * case ("van der Berg"), diacritics as in the source language ("Yıldız", "Wiśniewski").
 */

export type Origin =
  | "dutch"
  | "turkish"
  | "moroccan"
  | "surinamese"
  | "antillean"
  | "polish"
  | "german"
  | "nordic"
  | "portuguese"
  | "arabic"
  | "afghan"
  | "somali"
  | "eritrean"
  | "chinese";

/** Share of each origin in the population (normalised when sampled). */
export const ORIGIN_SHARES: readonly (readonly [Origin, number])[] = [
  ["dutch", 0.79],
  ["turkish", 0.025],
  ["moroccan", 0.025],
  ["surinamese", 0.021],
  ["antillean", 0.008],
  ["polish", 0.014],
  ["german", 0.022],
  ["nordic", 0.003],
  ["portuguese", 0.006],
  ["arabic", 0.008],
  ["afghan", 0.003],
  ["somali", 0.002],
  ["eritrean", 0.002],
  ["chinese", 0.004],
];

/** "name weight" lines → [name, weight][]. */
function table(lines: string): [string, number][] {
  return lines
    .trim()
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const at = line.lastIndexOf(" ");
      return [line.slice(0, at), Number(line.slice(at + 1))];
    });
}

/** Names with a Zipf-like weight by position: 1/(rank + 3). */
function ranked(names: string): [string, number][] {
  return names
    .trim()
    .split(/\s*,\s*/)
    .filter((n) => n.length > 0)
    .map((n, k) => [n, 1 / (k + 3)]);
}

// ---------------------------------------------------------------------------------------------
// Surnames: the head of each origin (weights per 100,000 of that origin's people) and the share
// of that origin's people whose name comes from the head rather than the synthetic tail.
// ---------------------------------------------------------------------------------------------

const DUTCH_HEAD = table(`
de Jong 520
Jansen 450
de Vries 440
van den Berg 360
van Dijk 350
Bakker 340
Janssen 330
Visser 300
Smit 280
Meijer 270
de Boer 250
Mulder 240
de Groot 240
Bos 230
Vos 210
Peters 210
Hendriks 200
van Leeuwen 200
Dekker 190
Brouwer 190
de Wit 180
Dijkstra 180
Smits 170
de Graaf 170
van der Meer 160
van der Linden 150
Kok 150
Jacobs 150
de Haan 150
Vermeulen 140
van den Heuvel 140
van der Veen 140
van den Broek 140
de Bruijn 130
de Bruin 120
van der Heijden 130
Schouten 130
van Beek 130
Willems 130
van Vliet 120
van de Ven 120
Hoekstra 120
Maas 120
Verhoeven 120
Koster 120
van Dam 110
van der Wal 110
Prins 110
Blom 110
Huisman 110
Peeters 110
de Jonge 100
Kuipers 100
van Wijk 100
Post 100
Kuiper 100
Veenstra 100
Kramer 100
van den Brink 100
Scholten 100
van Wijngaarden 90
Martens 90
van der Vliet 90
de Ruiter 90
van Dongen 80
IJzerman 40
IJsselmuiden 20
Bijl 60
van Rooij 70
Rooijakkers 30
Reijnders 40
Schuijt 20
de Bruyn 30
Meyer 40
Huijsman 30
Brandt 60
Smid 40
Mastenbroek 40
Terhorst 30
ter Horst 50
ten Brink 50
ter Haar 40
Verschuuren 30
van 't Hof 30
in 't Veld 40
van 't Veer 20
Thijssen 50
Philips 30
Claassen 40
Hendrix 30
Bosch 40
van den Bosch 60
Visscher 30
Bouwman 60
Pauw 20
Hofstede 40
Schipper 70
Zwart 60
Goossens 60
Evers 60
Boersma 70
Wouters 70
van Veen 70
Bosman 70
`);

const TURKISH_HEAD = table(`
Yılmaz 4000
Kaya 2300
Demir 2200
Şahin 1800
Çelik 1700
Yıldız 1600
Yıldırım 1500
Öztürk 1400
Aydın 1400
Özdemir 1300
Arslan 1200
Doğan 1200
Kılıç 1000
Aslan 900
Çetin 900
Kara 900
Koç 900
Kurt 800
Özkan 700
Şimşek 700
Polat 600
Erdoğan 600
Güneş 600
Akın 500
Bulut 500
Ünal 500
Karaca 400
Korkmaz 400
Acar 400
Tekin 400
`);

const MOROCCAN_HEAD = table(`
El Amrani 900
Bouzid 700
El Idrissi 700
Benali 600
Ouali 500
Amrani 500
Ait Said 400
Bakkali 500
El Hamdaoui 400
Azzouzi 400
Chaoui 300
Boukhari 300
Tahiri 400
Ziani 300
Belhaj 300
Haddou 300
Mourabit 300
El Khattabi 400
Yousfi 300
Messaoudi 300
El Khatib 300
Bennani 200
Lamrabet 200
Aouragh 200
Achahbar 200
`);

const SURINAMESE_HEAD = table(`
Ramdin 500
Ramsaran 400
Mohan 400
Sewdien 300
Bhagwandin 300
Ramsoekh 300
Jagesar 300
Kalloe 200
Baldew 300
Gobardhan 200
Pinas 400
Sedney 200
Wijngaarde 300
Kromodjojo 200
Sarmo 200
Karijo 200
Soekhai 200
Ramcharan 300
Doekhie 200
Chotkan 200
Bisoendial 200
Tjon A Fat 100
Kanhai 300
Rambaran 200
Biharie 200
`);

const ANTILLEAN_HEAD = table(`
Martina 500
Maria 400
Isenia 300
Rosaria 300
Cijntje 200
Girigorie 200
Francisca 300
Statia 200
Juliana 200
Koeiman 200
Croes 300
Winklaar 200
de Windt 200
`);

const POLISH_HEAD = table(`
Nowak 2000
Kowalski 1200
Wiśniewski 900
Wójcik 800
Kowalczyk 800
Kamiński 700
Lewandowski 700
Zieliński 700
Szymański 700
Woźniak 600
Dąbrowski 600
Kozłowski 500
Mazur 500
Jankowski 500
Kwiatkowski 400
Krawczyk 400
Piotrowski 400
Grabowski 400
Nowakowski 300
Pawłowski 300
Michalski 300
Król 300
Wieczorek 300
Jabłoński 300
Wróbel 300
`);

const GERMAN_HEAD = table(`
Müller 1500
Schmidt 1200
Schneider 900
Fischer 800
Weber 700
Meyer 700
Wagner 600
Becker 600
Schulz 600
Hoffmann 600
Schäfer 500
Koch 500
Bauer 500
Richter 500
Klein 500
Wolf 400
Schröder 400
Neumann 400
Schwarz 400
Köhler 300
Krüger 300
Weiß 300
Günther 200
Jäger 200
Böhm 200
`);

const NORDIC_HEAD = table(`
Sørensen 900
Jørgensen 800
Møller 800
Hansen 900
Nielsen 900
Østergaard 300
Bjørnstad 200
Andersen 700
Kjær 300
Løvgren 200
Pedersen 700
`);

const PORTUGUESE_HEAD = table(`
da Silva 1200
dos Santos 900
Gonçalves 700
Lopes 700
Fernandes 600
Tavares 500
Monteiro 400
Gomes 500
Rodrigues 500
Mendes 400
Varela 300
Semedo 300
Brandão 200
Conceição 200
`);

const ARABIC_HEAD = table(`
Al Hassan 500
Alahmad 400
Al Ali 500
Haddad 400
Khalil 500
Ibrahim 600
Mahmoud 500
Hussein 500
Al Khatib 300
Darwish 300
Saleh 300
Mansour 300
`);

const AFGHAN_HEAD = table(`
Ahmadi 900
Haidari 700
Rahimi 600
Hussaini 500
Karimi 600
Sultani 400
Popal 300
Stanekzai 300
`);

const SOMALI_HEAD = table(`
Mohamed 900
Ahmed 800
Ali 800
Abdi 600
Hassan 600
Omar 500
Warsame 300
Farah 400
`);

const ERITREAN_HEAD = table(`
Tesfay 600
Kidane 500
Gebremedhin 500
Haile 600
Tesfamariam 400
Berhane 500
Ghebreyesus 400
Yohannes 500
`);

const CHINESE_HEAD = table(`
Chan 800
Wong 800
Cheung 500
Li 700
Lin 500
Zhang 600
Wang 700
Chen 700
Liu 500
Tang 300
`);

export interface OriginNames {
  head: [string, number][];
  /** Share of people whose surname comes from `head` (the rest: tailSurname). */
  headShare: number;
  /** Number of distinct tail names (the tail is Zipf-like over them). */
  tailSize: number;
  male: [string, number][];
  female: [string, number][];
  /** How many given names people of this origin typically have: [1, 2, 3] weights. */
  givenNameCounts: [number, number, number];
}

// ---------------------------------------------------------------------------------------------
// First names
// ---------------------------------------------------------------------------------------------

const DUTCH_MALE =
  ranked(`Johannes, Jan, Hendrik, Cornelis, Pieter, Willem, Gerrit, Jacob, Theodorus,
  Petrus, Adrianus, Wilhelmus, Daan, Sem, Lucas, Thomas, Bram, Ruben, Kevin, Dennis, Mark,
  Sander, Bas, Tim, Jeroen, Martijn, Thijs, Sjoerd, Joost, Rik, Stijn, Niels, Koen, Wouter,
  Gijs, Teun, Jesse, Luuk, Milan, Lars, Robin, Erik, Frank, Marcel, Peter, Hans, Kees, Henk,
  Gert, Dirk, Arjen, Freek, Maarten, Michiel, IJsbrand, Christiaan, Philip, Frederik`);

const DUTCH_FEMALE = ranked(`Maria, Anna, Johanna, Cornelia, Elisabeth, Wilhelmina, Hendrika,
  Catharina, Sanne, Lisa, Emma, Julia, Anouk, Femke, Eva, Lotte, Sophie, Iris, Fleur, Linda,
  Esther, Marieke, Ingrid, Petra, Ilse, Ellen, Kim, Laura, Sarah, Noa, Tess, Lieke, Roos,
  Annemarie, Marloes, Karin, Monique, Sandra, Bianca, Yvonne, Mirjam, Judith, Janneke, Hanneke,
  Wendy, Naomi, Demi, Britt, Jolien, Margriet, Geertruida, Aaltje, Christina, Theresia`);

const TURKISH_MALE = ranked(`Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre,
  Yusuf, Ömer, Burak, Serkan, Osman, Süleyman, Kemal, Recep, Halil, Erkan, Fatih, Şükrü, Oğuz,
  Gökhan, Çağlar, Uğur, Barış, Mert, Kerem`);

const TURKISH_FEMALE = ranked(`Fatma, Ayşe, Emine, Hatice, Zeynep, Elif, Özlem, Gül, Şeyma, Büşra,
  Merve, Sevgi, Hülya, Derya, Gülsüm, Songül, Esra, Tuğba, Şerife, Dilek, Nurcan, Kübra`);

const MOROCCAN_MALE = ranked(`Mohamed, Mohammed, Ahmed, Abdelkader, Said, Youssef, Karim, Mustapha,
  Rachid, Hassan, Khalid, Nordin, Bilal, Anouar, Abdellah, Driss, Hamid, Brahim, Omar, Ismail,
  Soufiane, Mounir, Yassine, Zakaria, Hicham, Ayoub`);

const MOROCCAN_FEMALE = ranked(`Fatima, Khadija, Naima, Malika, Samira, Nadia, Houda, Souad, Latifa,
  Loubna, Hafsa, Salma, Karima, Najat, Rachida, Zineb, Meryem, Ikram, Siham, Hanane, Aicha,
  Yasmina`);

const SURINAMESE_MALE = ranked(`Ravi, Sunil, Rajesh, Anand, Ramesh, Dinesh, Errol, Romeo, Marlon,
  Clarence, Radjendre, Soerin, Shiwan, Ricardo, Edgar, Iwan, Glenn, Roy, Sergio, Kenneth`);

const SURINAMESE_FEMALE = ranked(`Shanti, Sunita, Anita, Reshma, Priya, Gerda, Sheila, Marcia,
  Jennifer, Soenita, Nirmala, Roshni, Sharmila, Ingrid, Joyce, Cynthia, Melissa, Sandra`);

const ANTILLEAN_MALE = ranked(`Jurgen, Rignald, Eduardo, Angelo, Ruthmer, Giovanni, Jeffrey, Ronald,
  Ivan, Miguel, Shurwen, Jandino`);

const ANTILLEAN_FEMALE = ranked(`Shirley, Gisela, Esmeralda, Jacqueline, Xiomara, Naomi, Dayenne,
  Gregoria, Nathaly, Shanaira`);

const POLISH_MALE = ranked(`Piotr, Krzysztof, Tomasz, Paweł, Michał, Łukasz, Marcin, Grzegorz,
  Wojciech, Jarosław, Adam, Andrzej, Dariusz, Mariusz, Sławomir, Zbigniew, Przemysław, Jakub`);

const POLISH_FEMALE = ranked(`Agnieszka, Katarzyna, Małgorzata, Anna, Joanna, Magdalena, Ewa,
  Barbara, Dorota, Aleksandra, Beata, Monika, Elżbieta, Żaneta, Justyna, Paulina`);

const GERMAN_MALE = ranked(`Jürgen, Klaus, Stefan, Michael, Andreas, Thomas, Jörg, Uwe, Günter,
  Matthias, Sebastian, Tobias, Frank, Dieter, Ralf`);

const GERMAN_FEMALE = ranked(`Jürgen, Sabine, Petra, Andrea, Claudia, Susanne, Birgit, Jutta,
  Käthe, Ursula, Monika, Anja, Katrin, Sünje`).slice(1);

const NORDIC_MALE = ranked(`Søren, Jørgen, Lars, Anders, Bjørn, Morten, Henrik, Ole, Jens, Nils`);

const NORDIC_FEMALE = ranked(`Mette, Ingrid, Kirsten, Sigrid, Åse, Bodil, Sølvi, Karen, Astrid`);

const PORTUGUESE_MALE = ranked(`João, José, António, Manuel, Carlos, Luís, Francisco, Paulo, Jorge,
  Adilson, Nelson, Edson`);

const PORTUGUESE_FEMALE = ranked(`Maria, Ana, Conceição, Fátima, Isabel, Joana, Luísa, Márcia,
  Sónia, Vanda`);

const ARABIC_MALE = ranked(`Mohammad, Ahmad, Mahmoud, Omar, Khaled, Hussein, Ali, Mustafa, Ibrahim,
  Yousef, Abdulrahman, Bashar, Rami, Sami`);

const ARABIC_FEMALE = ranked(`Fatima, Rana, Hiba, Nour, Layla, Maryam, Rasha, Dima, Huda, Amira,
  Lina, Ghada`);

const AFGHAN_MALE = ranked(`Mohammad, Ahmad, Abdul, Nasir, Farid, Jawad, Hamid, Wahid, Zabihullah,
  Sayed`);

const AFGHAN_FEMALE = ranked(`Fatima, Maryam, Zahra, Farzana, Shabnam, Nargis, Parwana, Laila`);

const SOMALI_MALE = ranked(`Abdi, Mohamed, Ahmed, Abdirahman, Hassan, Omar, Yusuf, Abdullahi,
  Ismail, Ali`);

const SOMALI_FEMALE = ranked(`Fadumo, Hodan, Amina, Sahra, Asha, Hibaaq, Nimco, Faadumo, Ifrah`);

const ERITREAN_MALE = ranked(`Yonas, Tesfay, Dawit, Samuel, Michael, Filmon, Robel, Yohannes,
  Habtom, Senay`);

const ERITREAN_FEMALE = ranked(`Helen, Selam, Senait, Mebrat, Luwam, Rahel, Freweini, Saba`);

const CHINESE_MALE = ranked(`Wei, Jun, Ming, Kevin, Hao, Lei, Jian, Tao, Kai, Michael`);

const CHINESE_FEMALE = ranked(`Mei, Li, Ying, Xiu, Lan, Jing, Hui, Yan, Ling, Annie`);

export const ORIGINS: Readonly<Record<Origin, OriginNames>> = {
  dutch: {
    head: DUTCH_HEAD,
    headShare: 0.22,
    tailSize: 250_000,
    male: DUTCH_MALE,
    female: DUTCH_FEMALE,
    givenNameCounts: [0.3, 0.45, 0.25],
  },
  turkish: {
    head: TURKISH_HEAD,
    headShare: 0.35,
    tailSize: 6000,
    male: TURKISH_MALE,
    female: TURKISH_FEMALE,
    givenNameCounts: [0.75, 0.25, 0],
  },
  moroccan: {
    head: MOROCCAN_HEAD,
    headShare: 0.25,
    tailSize: 5000,
    male: MOROCCAN_MALE,
    female: MOROCCAN_FEMALE,
    givenNameCounts: [0.85, 0.15, 0],
  },
  surinamese: {
    head: SURINAMESE_HEAD,
    headShare: 0.2,
    tailSize: 8000,
    male: SURINAMESE_MALE,
    female: SURINAMESE_FEMALE,
    givenNameCounts: [0.4, 0.45, 0.15],
  },
  antillean: {
    head: ANTILLEAN_HEAD,
    headShare: 0.35,
    tailSize: 1500,
    male: ANTILLEAN_MALE,
    female: ANTILLEAN_FEMALE,
    givenNameCounts: [0.4, 0.45, 0.15],
  },
  polish: {
    head: POLISH_HEAD,
    headShare: 0.3,
    tailSize: 4000,
    male: POLISH_MALE,
    female: POLISH_FEMALE,
    givenNameCounts: [0.7, 0.3, 0],
  },
  german: {
    head: GERMAN_HEAD,
    headShare: 0.25,
    tailSize: 8000,
    male: GERMAN_MALE,
    female: GERMAN_FEMALE,
    givenNameCounts: [0.5, 0.4, 0.1],
  },
  nordic: {
    head: NORDIC_HEAD,
    headShare: 0.6,
    tailSize: 500,
    male: NORDIC_MALE,
    female: NORDIC_FEMALE,
    givenNameCounts: [0.5, 0.5, 0],
  },
  portuguese: {
    head: PORTUGUESE_HEAD,
    headShare: 0.6,
    tailSize: 800,
    male: PORTUGUESE_MALE,
    female: PORTUGUESE_FEMALE,
    givenNameCounts: [0.4, 0.6, 0],
  },
  arabic: {
    head: ARABIC_HEAD,
    headShare: 0.35,
    tailSize: 1500,
    male: ARABIC_MALE,
    female: ARABIC_FEMALE,
    givenNameCounts: [0.8, 0.2, 0],
  },
  afghan: {
    head: AFGHAN_HEAD,
    headShare: 0.5,
    tailSize: 600,
    male: AFGHAN_MALE,
    female: AFGHAN_FEMALE,
    givenNameCounts: [0.9, 0.1, 0],
  },
  somali: {
    head: SOMALI_HEAD,
    headShare: 0.7,
    tailSize: 300,
    male: SOMALI_MALE,
    female: SOMALI_FEMALE,
    givenNameCounts: [0.9, 0.1, 0],
  },
  eritrean: {
    head: ERITREAN_HEAD,
    headShare: 0.6,
    tailSize: 400,
    male: ERITREAN_MALE,
    female: ERITREAN_FEMALE,
    givenNameCounts: [0.9, 0.1, 0],
  },
  chinese: {
    head: CHINESE_HEAD,
    headShare: 0.85,
    tailSize: 200,
    male: CHINESE_MALE,
    female: CHINESE_FEMALE,
    givenNameCounts: [0.7, 0.3, 0],
  },
};

// ---------------------------------------------------------------------------------------------
// Synthetic tails: name k of an origin, built from morphemes (deterministic in k).
// ---------------------------------------------------------------------------------------------

const DUTCH_STEMS = `Berg Bos Brink Broek Dijk Hof Hout Kamp Veld Water Meer Beek Horst Laar Hoek
  Huis Kerk Molen Steen Wal Weg Boom Hage Rooij Linde Haar Hol Hoog Groen Wit Zwart Rood Klein
  Groot Oost West Noord Zuid Nieuw Oud Kool Mol Vis Hen Ger Wil Dirk Evert Thijs Hes Smeel Lam
  Schel Stel Ruij Heij Bruij Kuij Scheep Boer Sloot Spijk Gaal Daal Roo Leeuw Vliet Sluis Haven
  Dorp Ram Wolf Hert Kraai Zwaan Eik Esch Venn Lind Schaap Bleek Koek Stok Pauw Vinck Veer Bloem
  Hey Wey Schuur Goud Zand Klei Riet Gras Haag Kuil Wijk Kaag Loo Aa Dam Cruijs Mees Ploeg`
  .trim()
  .split(/\s+/);

const DUTCH_SUFFIXES =
  `- - - - man mans s se sen stra sma ma inga ink ing er ers ert veld berg dijk hof
  huis horst kamp beek broek hout meijer kes je jes en dal boom land ink gaard schot werf rink
  zaal molen makers kens link`
    .trim()
    .split(/\s+/);

const DUTCH_TAIL_PREFIXES: readonly (readonly [string, number])[] = [
  ["", 0.74],
  ["van", 0.07],
  ["van de", 0.03],
  ["van der", 0.035],
  ["van den", 0.03],
  ["de", 0.05],
  ["ter", 0.01],
  ["ten", 0.01],
  ["van 't", 0.005],
  ["in 't", 0.003],
  ["op de", 0.002],
  ["van het", 0.005],
];

const TURKISH_A = `Ak Kara Öz Er Gül Yıldız Ay Gök Demir Kaya Taş Bay Şen Uç Kılıç Çakır Tek Yü
  Sarı Al Bozkurt Çiçek Doğru Ağa Güven Baş Kök Tun`
  .trim()
  .split(/\s+/);
const TURKISH_B = `kaya taş türk can han oğlu soy demir el er gün ay göz yiğit ok dağ çelik
  yol sel kan alp tekin baş ağaç ışık`
  .trim()
  .split(/\s+/);

const MOROCCAN_PREFIX = ["El ", "Ben ", "Bou", "Ait ", "", "", "", "Al "];
const MOROCCAN_STEMS = `Amrani Idrissi Hamdaoui Ouali Azzouz Bakkal Chaoui Tahiri Ziani Haddou
  Mourabit Khattabi Yousfi Jaouhari Allouchi Messaoudi Bouzidi Hadji Mimouni Karroumi Farsi
  Hammouti Riffi Boujdi Achahbar Azough Bennani Lamrabet Sghir Aouragh Fassi Maati Moussaoui
  Ouardi Rahmouni Slimani Talbi Yahyaoui Zaari Laghmouchi Bouchta Chakir Dahmani Essadki`
  .trim()
  .split(/\s+/);

const SURINAMESE_A = `Ram Sew Jag Bal Gob Kal Bis Dew Mah Pers Chandr Rad Sit Har Goer Shiw Kish
  Mang Nan Bhag Soek Djam Kromo Wongso Sosro Karto Mangoen Sastro`
  .trim()
  .split(/\s+/);
const SURINAMESE_B = `din saran dien sar dew harie dial oe persad lal nath pal bali dath sing
  djo djojo redjo dikromo wirjo soemarto karijo`
  .trim()
  .split(/\s+/);

const POLISH_STEMS = `Now Kowal Wiśniew Kamiń Lewandow Zieliń Szymań Dąbrow Kozłow Jankow Kwiatkow
  Piotrow Grabow Pawłow Michal Jabłoń Wróbl Zając Król Majew Olszew Stępień Jaworsk Malinow
  Górsk Rutkow Sikorsk Baran Duda Wilk Pietrzak Walczak Sadow Bąk Chmielew Borkow Czarnec`
  .trim()
  .split(/\s+/);
const POLISH_SUFFIXES = ["ski", "ski", "ska", "icz", "ak", "czyk", "iak", "ek"];

const GERMAN_A = `Schwarz Weiß Klein Groß Ober Unter Neu Alt Hoch Tief Stein Berg Wald Feld Bach
  Mühl Kirch Brunn Hof Rosen Linden Eichen Sonnen Winter Sommer Fuchs Hahn Vogel Kön Schön`
  .trim()
  .split(/\s+/);
const GERMAN_B = `mann er berger bach feld hofer meier müller huber ner ling hardt wald bauer
  inger ke rich brand`
  .trim()
  .split(/\s+/);

const GENERIC_A = `Ab Ad Al Am An Ar As Ba Be Bo Da De Fa Ga Ha He Ka Ke Ma Me Mo Na Ne Ra Re
  Sa Se Ta Te Wa Ya Za`
  .trim()
  .split(/\s+/);
const GENERIC_B = `di du dan dar hani hari jani kari lani mani nari rani sari tani wani zai
  di mi ri si ti han lan man ran san tan`
  .trim()
  .split(/\s+/);

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

/** A 32-bit mix of k (for choosing morphemes deterministically). */
function mix(k: number, salt: number): number {
  let h = (k ^ (salt * 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function lowerFirst(s: string): string {
  return s.toLowerCase();
}

/** The k-th name of an origin's synthetic tail. */
export function tailSurname(origin: Origin, k: number): string {
  const a = mix(k, 1);
  const b = mix(k, 2);
  const c = mix(k, 3);
  switch (origin) {
    case "dutch": {
      const stem = pick(DUTCH_STEMS, a);
      const double = b % 4 === 0;
      const second = double ? lowerFirst(pick(DUTCH_STEMS, b >>> 8)) : "";
      const suffix = pick(DUTCH_SUFFIXES, c);
      const core = `${stem}${second}${suffix === "-" ? "" : suffix}`;
      let u = (c >>> 10) / 4194304;
      let prefix = "";
      for (const [p, w] of DUTCH_TAIL_PREFIXES) {
        u -= w;
        if (u < 0) {
          prefix = p;
          break;
        }
      }
      return prefix ? `${prefix} ${core}` : core;
    }
    case "turkish":
      return `${pick(TURKISH_A, a)}${b % 9 === 0 ? lowerFirst(pick(TURKISH_A, c)) : ""}${pick(TURKISH_B, b >>> 4)}`;
    case "moroccan":
      return `${pick(MOROCCAN_PREFIX, a)}${pick(MOROCCAN_STEMS, b)}${c % 5 === 0 ? "i" : ""}`;
    case "surinamese":
      return `${pick(SURINAMESE_A, a)}${pick(SURINAMESE_B, b)}`;
    case "polish":
      return `${pick(POLISH_STEMS, a)}${pick(POLISH_SUFFIXES, b)}`;
    case "german":
      return `${pick(GERMAN_A, a)}${pick(GERMAN_B, b)}`;
    default:
      return `${pick(GENERIC_A, a)}${pick(GENERIC_B, b)}${c % 3 === 0 ? pick(GENERIC_B, c >>> 3) : ""}`;
  }
}
