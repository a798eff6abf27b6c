/** The files of the working-day test (shortlist-workday.spec.ts): made-up creators, as a user would import them. */

const TIERS: ReadonlyArray<readonly [number, string, number, number]> = [
  // rank, name, lower bound, price
  [1, 'Icons', 5_000_000, 21_500],
  [2, 'Trailblazers', 1_500_000, 32_400],
  [3, 'Influencers', 500_000, 25_700],
  [4, 'Micro Influencers', 100_000, 8_400],
  [5, 'Super Micro Influencers', 50_000, 1_500],
  [6, 'Engaged Micro Influencers', 20_000, 300],
  [7, 'Hacker Micro Influencers', 5_000, 150],
  [8, 'Newbie Micro Influencers', 0, 50],
];
const WORDS = ['studio', 'kitchen', 'travel', 'fitness', 'crafts', 'garden', 'tech', 'beauty', 'books', 'music'];
const PLATFORMS = ['instagram', 'youtube', 'tiktok', 'x'] as const;
const CAMPAIGNS = ['Spring launch', 'Summer drop', ''];
const STATUSES = ['to contact', 'contacted', 'agreed', 'delivered', 'posted', 'paid', 'declined'];

function sizeOf(followers: number): string {
  return followers < 1000 ? 'nano' : followers < 50_000 ? 'micro' : followers < 500_000 ? 'midi' : followers < 1_000_000 ? 'macro' : 'mega';
}

/** 30 creators in the shortlist's own CSV format, on two campaigns and on none. */
export function thirtyCreators(): string {
  const header =
    'campaign,platform,handle,displayName,profileUrl,followers,er,erPerView,tierRank,tierName,sizeClass,priceLow,pricePoint,priceHigh,status,agreedPrice,tags,notes';
  const lines = [header];
  for (let i = 0; i < 30; i++) {
    const followers = Math.round(3_000 * 1.3 ** i);
    const [rank, name, , price] = TIERS.find(([, , min]) => followers >= min)!;
    const er = Math.round((1.2 + ((i * 37) % 70) / 10) * 10) / 10;
    const platform = PLATFORMS[i % 4]!;
    const handle = `${WORDS[i % WORDS.length]}.${['kim', 'lee', 'sam'][i % 3]}${i}`;
    const agreed = i === 7 ? 9020 : i === 11 ? 8053 : i % 5 === 0 ? Math.round(price * 0.9) : '';
    const notes = i % 3 === 0 ? '"Asked for the media kit; replied within a day, prefers Reels and a two-week window"' : '';
    const display = i === 4 ? '' : `${WORDS[i % WORDS.length]![0]!.toUpperCase()}${WORDS[i % WORDS.length]!.slice(1)} ${['Kim', 'Lee', 'Sam'][i % 3]}`;
    lines.push(
      [CAMPAIGNS[i % 3], platform, handle, display, '', followers, er, platform === 'youtube' ? 3.1 : '', rank, name, sizeOf(followers), Math.round(price * 0.9), price, Math.round(price * 1.1), STATUSES[i % 7], agreed, i % 4 === 0 ? 'vegan; outdoor' : '', notes].join(','),
    );
  }
  return lines.join('\r\n');
}

/** A sheet from another tool: its own column names, profile addresses, statuses of its own. */
export const OTHER_TOOL_CSV = [
  'Username,Profile URL,Followers,Engagement rate,Price,Status,Comments,Labels',
  'anna.bakes,,"24,500",3.8%,$420,Reached out,Loves sourdough,food',
  ',https://www.tiktok.com/@dance_lee?lang=en,1.2M,6.1%,"$2,100",Published,,dance',
  ',youtube.com/@FernCooks,86K,2.2%,900,On hold,Back in May,food',
  'https://x.com/tech_tom,,12K,1.1%,150,Not interested,,tech',
  'mia.moves,,"48,230",2.5%,400,Booked,,fitness',
].join('\r\n');

