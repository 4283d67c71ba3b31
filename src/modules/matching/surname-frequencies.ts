/**
 * Relative frequencies of common surnames in the Netherlands, per 100,000 inhabitants.
 *
 * THESE ARE ESTIMATES, rounded, for weighting only. The Dutch names follow the orders of
 * magnitude of the Meertens Instituut's Nederlandse Familienamenbank (2007 counts over a
 * population of 16.4 million) as remembered, not copied from it; the names of people of
 * Turkish, Moroccan, Surinamese, Antillean, Polish, Cape Verdean, Chinese, Vietnamese,
 * Syrian, Afghan, Somali and Eritrean origin are estimated from the size of each group in
 * the Netherlands (CBS, rounded) and the name's share within that group. What matters for
 * scoring is the order of magnitude: agreeing on "de Jong" (about 1 in 190 people) is weak
 * evidence, agreeing on a name below this table (under about 1 in 100,000) is strong.
 * Replace with registry counts when a region has them; the format is "name per100k" lines.
 *
 * Spelling variants that share a phonetic key (de Bruijn / de Bruin) are summed when looked
 * up (score.ts), which errs on the side of a lower weight.
 */

function parse(lines: string): readonly (readonly [string, number])[] {
  return lines
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const at = line.lastIndexOf(" ");
      return [line.slice(0, at), Number(line.slice(at + 1))] as const;
    });
}

/** Dutch (per 100,000): from remembered orders of magnitude of the Meertens Instituut's Nederlandse Familienamenbank (2007 counts) divided by the 2007 population (16.4 million). */
const DUTCH = `
de Jong 528
Jansen 458
de Vries 439
van den Berg 367
van Dijk 349
Bakker 343
Janssen 336
Visser 306
Smit 282
Meijer 268
de Boer 253
Mulder 244
de Groot 238
Bos 233
Vos 213
Peters 210
Hendriks 205
van Leeuwen 198
Dekker 194
Brouwer 186
de Wit 180
Dijkstra 178
Smits 171
de Graaf 166
van der Meer 163
van der Linden 154
Kok 150
Jacobs 148
de Haan 146
Vermeulen 144
van den Heuvel 141
van der Veen 140
van den Broek 139
de Bruijn 133
de Bruin 132
van der Heijden 131
Schouten 128
van Beek 124
Willems 124
van Vliet 121
van de Ven 120
Hoekstra 119
Maas 118
Verhoeven 115
Koster 114
van Dam 114
van der Wal 113
Prins 112
Blom 112
Huisman 112
Peeters 104
de Jonge 103
Kuipers 100
van Veen 99
Post 98
Kuiper 97
Veenstra 96
Kramer 96
van den Brink 95
Scholten 93
van Wijk 92
Postma 91
Martens 89
Vink 87
de Ruiter 86
Timmermans 86
Groen 85
Gerritsen 84
Jonker 84
van Loon 84
Boer 83
van der Velde 82
Willemsen 80
Smeets 80
de Lange 79
de Vos 79
Bosch 78
van Dongen 78
Schipper 78
de Koning 77
van der Laan 76
Koning 75
van der Velden 75
Driessen 73
van Doorn 73
Hermans 73
Evers 72
van den Bosch 72
van der Meulen 71
Hofman 71
Bosman 71
Wolters 71
Sanders 70
van der Horst 70
Mol 69
Kuijpers 69
Molenaar 69
van de Pol 68
de Leeuw 67
Verbeek 67
Bouwman 66
Claassen 64
Wouters 64
Hoogendoorn 62
Vonk 62
Hoogland 61
Zijlstra 61
van Os 60
Mertens 60
Goossens 60
Huizinga 59
Dijkman 58
Kroon 58
Veldman 58
Koopman 57
Verhagen 57
van Rijn 56
Rutten 56
Lammers 55
de Jager 55
Boon 55
van Wijngaarden 54
Verbruggen 54
van Houten 53
van Rooij 53
Nieuwenhuis 53
Hoekman 52
Bijl 52
de Klerk 52
Kooiman 51
Heemskerk 51
Pronk 50
van der Zee 50
Teunissen 50
Arts 50
van der Steen 49
Zwart 49
Roos 49
Vermeer 48
Keizer 48
van Kempen 48
Bruggeman 47
van Gils 47
Verschoor 47
Aarts 47
van Zanten 46
Brands 46
van der Ploeg 46
de Wilde 45
Langeveld 45
Hoogeveen 45
Stam 44
Beekman 44
van Rossum 44
Geerts 44
Westerhof 43
van Hout 43
Schuurman 43
Baas 43
Verkerk 42
van den Bergh 42
Bleeker 42
van Gelder 42
van Ginkel 41
Hendrickx 41
Coenen 41
Janse 41
Gerrits 41
Klaassen 40
Derksen 40
Verhoef 40
Bouma 40
Boersma 40
Wiersma 39
Kooistra 39
Terpstra 39
de Haas 39
Hofstra 38
Bergsma 38
Kamphuis 38
ter Horst 37
ten Brink 37
Snijders 37
Fransen 37
Verheijen 36
Thijssen 36
Lemmens 36
Cornelissen 36
Kusters 35
Engelen 35
van Rijswijk 35
van der Hoeven 35
van der Pol 34
van der Sluis 34
Brinkman 34
Koopmans 34
de Bont 33
Bruinsma 33
Timmer 33
de Man 33
de Rooij 32
van Rooijen 32
Hoek 32
de Kok 32
Nijhuis 31
Nijland 31
Hulshof 31
Wessels 31
Rietveld 30
van Egmond 30
Pieters 30
Janssens 30
Hendriksen 30
Jansma 29
van Eijk 29
de Wolf 29
Verhulst 29
van der Berg 28
Schreuder 28
Visscher 27
Meijers 27
Wijnands 26
Schoenmakers 26
Dam 26
`;

/** Turkish (about 420,000 people of Turkish origin): share of each name among Turkish Dutch estimated from its rank in Turkey, applied to 17.9 million. */
const TURKISH = `
Yılmaz 56
Kaya 35
Demir 30
Şahin 26
Çelik 26
Yıldız 24
Yıldırım 21
Öztürk 19
Aydın 19
Özdemir 16
Arslan 16
Doğan 16
Kılıç 14
Aslan 12
Çetin 12
Kara 12
Koç 12
Kurt 12
Özkan 9
Şimşek 9
Polat 9
Korkmaz 9
Çakır 8
Karakaya 7
Erdoğan 7
Aksoy 7
Güler 7
Tekin 7
Ünal 7
Yavuz 7
Acar 7
Bulut 7
Turan 7
Keskin 7
Coşkun 7
Kaplan 7
Altun 5
Avcı 5
Bozkurt 5
Sarı 5
Erdem 5
Güneş 5
Akın 5
Özer 5
Tunç 5
Uçar 5
Karaca 5
`;

/** Moroccan (about 420,000 people of Moroccan origin, Riffian names frequent); surnames are more spread out than Turkish ones. */
const MOROCCAN = `
El Amrani 5
El Idrissi 4
El Khattabi 4
El Bakkali 4
Benali 4
Ben Ali 2
El Ouali 3
El Azzouzi 3
El Yousfi 3
El Hamdaoui 3
El Harchaoui 2
El Fassi 2
Bouzid 3
Bouali 3
Boukhari 2
Bakkali 3
Amrani 3
Azzouzi 3
Tahiri 3
Ouali 3
Haddou 2
Aarab 2
Chaoui 2
Bouchtaoui 2
Aouragh 2
Amghar 2
Ait Taleb 1
`;

/** Surinamese (about 360,000): Hindustani, Creole and Javanese names. */
const SURINAMESE = `
Ramdin 6
Ramsaran 4
Baldew 4
Sardjoe 4
Kanhai 4
Jagesar 3
Ramcharan 3
Lachman 4
Chotoe 3
Mangal 3
Ramlal 3
Soekhoe 3
Bhagwandin 2
Doekhie 2
Kalloe 2
Ramkisoen 2
Gobardhan 2
Mohan 3
Ramautar 2
Ramsoekh 2
Sitaram 2
Pinas 3
Pengel 3
Wijngaarde 2
Esajas 2
Vrede 3
Sedney 2
Linger 2
Karsters 2
Abena 2
Kasanpawiro 2
Kromodimedjo 1
Kartosen 1
`;

/** Antillean and Aruban (about 170,000). */
const ANTILLEAN = `
Martina 5
Isenia 3
Maduro 2
Rosario 3
Cijntje 3
Martis 3
Girigori 2
Winklaar 3
Janga 3
`;

/** Polish (about 200,000 residents). */
const POLISH = `
Nowak 8
Kowalski 5
Wiśniewski 4
Wójcik 4
Kowalczyk 4
Kamiński 4
Lewandowski 4
Zieliński 3
Szymański 3
Woźniak 3
Dąbrowski 3
Kozłowski 3
Jankowski 3
Mazur 3
Kwiatkowski 3
Krawczyk 3
Kaczmarek 3
Piotrowski 3
Grabowski 3
Nowakowski 2
`;

/** Cape Verdean, Portuguese, Brazilian. */
const LUSOPHONE = `
da Silva 8
dos Santos 6
Pereira 5
Lopes 5
Fernandes 4
Gomes 4
Rodrigues 4
Monteiro 3
Tavares 3
`;

/** Chinese and Vietnamese (Nguyen is borne by some 40% of Vietnamese people). */
const EAST_ASIAN = `
Nguyen 30
Tran 10
Le 8
Pham 5
Chan 8
Wong 8
Chen 8
Lin 6
Li 6
Zhang 5
Wang 5
Lam 5
Liu 4
Cheung 4
Ho 4
`;

/** Syrian, Iraqi, Afghan, Iranian, Somali, Eritrean (patronyms recorded as surnames make a few names frequent within these groups). */
const OTHER = `
Mohamed 15
Ahmed 15
Ali 15
Hassan 10
Hussein 8
Ibrahim 8
Mohammad 8
Ahmad 8
Khalil 5
Mahmoud 5
Omar 6
Osman 5
Abdi 5
Yusuf 5
Abdullah 5
Hosseini 4
Mohammadi 4
Rahimi 3
Ahmadi 3
Haidari 3
Tesfay 4
Tekle 3
Berhane 3
Haile 3
Kidane 2
Gebremariam 2
Mehari 2
`;

/** [surname as written, occurrences per 100,000 inhabitants]. */
export const SURNAME_FREQUENCIES: readonly (readonly [string, number])[] = [
  ...parse(DUTCH),
  ...parse(TURKISH),
  ...parse(MOROCCAN),
  ...parse(SURINAMESE),
  ...parse(ANTILLEAN),
  ...parse(POLISH),
  ...parse(LUSOPHONE),
  ...parse(EAST_ASIAN),
  ...parse(OTHER),
];

/** The population base of the table's numbers. */
export const SURNAME_FREQUENCY_BASE = 100_000;
