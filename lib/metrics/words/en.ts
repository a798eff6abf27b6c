/**
 * English words for ../content.ts: purchase intent, questions, generic and bot-like comments,
 * promo codes. Also the affiliate-link patterns, which are the same in every language (hosts and
 * URL parameters of affiliate networks and link-in-bio shops).
 */
import type { LanguageWords } from './types';

export const en: LanguageWords = {
  language: 'en',
  purchaseIntent: [
    'where can i buy', 'where can i get', 'where can i find', 'where do i buy', 'where do i get', 'where to buy', 'where to get',
    'where did you get', 'where did you buy', 'where is it from', 'where are they from', 'where is this from', 'where\'s it from',
    'link?', 'link please', 'link pls', 'link plz', 'drop the link', 'send the link', 'send me the link', 'where\'s the link', 'wheres the link', 'need the link',
    'ordered', 'just ordered', 'i ordered', 'bought', 'just bought', 'i bought', 'purchased', 'just purchased', 'added to cart', 'add to cart',
    'need this', 'need these', 'need it', 'i need one', 'want this', 'want these', 'want one', 'i want it', 'take my money', 'buying this', 'buying one',
    'how much', 'what\'s the price', 'whats the price', 'price?', 'price please', 'how much is it', 'how much does it cost', 'cost?',
    'is it available', 'do you ship', 'ship to', 'in stock', 'sold out', 'restock', 'discount code', 'promo code', 'code?', 'is there a code',
  ],
  questionStarts: [
    'how do', 'how does', 'how did', 'how can', 'how long', 'how many', 'how much', 'what is', 'what\'s the', 'whats the', 'what are', 'what do',
    'what did', 'where is', 'where are', 'where do', 'where did', 'where can', 'when is', 'when will', 'when do', 'why do', 'why does', 'why is',
    'who is', 'which one', 'is this', 'is it', 'is that', 'is there', 'are these', 'are they', 'are there', 'can you', 'can i', 'could you',
    'do you', 'does it', 'does this', 'did you', 'will you', 'will there', 'would you', 'have you', 'has anyone', 'anyone know',
  ],
  genericComments: [
    'nice', 'nice pic', 'nice photo', 'nice post', 'nice one', 'nice shot', 'nice video', 'nice content', 'nice feed',
    'great', 'great post', 'great pic', 'great photo', 'great shot', 'great content', 'great video', 'great job', 'great work',
    'good', 'good job', 'good one', 'good post', 'so good', 'very good', 'very nice', 'so nice',
    'love it', 'love this', 'loved it', 'love', 'lovely', 'i love it', 'i love this', 'love your content', 'love your feed', 'love your page',
    'amazing', 'amazing post', 'amazing pic', 'amazing content', 'awesome', 'awesome post', 'awesome pic', 'awesome content',
    'cool', 'so cool', 'very cool', 'beautiful', 'so beautiful', 'gorgeous', 'stunning', 'perfect', 'wonderful', 'fantastic', 'incredible', 'superb', 'brilliant',
    'wow', 'omg', 'yes', 'yay', 'fire', 'lit', 'goals', 'cute', 'so cute', 'adorable', 'pretty', 'wow amazing', 'wow nice', 'wow beautiful',
    'keep it up', 'keep going', 'keep posting', 'keep up the good work', 'well done', 'congrats', 'congratulations', 'first', 'hi', 'hello', 'hey',
  ],
  spamPhrases: [
    'dm us', 'dm me', 'dm to collab', 'check your dm', 'check your dms', 'check dm', 'sent you a dm', 'send us a dm', 'send a dm',
    'promote it on', 'promote on', 'send it to @', 'send pic to', 'send your pic to', 'collab with us', 'brand ambassador', 'become an ambassador',
    'follow for follow', 'follow back', 'f4f', 'l4l', 'like for like', 'check out my page', 'check my page', 'visit my page', 'free followers',
  ],
  promoCodeWords: [
    'promo code', 'promocode', 'discount code', 'coupon code', 'voucher code', 'referral code', 'affiliate code', 'use code', 'use my code',
    'with code', 'with my code', 'code word', 'enter code', 'apply code', 'checkout code',
  ],
  weakCodeWords: ['code', 'codes'],
  notCodes: [
    'is', 'at', 'in', 'for', 'to', 'and', 'or', 'the', 'a', 'an', 'my', 'your', 'below', 'above', 'here', 'link', 'bio', 'on', 'off', 'when', 'get', 'gets', 'will', 'that', 'this',
  ],
};

/**
 * Affiliate links: hosts of affiliate networks, shops' affiliate short links and link-in-bio shops,
 * and the URL parameters of affiliate tracking (`?tag=` of Amazon Associates, `?aff=`, `?ref=`…).
 * Matched in any language; a host counts when it stands as a host (after `//`, a space or the
 * start), not inside a longer name; parameters count in any URL, case-insensitively.
 */
export const AFFILIATE_HOSTS: readonly string[] = [
  'amzn.to', 'amzn.eu', 'geni.us', 'rstyle.me', 'liketk.it', 'liketoknow.it', 'shopltk.com', 'shopstyle.it', 'shopmy.us',
  'go.shopmy.us', 'howl.me', 'go.magik.ly', 'magik.ly', 'fave.co', 'click.linksynergy.com', 'linksynergy.com', 'shareasale.com', 'awin1.com',
  'anrdoezrs.net', 'dpbolvw.net', 'jdoqocy.com', 'kqzyfj.com', 'tkqlhce.com', 'prf.hn', 'go.skimresources.com', 'skimresources.com',
  'pxf.io', 'sjv.io', 'ojrq.net', 'tidd.ly', 'shop-links.co', 'bam-x.com',
];

/**
 * URL query parameters of affiliate tracking. (Amazon Associates' `tag=` counts on Amazon's own
 * hosts only, see ../content.ts: `tag` and `ref` alone are too common elsewhere.)
 */
export const AFFILIATE_PARAMS: readonly string[] = [
  'aff', 'affid', 'aff_id', 'affiliate', 'affiliate_id', 'affiliateid', 'irclickid', 'clickref', 'aff_sub', 'ranmid', 'raneaid',
  'ransiteid', 'sscid', 'awc', 'cjevent',
];
