/**
 * Outlet names as a desk files them. Korean outlets are written many ways
 * (Hangul, romanised, with or without "The"); each maps to one English name,
 * and knowing an outlet is Korean tells the date reader to assume KST.
 */
type Outlet = { name: string; korean: boolean; aliases: string[]; domains: string[] };

const OUTLETS: Outlet[] = [
  { name: "Kyunghyang Shinmun", korean: true, aliases: ["경향신문", "경향", "kyunghyang", "the kyunghyang shinmun"], domains: ["khan.co.kr"] },
  { name: "Korea JoongAng Daily", korean: true, aliases: ["코리아중앙데일리", "joongang daily", "korea joongang daily", "koreajoongangdaily"], domains: ["koreajoongangdaily.joins.com"] },
  { name: "JoongAng Ilbo", korean: true, aliases: ["중앙일보", "joongang ilbo", "the joongang ilbo", "joongang"], domains: ["joongang.co.kr", "joins.com"] },
  { name: "Yonhap News Agency", korean: true, aliases: ["연합뉴스", "yonhap", "yonhap news", "yonhap news agency", "연합"], domains: ["yna.co.kr", "yonhapnews.co.kr"] },
  { name: "Chosun Ilbo", korean: true, aliases: ["조선일보", "chosun ilbo", "the chosun ilbo", "chosun"], domains: ["chosun.com"] },
  { name: "Dong-A Ilbo", korean: true, aliases: ["동아일보", "dong-a ilbo", "the dong-a ilbo", "donga ilbo"], domains: ["donga.com"] },
  { name: "Hankyoreh", korean: true, aliases: ["한겨레", "한겨레신문", "hankyoreh", "the hankyoreh"], domains: ["hani.co.kr"] },
  { name: "Hankook Ilbo", korean: true, aliases: ["한국일보", "hankook ilbo", "the hankook ilbo"], domains: ["hankookilbo.com"] },
  { name: "Newsis", korean: true, aliases: ["뉴시스", "newsis"], domains: ["newsis.com"] },
  { name: "News1", korean: true, aliases: ["뉴스1", "news1", "news 1", "news1 korea"], domains: ["news1.kr"] },
  { name: "KBS", korean: true, aliases: ["kbs", "한국방송", "한국방송공사", "kbs world"], domains: ["kbs.co.kr"] },
  { name: "MBC", korean: true, aliases: ["mbc", "문화방송"], domains: ["imbc.com"] },
  { name: "SBS", korean: true, aliases: ["sbs", "에스비에스"], domains: ["sbs.co.kr"] },
  { name: "Korea Herald", korean: true, aliases: ["코리아헤럴드", "korea herald", "the korea herald"], domains: ["koreaherald.com"] },
  { name: "Korea Times", korean: true, aliases: ["코리아타임스", "korea times", "the korea times"], domains: ["koreatimes.co.kr"] },
  { name: "Reuters", korean: false, aliases: ["reuters", "thomson reuters"], domains: ["reuters.com"] },
  { name: "Associated Press", korean: false, aliases: ["ap", "the associated press", "associated press"], domains: ["apnews.com"] },
  { name: "AFP", korean: false, aliases: ["afp", "agence france-presse", "agence france presse"], domains: ["afp.com"] },
];

const byAlias = new Map<string, Outlet>();
for (const outlet of OUTLETS) {
  byAlias.set(outlet.name.toLowerCase(), outlet);
  for (const alias of outlet.aliases) byAlias.set(alias, outlet);
}

function key(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").replace(/[.,;:]+$/, "").toLowerCase();
}

/** The desk's name for an outlet; a name the map does not know is kept as written. */
export function canonicalOutlet(name: string | null | undefined): string | null {
  if (!name) return null;
  const cleaned = name.normalize("NFC").trim().replace(/\s+/g, " ").replace(/[.,;:]+$/, "");
  if (!cleaned) return null;
  return byAlias.get(key(cleaned))?.name ?? cleaned;
}

/** An outlet the map knows by this very name ("Yonhap News Agency", "연합뉴스", "Reuters"). */
export function isKnownOutlet(name: string | null | undefined): boolean {
  return !!name && byAlias.has(key(name));
}

export function isKoreanOutlet(name: string | null | undefined): boolean {
  return !!name && !!byAlias.get(key(name))?.korean;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** A known outlet from a URL's host ("english.khan.co.kr" → Kyunghyang Shinmun). */
export function outletFromUrl(url: string | null | undefined): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const outlet = OUTLETS.find((o) => o.domains.some((d) => host === d || host.endsWith(`.${d}`)));
  return outlet?.name ?? null;
}

/** A ".kr" host is a Korean publisher, whose pages give local times in KST. */
export function isKoreanHost(url: string | null | undefined): boolean {
  const host = hostOf(url);
  return !!host && (host.endsWith(".kr") || isKoreanOutlet(outletFromUrl(url)));
}
