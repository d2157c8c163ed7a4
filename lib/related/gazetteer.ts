/**
 * General knowledge the desk's speaker list does not hold: a capital, a seat
 * of government or a demonym stands for its country ("Moscow said", "the
 * Kremlin", "Russian troops"), and countries go by several names ("DPRK",
 * "U.S."). One entry per country or bloc; the first name is the canonical one.
 * Lookups go through nameKey, so "U.S." and "US", "Kyiv" and "kyiv" are one key.
 */
import { fastKey } from "./keys";

const ENTRIES: string[][] = [
  ["North Korea", "DPRK", "Democratic People's Republic of Korea", "Pyongyang", "North Korean", "North Koreans", "N. Korea"],
  ["South Korea", "ROK", "Republic of Korea", "Seoul", "South Korean", "South Koreans", "S. Korea"],
  ["Russia", "Russian Federation", "Moscow", "Kremlin", "Russian", "Russians"],
  ["United States", "United States of America", "U.S.", "USA", "U.S.A.", "America", "Washington", "White House", "American", "Americans"],
  ["China", "People's Republic of China", "PRC", "Beijing", "Chinese"],
  ["Japan", "Tokyo", "Japanese"],
  ["Ukraine", "Kyiv", "Kiev", "Ukrainian", "Ukrainians"],
  ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "London", "Downing Street", "British"],
  ["France", "Paris", "Elysee", "French"],
  ["Germany", "Berlin", "German", "Germans"],
  ["European Union", "EU", "E.U.", "Brussels"],
  ["Taiwan", "Taipei", "Taiwanese"],
  ["India", "New Delhi", "Indian"],
  ["Pakistan", "Islamabad", "Pakistani"],
  ["Iran", "Tehran", "Iranian"],
  ["Israel", "Jerusalem", "Israeli"],
  ["Turkey", "Türkiye", "Ankara", "Turkish"],
  ["Italy", "Rome", "Italian"],
  ["Spain", "Madrid", "Spanish"],
  ["Canada", "Ottawa", "Canadian"],
  ["Australia", "Canberra", "Australian"],
  ["Brazil", "Brasília", "Brazilian"],
  ["Mexico", "Mexico City", "Mexican"],
  ["Egypt", "Cairo", "Egyptian"],
  ["Saudi Arabia", "Riyadh", "Saudi"],
  ["Syria", "Damascus", "Syrian"],
  ["Belarus", "Minsk", "Belarusian"],
  ["Poland", "Warsaw", "Polish"],
  ["Netherlands", "Holland", "Amsterdam", "Dutch"],
  ["Vietnam", "Viet Nam", "Hanoi", "Vietnamese"],
  ["Philippines", "Manila", "Philippine", "Filipino"],
  ["Indonesia", "Jakarta", "Indonesian"],
  ["Afghanistan", "Kabul", "Afghan"],
  ["Iraq", "Baghdad", "Iraqi"],
  ["Venezuela", "Caracas", "Venezuelan"],
  ["South Africa", "Pretoria", "South African"],
  ["Nigeria", "Abuja", "Nigerian"],
  ["Switzerland", "Bern", "Swiss"],
  ["Sweden", "Stockholm", "Swedish"],
  ["NATO", "Nato", "North Atlantic Treaty Organization"],
  ["United Nations", "UN", "U.N."],
  ["Vatican", "Holy See"],
];

export const GAZETTEER_SIZE = ENTRIES.length;

/** fastKey(variant) -> canonical name; built once, fixed size. */
export const GAZETTEER: ReadonlyMap<string, string> = new Map(
  ENTRIES.flatMap((names) => names.map((n) => [fastKey(n), names[0]!] as const)),
);
